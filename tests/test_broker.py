"""What a worker is told to set for each embedded engine is a valid configuration."""

from __future__ import annotations

import pytest

from streams.broker import ENGINES, EmbeddedBroker
from streams.config import Settings


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engine_s_worker_settings_are_valid(engine: str) -> None:
    Settings.from_flat(bootstrap="127.0.0.1:9092", **EmbeddedBroker(engine=engine).worker_settings)


def test_tansu_workers_join_as_dynamic_members_that_never_leave() -> None:
    """Tansu's group is stuck for good after a static replacement or a leader's LeaveGroup."""
    kafka = Settings.from_flat(**EmbeddedBroker(engine="tansu").worker_settings).kafka
    assert (kafka.group_membership, kafka.leave_group_on_stop) == ("dynamic", False)
    default = Settings.from_flat(**EmbeddedBroker(engine="noida").worker_settings).kafka
    assert (default.group_membership, default.leave_group_on_stop) == ("static", True)
