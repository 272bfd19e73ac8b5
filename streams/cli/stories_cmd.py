"""``newsevents stories``: a worker of the story stage alone, in its own consumer group.

The extraction workers run the story stage themselves unless ``NEWSEVENTS_STORIES=false``. Running
it apart (extraction workers with ``NEWSEVENTS_STORIES=false``, and this command) keeps the story
tables' recovery out of the extraction workers' rebalances: Faust pauses a worker's partitions while
its tables recover, and a worker was once seen idle for minutes in the chaos soak (docs/stories.md).
It loads no model, so it starts in a second and scales on its own.
"""

from __future__ import annotations

import logging

from streams.config import Settings


def cmd_stories(settings: Settings) -> int:
    """Run until stopped, with the settings of the extraction workers it serves."""
    from streams import endpoints
    from streams.app.worker import Worker, create_story_app, story_worker_settings
    from streams.cli.logs import configure_logging
    from streams.cli.worker_cmd import create_topics, metrics_url

    configure_logging(settings.log_level)
    log = logging.getLogger("newsevents.stories")
    own = story_worker_settings(settings)
    create_topics(own, log)
    endpoints.start(own, "none (story stage)")
    log.info("story stage: group %s, stories on %s", own.app_id, own.stories.topic)
    app = create_story_app(own)
    Worker(app, own.story_topics.mentions, own.log_level, metrics_url(own)).execute_from_commandline()
    return 0
