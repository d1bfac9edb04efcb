"""The one translation catalogue: every user-facing message in English and Vietnamese.

Vietnamese terms follow Decree 06/2022/NĐ-CP and Circular 38/2023/TT-BCT (kiểm kê khí nhà
kính, hệ số phát thải, dữ liệu hoạt động, phạm vi 1/2, nhiệt trị thấp...).
"""

from __future__ import annotations

from ghg.i18n.messages_cli import MESSAGES as CLI_MESSAGES
from ghg.i18n.messages_eip import MESSAGES as EIP_MESSAGES
from ghg.i18n.messages_pathway import MESSAGES as PATHWAY_MESSAGES
from ghg.i18n.messages_problems import MESSAGES as PROBLEM_MESSAGES
from ghg.i18n.messages_report import MESSAGES as REPORT_MESSAGES
from ghg.i18n.messages_scale import MESSAGES as SCALE_MESSAGES

LANGUAGES = ("en", "vi")

BASE_MESSAGES: dict[str, dict[str, str]] = {
    # where a problem is
    "where.sheet": {"en": "sheet {sheet}", "vi": "trang tính {sheet}"},
    "where.row": {"en": "row {row}", "vi": "hàng {row}"},
    "where.column": {"en": "column {column}", "vi": "cột {column}"},
    "where.value": {"en": " (value '{value}')", "vi": " (giá trị '{value}')"},
    "problems.header": {
        "en": "{count} problem(s) found in the activity data:",
        "vi": "Phát hiện {count} lỗi trong dữ liệu hoạt động:",
    },
    "problems.more": {
        "en": "  ... and {count} more (use --json to see them all)",
        "vi": "  ... và {count} lỗi khác (dùng --json để xem tất cả)",
    },
    "problems.nothing_written": {
        "en": "Nothing was computed or written. Fix the file(s) and run again.",
        "vi": "Chưa tính toán hay ghi gì. Hãy sửa tệp rồi chạy lại.",
    },
    # units
    "unit.empty": {
        "en": "unit is empty: write a unit such as t, kg, L, m3, Nm3, kWh, MWh, GJ or TJ",
        "vi": "đơn vị để trống: hãy ghi đơn vị như t, kg, L, m3, Nm3, kWh, MWh, GJ hoặc TJ",
    },
    "unit.ambiguous_ton": {
        "en": "unit '{unit}' is ambiguous (short ton of 907 kg, long ton or tonne?): write 't' for a metric tonne",
        "vi": "đơn vị '{unit}' không rõ nghĩa (tấn ngắn 907 kg, tấn dài hay tấn mét?): hãy ghi 't' cho tấn",
    },
    "unit.ambiguous_T": {
        "en": "unit '{unit}' is ambiguous (T is the tesla; a tonne is 't'): write 't' for a metric tonne",
        "vi": "đơn vị '{unit}' không rõ nghĩa (T là tesla; tấn là 't'): hãy ghi 't' cho tấn",
    },
    "unit.ambiguous_mbtu": {
        "en": "unit '{unit}' is ambiguous (MBtu is a thousand Btu in US usage, a million elsewhere): write MMBtu or GJ",
        "vi": "đơn vị '{unit}' không rõ nghĩa (MBtu là nghìn Btu theo cách dùng của Mỹ, triệu Btu ở nơi khác): hãy ghi MMBtu hoặc GJ",
    },
    "unit.too_long": {
        "en": "unit '{unit}' is longer than {limit} characters: write a unit such as t, kg, L, m3, Nm3, MWh, GJ or TJ",
        "vi": "đơn vị '{unit}' dài hơn {limit} ký tự: hãy ghi đơn vị như t, kg, L, m3, Nm3, MWh, GJ hoặc TJ",
    },
    "unit.co2e": {
        "en": "unit '{unit}' is a CO2 equivalent: CO2e exists only with a named GWP set; give gas masses and choose --gwp",
        "vi": "đơn vị '{unit}' là CO2 tương đương: CO2e chỉ có nghĩa với bộ GWP đã nêu; hãy nhập khối lượng khí và chọn --gwp",
    },
    "unit.standard_m3": {
        "en": "unit '{unit}' (standard cubic metre, 15 °C) is not supported: give Nm3 (0 °C, 101.325 kPa) or a mass",
        "vi": "đơn vị '{unit}' (m3 tiêu chuẩn, 15 °C) không được hỗ trợ: hãy dùng Nm3 (0 °C, 101,325 kPa) hoặc khối lượng",
    },
    "unit.unknown": {
        "en": "unit '{unit}' is unknown: use a unit such as t, kg, L, m3, Nm3, kWh, MWh, GJ, TJ, TOE",
        "vi": "đơn vị '{unit}' không xác định: hãy dùng t, kg, L, m3, Nm3, kWh, MWh, GJ, TJ, TOE",
    },
    "unit.dimension": {
        "en": "unit '{unit}' cannot be converted to {expected}",
        "vi": "đơn vị '{unit}' không quy đổi được sang {expected}",
    },
    # GWP
    "gwp.unknown_set": {
        "en": "unknown GWP set '{gwp_set}': choose one of {known}",
        "vi": "bộ GWP '{gwp_set}' không xác định: hãy chọn một trong {known}",
    },
    "gwp.no_release": {
        "en": "no selected factor release defines GWP set {gwp_set} (releases: {releases}); add gwp100-ar4-ar5-ar6",
        "vi": "không bộ hệ số nào đã chọn có bộ GWP {gwp_set} (các bộ: {releases}); hãy thêm gwp100-ar4-ar5-ar6",
    },
    "cli.warnings": {
        "en": "{count} warning(s): nothing was refused; ghg check lists them for acknowledgement",
        "vi": "{count} cảnh báo: không có gì bị từ chối; ghg check liệt kê để xác nhận",
    },
    "check.QC01": {
        "en": "{source} ({category}) was reported last year and is missing this year: report it, or acknowledge why it stopped",
        "vi": "{source} ({category}) có trong báo cáo năm trước nhưng thiếu năm nay: hãy bổ sung, hoặc xác nhận lý do ngừng",
    },
    "check.QC02": {
        "en": "monthly series of {source} lacks months {months}",
        "vi": "chuỗi số liệu tháng của {source} thiếu các tháng {months}",
    },
    "check.QC03": {
        "en": "{source} changed by a factor of {ratio} from last year (beyond x3 or /3): check units and quantities",
        "vi": "{source} thay đổi {ratio} lần so với năm trước (vượt x3 hoặc /3): hãy kiểm tra đơn vị và số lượng",
    },
    "check.QC04": {
        "en": "intensity of {product} {value} t CO2e/t is outside the plausible range {low}-{high} t CO2e/t",
        "vi": "cường độ của {product} {value} t CO2e/t nằm ngoài khoảng hợp lý {low}-{high} t CO2e/t",
    },
    "check.QC05": {
        "en": "consolidated total {total} t CO2e differs from the members' total minus internal supply ({expected} t CO2e)",
        "vi": "tổng hợp nhất {total} t CO2e khác tổng của các thành viên trừ cung cấp nội bộ ({expected} t CO2e)",
    },
    "check.QC06": {
        "en": "transfer {seller} -> {buyer} ({carrier}): ledger {ledger} {unit} (rows {ledger_rows}), buyer's records {buyer_q} {unit}: the two sides disagree",
        "vi": "chuyển giao {seller} -> {buyer} ({carrier}): sổ chuyển giao {ledger} {unit} (hàng {ledger_rows}), số liệu bên mua {buyer_q} {unit}: hai bên không khớp",
    },
    "check.QC07": {
        "en": "shares of source categories: {shares}",
        "vi": "tỷ trọng theo loại nguồn: {shares}",
    },
    "check.QC08": {
        "en": "key categories (Approach 1, {kind}, 95%): {sources}",
        "vi": "nguồn chủ chốt (Cách tiếp cận 1, {kind}, 95%): {sources}",
    },
    "check.QC09": {
        "en": "{member} is not a member of the park in this year: its records are left out of the park",
        "vi": "{member} không phải thành viên khu công nghiệp trong năm này: số liệu không được tính vào khu",
    },
    "check.QC10": {
        "en": "{t_co2e} t CO2e and {toe} TOE against Decree 06 thresholds (3,000 t CO2e or 1,000 TOE), on the national list: {listed}",
        "vi": "{t_co2e} t CO2e và {toe} TOE so với ngưỡng Nghị định 06 (3.000 t CO2tđ hoặc 1.000 TOE), trong danh mục quốc gia: {listed}",
    },
    "check.QC12": {
        "en": "{source} ({category}, {co2e} t CO2e in revision {revision}) is missing from the revision that superseded it: a file left out of the rerun, or removed on purpose: report it, or acknowledge why",
        "vi": "{source} ({category}, {co2e} t CO2tđ trong phiên bản {revision}) không có trong phiên bản thay thế: một tệp bị bỏ sót khi chạy lại, hoặc đã bỏ có chủ đích: hãy bổ sung, hoặc xác nhận lý do",
    },
    "check.QC13": {
        "en": "{source}: period {period} overlaps period {other} of the same source: counted twice unless both are right; keep one, or acknowledge why",
        "vi": "{source}: kỳ {period} trùng với kỳ {other} của cùng nguồn: bị tính hai lần trừ khi cả hai đều đúng; hãy giữ một, hoặc xác nhận lý do",
    },
    "check.QC11": {
        "en": "base year restated: {original} -> {restated} t CO2e ({change}, revisions {first} -> {last}) at or beyond the recalculation threshold",
        "vi": "năm cơ sở được tính lại: {original} -> {restated} t CO2e ({change}, phiên bản {first} -> {last}) vượt ngưỡng tính lại",
    },
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
    "factor.conflict": {
        "en": "two releases of the same tier give a factor for {key}: {first} and {second}; select only one of them",
        "vi": "hai bộ hệ số cùng cấp cho hệ số {key}: {first} và {second}; hãy chỉ chọn một",
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
    "cli.out_of_memory": {
        "en": "not enough memory to finish; nothing was written. Give fewer files at once, or a dataset folder (it is read in parts)",
        "vi": "không đủ bộ nhớ để hoàn thành; chưa ghi gì. Hãy đưa ít tệp hơn mỗi lần, hoặc một thư mục bộ dữ liệu (được đọc từng phần)",
    },
    "cli.os_error": {
        "en": "the file system refused an operation ({detail}); nothing was committed: check space and permissions, then run again",
        "vi": "hệ thống tệp từ chối một thao tác ({detail}); chưa ghi gì: hãy kiểm tra dung lượng và quyền rồi chạy lại",
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
    "cli.exported": {"en": "{rows} line(s) written to {path}", "vi": "đã ghi {rows} dòng vào {path}"},
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
    # usage
    "usage.no_files": {"en": "give at least one activity file", "vi": "hãy chỉ ít nhất một tệp dữ liệu hoạt động"},
    # command line output
    "cli.valid": {
        "en": "{rows} record(s) in {files} file(s): valid.",
        "vi": "{rows} bản ghi trong {files} tệp: hợp lệ.",
    },
    "cli.inventory_title": {
        "en": "Greenhouse-gas inventory (t CO2e, {gwp_set} GWP-100)",
        "vi": "Kiểm kê khí nhà kính (t CO2e, GWP-100 {gwp_set})",
    },
    "cli.revision": {"en": "revision", "vi": "phiên bản"},
    "cli.parent": {"en": "parent", "vi": "phiên bản trước"},
    "cli.status": {"en": "status", "vi": "trạng thái"},
    "cli.author": {"en": "author", "vi": "người lập"},
    "cli.created": {"en": "created", "vi": "thời điểm tạo"},
    "cli.reason": {"en": "reason", "vi": "lý do"},
    "cli.content_hash": {"en": "logical hash", "vi": "mã băm nội dung"},
    "cli.status_set": {
        "en": "{partition} revision {revision} is now {status}.",
        "vi": "{partition} phiên bản {revision} nay ở trạng thái {status}.",
    },
    "cli.revision_diff": {
        "en": "{count} difference(s) from revision {a} to revision {b}.",
        "vi": "{count} khác biệt từ phiên bản {a} đến phiên bản {b}.",
    },
    "cli.built_from": {
        "en": "Built from {count} revision(s) (latest with status at least {status}):",
        "vi": "Tổng hợp từ {count} phiên bản (mới nhất có trạng thái từ {status} trở lên):",
    },
    "cli.installed": {"en": "installed {release} in {path}", "vi": "đã cài {release} vào {path}"},
    "cli.already_installed": {
        "en": "{release} is already installed in {path} (same content)",
        "vi": "{release} đã được cài trong {path} (cùng nội dung)",
    },
    "status.draft": {"en": "draft", "vi": "bản nháp"},
    "status.submitted": {"en": "submitted", "vi": "đã nộp"},
    "status.verified": {"en": "verified", "vi": "đã thẩm định"},
    "status.locked": {"en": "locked", "vi": "đã khóa"},
    "cli.enterprise": {"en": "enterprise", "vi": "doanh nghiệp"},
    "cli.year": {"en": "year", "vi": "năm"},
    "cli.scope_1": {"en": "Scope 1", "vi": "Phạm vi 1"},
    "cli.scope_2": {"en": "Scope 2 (location)", "vi": "Phạm vi 2 (theo vị trí)"},
    "cli.scope_2_market": {"en": "Scope 2 (market)", "vi": "Phạm vi 2 (theo thị trường)"},
    "cli.intensities_title": {
        "en": "Intensity per tonne of product (Scope 1 + Scope 2 location-based)",
        "vi": "Cường độ trên mỗi tấn sản phẩm (Phạm vi 1 + Phạm vi 2 theo vị trí)",
    },
    "cli.facility": {"en": "facility", "vi": "cơ sở"},
    "cli.product": {"en": "product", "vi": "sản phẩm"},
    "cli.output_t": {"en": "output t", "vi": "sản lượng t"},
    "cli.t_co2e_per_t": {"en": "t CO2e/t", "vi": "t CO2e/t"},
    "cli.toe_per_t": {"en": "TOE/t", "vi": "TOE/t"},
    "cli.shared_facility": {
        "en": "* the facility makes several products: its whole emissions are divided by each product's output (no allocation; not additive)",
        "vi": "* cơ sở sản xuất nhiều sản phẩm: toàn bộ phát thải được chia cho sản lượng từng sản phẩm (không phân bổ; không cộng dồn)",
    },
    "cli.template_written": {
        "en": "Template written to {path} ({sheets} data sheets).",
        "vi": "Đã ghi biểu mẫu vào {path} ({sheets} trang dữ liệu).",
    },
    "form06.to_complete": {"en": "[to be completed by the facility]", "vi": "[cơ sở điền]"},
    "form06.legal_basis": {
        "en": "Decree 06/2022/ND-CP as amended by Decree 119/2025/ND-CP, Form 06",
        "vi": "Nghị định 06/2022/NĐ-CP, sửa đổi bởi Nghị định 119/2025/NĐ-CP, Mẫu số 06",
    },
    "form06.title": {
        "en": "Greenhouse-gas inventory report of the facility",
        "vi": "Báo cáo kết quả kiểm kê khí nhà kính cấp cơ sở",
    },
    "form06.part_I": {"en": "Part I. Facility information", "vi": "Phần I. Thông tin chung về cơ sở"},
    "form06.part_II": {
        "en": "Part II. Operations, boundary, emission sources and data system",
        "vi": "Phần II. Hoạt động, phạm vi, nguồn phát thải và hệ thống số liệu",
    },
    "form06.part_III": {
        "en": "Part III. Method and factors, activity data, results, reliability and completeness",
        "vi": "Phần III. Phương pháp và hệ số, dữ liệu hoạt động, kết quả, độ tin cậy và tính đầy đủ",
    },
    "form06.boundary": {
        "en": "the facility {facility}: its own combustion, processes and fugitive sources (Scope 1) and the electricity, steam and heat it buys (Scope 2)",
        "vi": "cơ sở {facility}: đốt nhiên liệu, quá trình và phát tán của cơ sở (Phạm vi 1), điện, hơi và nhiệt mua (Phạm vi 2)",
    },
    "form06.period": {"en": "period", "vi": "kỳ báo cáo"},
    "form06.written": {
        "en": "Form 06 for {facility}, {period} ({language}): {path}",
        "vi": "Mẫu 06 cho {facility}, {period} ({language}): {path}",
    },
    "cli.park_title": {
        "en": "Park consolidated totals (t CO2e; internal supply of energy counted once)",
        "vi": "Tổng hợp nhất toàn khu (t CO2e; năng lượng cung cấp nội bộ chỉ tính một lần)",
    },
    "cli.transfers_title": {
        "en": "Transfers between members (ledger against the buyers' records)",
        "vi": "Chuyển giao giữa các thành viên (sổ chuyển giao so với số liệu bên mua)",
    },
    "cli.thresholds_title": {
        "en": "Facilities against Decree 06 and Decision 896 thresholds",
        "vi": "Cơ sở so với ngưỡng Nghị định 06 và Quyết định 896",
    },
    "cli.findings_title": {
        "en": "QA/QC findings: {errors} error(s), {warnings} warning(s) ({acknowledged} acknowledged), {infos} info",
        "vi": "Kết quả kiểm tra QA/QC: {errors} lỗi, {warnings} cảnh báo ({acknowledged} đã xác nhận), {infos} thông tin",
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
    "cli.replay": {
        "en": "{ok} of {total} partition(s) reproduced bit for bit (logical hash)",
        "vi": "{ok}/{total} phân vùng được tái lập chính xác (mã băm logic)",
    },
    "cli.replay_software": {
        "en": "software version recorded {recorded}, now {now}",
        "vi": "phiên bản phần mềm khi tính {recorded}, hiện tại {now}",
    },
    "cli.diff_summary": {
        "en": "{added} added, {removed} removed, {changed} changed",
        "vi": "{added} thêm, {removed} bỏ, {changed} thay đổi",
    },
    "cli.impact": {
        "en": "{count} enterprise-year(s) would change; nothing was written.",
        "vi": "{count} doanh nghiệp-năm sẽ thay đổi; chưa ghi gì.",
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
    "cli.store_verify": {"en": "{ok} of {total} stored file(s) verified", "vi": "đã kiểm tra {ok}/{total} tệp lưu trữ"},
    "cli.total": {"en": "total", "vi": "tổng"},
    "cli.biogenic": {"en": "biogenic CO2 (memo)", "vi": "CO2 sinh học (ghi nhớ)"},
    "cli.energy_tj": {"en": "energy TJ", "vi": "năng lượng TJ"},
    "cli.energy_toe": {"en": "TOE", "vi": "TOE"},
    "cli.all": {"en": "all", "vi": "tất cả"},
    "cli.written": {
        "en": "Written to {store}: {partitions} partition(s) (year, enterprise), revision(s) {revisions}.",
        "vi": "Đã ghi vào {store}: {partitions} phân vùng (năm, doanh nghiệp), phiên bản {revisions}.",
    },
    "cli.same_content": {
        "en": "{count} partition(s) have the same content as their previous revision.",
        "vi": "{count} phân vùng có nội dung giống phiên bản trước.",
    },
    "cli.excluded": {
        "en": "{count} record(s) of other years were left out (--year {year}).",
        "vi": "{count} bản ghi của các năm khác không được tính (--year {year}).",
    },
    "cli.release": {"en": "release", "vi": "bộ hệ số"},
    "cli.version": {"en": "version", "vi": "phiên bản"},
    "cli.tier": {"en": "tier", "vi": "cấp"},
    "cli.title": {"en": "title", "vi": "tên"},
    "cli.valid_years": {"en": "years", "vi": "các năm"},
    "cli.verified": {
        "en": "{release}: {files} file(s) verified, release SHA-256 {sha256}",
        "vi": "{release}: đã kiểm tra {files} tệp, SHA-256 của bộ {sha256}",
    },
    "cli.factors_count": {
        "en": "{count} factor(s), {activities} activity code(s), {gwp} GWP value(s)",
        "vi": "{count} hệ số, {activities} mã hoạt động, {gwp} giá trị GWP",
    },
    "cli.sources": {"en": "sources", "vi": "nguồn"},
    "cli.error": {"en": "error", "vi": "lỗi"},
}

#: The catalogue: the base messages and those of each topic (a test checks that no key is defined twice).
CATALOGUE: dict[str, dict[str, str]] = {
    **BASE_MESSAGES,
    **PROBLEM_MESSAGES,
    **PATHWAY_MESSAGES,
    **REPORT_MESSAGES,
    **CLI_MESSAGES,
    **EIP_MESSAGES,
    **SCALE_MESSAGES,
}


def text(message: str, lang: str = "en", **params: object) -> str:
    """The message ``message`` (a catalogue key) in ``lang``, with ``params`` filled in.

    An unknown key or language is a programming error (``KeyError``); a test checks
    that every key has both languages.
    """
    template = CATALOGUE[message][lang if lang in LANGUAGES else "en"]
    return template.format(**params) if params else template
