"""The one translation catalogue: every user-facing message in English and Vietnamese.

Vietnamese terms follow Decree 06/2022/NĐ-CP and Circular 38/2023/TT-BCT (kiểm kê khí nhà
kính, hệ số phát thải, số liệu hoạt động, phạm vi 1/2, nhiệt trị thấp...), named once in the glossary
(:mod:`ghg.i18n.glossary`).
"""

from __future__ import annotations

from ghg.i18n import glossary
from ghg.i18n.messages_cli import MESSAGES as CLI_MESSAGES
from ghg.i18n.messages_columns import MESSAGES as COLUMN_MESSAGES
from ghg.i18n.messages_eip import MESSAGES as EIP_MESSAGES
from ghg.i18n.messages_pathway import MESSAGES as PATHWAY_MESSAGES
from ghg.i18n.messages_problems import MESSAGES as PROBLEM_MESSAGES
from ghg.i18n.messages_report import MESSAGES as REPORT_MESSAGES
from ghg.i18n.messages_scale import MESSAGES as SCALE_MESSAGES
from ghg.i18n.messages_store import MESSAGES as STORE_MESSAGES
from ghg.i18n.messages_web import MESSAGES as WEB_MESSAGES

LANGUAGES = ("en", "vi")

BASE_MESSAGES: dict[str, dict[str, str]] = {
    # where a problem is
    "where.sheet": {"en": "sheet {sheet}", "vi": "trang tính {sheet}"},
    "where.row": {"en": "row {row}", "vi": "hàng {row}"},
    "where.column": {"en": "column {column}", "vi": "cột {column}"},
    "where.value": {"en": " (value '{value}')", "vi": " (giá trị '{value}')"},
    "problems.header": {
        "en": "{count} problem(s) found in the activity data:",
        "vi": "Phát hiện {count} lỗi trong số liệu hoạt động:",
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
        "en": "unit '{unit}' is ambiguous (short ton of 907 kg, long ton or tonne?): write 't' for a metric tonne, or short_ton or long_ton",
        "vi": "đơn vị '{unit}' không rõ nghĩa (tấn ngắn 907 kg, tấn dài hay tấn mét?): hãy ghi 't' cho tấn, hoặc short_ton, long_ton",
    },
    "unit.ambiguous_T": {
        "en": "unit '{unit}' is ambiguous (T is the tesla; a tonne is 't'): write 't' for a metric tonne",
        "vi": "đơn vị '{unit}' không rõ nghĩa (T là tesla; tấn là 't'): hãy ghi 't' cho tấn",
    },
    "unit.ambiguous_mbtu": {
        "en": "unit '{unit}' is ambiguous (MBtu is a thousand Btu in US usage, a million elsewhere): write MMBtu or GJ",
        "vi": "đơn vị '{unit}' không rõ nghĩa (MBtu là nghìn Btu theo cách dùng của Mỹ, triệu Btu ở nơi khác): hãy ghi MMBtu hoặc GJ",
    },
    "unit.ambiguous_mscf": {
        "en": "unit '{unit}' is ambiguous (Mscf is a thousand scf in US usage, a million as an SI prefix): write 1000 scf as kscf, or MMscf for a million",
        "vi": "đơn vị '{unit}' không rõ nghĩa (Mscf là nghìn scf theo cách dùng của Mỹ, triệu scf theo tiền tố SI): hãy ghi kscf cho nghìn scf, hoặc MMscf cho triệu scf",
    },
    "unit.too_long": {
        "en": "unit '{unit}' is longer than {limit} characters: write a unit such as t, kg, L, m3, Nm3, MWh, GJ or TJ",
        "vi": "đơn vị '{unit}' dài hơn {limit} ký tự: hãy ghi đơn vị như t, kg, L, m3, Nm3, MWh, GJ hoặc TJ",
    },
    "unit.co2e": {
        "en": "unit '{unit}' is a CO2 equivalent: CO2e exists only with a named GWP set; give gas masses and choose --gwp",
        "vi": "đơn vị '{unit}' là CO2 tương đương (CO2tđ): CO2tđ chỉ có nghĩa với bộ GWP đã nêu; hãy nhập khối lượng khí và chọn --gwp",
    },
    "unit.standard_m3": {
        "en": "unit '{unit}' does not say its reference conditions: write Sm3 (15 °C, 101.325 kPa), Nm3 (0 °C, 101.325 kPa) or scf (60 °F, 14.696 psia)",
        "vi": "đơn vị '{unit}' không nêu điều kiện quy chiếu: hãy ghi Sm3 (15 °C, 101,325 kPa), Nm3 (0 °C, 101,325 kPa) hoặc scf (60 °F, 14,696 psia)",
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
        "vi": "cường độ của {product} {value} tấn CO2tđ/tấn nằm ngoài khoảng hợp lý {low}-{high} tấn CO2tđ/tấn",
    },
    "check.QC05": {
        "en": "consolidated total {total} t CO2e differs from the members' total minus internal supply ({expected} t CO2e)",
        "vi": "tổng hợp nhất {total} tấn CO2tđ khác tổng của các thành viên trừ cung cấp nội bộ ({expected} tấn CO2tđ)",
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
    "check.kind_level": {"en": "level", "vi": "mức phát thải"},
    "check.kind_trend": {"en": "trend since {year}", "vi": "xu hướng từ năm {year}"},
    "check.QC09": {
        "en": "{member} is not a member of the park in this year: its records are left out of the park",
        "vi": "{member} không phải thành viên khu công nghiệp trong năm này: số liệu không được tính vào khu",
    },
    "check.QC10": {
        "en": "{t_co2e} t CO2e and {toe} TOE against Decree 06 thresholds (3,000 t CO2e or 1,000 TOE), on the national list: {listed}",
        "vi": "{t_co2e} tấn CO2tđ và {toe} TOE so với ngưỡng của Nghị định 06 (3.000 tấn CO2tđ hoặc 1.000 TOE), thuộc danh mục quốc gia: {listed}",
    },
    "check.QC12": {
        "en": "{source} ({category}, {co2e} t CO2e in revision {revision}) is missing from the revision that superseded it: a file left out of the rerun, or removed on purpose: report it, or acknowledge why",
        "vi": "{source} ({category}, {co2e} tấn CO2tđ trong phiên bản {revision}) không có trong phiên bản thay thế: một tệp bị bỏ sót khi chạy lại, hoặc đã bỏ có chủ đích: hãy bổ sung, hoặc xác nhận lý do",
    },
    "check.QC13": {
        "en": "{source}: period {period} overlaps period {other} of the same source: counted twice unless both are right; keep one, or acknowledge why",
        "vi": "{source}: kỳ {period} trùng với kỳ {other} của cùng nguồn: bị tính hai lần trừ khi cả hai đều đúng; hãy giữ một, hoặc xác nhận lý do",
    },
    "check.QC11": {
        "en": "base year restated: {original} -> {restated} t CO2e ({change}, revisions {first} -> {last}) at or beyond the recalculation threshold",
        "vi": "năm cơ sở được tính lại: {original} -> {restated} tấn CO2tđ ({change}, phiên bản {first} -> {last}) vượt ngưỡng tính lại",
    },
    "factor.conflict": {
        "en": "two releases of the same tier give a factor for {key}: {first} and {second}; select only one of them",
        "vi": "hai bộ hệ số cùng cấp cho hệ số {key}: {first} và {second}; hãy chỉ chọn một",
    },
    "cli.out_of_memory": {
        "en": "not enough memory to finish; nothing was written. Give fewer files at once, or a dataset folder (it is read in parts)",
        "vi": "không đủ bộ nhớ để hoàn thành; chưa ghi gì. Hãy đưa ít tệp hơn mỗi lần, hoặc một thư mục bộ dữ liệu (được đọc từng phần)",
    },
    "cli.os_error": {
        "en": "the file system refused an operation ({detail}); nothing was committed: check space and permissions, then run again",
        "vi": "hệ thống tệp từ chối một thao tác ({detail}); chưa ghi gì: hãy kiểm tra dung lượng và quyền rồi chạy lại",
    },
    "cli.exported": {"en": "{rows} line(s) written to {path}", "vi": "đã ghi {rows} dòng vào {path}"},
    # usage
    "usage.no_files": {"en": "give at least one activity file", "vi": "hãy chỉ ít nhất một tệp số liệu hoạt động"},
    # command line output
    "cli.valid": {
        "en": "{rows} record(s) in {files} file(s): valid.",
        "vi": "{rows} bản ghi trong {files} tệp: hợp lệ.",
    },
    "cli.inventory_title": {
        "en": "Greenhouse-gas inventory (t CO2e, {gwp_set} GWP-100)",
        "vi": "Kiểm kê khí nhà kính (tấn CO2tđ, GWP-100 {gwp_set})",
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
    "cli.t_co2e_per_t": {"en": "t CO2e/t", "vi": "tấn CO2tđ/tấn"},
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
        "vi": "Phần III. Phương pháp và hệ số, số liệu hoạt động, kết quả, độ tin cậy và tính đầy đủ",
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
        "vi": "Tổng hợp nhất toàn khu (tấn CO2tđ; năng lượng cung cấp nội bộ chỉ tính một lần)",
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
    "cli.tier": {"en": "tier", "vi": "bậc"},
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
#: The terms of the glossary (``glossary.csv``, each with its legal source): categories, scopes, statuses,
#: severities, tiers, methods and the legal terms themselves.
GLOSSARY_MESSAGES = glossary.messages()

CATALOGUE: dict[str, dict[str, str]] = {
    **GLOSSARY_MESSAGES,
    **BASE_MESSAGES,
    **PROBLEM_MESSAGES,
    **STORE_MESSAGES,
    **PATHWAY_MESSAGES,
    **REPORT_MESSAGES,
    **CLI_MESSAGES,
    **COLUMN_MESSAGES,
    **EIP_MESSAGES,
    **SCALE_MESSAGES,
    **WEB_MESSAGES,
}


def text(message: str, lang: str = "en", **params: object) -> str:
    """The message ``message`` (a catalogue key) in ``lang``, with ``params`` filled in.

    An unknown key or language is a programming error (``KeyError``); a test checks
    that every key has both languages.
    """
    template = CATALOGUE[message][lang if lang in LANGUAGES else "en"]
    return template.format(**params) if params else template
