"""What keeps the web app a safe window onto the workspace.

- Every form carries a CSRF token, a random value kept in the browser's signed session cookie;
  a POST without the same token is refused (400) before anything is read.
- Writes are POST only (the routes say so); the session cookie is HttpOnly and SameSite=Strict.
- The Host header must name this server (127.0.0.1, localhost, or the address given to `--host`):
  a page elsewhere that points its own name at 127.0.0.1 ("DNS rebinding") gets a 400, so it can
  neither read the workspace nor fetch a token. A server listening on every address (0.0.0.0)
  cannot know the names it is reached by and accepts any.
- Every page says: no script, no frame, no plugin, forms post only here, nothing fetched from
  elsewhere (Content-Security-Policy), and is not cached (it may hold personal data).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from typing import Optional

from flask import Flask, Response, abort, request, session

from ..i18n import N_

#: The hidden field every form carries.
CSRF_FIELD = "csrf_token"
_SESSION_KEY = "csrf"

#: No script at all; styles inline (the pages and the report templates carry their own CSS);
#: images only as data: URIs; forms post only to this server.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def csrf_token() -> str:
    """This browser session's token (made on first use)."""
    token = session.get(_SESSION_KEY)
    if not isinstance(token, str):
        token = session[_SESSION_KEY] = secrets.token_urlsafe(32)
    return token


def check_csrf() -> None:
    """Refuse (400) a request that would write unless it carries this session's token."""
    if request.method in ("GET", "HEAD", "OPTIONS") or request.routing_exception is not None:
        return  # reading; or no such page or method (404, 405), which Flask says next
    sent = request.form.get(CSRF_FIELD, "")
    kept = session.get(_SESSION_KEY)
    if not isinstance(kept, str) or not hmac.compare_digest(sent.encode(), kept.encode()):
        abort(400, description=N_("This form has expired or did not come from this page (its security token is missing "
                                  "or wrong). Nothing was written: go back, reload the form and send it again."))


def wildcard(host: str) -> bool:
    """Whether an address to listen on means every address (0.0.0.0, ::)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def loopback(host: str) -> bool:
    """Whether an address is this machine only (127.x, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def trusted_hosts(host: str) -> Optional[list[str]]:
    """The names a request's Host may give for a server listening on `host` (None: any)."""
    if wildcard(host):
        return None
    return sorted({*LOOPBACK_NAMES, host, f"[{host}]" if ":" in host else host})


def add_headers(response: Response) -> Response:
    """The headers every response carries."""
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response


def secure(app: Flask, host: str, secret_key: Optional[bytes]) -> None:
    """Set the app up as this module says."""
    app.secret_key = secret_key or secrets.token_bytes(32)
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_NAME="mentoring_session",
        TRUSTED_HOSTS=trusted_hosts(host),
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.jinja_env.autoescape = True
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["CSRF_FIELD"] = CSRF_FIELD
    app.before_request(check_csrf)
    app.after_request(add_headers)
