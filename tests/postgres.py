"""A private PostgreSQL server for tests: Debian's ``postgresql`` binaries (``.ci/run`` installs them), a new
cluster in a temporary folder on a free port of the loopback address, trust authentication for local tests,
stopped afterwards. Tests that need it are skipped where the binaries are missing."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BINDIR = next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)), None)


def available() -> bool:
    """Whether a PostgreSQL server can be started here."""
    return BINDIR is not None and Path(BINDIR, "postgres").is_file()


def _as_owner(command: list[str]) -> list[str]:
    """Run as the ``postgres`` account when this process is root (the server refuses to run as root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def server() -> Iterator[str]:
    """Start a cluster in a new temporary folder (outside pytest's, which the ``postgres`` account cannot
    enter); yield the URL of an empty database ``ghg``; stop it and remove the folder."""
    assert BINDIR is not None
    folder = Path(tempfile.mkdtemp(prefix="ghg-postgres-"))
    data, sockets = folder / "data", folder / "sockets"
    for path in (data, sockets):
        path.mkdir(parents=True)
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(path, owner.pw_uid, owner.pw_gid)
            os.chown(folder, owner.pw_uid, owner.pw_gid)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(_as_owner([f"{BINDIR}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres"]), **run)  # type: ignore[call-overload]
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    log = folder / "server.log"
    subprocess.run(
        _as_owner([f"{BINDIR}/pg_ctl", "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]), **run
    )  # type: ignore[call-overload]
    try:
        subprocess.run([f"{BINDIR}/psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-c",
                        "CREATE DATABASE ghg"], **run)  # type: ignore[call-overload]  # fmt: skip
        yield f"postgresql://postgres@127.0.0.1:{port}/ghg"
    finally:
        subprocess.run(_as_owner([f"{BINDIR}/pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"]), check=False,
                       capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
