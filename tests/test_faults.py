"""Fault injection on the store: each fault happens in a real subprocess writing a real store on disk.

After every fault the store's committed state is either unchanged or the whole new run (checked by the
logical hash of every partition), ``ghg store verify`` is clean, the error (where the process lives to give
one) names the fault, and what a killed writer left is removed by ``ghg store vacuum``. Faults are injected
by wrapping one library call in the child process (a fault seam), by SIGKILL at random moments of a
200-partition run, and by a real tiny file system (tmpfs) where this machine lets a test mount one.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghg import cli, store
from ghg.core import releases
from ghg.store import audit

from .conftest import EXAMPLE, ROOT

CHILD = textwrap.dedent(
    """
    import errno, os, signal, sys, time
    from pathlib import Path
    import pyarrow.parquet as pq
    from ghg.store import table as store
    from ghg.store import streamed
    import ghg.store as store_face
    from ghg.store import delta
    from ghg.core import fsutil
    from ghg.core import inventory
    from ghg.store import kept
    from ghg.core import releases
    from ghg import cli

    fault, out, activity, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_write, real_commit, real_open = store.write_parquet, delta.commit, store.open_snapshot
    if fault == "kill-in-parquet":  # half a data file on disk, then killed
        def half(table, path):
            path.write_bytes(b"PAR1" + b"x" * 1000)
            die()
        def half_group(writer, table):  # the streamed writer: its file begun, killed in its first row group
            writer.write_table(table.slice(0, 1))
            die()
        store.write_parquet, streamed.write_group = half, half_group
    elif fault == "kill-in-keep-input":  # the data file is staged, killed while an input is kept
        real_durable = fsutil.write_durable
        def durable(path, data):
            real_durable(path, data)
            die()
        fsutil.write_durable = durable
    elif fault == "kill-before-commit":  # data file, inputs and releases kept; killed before the commit
        delta.commit = die
    elif fault == "kill-after-commit":  # the commit is made; killed before it is fsynced and reported
        delta.sync_log = die
    elif fault == "disk-full-parquet":  # the data file write fails half-way with ENOSPC
        def partial(table, path):
            path.write_bytes(b"PAR1" + b"x" * 1000)
            full()
        def partial_group(writer, table):
            writer.write_table(table.slice(0, 1))
            full()
        store.write_parquet, streamed.write_group = partial, partial_group
    elif fault == "disk-full-commit":  # delta-rs cannot write the log entry
        def refused(dt, *args, **kwargs):
            raise delta._failed(Path(out) / "lines", OSError(errno.ENOSPC, "No space left on device (os error 28)"))
        delta.commit = refused
    elif fault == "read-only":
        def denied(*args, **kwargs):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        store.write_parquet = streamed.open_data_file = denied
    elif fault == "memory":  # the calculation runs out of memory
        def exhausted(*args, **kwargs):
            raise MemoryError()
        inventory.run = inventory.stream = exhausted
    elif fault == "slow-commit":  # everything staged; the commit waits, so readers run meanwhile
        def slow(*args, **kwargs):
            (Path(extra[0]) / "staged").touch()
            time.sleep(3)
            return real_commit(*args, **kwargs)
        delta.commit = slow
    elif fault == "writer":  # a normal writer that waits for a go signal after reading the store
        go = Path(extra[0])
        def opened(*args, **kwargs):
            seen = real_open(*args, **kwargs)
            (go.parent / f"ready-{os.getpid()}").touch()
            while not go.exists():
                time.sleep(0.01)
            return seen
        store_face.open_snapshot = opened
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
    print("ready", file=sys.stderr, flush=True)
    sys.argv = ["ghg", "inventory", activity, "--gwp", "AR5", "--out", out, "--reason", fault, "--author", fault]
    cli.run()
    """
)


def _child(fault: str, out: Path, activity: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, fault, str(out), str(activity), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _run(fault: str, out: Path, activity: Path = EXAMPLE, *extra: str) -> subprocess.CompletedProcess[str]:
    proc = _child(fault, out, activity, *extra)
    stdout, stderr = proc.communicate(timeout=180)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def _hashes(out: Path) -> dict[tuple[int, str], str]:
    """The logical hash of the latest revision of every partition (what a reader of the store gets)."""
    snap = store.open_snapshot(out)
    return {key: revs[-1].content_hash for key, revs in snap.revisions.items()}


def _clean(out: Path) -> None:
    """``ghg store verify`` is clean and the lines read."""
    report = audit.verify_store(out)
    assert report["ok"].all(), report[~report["ok"]]
    assert len(store.read_lines(out)) > 0


def _unreferenced(out: Path) -> list[Path]:
    """Files in the store that no commit references (a writer's leftovers)."""
    snap = store.open_snapshot(out)
    used_inputs = {str(r["sha256"]) for run in snap.runs.values() for r in run.get("receipts", [])}
    used_releases = {str(r["sha256"]) for run in snap.runs.values() for r in run.get("releases", [])}
    left = [p for p in (out / "lines").glob("*.parquet") if p.name not in snap.files]
    left += [p for p in (out / "inputs").glob("*") if p.name not in used_inputs]
    left += [p for p in (out / "releases").glob("*") if p.name not in used_releases]
    return left


def _park(tmp_path: Path, enterprises: int = 40, years: range = range(2019, 2024), tonnes: float = 100.0) -> Path:
    """An activity file with ``enterprises`` x ``years`` partitions (200 by default), two diesel records each."""
    path = tmp_path / f"park-{tonnes:g}.csv"
    head = "enterprise,facility,year,period,source_category,ipcc_category,activity,technology,quantity,unit,evidence\n"
    rows = [
        f"E{e:03d},boiler,{y},,stationary_combustion,1.A.2.c,gas_diesel_oil,,{tonnes + e + k},t,invoice {k}\n"
        for e in range(enterprises)
        for y in years
        for k in range(2)
    ]
    path.write_text(head + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def park_states(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A 200-partition store in its old state, and the hashes of the old and of the whole new state."""
    root = tmp_path_factory.mktemp("park")
    old_file, new_file = _park(root), _park(root, tonnes=101.0)
    base = root / "base"
    runner = CliRunner()
    assert runner.invoke(cli.main, ["inventory", str(old_file), "--gwp", "AR5", "--out", str(base)]).exit_code == 0
    reference = root / "reference"
    shutil.copytree(base, reference)
    args = ["inventory", str(new_file), "--gwp", "AR5", "--out", str(reference), "--reason", "r"]
    assert runner.invoke(cli.main, args).exit_code == 0
    old, new = _hashes(base), _hashes(reference)
    assert len(old) == len(new) == 200 and not set(old.values()) & set(new.values())
    return {"base": base, "new_file": new_file, "old": old, "new": new}


def _old_or_new(out: Path, park: dict[str, object]) -> str:
    now = _hashes(out)
    assert now in (park["old"], park["new"]), "a mix of two states"
    return "old" if now == park["old"] else "new"


def test_a_writer_killed_at_random_points_leaves_the_old_state_or_the_whole_new_run(
    park_states: dict[str, object], tmp_path: Path
) -> None:
    base, new_file = park_states["base"], park_states["new_file"]
    assert isinstance(base, Path) and isinstance(new_file, Path)
    # how long the work takes after the child's imports, in a run that is not killed
    timing = tmp_path / "timing"
    shutil.copytree(base, timing)
    proc = _child("none", timing, new_file)
    assert proc.stderr is not None and proc.stderr.readline().strip() == "ready"
    start = time.monotonic()
    proc.communicate(timeout=180)
    work = time.monotonic() - start
    assert proc.returncode == 0 and _old_or_new(timing, park_states) == "new"
    rng = random.Random(20261203)
    seen = []
    for i in range(22):
        out = tmp_path / f"run-{i}"
        shutil.copytree(base, out)
        proc = _child("none", out, new_file)
        assert proc.stderr is not None and proc.stderr.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 1.05) * work)  # anywhere from reading the file to after the commit
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=180)
        seen.append(_old_or_new(out, park_states))
        _clean(out)
        removed = store.vacuum(out, older_than_hours=0)
        assert not _unreferenced(out) and _old_or_new(out, park_states) == seen[-1]
        assert all(not name.startswith("lines/_delta_log") for name in removed)
        shutil.rmtree(out)
    assert "old" in seen  # killed before the commit at least once (the 22 points are spread over the run)


@pytest.mark.parametrize("fault", ["kill-in-parquet", "kill-in-keep-input", "kill-before-commit", "kill-after-commit"])
def test_a_writer_killed_at_each_step(fault: str, park_states: dict[str, object], tmp_path: Path) -> None:
    out = tmp_path / "store"
    shutil.copytree(park_states["base"], out)  # type: ignore[arg-type]
    done = _run(fault, out, park_states["new_file"])  # type: ignore[arg-type]
    assert done.returncode == -signal.SIGKILL
    state = _old_or_new(out, park_states)
    assert state == ("new" if fault == "kill-after-commit" else "old")
    _clean(out)
    store.vacuum(out, older_than_hours=0)
    assert not _unreferenced(out)
    # the next writer is not hindered by what the dead one left
    again = CliRunner().invoke(
        cli.main, ["inventory", str(park_states["new_file"]), "--gwp", "AR5", "--out", str(out), "--reason", "again"]
    )
    assert again.exit_code == 0, again.output
    assert _old_or_new(out, park_states) == "new"


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("disk-full-parquet", "No space left on device; the store is unchanged"),
        ("disk-full-commit", "No space left on device (os error 28); the store is unchanged"),
        ("read-only", "Read-only file system; the store is unchanged"),
        ("memory", "not enough memory to finish; nothing was written"),
    ],
)
def test_a_fault_that_the_writer_survives_names_itself_and_changes_nothing(
    fault: str, message: str, park_states: dict[str, object], tmp_path: Path
) -> None:
    out = tmp_path / "store"
    shutil.copytree(park_states["base"], out)  # type: ignore[arg-type]
    before = sorted(p for p in out.rglob("*"))
    done = _run(fault, out, park_states["new_file"])  # type: ignore[arg-type]
    assert done.returncode == 1, done.stderr
    assert message in done.stdout + done.stderr and "Traceback" not in done.stderr
    assert _old_or_new(out, park_states) == "old"
    assert sorted(p for p in out.rglob("*")) == before  # not even a kept input or an empty folder is left
    _clean(out)


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    return done.returncode == 0


def test_a_real_full_disk_and_a_real_read_only_file_system(park_states: dict[str, object], tmp_path: Path) -> None:
    """A tmpfs filled up to a few kilobytes, too few for the new run's input copy and data file; then the
    same file system remounted read-only."""
    disk = tmp_path / "tiny"
    if not _mount_tmpfs(disk, "4m"):
        pytest.skip("this machine does not let a test mount a file system (the fault seams above stand in)")
    try:
        out = disk / "store"
        shutil.copytree(park_states["base"], out)  # type: ignore[arg-type]
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * (free - 8 * 1024))
        res = CliRunner().invoke(
            cli.main,
            ["inventory", str(park_states["new_file"]), "--gwp", "AR5", "--out", str(out), "--reason", "r"],
        )
        assert res.exit_code == 1 and "No space left on device" in res.output, res.output
        assert _old_or_new(out, park_states) == "old"
        assert not _unreferenced(out)
        _clean(out)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        res = CliRunner().invoke(
            cli.main, ["inventory", str(park_states["new_file"]), "--gwp", "AR5", "--out", str(out), "--reason", "r"]
        )
        assert res.exit_code == 1 and "Read-only file system" in res.output, res.output
        assert _old_or_new(out, park_states) == "old"
        _clean(out)  # reading a read-only store works
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_two_concurrent_writers_of_the_same_partitions_one_wins_whole(
    park_states: dict[str, object], tmp_path: Path
) -> None:
    out = tmp_path / "store"
    shutil.copytree(park_states["base"], out)  # type: ignore[arg-type]
    other = _park(tmp_path, tonnes=102.0)
    go = tmp_path / "go"
    writers = [_child("writer", out, park_states["new_file"], str(go)), _child("writer", out, other, str(go))]  # type: ignore[arg-type]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)  # both have read revision 1 of every partition
    go.touch()
    results = [w.communicate(timeout=180) for w in writers]
    codes = sorted(w.returncode for w in writers)
    assert codes == [0, 1], results
    loser = results[[w.returncode for w in writers].index(1)]
    assert "conflict on" in loser[0] + loser[1] and "Traceback" not in loser[1]
    now = _hashes(out)
    assert now == park_states["new"] or (now.keys() == park_states["old"].keys() and now != park_states["old"])  # type: ignore[attr-defined]
    assert {rev for rev in store.latest_revisions(out).values()} == {2}  # one whole run, not a mix
    assert len(store.open_snapshot(out).runs) == 2
    store.vacuum(out, older_than_hours=0)
    assert not _unreferenced(out)
    _clean(out)


def test_two_concurrent_writers_of_other_partitions_both_commit(tmp_path: Path) -> None:
    out = tmp_path / "store"
    first, second = _park(tmp_path, 3, range(2022, 2024)), tmp_path / "second.csv"
    text = first.read_text(encoding="utf-8")
    second.write_text(text.replace(",E00", ",F00").replace("\nE00", "\nF00"), encoding="utf-8")
    go = tmp_path / "go"
    writers = [_child("writer", out, first, str(go)), _child("writer", out, second, str(go))]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    results = [w.communicate(timeout=180) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], results
    assert len(store.latest_revisions(out)) == 12 and set(store.latest_revisions(out).values()) == {1}
    _clean(out)


def test_readers_during_a_slow_commit_see_the_old_or_the_new_totals(
    park_states: dict[str, object], tmp_path: Path
) -> None:
    out = tmp_path / "store"
    shutil.copytree(park_states["base"], out)  # type: ignore[arg-type]
    old_total = store.read_lines(out)["co2e_t"].sum()
    signal_dir = tmp_path / "signal"
    signal_dir.mkdir()
    writer = _child("slow-commit", out, park_states["new_file"], str(signal_dir))  # type: ignore[arg-type]
    totals = []
    runner = CliRunner()
    deadline = time.monotonic() + 120
    while writer.poll() is None and time.monotonic() < deadline:
        totals.append(round(float(store.read_lines(out)["co2e_t"].sum()), 6))
        res = runner.invoke(cli.main, ["export", str(tmp_path / f"e{len(totals)}.csv"), "--store", str(out), "--json"])
        assert res.exit_code == 0, res.output
    writer.communicate(timeout=60)
    assert writer.returncode == 0 and (signal_dir / "staged").exists()
    new_total = round(float(store.read_lines(out)["co2e_t"].sum()), 6)
    assert new_total != round(float(old_total), 6)
    assert set(totals) <= {round(float(old_total), 6), new_total}
    assert totals.count(round(float(old_total), 6)) >= 2  # read while the run was staged and waiting


@pytest.mark.parametrize(
    ("target", "named"),
    [
        ("data-page", "lines/part-"),
        ("data-footer", "lines/part-"),
        ("run-commit", "lines/_delta_log/"),
        ("latest-commit", "lines/_delta_log/"),
        ("receipt", "receipt.json"),
        ("kept-input", "inputs/"),
        ("kept-release", "releases/"),
    ],
)
def test_a_flipped_bit_in_any_stored_object_is_named(target: str, named: str, tmp_path: Path) -> None:
    out = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(cli.main, ["inventory", str(EXAMPLE), "--gwp", "AR5", "--out", str(out)]).exit_code == 0
    assert (
        runner.invoke(
            cli.main,
            [
                "store",
                "status",
                "--store",
                str(out),
                "--year",
                "2023",
                "--enterprise",
                "DUCGIANG-LC",
                "--revision",
                "1",
                "--set",
                "submitted",
                "--by",
                "officer",
            ],
        ).exit_code
        == 0
    )
    snap = store.open_snapshot(out)
    (data,) = (out / "lines").glob("part-*.parquet")
    (folder,) = (out / "inputs").iterdir()
    release = next(p for p in sorted((out / "releases").glob("*/factors.csv")))
    log = out / "lines" / "_delta_log"
    path, where = {
        "data-page": (data, 0.2),
        "data-footer": (data, 0.99),
        "run-commit": (log / f"{1:020d}.json", "DUCGIANG"),  # a value of the run's manifest (checked by links)
        "latest-commit": (log / f"{snap.version:020d}.json", "officer"),  # the newest commit: its own hash
        "receipt": (folder / "receipt.json", 0.5),
        "kept-input": (folder / EXAMPLE.name, 0.5),
        "kept-release": (release, 0.5),
    }[target]
    raw = bytearray(path.read_bytes())
    # a bit of a value inside the JSON (it still parses: the hashes must catch it), or at a fraction of the file
    position = raw.index(where.encode()) + 2 if isinstance(where, str) else int(len(raw) * where)
    raw[position] ^= 0x02
    path.write_bytes(bytes(raw))
    res = runner.invoke(cli.main, ["store", "verify", "--store", str(out)])
    assert res.exit_code == 1 and named in res.output, res.output
    assert "Traceback" not in res.output
    if target.startswith("data") or target.endswith("commit"):  # what every reader needs: refused with a message
        res = runner.invoke(cli.main, ["export", str(tmp_path / "x.csv"), "--store", str(out)])
        assert res.exit_code == 1 and "is damaged" in res.output and "ghg store verify" in res.output
    else:  # what an auditor needs: the replay names it
        res = runner.invoke(cli.main, ["audit", "replay", "--store", str(out)])
        assert res.exit_code == 1 and named.rstrip("/") in res.output, res.output


def test_the_store_copied_alone_replays_bit_for_bit(tmp_path: Path) -> None:
    """Every factor release a run used is kept in the store: a copy replays without the original paths."""
    park = ROOT / "examples" / "tang-loong"
    source = tmp_path / "releases"
    shutil.copytree(park / "factors" / "park-furnace-gas-2026", source / "park-furnace-gas-2026")
    shutil.copytree(ROOT / "factors" / "vn-grid-estimates-2024-2025", source / "vn-grid-estimates-2024-2025")
    out = tmp_path / "store"
    args = ["inventory", *map(str, sorted((park / "activity").glob("*.csv"))), "--gwp", "AR5", "--out", str(out)]
    args += [
        "--extra-factors",
        str(source / "park-furnace-gas-2026"),
        "--extra-factors",
        str(source / "vn-grid-estimates-2024-2025"),
    ]
    assert CliRunner().invoke(cli.main, args).exit_code == 0
    shutil.rmtree(source)  # the non-bundled releases are gone from where they were
    copy = tmp_path / "elsewhere" / "copy"
    shutil.copytree(out, copy)
    shutil.rmtree(out)
    res = CliRunner().invoke(cli.main, ["audit", "replay", "--store", str(copy), "--json"])
    assert res.exit_code == 0, res.output
    replayed = json.loads(res.output)
    assert replayed["reproduced"] and len(replayed["partitions"]) == len(store.latest_revisions(copy))


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
    example = ROOT / "examples" / "tang-loong" / "factors" / "park-furnace-gas-2026"
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
