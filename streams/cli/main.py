"""Entry point of the ``newsevents`` command: parses arguments and dispatches to a command."""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from streams import __version__
from streams.config import ConfigError, Settings, load_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsevents", description=__doc__)
    parser.add_argument("--version", action="version", version=f"newsevents {__version__}")
    parser.add_argument(
        "--bootstrap", help="Kafka bootstrap servers (default: $NEWSEVENTS_BOOTSTRAP or localhost:9092)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    broker = sub.add_parser("broker", help="run the embedded Kafka-protocol broker in the foreground")
    broker.add_argument("--engine", choices=("noida", "tansu"), default="noida")
    broker.add_argument("--host", default="127.0.0.1")
    broker.add_argument("--port", type=int, default=9092)
    broker.add_argument("--data-dir", default=".newsevents-broker")

    topics = sub.add_parser("topics", help="manage the project's topics")
    topics_sub = topics.add_subparsers(dest="topics_command", required=True, metavar="ACTION")
    topics_sub.add_parser("create", help="create missing topics (idempotent)")

    from streams.config.docs import worker_epilog

    sub.add_parser(
        "worker",
        help="run a stream worker (settings from NEWSEVENTS_* variables)",
        epilog=worker_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )

    ingest = sub.add_parser("ingest", help="send JSONL articles to the input topic")
    ingest.add_argument("path", help="JSONL file, or - for standard input")
    ingest.add_argument("--no-progress", action="store_true")

    tail = sub.add_parser("tail", help="print the records of a topic")
    tail.add_argument("topic")
    tail.add_argument("--from-beginning", action="store_true")
    tail.add_argument("--max", type=int, dest="max_records")
    tail.add_argument("--timeout", type=float, help="stop after this many seconds without a new record")
    tail.add_argument("--format", choices=("json", "pretty"), default="json")

    extract = sub.add_parser("extract", help="offline: JSONL articles in, one event JSON per line out")
    extract.add_argument("path", help="JSONL file, or - for standard input")
    extract.add_argument(
        "--default-published-at",
        metavar="DATE",
        help="publication date for articles that have none (ISO 8601)",
    )

    replay = sub.add_parser(
        "replay",
        help="re-run a window of the input topic through this extractor (live workers untouched)",
        description="Re-read a window of the input topic with a reader outside the live consumer group, "
        "publish what this extractor finds (same event ids for the same evidence) and tombstones for "
        "events an article no longer produces. Bounds: earliest, latest, an ISO 8601 time, an offset, "
        "or PARTITION:OFFSET,...",
    )
    replay.add_argument("--from", dest="start", default="earliest", metavar="BOUND", help="default: earliest")
    replay.add_argument(
        "--to", dest="end", default="latest", metavar="BOUND", help="exclusive; default: the end now"
    )
    replay.add_argument("--partition", type=int, action="append", help="only this partition (repeatable)")
    replay.add_argument("--dry-run", action="store_true", help="print the window per partition and stop")
    replay.add_argument("--no-progress", action="store_true")

    demo = sub.add_parser("demo", help="embedded broker + worker + sample articles, events shown live")
    demo.add_argument("--articles", help="JSONL articles to ingest (default: the bundled samples)")
    demo.add_argument("--engine", choices=("noida", "tansu"), default="noida")
    demo.add_argument("--metrics-port", type=int, default=0, help="default: a free port")
    demo.add_argument(
        "--exit-when-idle",
        type=float,
        metavar="SECONDS",
        help="stop after this many seconds without a new event (for scripts)",
    )
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(bootstrap=args.bootstrap)


def main(argv: Sequence[str] | None = None) -> int:
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    args = _parser().parse_args(argv)
    try:
        if args.command == "broker":
            from streams.cli.broker_cmd import cmd_broker

            return cmd_broker(args.engine, args.host, args.port, args.data_dir)
        if args.command == "extract":
            from streams.cli.extract_cmd import main_extract

            return main_extract(args.path, args.default_published_at)
        if args.command == "demo":
            from streams.cli.demo_cmd import run_demo

            return run_demo(args.articles, args.engine, args.metrics_port, args.exit_when_idle)
        settings = _settings(args)
        if args.command == "worker":
            from streams.cli.worker_cmd import cmd_worker

            return cmd_worker(settings)
        from streams.cli import kafka_cmds

        if args.command == "topics":
            return kafka_cmds.cmd_topics_create(settings)
        if args.command == "ingest":
            return kafka_cmds.cmd_ingest(settings, args.path, progress=not args.no_progress)
        if args.command == "replay":
            from streams.cli.replay_cmd import cmd_replay

            return cmd_replay(
                settings, args.start, args.end, args.partition, args.dry_run, progress=not args.no_progress
            )
        if args.command == "tail":
            return kafka_cmds.tail(
                settings,
                [args.topic],
                args.from_beginning,
                args.max_records,
                args.timeout,
                sys.stdout,
                args.format,
            )
    except ConfigError as exc:
        print(f"newsevents: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        from streams.cli.errors import explain

        print(f"newsevents {args.command}: {explain(exc)}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
