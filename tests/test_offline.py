"""No stage opens a network connection: the whole chain runs with sockets blocked.

The kernels and Dask workers are separate processes, so the guard is a `sitecustomize` module put on
PYTHONPATH: every Python process of the run loads it, and it makes any connection or name lookup
to an address that is not loopback (the kernels and the runner talk over loopback) raise and
leave a line in a log."""

import os
import subprocess
import sys
import textwrap

import pytest
from jupyter_client.manager import start_new_kernel

from helpers.core.paths import PROJECT_ROOT

MARK = "blocked by the offline test guard"
GUARD = textwrap.dedent(f'''
    """Offline test guard: no network connection except to loopback addresses."""
    import ipaddress
    import os
    import socket
    import sys

    _DIR = os.environ["OFFLINE_GUARD_DIR"]


    def _log(name, line):
        with open(os.path.join(_DIR, name), "a", encoding="utf-8") as f:
            f.write(f"{{os.getpid()}} {{line}} {{sys.orig_argv[1:4]}}\\n")


    def _loopback(host):
        if host is None:
            return True
        host = (host.decode() if isinstance(host, bytes) else str(host)).split("%")[0]
        if host in ("", "localhost"):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False


    def _refuse(what):
        _log("blocked.log", what)
        raise OSError(f"network access {MARK}: {{what}}")


    _getaddrinfo = socket.getaddrinfo


    def getaddrinfo(host, *args, **kwargs):
        if not _loopback(host):
            _refuse(f"getaddrinfo({{host!r}})")
        return _getaddrinfo(host, *args, **kwargs)


    def _guarded(method):
        def connect(self, address, *args):
            if self.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
                _refuse(f"{{method.__name__}}({{address!r}})")
            return method(self, address, *args)
        return connect


    socket.getaddrinfo = getaddrinfo
    socket.socket.connect = _guarded(socket.socket.connect)
    socket.socket.connect_ex = _guarded(socket.socket.connect_ex)
    _log("loaded.log", "guard loaded")
''')


@pytest.fixture
def guarded_env(tmp_path):
    """The environment of a guarded process, and the folder of the guard's logs."""
    folder = tmp_path / "offline"
    folder.mkdir()
    (folder / "guard").mkdir()
    (folder / "guard" / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(folder / "guard"), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "OFFLINE_GUARD_DIR": str(folder)}, folder


def read_log(folder, name):
    path = folder / name
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def run_in_kernel(env, *snippets):
    """(error name, error value) of each code snippet, run in one python3 kernel started with `env`."""
    km, kc = start_new_kernel(kernel_name="python3", env=env, cwd=str(PROJECT_ROOT))
    try:
        replies = [kc.execute_interactive(code, timeout=60)["content"] for code in snippets]
        return [(reply.get("ename"), reply.get("evalue", "")) for reply in replies]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_the_guard_blocks_a_kernel_that_goes_online(guarded_env):
    env, folder = guarded_env
    url, address, local = run_in_kernel(
        env,
        'import urllib.request\nurllib.request.urlopen("http://example.com", timeout=5)',
        'import socket\nsocket.create_connection(("93.184.216.34", 80), timeout=5)',
        'socket.getaddrinfo("localhost", 80)',
    )
    assert url[0] == "URLError" and MARK in url[1]
    assert address[0] == "OSError" and MARK in address[1]
    assert local == (None, "")
    blocked = read_log(folder, "blocked.log")
    assert any("example.com" in line for line in blocked) and any("93.184.216.34" in line for line in blocked)


@pytest.mark.e2e
def test_the_whole_chain_runs_offline(guarded_env, tmp_path):
    env, folder = guarded_env
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpers.run",
            "--input-dir",
            "seeds",
            "--output-dir",
            str(tmp_path / "outputs"),
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    loaded = read_log(folder, "loaded.log")
    kernels = [line for line in loaded if "ipykernel_launcher" in line]
    assert len(kernels) >= 5, loaded  # the guard reached every stage's kernel
    assert read_log(folder, "blocked.log") == []
