"""The web application with Django's test client: every view for every role, attempts to reach another
enterprise's pages, revisions or uploads by changing identifiers, uploads refused with every problem and
nothing stored, a correct upload computed, shown and submitted, the board's acknowledgement and workflow, one
writer at a time, CSRF, the append-only audit log, and the two languages.

The application runs over the bundled example park (``ghg serve --demo``'s store and accounts).
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("django")

from ghg.core import example

DAP2 = "DAP2-VINACHEM"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The example park stored once, the application configured over it, one account per role."""
    import os

    from ghg.web import server

    os.environ["GHG_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"  # Django's test client is 'testserver'
    folder = tmp_path_factory.mktemp("web")
    store, accounts = server.demo(folder)
    server.add_user("other-reporter", "reporter", ["P3-DNA"], password="another-long-password")
    return {"store": store, "folder": folder, "accounts": {a.role: a for a in accounts}}


def client(demo: dict[str, object], role: str, csrf: bool = False):  # type: ignore[no-untyped-def]

    account = demo["accounts"][role]  # type: ignore[index]
    return signed_in(account.name, account.password, csrf)


def signed_in(name: str, password: str, csrf: bool = False):  # type: ignore[no-untyped-def]
    """A client signed in through the login page (as a person does, through the login throttle)."""
    from django.test import Client

    c = Client(enforce_csrf_checks=csrf)
    if csrf:  # the login form's own token first
        c.get("/login/")
        answer = c.post("/login/", {"username": name, "password": password,
                                    "csrfmiddlewaretoken": c.cookies["csrftoken"].value})  # fmt: skip
    else:
        answer = c.post("/login/", {"username": name, "password": password})
    assert answer.status_code == 302, answer.content[-500:]
    return c


def version(demo: dict[str, object]) -> int:
    from ghg.store import open_snapshot

    return open_snapshot(demo["store"]).version  # type: ignore[arg-type]


def activity(rows_changed: dict[int, dict[str, str]] | None = None, enterprise: str = DAP2) -> bytes:
    """The example's activity file of ``enterprise`` (2025 rows only), with cells changed by data row index."""
    source = example.example_dir() / "activity" / f"{enterprise}.csv"
    with source.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["year"] == "2025"]
    for i, change in (rows_changed or {}).items():
        rows[i].update(change)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def upload(c, name: str, data: bytes, enterprise: str = DAP2):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return c.post(f"/e/{enterprise}/upload/", {"file": SimpleUploadedFile(name, data)})


def test_every_page_needs_an_account(demo: dict[str, object]) -> None:
    from django.test import Client

    anonymous = Client()
    for url in ("/", "/park/", f"/e/{DAP2}/", "/audit/", "/park/log/", "/template/vi/", f"/e/{DAP2}/2025/1/"):
        answer = anonymous.get(url)
        assert answer.status_code == 302 and answer["Location"].startswith("/login/"), url


def test_each_role_reaches_its_pages_and_no_other(demo: dict[str, object]) -> None:
    reporter, authority, auditor = client(demo, "reporter"), client(demo, "authority"), client(demo, "auditor")
    # where each role starts
    assert reporter.get("/")["Location"] == f"/e/{DAP2}/"
    assert authority.get("/")["Location"] == "/park/" and auditor.get("/")["Location"] == "/audit/"
    # the board's pages: the board only
    for url in ("/park/", "/park/log/"):
        assert authority.get(url).status_code == 200
        assert reporter.get(url).status_code == 403 and auditor.get(url).status_code == 403
    # the reporter's own enterprise, not another (404: the page does not say whether it exists)
    assert reporter.get(f"/e/{DAP2}/").status_code == 200
    assert reporter.get("/e/P3-DNA/").status_code == 404
    assert reporter.get("/e/P3-DNA/2025/1/").status_code == 404
    assert reporter.get(f"/e/{DAP2}/2025/1/").status_code == 200
    # the auditor: the (enterprise, year) assigned only
    assert auditor.get(f"/e/{DAP2}/2025/1/").status_code == 200
    assert auditor.get(f"/e/{DAP2}/2023/1/").status_code == 404
    assert auditor.get("/e/P3-DNA/2025/1/").status_code == 404
    assert upload(auditor, "a.csv", activity()).status_code == 403  # read-only
    assert upload(authority, "a.csv", activity()).status_code == 403  # the board does not submit
    assert auditor.get("/template/vi/").status_code == 403
    # the board reads every enterprise
    assert authority.get("/e/P3-DNA/").status_code == 200 and authority.get("/e/P3-DNA/2025/1/").status_code == 200


def test_another_enterprises_upload_cannot_be_reached(demo: dict[str, object]) -> None:
    from ghg.web.models import Upload

    mine = client(demo, "reporter")
    answer = upload(mine, "dap2-2025.csv", activity({0: {"quantity": "230000"}}))
    assert answer.status_code == 302
    kept = Upload.objects.filter(enterprise=DAP2, submitted__isnull=True).latest("pk")
    other = signed_in("other-reporter", "another-long-password")
    # the same upload by its number, under either enterprise's address: nothing
    assert other.get(f"/e/{DAP2}/uploads/{kept.pk}/").status_code == 404
    assert other.get(f"/e/P3-DNA/uploads/{kept.pk}/").status_code == 404
    assert other.post(f"/e/P3-DNA/uploads/{kept.pk}/submit/", {"reason": "x"}).status_code == 404
    assert other.post(f"/e/{DAP2}/2025/1/review/").status_code == 404
    # and uploading into another enterprise's address
    assert upload(other, "x.csv", activity(), enterprise=DAP2).status_code == 404


def test_a_file_with_mistakes_is_refused_with_every_problem_and_nothing_is_kept(demo: dict[str, object]) -> None:
    from ghg.web.models import Upload

    c = client(demo, "reporter")
    folder = demo["folder"] / "ghg-store-web" / "uploads"  # type: ignore[operator]
    before, uploads, files = version(demo), Upload.objects.count(), sorted(folder.glob("*/*"))
    # row 2: a unit that is not a unit; row 3: a negative quantity (both reported at once)
    bad = activity({0: {"unit": "tonnez"}, 1: {"quantity": "-5"}})
    answer = upload(c, "dap2-2025.csv", bad)
    page = answer.content.decode()
    assert answer.status_code == 400
    assert "tonnez" in page and '<td class="n">2</td>' in page and '<td class="n">3</td>' in page
    assert "2 lỗi: chưa lưu gì" in page  # Vietnamese by default
    assert "<td>dap2-2025.csv</td>" in page and "-web/uploads/" not in page  # the name, not the server's folder
    assert version(demo) == before and Upload.objects.count() == uploads
    assert sorted(folder.glob("*/*")) == files  # the refused file is not kept


def test_rows_of_another_enterprise_are_refused(demo: dict[str, object]) -> None:
    c = client(demo, "reporter")
    answer = upload(c, "p3.csv", activity(enterprise="P3-DNA"))
    assert answer.status_code == 400
    assert "bạn chỉ nộp cho DAP2-VINACHEM" in answer.content.decode()


def test_files_that_are_not_accepted_are_refused_unread(demo: dict[str, object]) -> None:
    c = client(demo, "reporter")
    assert "không nhận loại tệp này" in upload(c, "notes.txt", b"hello").content.decode()
    assert "không phải bảng tính .xlsx hợp lệ" in upload(c, "fake.xlsx", b"not a zip").content.decode()
    # a workbook whose one part declares 300 MB when expanded (highly compressible zeros): refused unopened
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    answer = upload(c, "bomb.xlsx", buffer.getvalue())
    assert answer.status_code == 400 and "phình ra quá 200 MB" in answer.content.decode()


def test_a_correct_file_is_shown_then_submitted_as_a_revision(demo: dict[str, object]) -> None:
    from ghg.store import open_snapshot
    from ghg.web.models import AuditEvent, Upload

    c = client(demo, "reporter")
    answer = upload(c, "dap2-2025.csv", activity({0: {"quantity": "231000"}}))
    assert answer.status_code == 302
    kept = Upload.objects.filter(enterprise=DAP2, submitted__isnull=True).latest("pk")
    shown = c.get(answer["Location"])
    page = shown.content.decode()
    assert shown.status_code == 200 and "Theo phạm vi [tấn CO2tđ]" in page and "phạm vi 1" in page
    before = open_snapshot(demo["store"]).statuses(2025, DAP2)  # type: ignore[arg-type]
    done = c.post(f"/e/{DAP2}/uploads/{kept.pk}/submit/", {"reason": "production report corrected"})
    assert done.status_code == 302
    after = open_snapshot(demo["store"]).statuses(2025, DAP2)  # type: ignore[arg-type]
    assert len(after) == len(before) + 1
    kept.refresh_from_db()
    assert kept.submitted is not None and kept.revisions == [{"year": 2025, "revision": max(after)}]
    assert AuditEvent.objects.filter(action="submitted", enterprise=DAP2).exists()
    # the enterprise's page lists it as a draft it can send for review
    assert "Gửi thẩm định" in c.get(f"/e/{DAP2}/").content.decode()


def test_the_workflow_and_an_acknowledgement(demo: dict[str, object]) -> None:
    from ghg.store import open_snapshot
    from ghg.web.models import Acknowledgement

    reporter, board = client(demo, "reporter"), client(demo, "authority")
    statuses = open_snapshot(demo["store"]).statuses(2024, DAP2)  # type: ignore[arg-type]
    revision = max(statuses)
    assert reporter.post(f"/e/{DAP2}/2024/{revision}/review/").status_code == 302
    assert board.post(f"/park/{DAP2}/2024/{revision}/step/", {"status": "verified"}).status_code == 302
    assert board.post(f"/park/{DAP2}/2024/{revision}/step/", {"status": "locked"}).status_code == 302
    now = open_snapshot(demo["store"]).statuses(2024, DAP2)  # type: ignore[arg-type]
    assert now[revision]["status"] == "locked" and now[revision]["by"] == "demo-authority"
    # a reporter cannot verify; the board cannot skip a step back
    assert reporter.post(f"/park/{DAP2}/2024/{revision}/step/", {"status": "verified"}).status_code == 403
    page = board.get("/park/").content.decode()
    assert "đã khóa" in page and "Tình trạng kiểm kê của thành viên theo năm" in page
    finding = {"code": "QC10", "enterprise": "LAVITA", "facility": "site", "year": "2025", "key": "national_list"}
    answer = board.post("/park/acknowledge/", {**finding, "comment": "đã kiểm tra"})
    assert answer.status_code == 302
    ack = Acknowledgement.objects.get(code="QC10", enterprise="LAVITA", year=2025)
    assert ack.by.username == "demo-authority" and "đã kiểm tra" in board.get("/park/").content.decode()


def test_one_writer_at_a_time(demo: dict[str, object]) -> None:
    from django.conf import settings

    from ghg.core.errors import StoreError
    from ghg.web import writer

    with writer.turn(settings.CONFIG), pytest.raises(StoreError) as refused, writer.turn(settings.CONFIG, wait=0.2):
        pass
    assert refused.value.key == "store.web_busy"
    # a submission arriving while another write holds the lock gets the message, and nothing is written
    c = client(demo, "reporter")
    answer = upload(c, "dap2-2025.csv", activity({0: {"quantity": "232000"}}))
    before = version(demo)
    os.environ["GHG_WRITE_WAIT"] = "0.3"
    try:
        with writer.turn(settings.CONFIG):
            done = c.post(answer["Location"] + "submit/", {"reason": "again"}, follow=True)
    finally:
        del os.environ["GHG_WRITE_WAIT"]
    assert "đang ghi một lần nộp khác" in done.content.decode() and version(demo) == before


def test_forms_need_their_csrf_token(demo: dict[str, object]) -> None:
    c = client(demo, "authority", csrf=True)
    answer = c.post("/park/acknowledge/", {"code": "QC10", "comment": "x"})
    assert answer.status_code == 403


def test_five_wrong_passwords_lock_the_account(demo: dict[str, object]) -> None:
    from django.test import Client

    from ghg.web import server

    server.add_user("locked-out", "reporter", ["VIMICO"], password="the-right-password-1")
    client(demo, "reporter")  # a sign-in that works, for the log
    c = Client()
    for _ in range(5):
        assert c.post("/login/", {"username": "locked-out", "password": "wrong"}).status_code in (200, 429)
    answer = c.post("/login/", {"username": "locked-out", "password": "the-right-password-1"})
    assert answer.status_code == 429  # locked for fifteen minutes, even with the right password
    from ghg.web.models import AuditEvent

    failed = AuditEvent.objects.filter(user="locked-out", action="sign_in_failed")
    assert failed.count() >= 5 and failed.first().address == "127.0.0.1"  # type: ignore[union-attr]
    assert AuditEvent.objects.filter(user="demo-reporter", action="signed_in").exists()


def test_the_audit_log_is_append_only(demo: dict[str, object]) -> None:
    from ghg.web.models import AppendOnly, AuditEvent

    event = AuditEvent.objects.create(user="x", action="test")
    event.action = "changed"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()


def test_vietnamese_first_and_english_by_the_switch(demo: dict[str, object]) -> None:
    c = client(demo, "authority")
    assert "Tổng quan khu công nghiệp" in c.get("/park/").content.decode()
    c.post("/i18n/setlang/", {"language": "en", "next": "/park/"})
    page = c.get("/park/").content.decode()
    assert "Park dashboard" in page and "Tổng quan" not in page


def test_the_template_downloads_in_both_languages(demo: dict[str, object]) -> None:
    from openpyxl import load_workbook

    c = client(demo, "reporter")
    for lang, sheet in (("vi", "Điện mua vào"), ("en", "purchased_electricity")):
        answer = c.get(f"/template/{lang}/")
        assert answer.status_code == 200
        assert sheet in load_workbook(io.BytesIO(answer.content)).sheetnames


def test_serve_check_and_users_add_from_the_command_line(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "GHG_ALLOWED_HOSTS": "ghg.example.vn"}
    run = [sys.executable, "-m", "ghg.cli"]
    store = tmp_path / "store"
    # the production settings with the generated secret key (readable by its owner only) pass Django's check
    checked = subprocess.run([*run, "serve", "--store", str(store), "--check"], capture_output=True, text=True,
                             env=env)  # fmt: skip
    assert checked.returncode == 0, checked.stderr[-2000:]
    assert "no problem" in checked.stdout
    key = tmp_path / "store-web" / "secret_key"
    assert key.is_file() and key.stat().st_mode & 0o777 == 0o600
    # a weak key given by the environment does not
    weak = subprocess.run([*run, "serve", "--store", str(store), "--check"], capture_output=True, text=True,
                          env={**env, "GHG_SECRET_KEY": "k" * 60})  # fmt: skip
    assert weak.returncode == 2 and "security.W009" in weak.stderr and "Traceback" not in weak.stderr
    added = subprocess.run([*run, "users", "add", "nga", "--role", "reporter", "--enterprise", "P1-LAOCAI",
                            "--store", str(store)], capture_output=True, text=True, env=env)  # fmt: skip
    assert added.returncode == 0 and "account nga (enterprise reporter) ready" in added.stdout, added.stderr
    refused = subprocess.run([*run, "users", "add", "x", "--role", "boss", "--store", str(store)],
                             capture_output=True, text=True, env=env)  # fmt: skip
    assert refused.returncode != 0 and "unknown role 'boss'" in refused.stderr


def test_the_api_with_a_token_has_the_pages_permissions(demo: dict[str, object]) -> None:
    from django.test import Client

    from ghg.web import server

    token = server.new_token("demo-reporter")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    from django.core.files.uploadedfile import SimpleUploadedFile

    def send(path: str, data: bytes, **form: str):  # type: ignore[no-untyped-def]
        return api.post(path, {"file": SimpleUploadedFile("dap2.csv", data), **form})

    # no token, a wrong token: 401
    assert Client().get(f"/api/v1/enterprises/{DAP2}/totals").status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer nope").get(f"/api/v1/enterprises/{DAP2}/totals").status_code == 401
    # every problem of a bad file, in the language asked for, nothing kept
    bad = send(f"/api/v1/enterprises/{DAP2}/validate", activity({0: {"unit": "tonnez"}}), HTTP_ACCEPT_LANGUAGE="en")
    body = bad.json()
    assert bad.status_code == 400 and body["valid"] is False
    assert body["problems"][0]["row"] == 2 and body["problems"][0]["column"] == "unit"
    assert body["problems"][0]["value"] == "tonnez"
    # a good file is valid; submitted, it is a new revision; the totals read it back
    good = activity({0: {"quantity": "233000"}})
    assert send(f"/api/v1/enterprises/{DAP2}/validate", good).json()["valid"] is True
    done = send(f"/api/v1/enterprises/{DAP2}/submit", good, reason="from the plant's system")
    assert done.status_code == 200, done.content
    revision = done.json()["revisions"][0]
    rows = {r["year"]: r for r in api.get(f"/api/v1/enterprises/{DAP2}/totals").json()}
    assert rows[2025]["revision"] == revision["revision"] and rows[2025]["scope_2_location_t_co2e"] > 0
    # another enterprise by changing the identifier: 404, nothing leaked
    for path in ("/api/v1/enterprises/P3-DNA/totals",):
        assert api.get(path).status_code == 404
    assert send("/api/v1/enterprises/P3-DNA/validate", good).status_code == 404
    assert send("/api/v1/enterprises/P3-DNA/submit", good).status_code == 404
    # the schema is published for client generators
    schema = api.get("/api/v1/openapi.json").json()
    assert "/api/v1/enterprises/{enterprise}/submit" in schema["paths"]


def test_an_auditors_statement_is_verified_against_its_registered_key_only(
    demo: dict[str, object], tmp_path: Path
) -> None:
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    from ghg.store import audit, open_snapshot
    from ghg.web import server
    from ghg.web.models import Statement

    private, public, _ = audit.new_key(tmp_path / "auditor.key")
    stranger, _, _ = audit.new_key(tmp_path / "stranger.key")
    server.add_user("demo-auditor-2", "auditor", assignments=[(DAP2, 2025)], password="auditor-2-password",
                    keys=[public.read_text()])  # fmt: skip
    auditor = signed_in("demo-auditor-2", "auditor-2-password")
    revision = max(open_snapshot(demo["store"]).statuses(2025, DAP2))  # type: ignore[arg-type]
    signed = audit.sign(demo["store"], 2025, DAP2, revision, private, "Kiểm toán viên A")  # type: ignore[arg-type]
    forged = audit.sign(demo["store"], 2025, DAP2, revision, stranger, "Kiểm toán viên A")  # type: ignore[arg-type]

    def send(body: dict[str, object]):  # type: ignore[no-untyped-def]
        data = json.dumps(body).encode()
        return auditor.post("/audit/statement/", {"statement": SimpleUploadedFile("s.json", data)})

    assert send(signed).status_code == 302
    assert send(forged).status_code == 302
    mine = list(Statement.objects.filter(user__username="demo-auditor-2").order_by("pk"))
    assert [(s.verified, s.outcome) for s in mine] == [(True, "audit.statement_ok"), (False, "audit.untrusted_key")]
    page = auditor.get("/audit/").content.decode()
    assert "văn bản hợp lệ" in page and "không được ký bằng khóa tin cậy" in page
    # a statement about a revision not assigned to this auditor: 404, nothing recorded
    other = {**signed, "year": 2023}
    assert send(other).status_code == 404 and Statement.objects.filter(user__username="demo-auditor-2").count() == 2


#: Every view, for every role: (method, address, form, {role: status}). The demo's reporter reports for
#: DAP2-VINACHEM; its auditor is assigned DAP2-VINACHEM 2024 and 2025; P3-DNA is another enterprise.
MATRIX = [
    ("get", "/", {}, {"reporter": 302, "authority": 302, "auditor": 302, "administrator": 302}),
    ("get", "/enterprises/", {}, {"reporter": 200, "authority": 200, "auditor": 403, "administrator": 200}),
    ("get", "/template/vi/", {}, {"reporter": 200, "authority": 200, "auditor": 403, "administrator": 200}),
    ("get", f"/e/{DAP2}/", {}, {"reporter": 200, "authority": 200, "auditor": 200, "administrator": 200}),
    ("get", "/e/P3-DNA/", {}, {"reporter": 404, "authority": 200, "auditor": 404, "administrator": 200}),
    ("get", f"/e/{DAP2}/2025/1/", {}, {"reporter": 200, "authority": 200, "auditor": 200, "administrator": 200}),
    ("get", f"/e/{DAP2}/2023/1/", {}, {"reporter": 200, "authority": 200, "auditor": 404, "administrator": 200}),
    ("get", "/e/P3-DNA/2025/1/", {}, {"reporter": 404, "authority": 200, "auditor": 404, "administrator": 200}),
    ("get", f"/e/{DAP2}/uploads/99999/", {}, {"reporter": 404, "authority": 403, "auditor": 403, "administrator": 403}),
    ("get", "/park/", {}, {"reporter": 403, "authority": 200, "auditor": 403, "administrator": 200}),
    ("get", "/park/log/", {}, {"reporter": 403, "authority": 200, "auditor": 403, "administrator": 200}),
    ("get", "/park/pathway/", {}, {"reporter": 403, "authority": 200, "auditor": 403, "administrator": 200}),
    ("get", "/audit/", {}, {"reporter": 403, "authority": 403, "auditor": 200, "administrator": 403}),
    ("get", "/login/", {}, {"reporter": 200, "authority": 200, "auditor": 200, "administrator": 200}),
    ("get", "/template/en/", {}, {"reporter": 200, "authority": 200, "auditor": 403, "administrator": 200}),
    ("get", "/template/fr/", {}, {"reporter": 404, "authority": 404, "auditor": 403, "administrator": 404}),
    ("post", f"/e/{DAP2}/uploads/99999/submit/", {"reason": "x"}, {"reporter": 404, "authority": 403, "auditor": 403,
                                                                   "administrator": 403}),
    ("get", "/reports/park.en.html", {}, {"reporter": 403, "authority": 200, "auditor": 403, "administrator": 403}),
    ("get", "/reports/park.vi.xlsx", {}, {"reporter": 403, "authority": 200, "auditor": 403, "administrator": 403}),
    ("get", "/reports/art43-2025.en.xlsx", {}, {"reporter": 403, "authority": 200, "auditor": 403,
                                                 "administrator": 403}),
    ("get", f"/reports/form06/{DAP2}/site/2024-2025.vi.xlsx", {}, {"reporter": 200, "authority": 200, "auditor": 403,
                                                                   "administrator": 403}),
    ("get", "/reports/form06/P3-DNA/site/2024-2025.vi.xlsx", {}, {"reporter": 404, "authority": 200, "auditor": 403,
                                                                  "administrator": 403}),
    ("post", f"/e/{DAP2}/upload/", {}, {"reporter": 400, "authority": 403, "auditor": 403, "administrator": 403}),
    ("post", "/e/P3-DNA/upload/", {}, {"reporter": 404, "authority": 403, "auditor": 403, "administrator": 403}),
    ("post", f"/e/{DAP2}/2025/1/review/", {}, {"reporter": 302, "authority": 403, "auditor": 403,
                                               "administrator": 403}),
    ("post", f"/park/{DAP2}/2025/1/step/", {"status": "bogus"}, {"reporter": 403, "authority": 302, "auditor": 403,
                                                                 "administrator": 302}),
    ("post", "/park/acknowledge/", {"comment": ""}, {"reporter": 403, "authority": 302, "auditor": 403,
                                                      "administrator": 302}),
    ("post", "/park/assess/", {"year": "x"}, {"reporter": 403, "authority": 302, "auditor": 403,
                                             "administrator": 403}),
    ("post", "/audit/statement/", {}, {"reporter": 403, "authority": 403, "auditor": 302, "administrator": 403}),
    ("get", "/admin/", {}, {"reporter": 302, "authority": 302, "auditor": 302, "administrator": 200}),
    ("get", f"/api/v1/enterprises/{DAP2}/totals", {}, {"reporter": 401, "authority": 401, "auditor": 401,
                                                       "administrator": 401}),  # a page session is not a token
    ("post", f"/api/v1/enterprises/{DAP2}/submit", {}, {"reporter": 401, "authority": 401, "auditor": 401,
                                                        "administrator": 401}),
]  # fmt: skip


def test_every_view_for_every_role(demo: dict[str, object]) -> None:
    # the administrator is an administrator of accounts, not a member of the board: the park's reports are the
    # board's (its pages it may read, to help)
    clients = {role: client(demo, role) for role in ("reporter", "authority", "auditor", "administrator")}
    wrong = []
    for method, url, form, expected in MATRIX:
        for role, status in expected.items():
            got = getattr(clients[role], method)(url, form).status_code
            if got != status:
                wrong.append(f"{role} {method.upper()} {url}: {got}, expected {status}")
    assert wrong == []


def test_kept_inputs_only_of_the_revisions_one_may_read(demo: dict[str, object]) -> None:
    from ghg.store import open_snapshot, read_revision

    snap = open_snapshot(demo["store"])  # type: ignore[arg-type]
    mine = sorted(set(read_revision(snap, 2025, DAP2, 1)["input_sha256"]))[0]
    other = sorted(set(read_revision(snap, 2025, "P3-DNA", 1)["input_sha256"]))[0]
    auditor, board, reporter = client(demo, "auditor"), client(demo, "authority"), client(demo, "reporter")
    answer = auditor.get(f"/e/{DAP2}/2025/1/inputs/{mine}/")
    assert answer.status_code == 200 and b"DAP2-VINACHEM" in b"".join(answer.streaming_content)
    assert board.get(f"/e/{DAP2}/2025/1/inputs/{mine}/").status_code == 200
    assert reporter.get(f"/e/{DAP2}/2025/1/inputs/{mine}/").status_code == 403
    # another enterprise's file, by its hash under an address one may read, or under its own: 404
    assert auditor.get(f"/e/{DAP2}/2025/1/inputs/{other}/").status_code == 404
    assert auditor.get(f"/e/P3-DNA/2025/1/inputs/{other}/").status_code == 404
    assert board.get(f"/e/P3-DNA/2025/1/inputs/{other}/").status_code == 200


def test_the_board_downloads_the_reports_the_command_line_writes(demo: dict[str, object]) -> None:
    from openpyxl import load_workbook

    board = client(demo, "authority")
    finding = {"code": "QC10", "enterprise": "APATIT-MINE", "facility": "site", "year": "2024", "key": "national_list"}
    board.post("/park/acknowledge/", {**finding, "comment": "đã có kế hoạch kiểm kê"})
    page = board.get("/reports/park.vi.html")
    assert page.status_code == 200 and page["Content-Disposition"].endswith('park-report.vi.html"')
    text = page.content.decode()
    rows = re.findall(r"<tr>(.*?)</tr>", text, re.S)
    acknowledged = [r for r in rows if "QC10" in r and "APATIT-MINE" in r and ">2024<" in r]
    assert '<html lang="vi">' in text and "đã xác nhận" in acknowledged[0]  # the board's acknowledgement
    book = load_workbook(io.BytesIO(board.get("/reports/park.en.xlsx").content))
    assert book.sheetnames[0] == "lines" and "columns" in book.sheetnames
    form = load_workbook(io.BytesIO(board.get(f"/reports/form06/{DAP2}/site/2024-2025.vi.xlsx").content))
    assert form.sheetnames == ["I", "II", "III"]
    art43 = load_workbook(io.BytesIO(board.get("/reports/art43-2025.vi.xlsx").content))
    assert "2.1 Liên kết cộng sinh" in art43.sheetnames


def test_the_board_sees_thresholds_the_eip_and_the_pathway(demo: dict[str, object]) -> None:
    board = client(demo, "authority")
    page = board.get("/park/").content.decode()
    assert "Ngưỡng pháp lý theo cơ sở (Nghị định 06, Quyết định 896)" in page
    assert "Khu công nghiệp sinh thái, năm 2025" in page and "<svg" in page  # indicators, network and charts
    assert "Năng lượng chuyển giao giữa các thành viên" in page
    answer = board.post("/park/assess/", {"year": "2025", "criterion": "37.1(a)", "value": "partly",
                                          "comment": "quy hoạch đang điều chỉnh"})  # fmt: skip
    assert answer.status_code == 302
    page = board.get("/park/").content.decode()
    assert "quy hoạch đang điều chỉnh" in page and "demo-authority" in page
    pathway = board.get("/park/pathway/").content.decode()
    assert "Lộ trình đến 2050" in pathway and "mục tiêu" in pathway and "<svg" in pathway


def test_an_auditor_replays_the_run_of_a_revision(demo: dict[str, object]) -> None:
    auditor, reporter = client(demo, "auditor"), client(demo, "reporter")
    page = auditor.get(f"/e/{DAP2}/2024/1/").content.decode()
    assert "ipcc-2006-energy" in page and "Các bộ hệ số của lần tính" in page
    replayed = auditor.post(f"/e/{DAP2}/2024/1/").content.decode()
    assert "mọi mã băm logic được tái lập" in replayed and "tái lập được" in replayed
    assert "Đã tính lại" not in reporter.post(f"/e/{DAP2}/2024/1/").content.decode()  # the reporter does not
