"""Choose concrete adapters from settings (the one place that knows them all).

- nothing set: the embedded default (in-memory broker and store, one process);
- `HEARTH_REDIS_URL=redis://…` or `rediss://…`: one Redis for pub/sub and state;
- `HEARTH_REDIS_CLUSTER=host:port,…` or `HEARTH_REDIS_URL=redis+cluster://host:port`:
  Redis Cluster (sharded pub/sub, every room's keys in one slot).
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.cluster import ClusterNode, RedisCluster
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff, NoBackoff

from server.broker.redis import ClusterBroker, RedisBroker
from server.runtime import Runtime
from server.settings import Settings, SettingsError
from server.store.redis import RedisStore
from server.store.redis_counters import RedisCounters

CLUSTER_SCHEMES = ("redis+cluster", "rediss+cluster")


async def build_runtime(settings: Settings) -> Runtime:
    if settings.redis_cluster or urlsplit(settings.redis_url).scheme in CLUSTER_SCHEMES:
        return _cluster_runtime(settings)
    if settings.redis_url:
        return _redis_runtime(settings)
    return Runtime.embedded(settings)


def _common(s: Settings) -> dict[str, Any]:
    """Every Redis call is bounded in time; one quick retry, then a retryable error."""
    return {
        "socket_timeout": s.redis_timeout,
        "socket_connect_timeout": s.redis_connect_timeout,
        "socket_keepalive": True,
        "retry": Retry(ExponentialBackoff(cap=0.2, base=0.02), 1),
        "health_check_interval": 10,
    }


def _subscriber_options(s: Settings) -> dict[str, Any]:
    # The reader task reconnects itself; a read waits for messages, so no socket timeout.
    return {"socket_connect_timeout": s.redis_connect_timeout, "socket_keepalive": True,
            "retry": Retry(NoBackoff(), 0), "socket_timeout": None}


def _redis_runtime(s: Settings) -> Runtime:
    # A blocking pool waits for a free connection (up to redis_timeout) instead of raising.
    pool = BlockingConnectionPool.from_url(
        s.redis_url, max_connections=s.redis_max_connections, timeout=s.redis_timeout, **_common(s)
    )
    client = Redis(connection_pool=pool)

    def subscriber() -> Redis:
        return Redis.from_url(s.redis_url, **_subscriber_options(s))

    store = RedisStore(client, presence_ttl=s.presence_ttl, history_ttl=s.history_ttl,
                       wait_replicas=s.redis_wait_replicas, wait_timeout_ms=s.redis_wait_timeout_ms)
    counters = RedisCounters(client)
    return Runtime(s, RedisBroker(client, subscriber), store, counters,
                   services=[_StoreService(store, client)])


def cluster_nodes(s: Settings) -> tuple[list[tuple[str, int]], dict[str, Any]]:
    """Start-up nodes and connection options (password, TLS) of the configured cluster."""
    options: dict[str, Any] = {}
    hosts: list[str] = list(s.redis_cluster)
    if s.redis_url:
        parts = urlsplit(s.redis_url)
        if parts.scheme in CLUSTER_SCHEMES:
            hosts += [h for h in parts.netloc.rsplit("@", 1)[-1].split(",") if h]
            if parts.password:
                options["password"] = parts.password
            if parts.username:
                options["username"] = parts.username
            if parts.scheme.startswith("rediss"):
                options["ssl"] = True
    nodes = []
    for host in hosts:
        name, _, port = host.strip().rpartition(":")
        if not name or not port.isdigit():
            raise SettingsError(f"HEARTH_REDIS_CLUSTER: expected host:port, got {host!r}")
        nodes.append((name, int(port)))
    if not nodes:
        raise SettingsError("HEARTH_REDIS_CLUSTER: no nodes given")
    return nodes, options


def _cluster_runtime(s: Settings) -> Runtime:
    nodes, options = cluster_nodes(s)
    common = _common(s)
    common.pop("health_check_interval")
    cluster = RedisCluster(
        startup_nodes=[ClusterNode(h, p) for h, p in nodes], max_connections=s.redis_max_connections,
        **common, **options,
    )
    # The cluster client raises once a node's connections are all busy: bound concurrency.
    limit = asyncio.Semaphore(max(2, s.redis_max_connections - 2))

    def node_client(host: str, port: int) -> Redis:
        return Redis(host=host, port=port, **_subscriber_options(s), **options)

    store = RedisStore(cluster, sharded=True, presence_ttl=s.presence_ttl, history_ttl=s.history_ttl,
                       limit=limit, wait_replicas=s.redis_wait_replicas, wait_timeout_ms=s.redis_wait_timeout_ms)
    counters = RedisCounters(cluster, limit=limit)
    return Runtime(s, ClusterBroker(cluster, node_client, limit), store, counters,
                   services=[_StoreService(store, cluster)])


@dataclass
class _StoreService:
    """Owns the shared client and the store's heartbeat: started before the hub, closed
    after the broker (the node's presence is removed before the client goes)."""

    store: RedisStore
    client: Redis | RedisCluster

    async def start(self) -> None:
        if isinstance(self.client, RedisCluster):
            with contextlib.suppress(Exception):
                await self.client.initialize()
        await self.store.start()

    async def close(self) -> None:
        await self.store.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.client.aclose(), 3.0)

