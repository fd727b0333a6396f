"""`mentoring serve`: the web app over the workspace (`mentoring.web`), on this machine by default."""

import os

import typer

from . import ENV_CACHE_DIR, Command, app, examples, state, workspace_root


def _url(host: str, port: int) -> str:
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def listen(host: str, port: int, web):
    """A threaded WSGI server for the app, listening on host and port (0: a free one); and its port.

    The socket is made here, so that a port in use is a usage error (werkzeug would exit itself)."""
    import socket  # here, not above: `mentoring --help` need not import it

    from werkzeug.serving import make_server

    from ..errors import UsageError

    try:
        listening = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except (OSError, OverflowError) as exc:
        raise UsageError(f"cannot listen on {host} port {port}: {getattr(exc, 'strerror', None) or exc}") from None
    with listening:  # the server listens on a duplicate of it
        port = listening.getsockname()[1]
        return make_server(host, port, web, threaded=True, fd=listening.fileno()), port


@app.command(cls=Command, epilog=examples(
    "mentoring serve",
    "mentoring serve --port 8081",
    "mentoring serve --host 0.0.0.0 --port 8080",
))
def serve(
    port: int = typer.Option(8080, "--port", metavar="N", help="The port to listen on (0: any free port)."),
    host: str = typer.Option("127.0.0.1", "--host", metavar="ADDRESS",
                             help="The address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every network)."),
    commit: bool = typer.Option(False, "--commit", help="Commit each record written to the workspace's git repository."),
) -> None:
    """Serve the workspace in a browser: reports, participants, problems, and forms to log records."""
    from ..errors import UsageError
    from ..web import NotARepository, create_app
    from ..web.security import loopback, wildcard

    root = workspace_root()
    cache = (os.environ.get(ENV_CACHE_DIR) or True) if state.cache else False
    try:
        web = create_app(root, commit=commit, cache=cache, host=host)
    except NotARepository as why:
        raise UsageError(f"--commit: {why}") from None
    server, port = listen(host, port, web)
    if not loopback(host):
        typer.echo(f"warning: listening on {host}: anyone who can reach this machine on that network can read "
                   "and write the workspace (no password is asked). Stop with Ctrl+C when done.", err=True)
    where = _url("127.0.0.1" if wildcard(host) else host, port)
    typer.echo(f"Serving {root} at {where}" + (" (and at this machine's address on the network)" if wildcard(host) else ""))
    if commit:
        typer.echo("Each record written is committed to git.")
    typer.echo("Press Ctrl+C to stop.")
    try:
        server.serve_forever()  # werkzeug's returns on Ctrl+C
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    typer.echo("Stopped.")
