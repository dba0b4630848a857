"""``python -m resnet_studio.gui.screenshots docs/screenshots``: every screenshot, both languages."""

import sys

from .make_all import main

sys.exit(main())
