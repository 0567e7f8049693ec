// Web Storage that never throws (disabled, full, or blocked by the browser's privacy settings).
// Everything this page keeps about a room is under a key `hearth.<kind>.<room>`.

/** `window.sessionStorage` or `window.localStorage`, or null when the browser refuses it. */
function area(which) {
  try { return window[which] || null; } catch { return null; }
}

export const roomKey = (kind, room) => `hearth.${kind}.${room}`;

export function get(which, key) {
  try { return area(which)?.getItem(key) ?? null; } catch { return null; }
}

export function set(which, key, value) {
  try { area(which)?.setItem(key, value); } catch { /* storage disabled: keep it in memory only */ }
}

export function remove(which, key) {
  try { area(which)?.removeItem(key); } catch { /* ignore */ }
}

/** Whether `key` is `hearth.<kind>.<room>` for exactly this room (room ids may contain dots). */
function isRoomKey(key, room) {
  if (!key || !key.startsWith("hearth.")) return false;
  const dot = key.indexOf(".", "hearth.".length);
  return dot > "hearth.".length && key.slice(dot + 1) === room;
}

/** Remove every key this page keeps for `room`, from both storages. */
export function removeRoomKeys(room) {
  for (const which of ["sessionStorage", "localStorage"]) {
    const storage = area(which);
    if (!storage) continue;
    try {
      const keys = [];
      for (let i = 0; i < storage.length; i += 1) keys.push(storage.key(i));
      for (const key of keys) if (isRoomKey(key, room)) storage.removeItem(key);
    } catch { /* ignore */ }
  }
}
