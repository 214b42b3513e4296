"""Starts Ralph, a real LRS, on the loopback with its file-system backend (for tests).

Ralph's file backend refuses, by default, a second write to its statements file; an LRS
takes many writes, so the backend appends. Settings come from the environment that
`ralph_lrs.start` prepares. Usage: ralph_launcher.py HOST PORT"""

import sys

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402
from ralph.api import app  # noqa: E402

uvicorn.run(app, host=sys.argv[1], port=int(sys.argv[2]), log_level="warning")
