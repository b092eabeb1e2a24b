"""Allow ``python -m dilemmaspel``."""

from dilemmaspel.cli import main

raise SystemExit(main())
