from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.redis import RedisCluster, RedisServer
from tests.support.servers import HearthServer


@pytest.fixture(scope="session")
def hearth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HearthServer]:
    """One real Hearth process (embedded default) for the session; tests use fresh rooms."""
    server = HearthServer(tmp_path_factory.mktemp("hearth"), env={"HEARTH_SEND_QUEUE": "64"}).start()
    yield server
    server.stop()


@pytest.fixture
def make_server(tmp_path: Path) -> Iterator[type[HearthServer]]:
    """Start extra servers with their own settings; all stopped at teardown."""
    started: list[HearthServer] = []

    class _Factory(HearthServer):
        def start(self) -> HearthServer:
            started.append(self)
            return super().start()

    yield _Factory
    for s in started:
        s.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last (pytest-playwright's sync loop would break async tests after it)."""
    items.sort(key=lambda item: 1 if "browser" in item.keywords else 0)


# -- Redis (the scaling-out suites): real redis-server processes on free ports ------------------
@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """One redis-server for the session; tests keep apart by using fresh room ids."""
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def fresh_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A redis-server of this test's own (for tests that stop, restart or kill it)."""
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisCluster]:
    """A 3-master Redis Cluster for the session (~2 s to build)."""
    cluster = RedisCluster(tmp_path_factory.mktemp("cluster")).start()
    yield cluster
    cluster.stop()


@pytest.fixture
def fresh_cluster(tmp_path: Path) -> Iterator[RedisCluster]:
    """A 3-master Redis Cluster of this test's own (for tests that reshard or kill it)."""
    cluster = RedisCluster(tmp_path / "cluster").start()
    yield cluster
    cluster.stop()


@pytest.fixture
def fresh_cluster_with_replicas(tmp_path: Path) -> Iterator[RedisCluster]:
    """Three masters with a replica each (six redis-servers), for tests that kill a master."""
    cluster = RedisCluster(tmp_path / "cluster", replicas=1).start()
    yield cluster
    cluster.stop()
