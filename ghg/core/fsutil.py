"""Crash-safe file publication: temporary names that say who wrote them, fsync, and stale-temp recovery.

Nothing in the store or a release folder is ever edited in place. A writer builds a file or folder under a
temporary name ``.tmp-<pid>-<random>`` beside its target, fsyncs it, and publishes it with one ``rename``
(or ``link``, which never replaces). Readers ignore names starting with a dot, so they see the complete
old or the complete new state. A writer killed midway leaves only a temporary that names its dead process;
:func:`clean_stale` removes such leftovers, never one of a live process.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from ghg.core.errors import StoreError

TMP_PREFIX = ".tmp-"


def tmp_name(suffix: str = "") -> str:
    """A temporary file or folder name carrying this process's id."""
    return f"{TMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex}{suffix}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user
        return True
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove the temporaries in ``folder`` left by processes that no longer run; return what was removed.

    A temporary without a readable process id, or of a process still alive, is left alone.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        if not path.name.startswith(TMP_PREFIX):
            continue
        pid_text = path.name[len(TMP_PREFIX) :].split("-", 1)[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def fsync_dir(path: Path) -> None:
    """Make a rename or new entry in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def user_mode(path: str | Path) -> None:
    """Give a file made with :func:`tempfile.mkstemp` (owner-only, 0600) the permissions a file created the
    usual way gets: 0666 less the process's umask."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def write_durable(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file ``path`` (which must not exist) and fsync it."""
    with path.open("xb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def publish_files(folder: Path, files: dict[str, bytes]) -> list[tuple[Path, str]]:
    """Write each file into ``folder`` atomically; an identical existing file is kept, a different one refused.

    Every file is checked before any is written, so a refusal writes nothing.

    Returns
    -------
    list
        (path, ``written`` or ``unchanged``) per file.

    Raises
    ------
    StoreError
        ``pathway.exists``: a file of that name with other content is already there.
    """
    folder.mkdir(parents=True, exist_ok=True)
    clean_stale(folder)
    outcome = []
    for name, data in files.items():
        path = folder / name
        if path.exists():
            if path.read_bytes() != data:
                raise StoreError("output.exists", path=str(path))
            outcome.append((path, "unchanged"))
        else:
            outcome.append((path, "written"))
    for path, state in outcome:
        if state != "written":
            continue
        tmp = folder / tmp_name(path.suffix)
        write_durable(tmp, files[path.name])
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise StoreError("output.exists", path=str(path)) from None
        finally:
            tmp.unlink(missing_ok=True)
    fsync_dir(folder)
    return outcome


def scratch_folder(kind: str, parent: Path | None = None) -> Path:
    """A new temporary folder for a run's scratch data (``ghg-<kind>-<pid>-<random>``), in ``parent``, else
    ``GHG_SPILL_DIR`` when set, else the system's temporary folder (``TMPDIR``). Folders of the same kind left by
    runs whose process is gone (killed: nothing removed them then) are removed first; the caller removes its own.
    """
    import tempfile

    base = Path(parent or os.environ.get("GHG_SPILL_DIR") or tempfile.gettempdir())
    for folder in base.glob(f"ghg-{kind}-*-*"):
        pid = folder.name.split("-")[2]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"ghg-{kind}-{os.getpid()}-", dir=base))
