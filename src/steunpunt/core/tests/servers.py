"""Real servers for tests: gunicorn with the documented config, and free loopback ports."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]


@contextlib.contextmanager
def closed_port():
    """Yield a loopback port where connections are refused: a server that is down.

    The port stays bound (without listening) until the block ends, so no other process, such as a
    second test run, can start a server on it meanwhile.
    """
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


def listening_socket():
    """Return a loopback socket that already listens on a port the system chose, for a server to take."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    return listener


READINESS_REFERER = "http://readiness.probe/"
"""The Referer of the readiness requests, so that a test reading an access log can leave their lines out:
on a loaded machine a probe that timed out is still answered, and logged, after the server is ready."""


def _answers(port):
    """Return ``True`` once an HTTP server on ``port`` answers a request (whatever its status)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/health/", headers={"Host": "127.0.0.1", "Referer": READINESS_REFERER})
        connection.getresponse().read()
        return True
    except OSError:
        return False
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(tmp_path, *, workers=1, **environment):
    """gunicorn with ``deploy/gunicorn.conf.py`` and production settings; yields its port.

    ``environment`` adds to or replaces the process environment (``None`` removes a variable). What the
    app logs (to standard error, as in production) lands in ``tmp_path / "stderr.log"``.
    """
    # gunicorn takes over a socket that listens already (fd://), so the port cannot be taken by anyone
    # else between choosing it and binding it.
    listener = listening_socket()
    port = listener.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "steunpunt.conf.production",
        "DJANGO_SECRET_KEY": "gunicorn-test-key-" + "x" * 40,
        "STEUNPUNT_VAR_DIR": str(tmp_path / "var"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"fd://{listener.fileno()}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESS_LOG": str(tmp_path / "access.log"),
        "GUNICORN_ERROR_LOG": str(tmp_path / "error.log"),
    }
    env.pop("DATABASE_URL", None)
    for name, value in environment.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    stderr = (tmp_path / "stderr.log").open("w")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", str(REPO / "deploy" / "gunicorn.conf.py")],
        env=env,
        cwd=tmp_path,
        stderr=stderr,
        pass_fds=[listener.fileno()],
    )
    listener.close()  # gunicorn has its own copy
    try:
        # The socket listens before gunicorn runs, so a connection proves nothing: wait for an answer.
        deadline = time.monotonic() + 120
        while not _answers(port):
            log = tmp_path / "error.log"
            assert server.poll() is None, log.read_text() if log.exists() else "gunicorn stopped"
            assert time.monotonic() < deadline, log.read_text() if log.exists() else "no log"
            time.sleep(0.2)
        # The test reads the access log from its own first request: drop the readiness requests'
        # lines once written (gunicorn logs after answering, and appends, so it goes on at the new end).
        access_log = tmp_path / "access.log"
        written = time.monotonic() + 10
        while time.monotonic() < written and not (access_log.exists() and access_log.read_text()):
            time.sleep(0.05)
        if access_log.exists():
            access_log.write_text("")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        stderr.close()


class TcpProxy:
    """Forwards connections from a loopback port to a real server; ``cut()`` drops every connection
    and stops listening (the server seems gone), ``start()`` listens again (it is back)."""

    def __init__(self, target):
        self.port, self.target = 0, target  # the first start() lets the system choose the port
        self._listener = self._holder = None
        self._sockets = set()
        self._lock = threading.Lock()

    def start(self):
        if self._holder is not None:
            self._holder.close()
            self._holder = None
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        listener, self._listener = self._listener, None
        if listener is not None:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)  # wakes the thread waiting in accept()
            listener.close()
            # Keep the port bound without listening while "gone": refused, and nobody else's.
            self._holder = socket.socket()
            self._holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._holder.bind(("127.0.0.1", self.port))
        with self._lock:
            sockets, self._sockets = self._sockets, set()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
