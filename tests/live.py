"""What the web app's tests share: their workspace, and a real HTTP server on 127.0.0.1 in a thread
of the test's process (werkzeug's threaded WSGI server, as `mentoring serve` runs it), for tests
that use a browser or many clients."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator

from pathlib import Path

from werkzeug.serving import make_server

from conftest import COHORT, CURRICULUM, make_workspace

#: conftest's minimal curriculum with two more results, `sessions` (target 4) and `attendance` (target 80%).
WEB_CURRICULUM = CURRICULUM + """
[[results]]
id = "sessions-held"
statement = "Sessions held"
measure = "sessions"
target = 4

[[results]]
id = "attendance"
statement = "Attendance"
measure = "attendance"
target = "80%"
"""
RINA_LOG = "cohorts/k1/logs/rina.toml"


def web_workspace(folder: Path) -> Path:
    """The web tests' workspace: WEB_CURRICULUM and conftest's cohort k1, written into folder."""
    return make_workspace(folder, {"curricula/sosmed.toml": WEB_CURRICULUM, "cohorts/k1/cohort.toml": COHORT})


@contextlib.contextmanager
def serving(app) -> Iterator[str]:
    """Serve a WSGI app on a free port of 127.0.0.1 while the block runs; yield its base URL. The server's
    line per request is not logged (errors still are)."""
    logger = logging.getLogger("werkzeug")
    level = logger.level
    logger.setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="web-app", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
        logger.setLevel(level)
