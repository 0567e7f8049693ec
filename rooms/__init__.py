"""The rooms domain: rooms, members, roles, policy and the service that acts on them.

It defines the ports it needs (`Store`, `Fanout`) and never imports Redis, Starlette or
msgpack: the server layer wires concrete adapters in.
"""
