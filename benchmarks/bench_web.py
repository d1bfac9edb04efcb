"""Server time of the web application's two heaviest requests, on this machine's loopback address.

Starts ``ghg serve --demo`` (the bundled example park on SQLite, or PostgreSQL with ``--database URL``) in its
own process, then times, as a client on 127.0.0.1 sees them:

- the park dashboard (``GET /park/`` signed in as the management board: the consolidation, the members' status
  per year, the QA/QC findings): the first request after each submission (the store's new version is read and
  consolidated afresh) and repeated requests of an unchanged store, medians of ``--repeat`` requests;
- an upload of the example park's largest enterprise file (its records for every year) through the HTTP API:
  ``validate`` (receive, check, compute the inventory, nothing kept) and ``submit`` (the same, then publish a
  revision to the store), medians of ``--repeat`` requests (each submission changes one quantity, so each is a
  new revision).

Run::

    python benchmarks/bench_web.py [--repeat 7] [--database postgresql://...]

Needs ``pip install -e ".[test]"`` (Django, requests).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ghg.core import example  # noqa: E402
from ghg.web.server import printed_accounts  # noqa: E402

_TOKEN = """
import sys
from pathlib import Path
from ghg.web import server
server.configure(Path(sys.argv[1]))
server.add_user("bench-reporter", "reporter", [sys.argv[2]])
print(server.new_token("bench-reporter"))
"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _median_ms(times: list[float]) -> str:
    return f"{1000 * statistics.median(times):8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database", default="", help="PostgreSQL URL (default: SQLite beside the store)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ghg-bench-web-"))
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "GHG_DATABASE_URL": args.database}
    port = _port()
    process = subprocess.Popen(
        [sys.executable, "-m", "ghg.cli", "serve", "--demo", str(folder), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    assert process.stdout is not None
    accounts = printed_accounts(process.stdout)[0]
    base = f"http://127.0.0.1:{port}"
    try:
        largest = max(example.activity_files(), key=lambda p: p.stat().st_size)
        enterprise = largest.stem
        token = subprocess.run([sys.executable, "-c", _TOKEN, str(folder / "ghg-store"), enterprise], env=env,
                               capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]  # fmt: skip
        board = requests.Session()
        board.get(f"{base}/login/")
        login = {"username": "demo-authority", "password": accounts["demo-authority"],
                 "csrfmiddlewaretoken": board.cookies["csrftoken"]}  # fmt: skip
        answer = board.post(f"{base}/login/", data=login)
        assert answer.ok and "/park/" in answer.url, answer.url
        board.get(f"{base}/park/")  # the first request warms the imports
        dashboard = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            assert board.get(f"{base}/park/").ok
            dashboard.append(time.perf_counter() - start)
        with largest.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))

        def file_with(quantity_factor: float) -> bytes:
            out = io.StringIO()
            w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            changed = [dict(r) for r in rows]
            changed[-1]["quantity"] = str(float(changed[-1]["quantity"]) * quantity_factor)
            w.writerows(changed)
            return out.getvalue().encode("utf-8")

        headers = {"Authorization": f"Bearer {token}"}
        validate, submit, changed = [], [], []
        for i in range(args.repeat):
            data = file_with(1.0 + (i + 1) / 1000)
            start = time.perf_counter()
            checked = requests.post(f"{base}/api/v1/enterprises/{enterprise}/validate", headers=headers,
                                    files={"file": (largest.name, data)})  # fmt: skip
            validate.append(time.perf_counter() - start)
            assert checked.status_code == 200, checked.text[:500]
            start = time.perf_counter()
            done = requests.post(f"{base}/api/v1/enterprises/{enterprise}/submit", headers=headers,
                                 files={"file": (largest.name, data)}, data={"reason": f"benchmark {i}"})  # fmt: skip
            submit.append(time.perf_counter() - start)
            assert done.status_code == 200, done.text[:500]
            start = time.perf_counter()  # the first dashboard of the store's new version: computed afresh
            assert board.get(f"{base}/park/").ok
            changed.append(time.perf_counter() - start)
        database = "PostgreSQL" if args.database else "SQLite"
        print(f"ghg serve on 127.0.0.1, {database}, {os.cpu_count()} cores; medians of {args.repeat} requests")
        print(f"  park dashboard (GET /park/), after a submission      {_median_ms(changed)}")
        print(f"  park dashboard (GET /park/), store unchanged         {_median_ms(dashboard)}")
        print(f"  upload {largest.name} ({len(rows)} records), validate      {_median_ms(validate)}")
        print(f"  upload {largest.name} ({len(rows)} records), submit        {_median_ms(submit)}")
        medians = {"dashboard_s": statistics.median(dashboard), "dashboard_new_s": statistics.median(changed),
                   "validate_s": statistics.median(validate),
                   "submit_s": statistics.median(submit)}  # fmt: skip
        print(json.dumps({**medians, "records": len(rows), "database": database}))
    finally:
        process.terminate()
        process.wait(timeout=20)


if __name__ == "__main__":
    main()
