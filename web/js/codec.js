// Wire formats (docs/protocol.md): MessagePack when the vendored codec loads, JSON otherwise.
// `?wire=json` in the page address forces JSON (for comparing, or for debugging by eye).

const JSON_PROTOCOL = "hearth.v1.json";
const MSGPACK_PROTOCOL = "hearth.v1.msgpack";

let msgpack = null;
if (new URLSearchParams(location.search).get("wire") !== "json") {
  try {
    msgpack = await import("/static/vendor/msgpack/index.mjs");
  } catch (err) {
    console.warn("hearth: MessagePack is not available here; using JSON", err);
  }
}

/** Subprotocols to offer, preferred first; the server takes the first it knows. */
export function offered() {
  return msgpack ? [MSGPACK_PROTOCOL, JSON_PROTOCOL] : [JSON_PROTOCOL];
}

/** The codec for what the server chose (an empty choice means JSON). */
export function codecFor(protocol) {
  if (protocol === MSGPACK_PROTOCOL && msgpack) {
    return {
      name: "msgpack",
      encode: (frame) => msgpack.encode(frame),
      decode: (data) => msgpack.decode(new Uint8Array(data)),
    };
  }
  return { name: "json", encode: (frame) => JSON.stringify(frame), decode: (data) => JSON.parse(data) };
}
