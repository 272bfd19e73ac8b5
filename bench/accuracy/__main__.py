"""``python -m bench.accuracy``: see ``bench.accuracy.run``."""

import sys

from bench.accuracy.run import main

sys.exit(main())
