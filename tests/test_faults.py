"""Fault injection: each fault happens in a real subprocess writing a real store on disk.

After every fault, every earlier receipt and revision must be intact and verify (``ghg store verify``), the
store must stay readable, and the error (where the process lives to give one) must name the fault.
Faults are injected by wrapping one library call in the child process, so that a SIGKILL lands at a known
point of the write: while the Parquet file is written, after the files are staged, at the rename that
publishes a revision, and after it (before the run manifest).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from ghg import audit, releases, store

from .conftest import EXAMPLE

CHILD = textwrap.dedent(
    """
    import errno, os, signal, sys, time
    from pathlib import Path
    import pyarrow.parquet as pq
    from ghg import fsutil, store, releases
    import cli

    fault, out, activity = sys.argv[1], sys.argv[2], sys.argv[3]

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_write_table, real_rename, real_fsync_dir = pq.write_table, os.rename, fsutil.fsync_dir
    if fault == "kill-in-parquet":  # half a Parquet file on disk, then killed
        def half(table, where, **kw):
            where.write(b"PAR1" + b"x" * 1000)
            die()
        pq.write_table = half
    elif fault == "kill-after-staging":  # every file staged and fsynced, killed before publication
        def staged(*args, **kwargs):
            real_fsync_dir(*args, **kwargs)
            if Path(args[0]).name.startswith(".tmp-"):
                die()
        fsutil.fsync_dir = staged
    elif fault == "kill-at-rename":
        os.rename = die
    elif fault == "kill-after-rename":  # the revision is published; killed before the manifest
        def then_die(a, b):
            real_rename(a, b)
            die()
        os.rename = then_die
    elif fault == "disk-full":  # the Parquet write fails half-way with ENOSPC
        def partial(table, where, **kw):
            where.write(b"PAR1" + b"x" * 1000)
            full()
        pq.write_table = partial
    elif fault == "kill-in-install":  # killed after the first file of a release is copied
        real_durable, count = fsutil.write_durable, [0]
        def durable(path, data):
            real_durable(path, data)
            count[0] += 1
            if count[0] == 2:
                die()
        fsutil.write_durable = durable
        releases.install(Path(activity), Path(out))
        sys.exit(0)
    elif fault == "writer":  # a normal writer that waits for a go signal after reading its parents
        go = Path(sys.argv[4])
        real_latest = store.latest_revisions
        def latest(*args, **kwargs):
            seen = real_latest(*args, **kwargs)
            (go.parent / f"ready-{os.getpid()}").touch()
            while not go.exists():
                time.sleep(0.01)
            return seen
        store.latest_revisions = latest
    cli.main(
        ["inventory", activity, "--gwp", "AR5", "--out", out, "--reason", f"attempt: {fault}", "--author", fault],
        standalone_mode=True,
    )
    """
)


def _child(fault: str, out: Path, activity: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(cli.__file__).parent)}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, fault, str(out), str(activity), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _run(fault: str, out: Path, activity: Path = EXAMPLE) -> subprocess.CompletedProcess[str]:
    proc = _child(fault, out, activity)
    stdout, stderr = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


@pytest.fixture
def first(tmp_path: Path) -> tuple[Path, dict[Path, bytes]]:
    """A store with revision 1 of DUCGIANG-LC 2022 and 2023, and the bytes of every file in it."""
    out = tmp_path / "store"
    res = CliRunner().invoke(cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out, {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _intact(out: Path, before: dict[Path, bytes]) -> None:
    """Every earlier file unchanged, every revision and receipt verifies, the store reads."""
    for path, data in before.items():
        assert path.read_bytes() == data, path
    report = audit.verify_store(out)
    assert report["ok"].all(), report[~report["ok"]]
    assert len(store.read_lines(out)) > 0


@pytest.mark.parametrize("fault", ["kill-in-parquet", "kill-after-staging", "kill-at-rename"])
def test_sigkill_before_publication_leaves_the_previous_revision(
    fault: str, first: tuple[Path, dict[Path, bytes]]
) -> None:
    out, before = first
    done = _run(fault, out)
    assert done.returncode == -signal.SIGKILL
    _intact(out, before)
    assert set(store.read_lines(out)["revision"]) == {1}
    # the dead writer's temporaries are ignored by readers and removed by the next writer
    again = _run("none", out)
    assert again.returncode == 0, again.stderr
    assert set(store.read_lines(out)["revision"]) == {2}
    assert not [p for p in out.rglob(".tmp-*")]
    _intact(out, before)


def test_sigkill_after_a_rename_leaves_whole_revisions(first: tuple[Path, dict[Path, bytes]]) -> None:
    out, before = first
    done = _run("kill-after-rename", out)
    assert done.returncode == -signal.SIGKILL
    _intact(out, before)
    # the first partition (2022) was published whole; 2023 still has its previous revision
    latest = store.read_lines(out).groupby("year")["revision"].first().to_dict()
    assert latest == {2022: 2, 2023: 1}
    manifests = [p for p in (out / "runs").glob("*.json") if not p.name.startswith(".")]
    assert len(manifests) == 1  # the killed run has no manifest (only a temporary, ignored)
    assert audit.latest_runs(out) == manifests


def test_a_full_disk_names_the_fault_and_changes_nothing(first: tuple[Path, dict[Path, bytes]]) -> None:
    out, before = first
    done = _run("disk-full", out)
    assert done.returncode == 1
    assert "No space left on device" in done.stderr and "the store is unchanged" in done.stderr
    _intact(out, before)
    assert set(store.read_lines(out)["revision"]) == {1}
    assert not [p for p in out.rglob(".tmp-*")]


def test_two_concurrent_writers_one_wins_the_other_gets_a_conflict(
    first: tuple[Path, dict[Path, bytes]], tmp_path: Path
) -> None:
    out, before = first
    go = tmp_path / "go"
    writers = [_child("writer", out, EXAMPLE, str(go)) for _ in range(2)]
    while len(list(tmp_path.glob("ready-*"))) < 2:  # both have read revision 1 as their parent
        assert all(w.poll() is None for w in writers), [w.communicate() for w in writers]
    go.touch()
    results = [(w.wait(timeout=120), *w.communicate()) for w in writers]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 1], results
    loser = next(err for code, _, err in results if code == 1)
    assert "conflict on DUCGIANG-LC" in loser and "based on revision 1 but revision 2 has been published" in loser
    _intact(out, before)
    assert set(store.read_lines(out)["revision"]) == {2}
    assert set(store.read_lines(out, revision="all")["revision"]) == {1, 2}
    assert not [p for p in out.rglob(".tmp-*")]


@pytest.mark.parametrize("where", [0.1, 0.33, 0.66, 0.995])  # data pages ... footer metadata
def test_a_flipped_byte_is_detected_on_read_and_by_store_verify(
    where: float, first: tuple[Path, dict[Path, bytes]]
) -> None:
    out, _ = first
    part = next(out.glob("lines/year=2023/enterprise=*/revision=1/part-0.parquet"))
    data = bytearray(part.read_bytes())
    data[int(len(data) * where)] ^= 0x10
    part.write_bytes(bytes(data))
    receipt = next(out.glob("inputs/*/receipt.json")).parent
    stored = next(p for p in receipt.iterdir() if p.name != "receipt.json")
    raw = bytearray(stored.read_bytes())
    raw[10] ^= 0x01
    stored.write_bytes(bytes(raw))
    verify = subprocess.run(
        [sys.executable, "-m", "cli", "store", "verify", "--store", str(out)],
        capture_output=True,
        text=True,
        cwd=Path(cli.__file__).parent,
        timeout=120,
    )
    assert verify.returncode == 1
    assert "year=2023" in verify.stdout and str(receipt.relative_to(out)) in verify.stdout
    assert "year=2022" not in verify.stdout  # the intact partition is not blamed
    with pytest.raises(store.StoreError, match=r"year=2023.*is damaged"):
        store.read_lines(out)  # detected on read too: a damaged revision is never used


def test_an_interrupted_release_install_leaves_the_installed_ones(tmp_path: Path) -> None:
    into = tmp_path / "releases"
    old = releases.locate("vn-grid-2023")
    assert releases.install(old, into) == (into / "vn-grid-2023", True)
    new = releases.locate("vn-tt38-heat-2025")
    done = _run("kill-in-install", into, new)
    assert done.returncode == -signal.SIGKILL
    assert releases.available(into) == ["vn-grid-2023"]  # the half-copied release is not there
    assert releases.verify(into / "vn-grid-2023")[1] == releases.verify(old)[1]
    assert [p for p in into.iterdir() if p.name.startswith(".tmp-")]  # the dead install's copy, ignored
    target, installed = releases.install(new, into)  # a new install recovers
    assert installed and releases.available(into) == ["vn-grid-2023", "vn-tt38-heat-2025"]
    assert not [p for p in into.iterdir() if p.name.startswith(".tmp-")]
    assert releases.load(target).id == "vn-tt38-heat-2025"


def test_a_published_release_is_never_replaced_on_install(tmp_path: Path) -> None:
    into = tmp_path / "releases"
    changed = tmp_path / "vn-grid-2023"
    shutil.copytree(releases.locate("vn-grid-2023"), changed)
    releases.install(releases.locate("vn-grid-2023"), into)
    assert releases.install(releases.locate("vn-grid-2023"), into)[1] is False  # the same bytes: nothing to do
    meta = (changed / "release.json").read_text(encoding="utf-8").replace('"title": "', '"title": "Revised ', 1)
    (changed / "release.json").write_text(meta, encoding="utf-8")
    with pytest.raises(releases.ReleaseError, match="already holds a different release vn-grid-2023"):
        releases.install(changed, into)


def test_installed_releases_are_selected_by_id_through_the_factors_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    into = tmp_path / "releases"
    source = tmp_path / "src" / "park-furnace-gas-2026"
    example = Path(cli.__file__).parent / "examples" / "tang-loong" / "factors" / "park-furnace-gas-2026"
    shutil.copytree(example, source)
    runner = CliRunner()
    res = runner.invoke(cli.main, ["factors", "install", str(source), "--into", str(into)])
    assert res.exit_code == 0 and "installed park-furnace-gas-2026" in res.output
    res = runner.invoke(cli.main, ["factors", "install", str(source), "--into", str(into), "--lang", "vi"])
    assert res.exit_code == 0 and "đã được cài" in res.output
    monkeypatch.setenv(releases.FACTORS_PATH_VARIABLE, str(into))
    assert releases.locate("park-furnace-gas-2026") == into / "park-furnace-gas-2026"
    listed = runner.invoke(cli.main, ["factors", "list", "--folder", str(into)])
    assert "park-furnace-gas-2026" in listed.output
