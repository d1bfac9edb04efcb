"""Audit: inputs kept as received, replay by logical hash, factor release differences."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ghg import cli, store
from ghg.core import releases
from ghg.core.errors import StoreError
from ghg.core.hashing import sha256_file
from ghg.store import audit

from .conftest import EXAMPLE


@pytest.fixture
def stored(tmp_path: Path) -> Path:
    out = tmp_path / "store"
    res = CliRunner().invoke(
        cli.main,
        [
            "inventory",
            str(EXAMPLE),
            "--gwp",
            "AR5",
            "--out",
            str(out),
            "--submitted-by",
            "DUCGIANG-LC environment officer",
        ],
    )
    assert res.exit_code == 0, res.output
    return out


def test_inputs_are_kept_as_received(stored: Path, tmp_path: Path) -> None:
    (folder,) = (stored / "inputs").iterdir()
    receipt = json.loads((folder / "receipt.json").read_text())
    assert receipt["sha256"] == folder.name and receipt["size"] == EXAMPLE.stat().st_size
    assert receipt["submitted_by"] == "DUCGIANG-LC environment officer"
    assert (folder / EXAMPLE.name).read_bytes() == EXAMPLE.read_bytes()
    # the same bytes again: the same receipt, nothing changes
    before = (folder / "receipt.json").read_bytes()
    again = audit.keep_input(stored, EXAMPLE, "someone else")
    assert again == receipt and (folder / "receipt.json").read_bytes() == before


def test_an_input_changed_after_parsing_is_not_kept(stored: Path, tmp_path: Path) -> None:
    changed = tmp_path / "activity.csv"
    changed.write_bytes(EXAMPLE.read_bytes() + b"\n")
    parsed = sha256_file(EXAMPLE)  # what the calculation read
    with pytest.raises(StoreError, match="changed while it was processed"):
        audit.keep_input(stored, changed, "officer", parsed_sha256=parsed)
    assert not (stored / "inputs" / sha256_file(changed)).exists()


def _data_file(stored: Path) -> Path:
    (path,) = stored.glob("lines/part-*.parquet")
    return path


def test_replay_reproduces_every_partition(stored: Path) -> None:
    (version,) = audit.latest_runs(stored)
    outcome = audit.replay(stored, version)
    assert outcome.reproduced and len(outcome.partitions) == 2
    res = CliRunner().invoke(cli.main, ["audit", "replay", "--store", str(stored)])
    assert res.exit_code == 0 and "2 of 2 partition(s) reproduced" in res.output
    res = CliRunner().invoke(cli.main, ["audit", "replay", str(version), "--store", str(stored)])
    assert res.exit_code == 0 and "2 of 2 partition(s) reproduced" in res.output
    res = CliRunner().invoke(cli.main, ["audit", "replay", "7", "--store", str(stored)])
    assert res.exit_code == 1 and "no run committed as version 7" in res.output


def test_replay_names_a_changed_stored_input(stored: Path) -> None:
    (folder,) = (stored / "inputs").iterdir()
    copy = folder / EXAMPLE.name
    data = bytearray(copy.read_bytes())
    data[-5] ^= 0x01  # one flipped bit
    copy.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=f"{EXAMPLE.name} no longer has its SHA-256"):
        audit.replay_all(stored)


def test_replay_shows_lines_that_a_computation_no_longer_gives(stored: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = audit.inventory.run

    def drifted(*args: object, **kwargs: object) -> object:  # a software change doubling one line's mass
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        frame = result.lines
        first = frame.index[(frame["year"] == 2023)][0]
        frame.loc[first, "mass_t"] = frame.loc[first, "mass_t"] * 2
        result.__dict__["lines"] = frame
        return result

    monkeypatch.setattr(audit.inventory, "run", drifted)
    outcome = audit.replay_all(stored)
    assert not outcome.reproduced
    assert list(outcome.differences["column"]) == ["mass_t"]
    res = CliRunner().invoke(cli.main, ["audit", "replay", "--store", str(stored)])
    assert res.exit_code == 1 and "1 of 2 partition(s) reproduced" in res.output


def test_logical_hash_ignores_row_order_and_file_layout(stored: Path) -> None:
    snap = store.open_snapshot(stored)
    rev = snap.revision(2023, "DUCGIANG-LC", 1)
    frame = store.read_revision(stored, 2023, "DUCGIANG-LC", 1)
    assert store.content_hash(frame) == rev.content_hash
    assert store.content_hash(frame.iloc[::-1]) == rev.content_hash
    assert store.content_hash(pq.read_table(_data_file(stored)).slice(rev.start, rev.rows)) == rev.content_hash


def test_factors_diff(tmp_path: Path) -> None:
    new = tmp_path / "vn-grid-2024"
    shutil.copytree(releases.locate("vn-grid-2023"), new)
    table = (new / "factors.csv").read_text().replace("0.6592", "0.6500")
    table += (
        "vn.grid.2024,grid_emission_factor,grid_electricity,,,2024,CO2,0.6400,t CO2/MWh,,,vn-grid-2023,,assumed,x\n"
    )
    (new / "factors.csv").write_text(table)
    meta = json.loads((new / "release.json").read_text())
    meta["id"] = "vn-grid-2024"
    meta["files"]["factors.csv"] = sha256_file(new / "factors.csv")
    (new / "release.json").write_text(json.dumps(meta))
    diff = audit.factors_diff("vn-grid-2023", new)
    assert sorted(diff["change"]) == ["added", "changed"]
    changed = diff[diff["change"] == "changed"].iloc[0]
    assert (changed["value_a"], changed["value_b"]) == ("0.6592", "0.6500")
    res = CliRunner().invoke(cli.main, ["factors", "diff", "vn-grid-2023", str(new)])
    assert res.exit_code == 0 and "1 added, 0 removed, 1 changed" in res.output


def test_impact_of_a_revised_grid_factor_on_the_example_park(tmp_path: Path) -> None:
    park_dir = EXAMPLE.parents[1] / "tang-loong"
    out = tmp_path / "park-store"
    files = sorted(str(p) for p in (park_dir / "activity").glob("*.csv"))
    res = CliRunner().invoke(
        cli.main,
        [
            "inventory",
            *files,
            "--gwp",
            "AR5",
            "--out",
            str(out),
            "--extra-factors",
            str(park_dir / "factors" / "park-furnace-gas-2026"),
            "--extra-factors",
            "vn-grid-estimates-2024-2025",
        ],
    )
    assert res.exit_code == 0, res.output
    # every result of the example park is reproduced from its stored inputs and recorded releases
    (manifest,) = audit.latest_runs(out)
    outcome = audit.replay(out, manifest)
    assert outcome.reproduced and len(outcome.partitions) == len(store.history(out)) > 50
    revised = tmp_path / "vn-grid-2023-revised"
    shutil.copytree(releases.locate("vn-grid-2023"), revised)
    (revised / "factors.csv").write_text((revised / "factors.csv").read_text().replace("0.6592", "0.7000"))
    meta = json.loads((revised / "release.json").read_text())
    meta["id"] = "vn-grid-2023-revised"
    meta["files"]["factors.csv"] = sha256_file(revised / "factors.csv")
    (revised / "release.json").write_text(json.dumps(meta))
    change = audit.impact(out, str(revised), "vn-grid-2023")
    moved = change[change["total_t_co2e_change"].abs() > 1e-9]
    lines = store.read_lines(out)
    buyers = set(
        lines.loc[
            (lines["year"] == 2023) & (lines["activity"] == "grid_electricity") & (lines["scope"] == "scope_2"),
            "enterprise",
        ]
    )
    assert set(moved["year"]) == {2023} and set(moved["enterprise"]) == buyers
    # VIETSON 2023: 40,000 t x 0.86 utilisation = 34,400 t x 30 kWh/t = 1,032 MWh x (0.7000 - 0.6592) = 42.1056 t
    vietson = moved.set_index("enterprise").loc["VIETSON"]
    assert vietson["total_t_co2e_change"] == pytest.approx(42.1056)
    assert vietson["scope_2_market_t_co2e_change"] == pytest.approx(42.1056)


def test_store_verify_detects_a_flipped_byte(stored: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli.main, ["store", "verify", "--store", str(stored), "--json"])
    report = json.loads(res.output)
    assert res.exit_code == 0 and all(r["ok"] for r in report)
    # the log, the one data file, the one input, and every factor release the run used
    kinds = sorted({r["file"].split("/")[0] for r in report})
    assert (
        kinds == ["inputs", "lines", "releases"] and len([r for r in report if r["file"].startswith("releases/")]) >= 5
    )
    path = _data_file(stored)
    data = bytearray(path.read_bytes())
    data[64] ^= 0x01  # one bit inside the first data page
    path.write_bytes(bytes(data))
    res = runner.invoke(cli.main, ["store", "verify", "--store", str(stored)])
    assert res.exit_code == 1 and path.name in res.output and "SHA-256" in res.output


def _sign(runner: CliRunner, stored: Path, key: Path, out: Path, signer: str = "VN verifier") -> None:
    args = ["audit", "sign", "--year", "2023", "--enterprise", "DUCGIANG-LC", "--revision", "1", "--key", str(key)]
    args += ["--signer", signer, "--opinion", "reasonable assurance", "--store", str(stored), "--out", str(out)]
    res = runner.invoke(cli.main, args)
    assert res.exit_code == 0, res.output


def test_keygen_writes_a_key_pair_and_prints_its_fingerprint(tmp_path: Path) -> None:
    key = tmp_path / "auditor.pem"
    res = CliRunner().invoke(cli.main, ["audit", "keygen", str(key), "--json"])
    made = json.loads(res.output)
    assert res.exit_code == 0 and made["public_key"] == str(tmp_path / "auditor.pem.pub")
    assert key.stat().st_mode & 0o777 == 0o600 and "PRIVATE KEY" in key.read_text()
    assert "BEGIN PUBLIC KEY" in (tmp_path / "auditor.pem.pub").read_text()
    assert made["fingerprint"].startswith("SHA256:") and len(made["fingerprint"]) == 7 + 64
    again = CliRunner().invoke(cli.main, ["audit", "keygen", str(key)])
    assert again.exit_code == 1 and key.read_text() == (tmp_path / "auditor.pem").read_text()  # never overwritten


def test_a_statement_is_valid_only_if_signed_by_a_trusted_key_over_unchanged_data(stored: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    key = tmp_path / "auditor.pem"
    assert runner.invoke(cli.main, ["audit", "keygen", str(key)]).exit_code == 0
    trusted = ["--trusted-key", str(tmp_path / "auditor.pem.pub")]
    statement = tmp_path / "statement.json"
    _sign(runner, stored, key, statement)
    res = runner.invoke(cli.main, ["audit", "verify", str(statement), "--store", str(stored), *trusted])
    assert res.exit_code == 0 and "statement is valid" in res.output
    # without a trusted key there is nothing to verify against
    res = runner.invoke(cli.main, ["audit", "verify", str(statement), "--store", str(stored)])
    assert res.exit_code == 2 and "--trusted-key" in res.output
    # a changed byte in the statement breaks the signature
    body = json.loads(statement.read_text())
    altered = tmp_path / "altered.json"
    altered.write_text(json.dumps({**body, "opinion": "reasonable assurance!"}))
    res = runner.invoke(cli.main, ["audit", "verify", str(altered), "--store", str(stored), *trusted])
    assert res.exit_code == 1 and "signature does not match" in res.output
    # a statement forged with a fresh key under the same signer's name: a valid signature, an untrusted key
    other = tmp_path / "forger.pem"
    assert runner.invoke(cli.main, ["audit", "keygen", str(other)]).exit_code == 0
    forged = tmp_path / "forged.json"
    _sign(runner, stored, other, forged)
    res = runner.invoke(cli.main, ["audit", "verify", str(forged), "--store", str(stored), *trusted])
    assert res.exit_code == 1 and "not signed by a trusted key" in res.output
    res = runner.invoke(cli.main, ["--lang", "vi", "audit", "verify", str(forged), "--store", str(stored), *trusted])
    assert res.exit_code == 1 and "không được ký bằng khóa tin cậy" in res.output
    # a keyring of several auditors' keys: the forger's key is trusted only if it is in it
    ring = tmp_path / "keyring.pem"
    ring.write_text((tmp_path / "auditor.pem.pub").read_text() + (tmp_path / "forger.pem.pub").read_text())
    res = runner.invoke(cli.main, ["audit", "verify", str(forged), "--store", str(stored), "--trusted-key", str(ring)])
    assert res.exit_code == 0
    res = runner.invoke(cli.main, ["audit", "verify", str(forged), "--store", str(stored), "--trusted-key", str(key)])
    assert res.exit_code == 1 and "is not an Ed25519 public key" in res.output  # a private key is not a trust root


@pytest.mark.parametrize("where", [0.05, 0.3, 0.6, 0.9, 0.999])  # data pages ... footer (metadata, author)
def test_any_flipped_bit_of_the_signed_revision_fails_verification(stored: Path, tmp_path: Path, where: float) -> None:
    runner = CliRunner()
    key = tmp_path / "auditor.pem"
    assert runner.invoke(cli.main, ["audit", "keygen", str(key)]).exit_code == 0
    statement = tmp_path / "statement.json"
    _sign(runner, stored, key, statement)
    path = _data_file(stored)
    data = bytearray(path.read_bytes())
    data[int(len(data) * where)] ^= 0x01
    path.write_bytes(bytes(data))
    assert json.loads(statement.read_text())["file_sha256"] != sha256_file(path)
    args = [
        "audit",
        "verify",
        str(statement),
        "--store",
        str(stored),
        "--trusted-key",
        str(tmp_path / "auditor.pem.pub"),
    ]
    res = runner.invoke(cli.main, args)
    assert res.exit_code == 1 and "data changed since it was signed" in res.output


def pa_table(frame: pd.DataFrame, like: object) -> object:
    """``frame`` as a stored lines table with the metadata of ``like``."""
    import pyarrow as pa

    return pa.Table.from_pandas(frame, schema=store.STORED_SCHEMA, preserve_index=False).replace_schema_metadata(
        like.schema.metadata  # type: ignore[attr-defined]
    )
