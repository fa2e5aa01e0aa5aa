"""``python -m entitymatch``: the ``entitymatch`` command (see :mod:`entitymatch.cli`)."""

from __future__ import annotations

import sys

from entitymatch.cli import main

if __name__ == "__main__":  # not when pytest imports the module to collect doctests
    sys.exit(main())
