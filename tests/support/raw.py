"""A WebSocket client over a plain blocking socket, framed by websockets' Sans-I/O
ClientProtocol: for what a normal client cannot do on purpose — stop reading (real TCP
backpressure on the server), or put many frames into one TCP write."""

from __future__ import annotations

import socket
import time
from typing import Any

import orjson
from websockets.client import ClientProtocol
from websockets.frames import Frame, Opcode
from websockets.uri import parse_uri


class RawClient:
    def __init__(self, url: str, rcvbuf: int | None = 4096, subprotocol: str = "hearth.v1.json") -> None:
        uri = parse_uri(url)
        self.proto = ClientProtocol(uri, subprotocols=[subprotocol])  # type: ignore[list-item]
        self.sock = socket.socket()
        if rcvbuf is not None:  # before connect, so the advertised window stays small
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.sock.connect((uri.host, uri.port))
        self.sock.settimeout(10)
        self.proto.send_request(self.proto.connect())
        self._flush()
        events: list[object] = []
        while not events:
            data = self.sock.recv(65536)
            assert data, "the server closed during the handshake"
            self.proto.receive_data(data)
            events = self.proto.events_received()
        assert self.proto.handshake_exc is None, self.proto.handshake_exc

    def _flush(self) -> None:
        data = b"".join(self.proto.data_to_send())
        if data:
            self.sock.sendall(data)

    def send(self, *frames: dict[str, Any]) -> None:
        """All frames in one TCP write."""
        for frame in frames:
            self.proto.send_text(orjson.dumps(frame))
        self._flush()

    def read(self, deadline: float, enough: Any = None) -> tuple[int | None, list[Any]]:
        """Read (replying to pings) until the server closes, `enough(decoded)` is true, or the
        deadline; the close code (None if none came) and the decoded data frames."""
        decoded: list[Any] = []
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                data = self.sock.recv(1 << 20)
            except TimeoutError:
                break
            if data:
                self.proto.receive_data(data)
            else:
                self.proto.receive_eof()
            for event in self.proto.events_received():
                if isinstance(event, Frame) and event.opcode in (Opcode.TEXT, Opcode.BINARY):
                    value = orjson.loads(event.data)
                    decoded.extend(value if isinstance(value, list) else [value])
            self._flush()
            if self.proto.close_rcvd is not None or not data or (enough is not None and enough(decoded)):
                break
        close = self.proto.close_rcvd
        return (close.code if close is not None else None), decoded

    def close(self) -> None:
        self.sock.close()
