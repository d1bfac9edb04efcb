"""Against ``ghg serve`` running on the loopback address: twenty enterprises submitting at once through the
HTTP API (each stored exactly once or refused with a message, the store verified clean afterwards), and the
whole story in a real browser (Debian's chromium driven by playwright) against ``ghg serve --demo``
running on the loopback address: an enterprise reporter signs in, uploads a file with a mistake, sees the row
error, uploads the corrected file and submits it, then sends it for review; the board sees it on the
dashboard, acknowledges a finding, verifies and locks it; an auditor signs a statement offline with
``ghg audit sign``, uploads it and sees it verified. Each page is photographed in Vietnamese and English
(``GHG_SCREENSHOTS`` names the folder; the committed ones are in ``docs/screenshots/web``).
"""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ghg.core import example
from ghg.web.server import printed_accounts
from tests import postgres
from tests.browser import CHROMIUM, FLAGS

DAP2 = "DAP2-VINACHEM"
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ghg(*args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "ghg.cli", *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest) -> Iterator[str]:
    """The web application's database: SQLite beside the store (''), or a private PostgreSQL server's URL."""
    if request.param == "sqlite":
        yield ""
        return
    if not postgres.available():
        pytest.skip("PostgreSQL is not installed (.ci/run installs it)")
    with postgres.server() as url:
        yield url


@pytest.fixture(scope="module")
def server(database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """``ghg serve --demo`` in its own process (on SQLite or PostgreSQL); the demo accounts it prints."""
    folder = tmp_path_factory.mktemp("serve")
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if database:
        env["GHG_DATABASE_URL"] = database
    process = subprocess.Popen(
        [sys.executable, "-m", "ghg.cli", "serve", "--demo", str(folder), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None
    accounts, printed = printed_accounts(process.stdout)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/login/", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    assert accounts, "".join(printed)[-3000:]
    assert ("database ghg)" in printed[-1]) == bool(database), printed[-1]  # the server says which it uses
    yield {"base": base, "accounts": accounts, "folder": folder, "store": folder / "ghg-store", "database": database}
    process.terminate()
    process.wait(timeout=20)


def _activity(folder: Path, name: str, change: dict[str, str]) -> Path:
    source = example.example_dir() / "activity" / f"{DAP2}.csv"
    with source.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["year"] == "2025"]
    rows[0].update(change)
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path = folder / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@needs_chromium
def test_the_whole_story_in_a_browser(server: dict[str, object], tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    shots = Path(os.environ.get("GHG_SCREENSHOTS", str(tmp_path / "shots")))
    shots.mkdir(parents=True, exist_ok=True)
    base, accounts = str(server["base"]), server["accounts"]
    assert isinstance(accounts, dict) and set(accounts) == {"demo-reporter", "demo-authority", "demo-auditor",
                                                            "demo-admin"}  # fmt: skip
    bad = _activity(tmp_path, "dap2-2025.csv", {"unit": "tonnez"})
    good = _activity(tmp_path / "..", "dap2-2025-corrected.csv", {"quantity": "234000"})
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 900})

        def shot(name: str, lang: str, full: bool = True) -> None:
            page.screenshot(path=str(shots / f"{name}.{lang}.png"), full_page=full)

        def sign_in(name: str) -> None:
            page.goto(base + "/login/")
            page.fill("input[name=username]", name)
            page.fill("input[name=password]", accounts[name])
            page.click("form input[type=submit]")

        def sign_out() -> None:
            page.click("header form[action$='/logout/'] button")
            page.wait_for_url(re.compile(r".*/login/.*"))

        # the reporter: a mistake, the row error, the corrected file, the inventory, submitted, sent for review
        page.goto(base + "/login/")
        shot("login", "vi")
        sign_in("demo-reporter")
        page.wait_for_url(f"{base}/e/{DAP2}/")
        page.set_input_files("input[name=file]", str(bad))
        page.click("form[action$='/upload/'] input[type=submit]")
        problems = page.locator("table.problems")
        assert "tonnez" in problems.inner_text() and "unit" in problems.inner_text()
        assert "1 lỗi: chưa lưu gì" in page.content()
        shot("upload-problems", "vi")
        page.set_input_files("input[name=file]", str(good))
        page.click("form[action$='/upload/'] input[type=submit]")
        page.wait_for_url(re.compile(r".*/uploads/\d+/$"))
        assert "Theo phạm vi [tấn CO2tđ]" in page.content()
        shot("upload-inventory", "vi")
        page.fill("textarea[name=reason]", "sửa sản lượng theo báo cáo sản xuất")
        page.click("form[action$='/submit/'] input[type=submit]")
        page.wait_for_url(f"{base}/e/{DAP2}/")
        assert "Đã lưu: 1 phiên bản." in page.content()
        page.locator("form[action$='/review/'] button").first.click()
        page.wait_for_url(f"{base}/e/{DAP2}/")
        shot("enterprise", "vi")
        sign_out()

        from ghg.store import open_snapshot

        statuses = open_snapshot(server["store"]).statuses(2025, DAP2)  # type: ignore[arg-type]
        revision = max(statuses)
        assert statuses[revision]["status"] == "submitted" and statuses[revision]["by"] == "demo-reporter"

        # the board: the dashboard, an acknowledgement, verify, lock
        sign_in("demo-authority")
        page.wait_for_url(f"{base}/park/")
        assert "Tổng quan khu công nghiệp" in page.content() and "đã nộp" in page.content()
        ack = page.locator("form[action$='/acknowledge/']").first
        ack.locator("input[name=comment]").fill("đã đối chiếu với hóa đơn")
        ack.locator("button").click()
        page.wait_for_url(f"{base}/park/")
        assert "đã đối chiếu với hóa đơn" in page.content()
        row = page.locator("tr", has_text=DAP2).filter(has_text="2025").filter(has=page.locator("button"))
        row.locator("button[value=verified]").first.click()
        page.wait_for_url(f"{base}/park/")
        row = page.locator("tr", has_text=DAP2).filter(has_text="2025").filter(has=page.locator("button"))
        row.locator("button[value=locked]").first.click()
        page.wait_for_url(f"{base}/park/")
        shot("dashboard", "vi", full=False)
        page.goto(base + "/park/pathway/")
        assert "Lộ trình đến 2050" in page.content() and "<svg" in page.content()
        shot("pathway", "vi", full=False)
        page.goto(base + "/park/log/")
        assert "submitted" in page.content() and "demo-reporter" in page.content()
        shot("audit-log", "vi", full=False)
        sign_out()
        assert open_snapshot(server["store"]).statuses(2025, DAP2)[revision]["status"] == "locked"  # type: ignore[arg-type]

        # the auditor: a key registered for it, a statement signed offline, uploaded and verified
        key = tmp_path / "auditor.key"
        ghg("audit", "keygen", str(key))
        store = str(server["store"])
        on = {**os.environ, "GHG_DATABASE_URL": str(server["database"])}
        out = ghg("users", "add", "demo-auditor", "--role", "auditor", "--assign", f"{DAP2}:2025",
                  "--key", f"{key}.pub", "--store", store, env=on)  # fmt: skip
        assert "password is unchanged" in out
        statement = tmp_path / "statement.json"
        ghg("audit", "sign", "--year", "2025", "--enterprise", DAP2, "--revision", str(revision), "--key", str(key),
            "--signer", "Công ty kiểm toán A", "--store", store, "--out", str(statement))  # fmt: skip
        sign_in("demo-auditor")
        page.wait_for_url(f"{base}/audit/")
        page.set_input_files("input[name=statement]", str(statement))
        page.click("form[action$='/statement/'] input[type=submit]")
        page.wait_for_url(f"{base}/audit/")
        assert "văn bản hợp lệ: chữ ký và số liệu lưu trữ khớp nhau" in page.content()
        shot("auditor", "vi")
        page.click(f"a[href='/e/{DAP2}/2025/{revision}/']")
        shot("revision-lines", "vi")

        # the same pages in English, by the switch
        page.click("header button[name=language]")
        page.wait_for_load_state()
        assert '<html lang="en">' in page.content() and f"{DAP2} 2025 — revision {revision}" in page.content()
        shot("revision-lines", "en")
        page.goto(base + "/audit/")
        assert "the statement is valid" in page.content()
        shot("auditor", "en")
        sign_out()
        shot("login", "en")
        sign_in("demo-reporter")
        page.wait_for_url(f"{base}/e/{DAP2}/")
        page.set_input_files("input[name=file]", str(bad))
        page.click("form[action$='/upload/'] input[type=submit]")
        assert "1 problem(s): nothing was kept" in page.content()
        shot("upload-problems", "en")
        page.set_input_files("input[name=file]", str(good))
        page.click("form[action$='/upload/'] input[type=submit]")
        page.wait_for_url(re.compile(r".*/uploads/\d+/$"))
        assert "By scope [t CO2e]" in page.content()
        shot("upload-inventory", "en")
        page.goto(f"{base}/e/{DAP2}/")
        shot("enterprise", "en")
        sign_out()
        sign_in("demo-authority")
        page.wait_for_url(f"{base}/park/")
        assert "Park dashboard" in page.content() and "locked" in page.content()
        shot("dashboard", "en", full=False)
        page.goto(base + "/park/pathway/")
        shot("pathway", "en", full=False)
        page.goto(base + "/park/log/")
        shot("audit-log", "en", full=False)
        # on a phone: nothing wider than the screen but the tables, which scroll in their own box
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.context.add_cookies(page.context.cookies())
        for url in ("/park/", f"/e/{DAP2}/"):
            phone.goto(base + url)
            wide = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 1, (url, wide)
        browser.close()


#: Accounts and tokens for the concurrent submissions, made in one process next to the running server.
_MAKE_TOKENS = """
import json, sys
from pathlib import Path
from ghg.web import server
server.configure(Path(sys.argv[1]))
out = {}
for i in range(1, int(sys.argv[2]) + 1):
    code = f"E{i:02d}"
    server.add_user(f"reporter-{code}", "reporter", [code])
    out[code] = server.new_token(f"reporter-{code}")
print(json.dumps(out))
"""


def test_twenty_enterprises_submitting_at_once(server: dict[str, object], tmp_path: Path) -> None:
    import json
    from concurrent.futures import ThreadPoolExecutor

    import requests

    count = 20
    env = {**os.environ, "GHG_DATABASE_URL": str(server["database"])}
    made = subprocess.run([sys.executable, "-c", _MAKE_TOKENS, str(server["store"]), str(count)],
                          capture_output=True, text=True, check=True, env=env)  # fmt: skip
    tokens = json.loads(made.stdout.strip().splitlines()[-1])
    source = example.example_dir() / "activity" / f"{DAP2}.csv"
    with source.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["year"] == "2025"]

    def file_of(code: str) -> bytes:
        out = io.StringIO()
        w = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows({**r, "enterprise": code} for r in rows)
        return out.getvalue().encode("utf-8")

    def send(code: str) -> tuple[str, int, dict[str, object]]:
        answer = requests.post(
            f"{server['base']}/api/v1/enterprises/{code}/submit",
            headers={"Authorization": f"Bearer {tokens[code]}", "Accept-Language": "en"},
            files={"file": (f"{code}.csv", file_of(code), "text/csv")},
            timeout=300,
        )
        return code, answer.status_code, answer.json()

    from ghg.store import open_snapshot

    before = open_snapshot(server["store"]).version  # type: ignore[arg-type]
    with ThreadPoolExecutor(count) as pool:
        answers = list(pool.map(send, sorted(tokens)))
    stored = [code for code, status, _ in answers if status == 200]
    refused = [(code, body) for code, status, body in answers if status != 200]
    # each either stored or refused with a message, never half
    assert all(status in (200, 409) for _, status, _ in answers), answers
    assert all("nothing of yours was written" in str(body["message"]) for _, body in refused)
    history = open_snapshot(server["store"]).history()  # type: ignore[arg-type]
    for code in sorted(tokens):
        revisions = history[(history["enterprise"] == code) & (history["year"] == 2025)]
        assert len(revisions) == (1 if code in stored else 0), code  # exactly once
    assert len(stored) >= count // 2  # writers wait their turn: most get in
    assert open_snapshot(server["store"]).version == before + len(stored)  # type: ignore[arg-type]
    verified = subprocess.run([sys.executable, "-m", "ghg.cli", "store", "verify", "--store", str(server["store"])],
                              capture_output=True, text=True)  # fmt: skip
    assert verified.returncode == 0, verified.stdout[-2000:] + verified.stderr[-2000:]


def test_pages_are_read_while_a_submission_is_written(server: dict[str, object]) -> None:
    import fcntl

    import requests

    board = requests.Session()
    base = str(server["base"])
    board.get(f"{base}/login/")
    login = {"username": "demo-authority", "password": server["accounts"]["demo-authority"],  # type: ignore[index]
             "csrfmiddlewaretoken": board.cookies["csrftoken"]}  # fmt: skip
    assert board.post(f"{base}/login/", data=login).ok
    lock = Path(str(server["store"]) + "-web") / "store.lock"
    with lock.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # a writer holds the store (a slow submission)
        start = time.perf_counter()
        for url in ("/park/", f"/e/{DAP2}/", f"/e/{DAP2}/2025/1/"):
            assert board.get(base + url, timeout=60).status_code == 200, url
        assert time.perf_counter() - start < 30  # read without waiting for the writer
        fcntl.flock(held, fcntl.LOCK_UN)
