from __future__ import annotations

import sys

from triglot.cli import main

sys.exit(main())
