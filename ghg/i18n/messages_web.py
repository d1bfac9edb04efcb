"""Catalogue entries for the web application's pages and its refusals of uploaded files."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "web.title": {"en": "GHG inventory of the park", "vi": "Kiểm kê khí nhà kính khu công nghiệp"},
    "web.login": {"en": "Sign in", "vi": "Đăng nhập"},
    "web.logout": {"en": "Sign out", "vi": "Đăng xuất"},
    "web.login_failed": {
        "en": "Wrong name or password (after five failures the account is locked for fifteen minutes).",
        "vi": "Sai tên hoặc mật khẩu (sau năm lần sai, tài khoản bị khóa mười lăm phút).",
    },
    "web.username": {"en": "Name", "vi": "Tên đăng nhập"},
    "web.password": {"en": "Password", "vi": "Mật khẩu"},
    "web.no_role": {
        "en": "This account has no role yet: ask the park's administrator.",
        "vi": "Tài khoản này chưa được phân vai trò: hãy liên hệ quản trị viên.",
    },
    "web.role.reporter": {"en": "enterprise reporter", "vi": "người báo cáo của doanh nghiệp"},
    "web.role.authority": {"en": "management board", "vi": "Ban quản lý khu kinh tế"},
    "web.role.auditor": {"en": "auditor", "vi": "đơn vị thẩm định"},
    "web.role.administrator": {"en": "administrator", "vi": "quản trị viên"},
    "web.nav.dashboard": {"en": "Park dashboard", "vi": "Tổng quan khu công nghiệp"},
    "web.nav.enterprises": {"en": "Enterprises", "vi": "Doanh nghiệp"},
    "web.nav.log": {"en": "Audit log", "vi": "Nhật ký thao tác"},
    "web.nav.assigned": {"en": "Assigned to me", "vi": "Được giao cho tôi"},
    "web.none": {"en": "none", "vi": "chưa có"},
    "web.upload": {"en": "Upload activity data", "vi": "Nộp số liệu hoạt động"},
    "web.upload_help": {
        "en": "A workbook (the template), CSV or Parquet file; every problem is shown and nothing is kept until "
        "the file is right. Template:",
        "vi": "Tệp bảng tính (theo mẫu), CSV hoặc Parquet; mọi lỗi được liệt kê và chưa lưu gì cho đến khi tệp "
        "đúng. Mẫu:",
    },
    "web.template_vi": {"en": "Vietnamese", "vi": "tiếng Việt"},
    "web.template_en": {"en": "English", "vi": "tiếng Anh"},
    "web.check_file": {"en": "Check the file", "vi": "Kiểm tra tệp"},
    "web.waiting": {"en": "Checked, not yet submitted", "vi": "Đã kiểm tra, chưa nộp"},
    "web.revisions": {"en": "Revisions", "vi": "Các phiên bản"},
    "web.lines": {"en": "Result lines", "vi": "Dòng kết quả"},
    "web.send_for_review": {"en": "Submit for review", "vi": "Gửi thẩm định"},
    "web.problems": {
        "en": "{count} problem(s): nothing was kept. Fix the file and upload it again.",
        "vi": "{count} lỗi: chưa lưu gì. Hãy sửa tệp rồi nộp lại.",
    },
    "web.col.file": {"en": "file", "vi": "tệp"},
    "web.col.sheet": {"en": "sheet", "vi": "trang tính"},
    "web.col.row": {"en": "row", "vi": "hàng"},
    "web.col.column": {"en": "column", "vi": "cột"},
    "web.col.value": {"en": "value", "vi": "giá trị"},
    "web.col.fix": {"en": "what to do", "vi": "cách sửa"},
    "web.col.when": {"en": "when", "vi": "thời điểm"},
    "web.col.who": {"en": "who", "vi": "người thực hiện"},
    "web.col.address": {"en": "from", "vi": "địa chỉ"},
    "web.col.action": {"en": "action", "vi": "thao tác"},
    "web.col.detail": {"en": "detail", "vi": "chi tiết"},
    "web.checked": {
        "en": "{records} record(s) checked; the inventory below is what will be stored.",
        "vi": "Đã kiểm tra {records} bản ghi; kết quả kiểm kê dưới đây là những gì sẽ được lưu.",
    },
    "web.by_scope": {"en": "By scope [t CO2e]", "vi": "Theo phạm vi [tấn CO2tđ]"},
    "web.by_category": {"en": "By source category [t CO2e]", "vi": "Theo loại nguồn [tấn CO2tđ]"},
    "web.by_gas": {"en": "By gas [t CO2e]", "vi": "Theo loại khí [tấn CO2tđ]"},
    "web.submit": {"en": "Submit as a new revision", "vi": "Nộp thành phiên bản mới"},
    "web.reason": {
        "en": "Reason (required when it changes a stored revision)",
        "vi": "Lý do (bắt buộc khi thay đổi một phiên bản đã lưu)",
    },
    "web.submitted": {"en": "Stored: {count} revision(s).", "vi": "Đã lưu: {count} phiên bản."},
    "web.page": {"en": "page {number} of {of}", "vi": "trang {number}/{of}"},
    "web.empty_store": {
        "en": "No inventory is stored yet (or the registry is not configured).",
        "vi": "Chưa có kết quả kiểm kê nào được lưu (hoặc chưa cấu hình danh sách thành viên).",
    },
    "web.park_totals": {
        "en": "Park totals per year (internal supply counted once)",
        "vi": "Tổng phát thải khu công nghiệp theo năm (cung cấp nội bộ chỉ tính một lần)",
    },
    "web.member_status": {"en": "Members' inventories per year", "vi": "Tình trạng kiểm kê của thành viên theo năm"},
    "web.pending": {"en": "Revisions awaiting the board", "vi": "Phiên bản chờ Ban quản lý xử lý"},
    "web.verify": {"en": "Verify", "vi": "Thẩm định"},
    "web.lock": {"en": "Lock", "vi": "Khóa"},
    "web.findings": {"en": "QA/QC findings ({count})", "vi": "Kết quả kiểm tra chất lượng QA/QC ({count})"},
    "web.comment": {"en": "comment", "vi": "ý kiến"},
    "web.acknowledge": {"en": "Acknowledge", "vi": "Xác nhận"},
    "web.comment_required": {
        "en": "An acknowledgement needs a comment.",
        "vi": "Cần ghi ý kiến khi xác nhận.",
    },
    "web.bad_step": {"en": "That step is not allowed here.", "vi": "Không được thực hiện bước này tại đây."},
    "status.missing": {"en": "missing", "vi": "chưa nộp"},
    "store.web_busy": {
        "en": "another submission was still being written after waiting; nothing of yours was written: submit "
        "again in a moment",
        "vi": "sau khi chờ, vẫn đang ghi một lần nộp khác; chưa ghi gì của bạn: hãy nộp lại sau giây lát",
    },
    "usage.web_store": {
        "en": "no result store: give --store DIR (or set GHG_STORE)",
        "vi": "chưa có kho kết quả: hãy chỉ --store THƯ_MỤC (hoặc đặt GHG_STORE)",
    },
    "usage.web_role": {
        "en": "unknown role '{role}': use one of {allowed}",
        "vi": "vai trò '{role}' không có: hãy dùng một trong {allowed}",
    },
    "usage.web_reporter_enterprise": {
        "en": "a reporter needs the enterprise it reports for: add --enterprise CODE",
        "vi": "người báo cáo cần có doanh nghiệp mình báo cáo: hãy thêm --enterprise MÃ",
    },
    "usage.web_assign": {
        "en": "--assign '{value}': write ENTERPRISE:YEAR, e.g. DAP2-VINACHEM:2024",
        "vi": "--assign '{value}': hãy ghi DOANH_NGHIỆP:NĂM, ví dụ DAP2-VINACHEM:2024",
    },
    "usage.web_missing": {
        "en": "the web application needs its extra packages: pip install 'ghg[web]'",
        "vi": "ứng dụng web cần các gói bổ sung: pip install 'ghg[web]'",
    },
    "web.serving": {
        "en": "Serving {url} (store {store}; database {database}). Stop with Ctrl+C.",
        "vi": "Đang phục vụ tại {url} (kho {store}; cơ sở dữ liệu {database}). Dừng bằng Ctrl+C.",
    },
    "web.demo_accounts": {
        "en": "Demo accounts (for this example only; passwords are new each start):",
        "vi": "Tài khoản thử (chỉ cho ví dụ này; mật khẩu đổi mỗi lần khởi động):",
    },
    "web.deploy_ok": {
        "en": "Django's deployment check found no problem in these settings.",
        "vi": "Kiểm tra triển khai của Django không thấy vấn đề nào trong cấu hình này.",
    },
    "web.deploy_failed": {
        "en": "Django's deployment check found problems in these settings:\n{findings}",
        "vi": "Kiểm tra triển khai của Django thấy vấn đề trong cấu hình này:\n{findings}",
    },
    "web.user_added": {
        "en": "account {name} ({role}) ready; its password (give it to its owner, it is not shown again): {password}",
        "vi": "tài khoản {name} ({role}) đã sẵn sàng; mật khẩu (giao cho chủ tài khoản, không hiện lại): {password}",
    },
    "web.statement_upload": {"en": "Upload a verification statement", "vi": "Nộp văn bản thẩm định"},
    "web.statement_help": {
        "en": "Sign it offline with 'ghg audit sign' and your private key; it is verified against the public key "
        "registered for you, and against the stored revision as it is now.",
        "vi": "Ký ngoại tuyến bằng 'ghg audit sign' với khóa bí mật của bạn; văn bản được kiểm tra với khóa công "
        "khai đã đăng ký cho bạn và với phiên bản đang lưu.",
    },
    "web.statement_send": {"en": "Verify and record", "vi": "Kiểm tra và ghi nhận"},
    "web.statements": {"en": "Statements received", "vi": "Các văn bản đã nhận"},
    "web.statement_unreadable": {
        "en": "That file is not a statement written by 'ghg audit sign'.",
        "vi": "Tệp này không phải văn bản do 'ghg audit sign' tạo ra.",
    },
    "web.col.outcome": {"en": "outcome", "vi": "kết quả"},
    "web.bad_key": {
        "en": "not an Ed25519 public key in PEM: give the .pub file written by 'ghg audit keygen'",
        "vi": "không phải khóa công khai Ed25519 dạng PEM: hãy dùng tệp .pub do 'ghg audit keygen' tạo",
    },
    "help.opt.users.add.keys": {
        "en": "An auditor's public key (the .pub of 'ghg audit keygen'): its statements are verified against it.",
        "vi": "Khóa công khai của đơn vị thẩm định (tệp .pub của 'ghg audit keygen'): văn bản của họ được kiểm tra "
        "với khóa này.",
    },
    "web.user_updated": {
        "en": "account {name} ({role}) updated; its password is unchanged (--reset-password makes a new one)",
        "vi": "tài khoản {name} ({role}) đã cập nhật; mật khẩu giữ nguyên (--reset-password để tạo mật khẩu mới)",
    },
    "help.opt.users.add.reset": {
        "en": "Give an existing account a new password (printed once).",
        "vi": "Cấp mật khẩu mới cho tài khoản đã có (in ra một lần).",
    },
    "web.no_account": {"en": "there is no account '{name}'", "vi": "không có tài khoản '{name}'"},
    "web.token_made": {
        "en": "API token for {name} (send it as 'Authorization: Bearer …'; it is not shown again): {token}",
        "vi": "Mã truy cập API cho {name} (gửi dạng 'Authorization: Bearer …'; không hiện lại): {token}",
    },
    "help.cmd.users.token": {
        "en": "Make an API token for account NAME (for an enterprise's own systems) and print it once.",
        "vi": "Tạo mã truy cập API cho tài khoản NAME (cho hệ thống của doanh nghiệp) và in ra một lần.",
    },
    # the commands
    "help.cmd.serve": {
        "en": "Serve the web application on the loopback address: enterprises upload and submit, the management "
        "board reviews, verifies and locks, auditors read what is assigned to them. --demo opens the bundled "
        "example park with one account per role; --check runs Django's deployment check.",
        "vi": "Chạy ứng dụng web trên địa chỉ nội bộ: doanh nghiệp nộp số liệu, Ban quản lý xem xét, thẩm định và "
        "khóa, đơn vị thẩm định xem phần được giao. --demo mở ví dụ khu công nghiệp kèm theo với một tài khoản "
        "cho mỗi vai trò; --check chạy kiểm tra triển khai của Django.",
    },
    "help.opt.serve.host": {"en": "Address to listen on.", "vi": "Địa chỉ lắng nghe."},
    "help.opt.serve.port": {"en": "Port to listen on.", "vi": "Cổng lắng nghe."},
    "help.opt.serve.demo_dir": {
        "en": "Open the bundled example park in this folder (default ghg-serve-demo), with demo accounts.",
        "vi": "Mở ví dụ khu công nghiệp kèm theo trong thư mục này (mặc định ghg-serve-demo), có tài khoản thử.",
    },
    "help.opt.serve.deploy_check": {
        "en": "Run Django's deployment check of the production settings and stop.",
        "vi": "Chạy kiểm tra triển khai của Django với cấu hình vận hành rồi dừng.",
    },
    "help.opt.serve.eip_dir": {
        "en": "The eco-industrial park's records (for the Art. 43 report).",
        "vi": "Hồ sơ khu công nghiệp sinh thái (cho báo cáo Điều 43).",
    },
    "web.downloads": {"en": "Reports", "vi": "Báo cáo"},
    "web.report_html": {"en": "park report (HTML)", "vi": "báo cáo khu công nghiệp (HTML)"},
    "web.report_xlsx": {"en": "workbook of every line", "vi": "bảng tính mọi dòng kết quả"},
    "web.report_art43": {"en": "Art. 43 report {year}", "vi": "báo cáo Điều 43 năm {year}"},
    "web.report_form06": {"en": "Form 06 {facility} {first}-{last}", "vi": "Mẫu số 06 {facility} {first}-{last}"},
    "web.inputs": {"en": "Input files kept", "vi": "Tệp đầu vào đã lưu"},
    "help.opt.serve.scenario_ref": {
        "en": "The pathway scenario shown against targets (id or file).",
        "vi": "Kịch bản lộ trình hiển thị so với mục tiêu (mã hoặc tệp).",
    },
    "help.opt.serve.target_refs": {
        "en": "A target the pathway is checked against (repeat for several).",
        "vi": "Mục tiêu để đối chiếu lộ trình (lặp lại cho nhiều mục tiêu).",
    },
    "help.opt.serve.macc_year": {
        "en": "Year of the abatement cost curve.",
        "vi": "Năm của đường cong chi phí giảm phát thải biên.",
    },
    "web.trend": {
        "en": "Park emissions per year [kt CO2e]",
        "vi": "Phát thải khu công nghiệp theo năm [nghìn tấn CO2tđ]",
    },
    "web.breakdown": {
        "en": "By source category, {year} [kt CO2e]",
        "vi": "Theo loại nguồn, năm {year} [nghìn tấn CO2tđ]",
    },
    "web.series.scope_1": {"en": "Scope 1", "vi": "phạm vi 1"},
    "web.series.scope_2": {
        "en": "Scope 2, location-based (internal supply counted once)",
        "vi": "phạm vi 2 theo vị trí (cung cấp nội bộ tính một lần)",
    },
    "web.kt": {"en": "kt CO2e", "vi": "nghìn tấn CO2tđ"},
    "web.thresholds": {
        "en": "Legal thresholds per facility (Decree 06, Decision 896)",
        "vi": "Ngưỡng pháp lý theo cơ sở (Nghị định 06, Quyết định 896)",
    },
    "web.transfers": {
        "en": "Energy passed between members (the ledger)",
        "vi": "Năng lượng chuyển giao giữa các thành viên (sổ theo dõi)",
    },
    "web.checklist": {"en": "Art. 37 checklist", "vi": "Danh mục kiểm tra Điều 37"},
    "web.partly": {"en": "partly", "vi": "một phần"},
    "web.assess": {"en": "Record the assessment", "vi": "Ghi nhận đánh giá"},
    "web.nav.pathway": {"en": "Pathway to 2050", "vi": "Lộ trình đến 2050"},
    "web.no_scenario": {
        "en": "No pathway scenario is configured (ghg serve --scenario ID --target ID).",
        "vi": "Chưa cấu hình kịch bản lộ trình (ghg serve --scenario MÃ --target MÃ).",
    },
    "web.releases": {"en": "Factor releases of the run", "vi": "Các bộ hệ số của lần tính"},
    "web.replay": {"en": "Replay the run", "vi": "Tính lại lần chạy"},
    "web.replayed": {
        "en": "Replayed from the kept inputs and releases: {outcome}",
        "vi": "Đã tính lại từ các tệp đầu vào và bộ hệ số đã lưu: {outcome}",
    },
    "web.reproduced": {"en": "every logical hash reproduced", "vi": "mọi mã băm logic được tái lập"},
    "web.not_reproduced": {"en": "NOT reproduced", "vi": "KHÔNG tái lập được"},
    "help.opt.serve.store_dir": {"en": "The result store.", "vi": "Kho kết quả."},
    "help.opt.users.store_dir": {"en": "The result store.", "vi": "Kho kết quả."},
    "help.opt.serve.home": {
        "en": "The application's folder (database, secret key, uploads); default: beside the store.",
        "vi": "Thư mục của ứng dụng (cơ sở dữ liệu, khóa bí mật, tệp nộp); mặc định: cạnh kho kết quả.",
    },
    "help.opt.users.home": {
        "en": "The application's folder (database, secret key, uploads); default: beside the store.",
        "vi": "Thư mục của ứng dụng (cơ sở dữ liệu, khóa bí mật, tệp nộp); mặc định: cạnh kho kết quả.",
    },
    "help.opt.serve.extra": {
        "en": "A factor release used beside the bundled ones (repeat for several).",
        "vi": "Bộ hệ số dùng thêm bên cạnh các bộ kèm theo (lặp lại cho nhiều bộ).",
    },
    "help.cmd.users": {"en": "Accounts of the web application.", "vi": "Tài khoản của ứng dụng web."},
    "help.cmd.users.add": {
        "en": "Create or update account NAME with a role (reporter, authority, auditor, administrator) and print "
        "a new password for its owner.",
        "vi": "Tạo hoặc cập nhật tài khoản NAME với một vai trò (reporter, authority, auditor, administrator) và "
        "in mật khẩu mới cho chủ tài khoản.",
    },
    "help.opt.users.add.role": {
        "en": "reporter, authority, auditor or administrator.",
        "vi": "reporter (người báo cáo), authority (Ban quản lý), auditor (đơn vị thẩm định) hoặc administrator.",
    },
    "help.opt.users.add.enterprises": {
        "en": "An enterprise a reporter submits for (repeat for several).",
        "vi": "Doanh nghiệp mà người báo cáo nộp số liệu (lặp lại cho nhiều doanh nghiệp).",
    },
    "help.opt.users.add.assignments": {
        "en": "ENTERPRISE:YEAR an auditor may read (repeat for several).",
        "vi": "DOANH_NGHIỆP:NĂM mà đơn vị thẩm định được xem (lặp lại cho nhiều mục).",
    },
    # uploaded files refused
    "problem.web_type": {
        "en": "this kind of file is not accepted: upload one of {allowed}",
        "vi": "không nhận loại tệp này: hãy nộp một trong các loại {allowed}",
    },
    "problem.web_size": {
        "en": "the file is larger than {limit} MB: split it by year or enterprise",
        "vi": "tệp lớn hơn {limit} MB: hãy tách theo năm hoặc doanh nghiệp",
    },
    "problem.web_not_workbook": {
        "en": "the file is not a valid .xlsx workbook: save it again from your spreadsheet program",
        "vi": "tệp không phải bảng tính .xlsx hợp lệ: hãy lưu lại từ chương trình bảng tính",
    },
    "problem.web_expands": {
        "en": "the workbook would expand beyond {limit} MB when opened: it was refused unread; remove unused "
        "sheets or send CSV",
        "vi": "bảng tính sẽ phình ra quá {limit} MB khi mở: đã từ chối mà không đọc; hãy xóa trang thừa hoặc gửi CSV",
    },
    "problem.web_no_file": {"en": "choose a file to upload", "vi": "hãy chọn tệp để nộp"},
    "problem.web_other_enterprise": {
        "en": "a record of another enterprise: you submit for {mine} only; remove the row or correct the code",
        "vi": "bản ghi của doanh nghiệp khác: bạn chỉ nộp cho {mine}; hãy xóa hàng hoặc sửa mã doanh nghiệp",
    },
}
