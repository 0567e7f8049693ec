// The socket to /ws: hello, request refs, keepalive, and reconnect with jittered backoff.
// It knows nothing about rooms; room.js decides what to do after each (re)connect.

import { codecFor, offered } from "./codec.js";

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 10_000;
const PING_EVERY_MS = 25_000;
const SILENCE_LIMIT_MS = 60_000;

// Close codes after which we try again on our own (PROTOCOL.md "Close codes").
export function shouldReconnect(code) {
  if (code >= 4000 && code <= 4499) return true;
  // 1005/1006: no close frame (network drop); 1011: server error, transient.
  return [1001, 1005, 1006, 1011, 1012, 1013].includes(code);
}

/** Plain-language reason for a close we do not recover from by ourselves. */
export function finalCloseText(code) {
  switch (code) {
    case 4501: return "Your link is not valid any more (it may have expired). Ask the facilitator for a new invite link.";
    case 4503: return "You were removed from this room.";
    case 4529: return "The connection was closed because the page sent too many requests the server could not accept.";
    case 1008: return "The server refused this connection.";
    case 1009: return "The connection was closed because a message was too large.";
    case 1000: return "The server closed the connection.";
    default: return `The connection was closed (code ${code}).`;
  }
}

export function backoffDelay(attempt) {
  // "Equal jitter": half fixed, half random, so a room full of clients does not stampede.
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  return Math.round(base / 2 + Math.random() * (base / 2));
}

export class Connection {
  /**
   * @param {object} opts
   * @param {() => string} opts.getToken  token for each hello (the personal one once we have it)
   * @param {(welcome: object) => void} opts.onWelcome
   * @param {(frame: object) => void} opts.onFrame   every frame after welcome, one at a time
   * @param {(status: object) => void} opts.onStatus {state: connecting|open|waiting|stopped, ...}
   */
  constructor({ getToken, onWelcome, onFrame, onStatus }) {
    this.getToken = getToken;
    this.onWelcome = onWelcome;
    this.onFrame = onFrame;
    this.onStatus = onStatus;
    this.ws = null;
    this.ready = false; // welcome received on the current socket
    this.attempt = 0;
    this.nextRef = 1;
    this.timer = null;
    this.pingTimer = null;
    this.lastHeard = 0;
    this.stopped = false;
    this.holdUntil = 0; // debug: keep the socket down at least this long
    this.connects = 0;
    this.codec = codecFor("");
    this._onOnline = () => { if (this.timer !== null && !this.ws) this._retryNow(); };
    window.addEventListener("online", this._onOnline);
  }

  start() {
    this.stopped = false;
    this._open();
  }

  get isOpen() {
    return this.ready && this.ws !== null && this.ws.readyState === WebSocket.OPEN;
  }

  /** Send one frame now; false when there is no usable socket (the caller keeps it). */
  send(frame) {
    if (!this.isOpen) return false;
    this.ws.send(this.codec.encode(frame));
    return true;
  }

  /** Send a frame with a fresh `ref`; returns the ref, or null when not connected. */
  request(frame) {
    const ref = this.nextRef++;
    return this.send({ ...frame, ref }) ? ref : null;
  }

  /** Stop for good (kicked, banned, left): no reconnect. */
  stop(code = 1000) {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = null;
    this._teardown(code);
  }

  /** Drop the socket as a network failure would, then recover on our own (tests, debugging). */
  drop(holdMs = 0) {
    this.holdUntil = Date.now() + holdMs;
    const ws = this.ws;
    this._teardown(4000);
    if (ws) this._closed(4000, "dropped");
  }

  // -- internals ---------------------------------------------------------------------------
  _open() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    let ws;
    try {
      ws = new WebSocket(`${scheme}//${location.host}/ws`, offered());
      ws.binaryType = "arraybuffer";
    } catch (err) {
      this._closed(1006, String(err));
      return;
    }
    this.ws = ws;
    this.ready = false;
    this.onStatus({ state: "connecting", attempt: this.attempt });
    ws.onopen = () => {
      this.lastHeard = Date.now();
      this.codec = codecFor(ws.protocol);
      ws.send(this.codec.encode({ type: "hello", token: this.getToken() }));
    };
    ws.onmessage = (event) => this._message(event.data);
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this._teardown(null);
      this._closed(event.code, event.reason);
    };
    ws.onerror = () => { /* a close event always follows */ };
  }

  _message(data) {
    this.lastHeard = Date.now();
    let parsed;
    try {
      parsed = typeof data === "string" ? JSON.parse(data) : codecFor("hearth.v1.msgpack").decode(data);
    } catch {
      console.warn("hearth: ignoring a frame that cannot be decoded");
      return;
    }
    // The server may batch frames under load: an array of frame objects.
    const frames = Array.isArray(parsed) ? parsed : [parsed];
    for (const frame of frames) {
      if (!frame || typeof frame.type !== "string") continue;
      if (!this.ready && frame.type === "welcome") {
        this.ready = true;
        this.connects += 1;
        this.onStatus({ state: "open" });
        this._startKeepalive();
        this.onWelcome(frame);
        continue;
      }
      try {
        this.onFrame(frame);
      } catch (err) {
        console.error("hearth: failed to handle a frame", frame.type, err);
      }
    }
  }

  /** The room joined successfully: the next failure starts the backoff from the bottom. */
  healthy() {
    this.attempt = 0;
  }

  _startKeepalive() {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (!this.isOpen) return;
      if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
        // Half-open connection: nothing heard for a long time. Treat as a drop.
        this.drop(0);
        return;
      }
      this.send({ type: "ping" });
    }, PING_EVERY_MS);
  }

  _teardown(code) {
    clearInterval(this.pingTimer);
    this.pingTimer = null;
    const ws = this.ws;
    this.ws = null;
    this.ready = false;
    if (ws) {
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      if (code !== null && ws.readyState <= WebSocket.OPEN) {
        try { ws.close(code === 1000 ? 1000 : 4000); } catch { /* already closing */ }
      }
    }
  }

  _closed(code, reason) {
    if (this.stopped) return;
    if (!shouldReconnect(code)) {
      this.stopped = true;
      this.onStatus({ state: "stopped", code, reason });
      return;
    }
    const delay = Math.max(backoffDelay(this.attempt), this.holdUntil - Date.now());
    this.attempt += 1;
    const at = Date.now() + delay;
    this.onStatus({ state: "waiting", code, at });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this._open(), delay);
  }

  _retryNow() {
    if (this.stopped || Date.now() < this.holdUntil) return;
    this._open();
  }
}
