"""How long a record waits for a consumer's fetch, per broker and fetch wait: ``make bench-fetch-wait``.

One aiokafka consumer (as in the worker) reads a 4-partition topic while a producer
sends one record every 0.2 s; the time from each record's create timestamp to its
receipt is the fetch latency. Apache Kafka answers a waiting fetch as soon as records
arrive, so there the fetch wait should not matter; this shows what each embedded broker
does, which is why the worker sets ``NEWSEVENTS_FETCH_MAX_WAIT_MS`` (see
``streams/app/transport.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

from streams.broker import EmbeddedBroker

TOPIC = "fetch-wait"
RECORDS = 25
INTERVAL_S = 0.2


async def _measure(bootstrap: str, fetch_max_wait_ms: int) -> list[float]:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    topic = f"{TOPIC}-{fetch_max_wait_ms}"
    admin.create_topics([NewTopic(topic, 4, 1)])
    admin.close()
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=f"fetch-wait-{fetch_max_wait_ms}",
        fetch_max_wait_ms=fetch_max_wait_ms,
        auto_offset_reset="earliest",
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await consumer.start()
    await producer.start()
    try:
        while not consumer.assignment():  # joined: from here on, every record is fetched live
            await consumer.getmany(timeout_ms=200)
        latencies: list[float] = []

        async def consume() -> None:
            while len(latencies) < RECORDS:
                batches = await consumer.getmany(timeout_ms=5000)
                received = time.time()
                latencies.extend(received - m.timestamp / 1000 for ms in batches.values() for m in ms)

        reader = asyncio.create_task(consume())
        for i in range(RECORDS):
            await producer.send_and_wait(topic, b"x", key=str(i).encode())
            await asyncio.sleep(INTERVAL_S)
        await asyncio.wait_for(reader, 60)
        return latencies
    finally:
        await producer.stop()
        await consumer.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="tansu,noida")
    parser.add_argument("--waits", default="1500,500,100", help="fetch_max_wait_ms values, comma-separated")
    args = parser.parse_args()
    for engine in args.engines.split(","):
        with tempfile.TemporaryDirectory(prefix="fetch-wait-") as tmp:
            work = Path(tmp)
            broker = EmbeddedBroker(engine=engine, data_dir=work / "data", log_path=work / "broker.log")
            with broker:
                for wait in (int(w) for w in args.waits.split(",")):
                    lat = sorted(asyncio.run(_measure(broker.bootstrap, wait)))
                    print(
                        f"{engine:6s} fetch wait {wait:5d} ms: p50 {statistics.median(lat):.3f} s, "
                        f"max {lat[-1]:.3f} s ({len(lat)} records)"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
