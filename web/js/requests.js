// Requests on the socket that wait for their answer: each `ref` maps to what asked for it.

import { session } from "./session.js";

export const waiting = new Map(); // ref -> {kind, ...} for this socket

/** Send `frame` as a request and remember `meta` for its answer; false when not connected. */
export function request(frame, meta) {
  const ref = session.conn.request(frame);
  if (ref === null) return false;
  waiting.set(ref, meta);
  return true;
}

/** A request that resolves with its `ok` (or `ack`) and rejects with its `error`. */
export function ask(frame) {
  return new Promise((resolve, reject) => {
    const ref = session.conn.request(frame);
    if (ref === null) { reject({ code: "offline", message: "not connected — try again in a moment" }); return; }
    waiting.set(ref, { kind: "ask", resolve, reject });
  });
}
