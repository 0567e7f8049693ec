"""The I/O edge of Hearth: protocol, connections, hub, adapters, HTTP, command line."""
