"""Catalogue entries for the result store, factor releases, audit and exported files (merged into
:mod:`ghg.i18n`): revisions and their statuses, damaged or missing objects and what to do, releases that do
not verify, replay and signed statements, files that are never overwritten.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # releases
    "release.unknown": {
        "en": "Unknown factor release '{name}'. Available: {available}. Or give the path of a release folder.",
        "vi": "Không có bộ hệ số '{name}'. Các bộ hiện có: {available}. Hoặc chỉ đường dẫn thư mục bộ hệ số.",
    },
    "release.no_metadata": {
        "en": "{path} has no release.json: it is not a factor release",
        "vi": "{path} không có release.json: không phải bộ hệ số",
    },
    "release.bad_metadata": {"en": "{path} is malformed: {detail}", "vi": "{path} sai định dạng: {detail}"},
    "release.missing_file": {
        "en": "release {release}: listed file {file} is missing",
        "vi": "bộ hệ số {release}: thiếu tệp {file} đã khai báo",
    },
    "release.known_id_differs": {
        "en": "{path} calls itself release {release}, but {release} is published with release hash {known} and this folder has {got}: a published release is never edited; give your release a new id (ghg factors verify checks a folder)",
        "vi": "{path} mang mã bộ hệ số {release}, nhưng {release} đã công bố với mã băm {known} còn thư mục này có {got}: bộ đã công bố không được sửa; hãy đặt mã mới cho bộ hệ số của bạn",
    },
    "release.tampered": {
        "en": "release {release}: file {file} has changed since publication (SHA-256 {actual}, expected {expected}); a published release is never edited: restore the file or publish a new release",
        "vi": "bộ hệ số {release}: tệp {file} đã bị thay đổi sau khi công bố (SHA-256 {actual}, cần {expected}); bộ đã công bố không được sửa: hãy khôi phục tệp hoặc công bố bộ mới",
    },
    "release.unlisted_file": {
        "en": "release {release}: table(s) {files} are not listed in release.json",
        "vi": "bộ hệ số {release}: bảng {files} không được khai báo trong release.json",
    },
    "release.bad_columns": {
        "en": "{file}: columns must be {expected}; found {found}",
        "vi": "{file}: các cột phải là {expected}; thực tế {found}",
    },
    "release.bad_value": {
        "en": "{file}, row {row}, column {column}: invalid value '{value}'",
        "vi": "{file}, hàng {row}, cột {column}: giá trị không hợp lệ '{value}'",
    },
    "release.bad_parameter": {
        "en": "{file}, row {row}: unknown parameter '{value}' (allowed: {allowed})",
        "vi": "{file}, hàng {row}: tham số không xác định '{value}' (cho phép: {allowed})",
    },
    "release.gross_without_ratio": {
        "en": "{file}, row {row}: a gross-basis (HHV) value of {activity} needs an ncv_gcv_ratio row for {activity} in the same release, to convert it to the net basis",
        "vi": "{file}, hàng {row}: giá trị theo nhiệt trị cao (HHV) của {activity} cần một hàng ncv_gcv_ratio cho {activity} trong cùng bộ hệ số để quy đổi sang nhiệt trị thấp",
    },
    "release.bad_unit": {
        "en": "{file}, row {row}: unit '{value}' does not convert to {expected}",
        "vi": "{file}, hàng {row}: đơn vị '{value}' không quy đổi được sang {expected}",
    },
    "release.duplicate_key": {
        "en": "{file}: rows {rows} give a factor for the same key",
        "vi": "{file}: các hàng {rows} cho hệ số cùng một khóa",
    },
    "release.duplicate_id": {
        "en": "{file}: factor ids must be unique and non-empty ({ids})",
        "vi": "{file}: mã hệ số phải duy nhất và không trống ({ids})",
    },
    "release.installed_differs": {
        "en": (
            "{path} already holds a different release {release} (hash {old}, new {new}); a published release is "
            "never replaced: give the new one a new id"
        ),
        "vi": (
            "{path} đã có một bộ hệ số {release} khác (mã băm {old}, mới {new}); bộ hệ số đã công bố không bao giờ "
            "bị thay thế: hãy đặt mã mới cho bộ mới"
        ),
    },
    "release.changed_while_installing": {
        "en": "release {release} in {path} changed while it was installed; nothing was installed, try again",
        "vi": "bộ hệ số {release} tại {path} đã thay đổi trong lúc cài đặt; chưa cài gì, hãy thử lại",
    },
    "release.twice": {"en": "release {release} is selected twice", "vi": "bộ hệ số {release} được chọn hai lần"},
    "release.gwp_twice": {
        "en": "two selected releases define the same GWP values: select one",
        "vi": "hai bộ hệ số đã chọn cùng định nghĩa GWP: hãy chọn một",
    },
    # store
    "store.not_store": {"en": "{path} is not a ghg result store", "vi": "{path} không phải kho kết quả ghg"},
    "store.write_failed": {
        "en": "writing {path} failed: {detail}; the store is unchanged",
        "vi": "ghi {path} thất bại: {detail}; kho kết quả không thay đổi",
    },
    "store.legacy": {
        "en": (
            "{path} was written by an earlier version of ghg (one folder per partition); convert it with "
            "`ghg store migrate {path} NEW` and use NEW"
        ),
        "vi": (
            "{path} được ghi bởi phiên bản ghg cũ (mỗi phân vùng một thư mục); hãy chuyển đổi bằng "
            "`ghg store migrate {path} MỚI` rồi dùng MỚI"
        ),
    },
    "store.no_version": {
        "en": "{path} has no version {version} (its versions are 0 to {latest}); see `ghg history`",
        "vi": "{path} không có phiên bản ghi {version} (các phiên bản từ 0 đến {latest}); xem `ghg history`",
    },
    "store.bad_as_of": {
        "en": "--as-of {value}: give a version number of the store or a time such as 2026-01-31T12:00:00+07:00",
        "vi": "--as-of {value}: hãy cho số phiên bản ghi của kho hoặc thời điểm, ví dụ 2026-01-31T12:00:00+07:00",
    },
    "store.submitter_other": {
        "en": "--submitted-by names {named}, but the records are of {records}: an enterprise submits its own records; correct --submitted-by or the files",
        "vi": "--submitted-by ghi {named}, nhưng các bản ghi thuộc {records}: doanh nghiệp chỉ nộp bản ghi của chính mình; hãy sửa --submitted-by hoặc các tệp",
    },
    "store.busy": {
        "en": "{path}: other writers kept committing first; nothing of this run was committed: run again",
        "vi": "{path}: các tiến trình ghi khác liên tục ghi trước; chưa ghi gì của lần chạy này: hãy chạy lại",
    },
    "store.migrate_target": {
        "en": "{path} exists and is not empty: migrate into a new folder",
        "vi": "{path} đã tồn tại và không trống: hãy chuyển đổi vào một thư mục mới",
    },
    "store.migrated": {
        "en": "{revisions} revision(s) of {runs} run(s) and {steps} status step(s) migrated into {path}",
        "vi": "đã chuyển {revisions} phiên bản của {runs} lần chạy và {steps} bước trạng thái vào {path}",
    },
    "store.vacuumed": {
        "en": "{count} unreferenced file(s) or folder(s) removed",
        "vi": "đã xóa {count} tệp hoặc thư mục không được tham chiếu",
    },
    "output.exists": {
        "en": "{path} already exists with other content: results are never overwritten; choose another --out",
        "vi": "{path} đã tồn tại với nội dung khác: kết quả không bao giờ bị ghi đè; hãy chọn --out khác",
    },
    "export.exists": {
        "en": "{path} exists; an export never overwrites a file: choose a new name",
        "vi": "{path} đã tồn tại; xuất dữ liệu không bao giờ ghi đè tệp: hãy chọn tên mới",
    },
    "export.failed": {
        "en": "writing {path} failed: {detail}; nothing was written",
        "vi": "ghi {path} thất bại: {detail}; chưa ghi gì",
    },
    "export.format": {
        "en": "{path}: exports are .csv or .xlsx files",
        "vi": "{path}: chỉ xuất được tệp .csv hoặc .xlsx",
    },
    "store.corrupt": {
        "en": (
            "{path} is damaged ({detail}); it was not used. Run `ghg store verify` and restore the file from a "
            "backup or recompute it with `ghg audit replay`"
        ),
        "vi": (
            "{path} bị hỏng ({detail}); tệp không được sử dụng. Hãy chạy `ghg store verify` và khôi phục tệp từ "
            "bản sao lưu hoặc tính lại bằng `ghg audit replay`"
        ),
    },
    "store.input_changed": {
        "en": (
            "{path} changed while it was processed (parsed SHA-256 {parsed}, now {now}); nothing was stored: "
            "run again when the file is final"
        ),
        "vi": (
            "{path} đã thay đổi trong lúc xử lý (SHA-256 khi đọc {parsed}, hiện tại {now}); chưa lưu gì: hãy chạy "
            "lại khi tệp đã hoàn chỉnh"
        ),
    },
    "store.conflict": {
        "en": (
            "conflict on {partition}: this run was based on revision {parent} but revision {latest} has been "
            "published meanwhile by another writer; nothing of this run was published for it. Review the latest "
            "revision and run again"
        ),
        "vi": (
            "xung đột tại {partition}: lần chạy này dựa trên phiên bản {parent} nhưng phiên bản {latest} đã được "
            "một tiến trình khác ghi trong lúc đó; không có gì của lần chạy này được ghi cho nó. Hãy xem phiên bản "
            "mới nhất rồi chạy lại"
        ),
    },
    "store.reason_required": {
        "en": "a new revision supersedes {partitions}: give the reason with --reason",
        "vi": "phiên bản mới thay thế {partitions}: hãy nêu lý do với --reason",
    },
    "store.no_status": {
        "en": "no revision in {path} has reached the status {status} yet",
        "vi": "chưa có phiên bản nào trong {path} đạt trạng thái {status}",
    },
    "store.no_revision": {
        "en": "{partition} has no revision {revision} in the store",
        "vi": "{partition} không có phiên bản {revision} trong kho",
    },
    "store.bad_status": {
        "en": (
            "{partition} revision {revision} is {current} and cannot become {wanted}: statuses go one step at a "
            "time ({allowed}); a locked revision is only superseded by a new revision with a reason"
        ),
        "vi": (
            "{partition} phiên bản {revision} đang ở trạng thái {current}, không thể chuyển sang {wanted}: trạng "
            "thái đi từng bước ({allowed}); phiên bản đã khóa chỉ được thay bằng phiên bản mới có lý do"
        ),
    },
    "audit.input_missing": {
        "en": "input {sha256} is not in the store {store}: it cannot be replayed",
        "vi": "dữ liệu đầu vào {sha256} không có trong kho {store}: không thể tính lại",
    },
    "audit.input_changed": {
        "en": "stored input {path} no longer has its SHA-256 {sha256}: the stored copy was changed",
        "vi": "tệp đầu vào đã lưu {path} không còn SHA-256 {sha256}: bản lưu đã bị thay đổi",
    },
    "audit.release_missing": {
        "en": "factor release {release} with SHA-256 {sha256} is not available: install that exact release to replay",
        "vi": "bộ hệ số {release} với SHA-256 {sha256} không có sẵn: hãy cài đúng bộ này để tính lại",
    },
    "audit.not_signable": {
        "en": "{path}: its lines no longer match their logical hash; verify the store before signing",
        "vi": "{path}: số liệu không còn khớp mã băm logic; hãy kiểm tra kho trước khi ký",
    },
    "audit.not_ed25519": {
        "en": "{path} is not an Ed25519 private key: make one with 'ghg audit keygen'",
        "vi": "{path} không phải khóa bí mật Ed25519: hãy tạo bằng 'ghg audit keygen'",
    },
    "audit.bad_signature": {
        "en": "the signature does not match the statement: it was altered or signed with another key",
        "vi": "chữ ký không khớp với văn bản: đã bị sửa hoặc ký bằng khóa khác",
    },
    "audit.no_run": {
        "en": "{path} has no run committed as version {version}; `ghg history` shows each revision's version",
        "vi": "{path} không có lần chạy nào được ghi ở phiên bản {version}; `ghg history` cho biết phiên bản ghi của từng phiên bản",
    },
    "audit.statement_data_missing": {
        "en": "the signed revision is not in this store",
        "vi": "phiên bản được ký không có trong kho này",
    },
    "audit.statement_data_changed": {
        "en": "the stored data changed since it was signed: its logical hash differs",
        "vi": "số liệu đã thay đổi sau khi ký: mã băm logic khác",
    },
    "audit.untrusted_key": {
        "en": "the statement is not signed by a trusted key: whoever made it, its key is none of the auditors' keys given with --trusted-key",
        "vi": "văn bản không được ký bằng khóa tin cậy: khóa ký không thuộc các khóa của tổ chức thẩm tra đã cho bằng --trusted-key",
    },
    "audit.bad_key": {
        "en": "{path} is not an Ed25519 public key ({detail}): give the .pub file written by 'ghg audit keygen', or a keyring of such keys",
        "vi": "{path} không phải khóa công khai Ed25519 ({detail}): hãy cho tệp .pub do 'ghg audit keygen' tạo, hoặc một tệp tập hợp các khóa đó",
    },
    "audit.keygen": {
        "en": "private key (keep it private): {private}\npublic key (give it to whoever verifies): {public}\nfingerprint: {fingerprint}",
        "vi": "khóa bí mật (giữ kín): {private}\nkhóa công khai (giao cho bên xác minh): {public}\ndấu vân tay: {fingerprint}",
    },
    "audit.statement_ok": {
        "en": "the statement is valid: signature and stored data agree",
        "vi": "văn bản hợp lệ: chữ ký và số liệu lưu trữ khớp nhau",
    },
    "release.folder_not_empty": {
        "en": "{path} exists and is not empty: a new release starts in a new folder",
        "vi": "{path} đã tồn tại và không trống: bộ hệ số mới phải bắt đầu trong thư mục mới",
    },
    "release.bad_years": {
        "en": "{path}: valid_from {first} is after valid_to {last}",
        "vi": "{path}: năm bắt đầu {first} sau năm kết thúc {last}",
    },
    "release.built": {
        "en": "{release} {version} ({tier}) built: {files}; release SHA-256 {sha256}. Use it with --extra-factors {path}",
        "vi": "Đã lập bộ hệ số {release} {version} ({tier}): {files}; SHA-256 của bộ {sha256}. Dùng bằng --extra-factors {path}",
    },
    "release.added": {
        "en": "{rows} row(s) checked and added to {table}; run 'ghg factors build {path}' to publish the release",
        "vi": "Đã kiểm tra và thêm {rows} hàng vào {table}; hãy chạy 'ghg factors build {path}' để công bố bộ hệ số",
    },
    "release.started": {
        "en": "release {release} started in {path}: add tables with 'ghg factors add {path} TABLE.csv', then 'ghg factors build {path}'",
        "vi": "Đã tạo bộ hệ số {release} trong {path}: thêm bảng bằng 'ghg factors add {path} BANG.csv', rồi chạy 'ghg factors build {path}'",
    },
}
