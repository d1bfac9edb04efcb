"""The one translation catalogue: every user-facing message in English and Vietnamese.

Vietnamese terms follow Decree 06/2022/NĐ-CP and Circular 38/2023/TT-BCT (kiểm kê khí nhà
kính, hệ số phát thải, dữ liệu hoạt động, phạm vi 1/2, nhiệt trị thấp...).
"""

from __future__ import annotations

from ghg.messages_cli import MESSAGES as CLI_MESSAGES
from ghg.messages_eip import MESSAGES as EIP_MESSAGES
from ghg.messages_pathway import MESSAGES as PATHWAY_MESSAGES
from ghg.messages_report import MESSAGES as REPORT_MESSAGES
from ghg.messages_scale import MESSAGES as SCALE_MESSAGES

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
    # input problems
    "problem.no_file": {"en": "file not found", "vi": "không tìm thấy tệp"},
    "problem.file_type": {
        "en": "file type not supported: use one of {allowed}",
        "vi": "loại tệp không được hỗ trợ: hãy dùng {allowed}",
    },
    "problem.not_utf8": {
        "en": "the file is not UTF-8 text (byte {byte} at column {position} of this row): save it as 'CSV UTF-8'",
        "vi": "tệp không phải văn bản UTF-8 (byte {byte} ở vị trí {position} của hàng này): hãy lưu dạng 'CSV UTF-8'",
    },
    "problem.empty_file": {
        "en": "the file is empty: it must hold a header row with the column names and one row per record",
        "vi": "tệp trống: tệp phải có một hàng tiêu đề chứa tên cột và mỗi bản ghi một hàng",
    },
    "problem.delimiter": {
        "en": "the columns are separated by '{delimiter}', not by commas: save the file as 'CSV UTF-8 (comma delimited)'",
        "vi": "các cột được phân cách bằng '{delimiter}' thay vì dấu phẩy: hãy lưu tệp dạng 'CSV UTF-8 (phân cách bằng dấu phẩy)'",
    },
    "problem.title_rows": {
        "en": "the column names are on row {header}, not row 1: delete the title rows above them",
        "vi": "tên cột nằm ở hàng {header}, không phải hàng 1: hãy xóa các hàng tiêu đề phía trên",
    },
    "problem.not_xlsx": {
        "en": "the file is named .xlsx but is not an Excel workbook (it is {actual}): give it its real extension",
        "vi": "tệp có đuôi .xlsx nhưng không phải sổ tính Excel (mà là {actual}): hãy đặt đúng đuôi tệp",
    },
    "problem.xlsx_named_csv": {
        "en": "the file is named .csv but is an Excel workbook: rename it to .xlsx, or save it as 'CSV UTF-8'",
        "vi": "tệp có đuôi .csv nhưng là sổ tính Excel: hãy đổi đuôi thành .xlsx, hoặc lưu dạng 'CSV UTF-8'",
    },
    "problem.too_large": {
        "en": "the workbook expands to {size} MB when opened (limit {limit} MB): split it, or give the data as CSV or Parquet",
        "vi": "sổ tính giãn ra {size} MB khi mở (giới hạn {limit} MB): hãy tách tệp, hoặc cung cấp dữ liệu dạng CSV hoặc Parquet",
    },
    "problem.cell_too_long": {
        "en": "a cell of {length} characters (limit {limit}): a record's cell holds one value",
        "vi": "một ô dài {length} ký tự (giới hạn {limit}): mỗi ô của bản ghi chỉ chứa một giá trị",
    },
    "problem.macros": {
        "en": "the workbook contains macros (VBA): save it as a plain .xlsx workbook without macros",
        "vi": "sổ tính có macro (VBA): hãy lưu dạng sổ tính .xlsx thường không có macro",
    },
    "problem.external_links": {
        "en": "the workbook takes values from other files (external links): paste the values (Paste Special > Values) and save",
        "vi": "sổ tính lấy giá trị từ tệp khác (liên kết ngoài): hãy dán giá trị (Dán đặc biệt > Giá trị) rồi lưu",
    },
    "problem.formula": {
        "en": "a formula ({formula}): the value it last calculated may be stale; paste the values (Paste Special > Values) and save",
        "vi": "công thức ({formula}): giá trị tính lần cuối có thể đã cũ; hãy dán giá trị (Dán đặc biệt > Giá trị) rồi lưu",
    },
    "problem.hidden_row": {
        "en": "the row is hidden in the workbook: unhide it and check it, or delete it",
        "vi": "hàng bị ẩn trong sổ tính: hãy bỏ ẩn để kiểm tra, hoặc xóa hàng",
    },
    "problem.hidden_sheet": {
        "en": "the data sheet '{sheet}' is hidden: unhide it and check it, or delete it",
        "vi": "trang dữ liệu '{sheet}' bị ẩn: hãy bỏ ẩn để kiểm tra, hoặc xóa",
    },
    "problem.wrong_sheet": {
        "en": "the first sheet '{first}' holds no records in the input format; the records seem to be on sheet '{found}': name it 'activity' or move it first",
        "vi": "trang tính đầu '{first}' không chứa bản ghi theo định dạng đầu vào; bản ghi có vẻ nằm ở trang '{found}': hãy đặt tên trang đó là 'activity' hoặc chuyển lên đầu",
    },
    "problem.invisible_character": {
        "en": "contains an invisible character {point} ({name}) at position {position}: retype the value",
        "vi": "chứa ký tự ẩn {point} ({name}) ở vị trí {position}: hãy gõ lại giá trị",
    },
    "problem.unreadable": {"en": "the file cannot be read ({detail})", "vi": "không đọc được tệp ({detail})"},
    "problem.empty_sheet": {
        "en": "the sheet is empty: row 1 must hold the column names",
        "vi": "trang tính trống: hàng 1 phải chứa tên cột",
    },
    "problem.duplicate_column": {
        "en": "this column appears twice: keep one",
        "vi": "cột này xuất hiện hai lần: hãy giữ một",
    },
    "problem.unknown_column": {
        "en": "unknown column (a typo?): the columns are {allowed}",
        "vi": "cột không xác định (gõ nhầm?): các cột hợp lệ là {allowed}",
    },
    "problem.missing_column": {
        "en": "required column is missing: add it to the header row",
        "vi": "thiếu cột bắt buộc: hãy thêm vào hàng tiêu đề",
    },
    "problem.required": {"en": "value is missing: this column is required", "vi": "thiếu giá trị: cột này là bắt buộc"},
    "problem.identifier": {
        "en": "not a valid identifier: use 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit (no spaces, slashes or control characters)",
        "vi": "mã không hợp lệ: dùng 1-64 chữ cái, chữ số, '.', '-' hoặc '_', bắt đầu bằng chữ hoặc số (không dấu cách, dấu gạch chéo hay ký tự điều khiển)",
    },
    "problem.ipcc_category": {
        "en": "not an IPCC 2006 category code: write it like 1.A.2 or 1.A.2.g.vii",
        "vi": "không phải mã lĩnh vực IPCC 2006: hãy ghi dạng 1.A.2 hoặc 1.A.2.g.vii",
    },
    "problem.technology": {
        "en": "technology must be a lower-case code such as four_stroke or uncontrolled",
        "vi": "công nghệ phải là mã chữ thường, ví dụ four_stroke hoặc uncontrolled",
    },
    "problem.evidence": {
        "en": "evidence must be one line of at most 500 characters without control characters",
        "vi": "chứng từ phải là một dòng tối đa 500 ký tự, không có ký tự điều khiển",
    },
    "problem.vocabulary": {
        "en": "not an allowed value: use one of {allowed}",
        "vi": "giá trị không hợp lệ: hãy dùng một trong {allowed}",
    },
    "problem.year_integer": {
        "en": "year must be a whole number such as 2023",
        "vi": "năm phải là số nguyên, ví dụ 2023",
    },
    "problem.year_range": {
        "en": "year out of range: reporting years run from {first} to {last}",
        "vi": "năm nằm ngoài phạm vi: năm báo cáo từ {first} đến {last}",
    },
    "problem.period": {
        "en": "period must be YYYY-MM, YYYY-Qn or YYYY-Hn (e.g. 2023-01, 2023-Q1), or empty for the whole year",
        "vi": "kỳ phải có dạng YYYY-MM, YYYY-Qn hoặc YYYY-Hn (ví dụ 2023-01, 2023-Q1), hoặc để trống cho cả năm",
    },
    "problem.period_year": {
        "en": "the period lies in another year than the record's year",
        "vi": "kỳ thuộc một năm khác với năm của bản ghi",
    },
    "problem.quantity_missing": {
        "en": "quantity is empty (empty means missing, not zero): write the amount, or 0 if nothing was used",
        "vi": "số lượng để trống (trống là thiếu, không phải 0): hãy ghi số lượng, hoặc 0 nếu không sử dụng",
    },
    "problem.number": {
        "en": (
            "not a finite number: write digits with '.' as the decimal mark and no thousands separator (e.g. 1234.5), "
            "or declare --decimal-mark , for 1.234,5; infinite, NaN and non-zero values below 1e-307 are refused"
        ),
        "vi": (
            "không phải số hữu hạn: hãy ghi chữ số, dấu '.' cho phần thập phân, không có dấu phân cách hàng nghìn "
            "(ví dụ 1234.5), hoặc khai báo --decimal-mark , cho cách viết 1.234,5; vô cực, NaN và giá trị khác 0 nhỏ "
            "hơn 1e-307 bị từ chối"
        ),
    },
    "problem.number_ambiguous": {
        "en": (
            "ambiguous number: one separator followed by three digits is a thousands separator in Vietnamese writing "
            "(4.200 = four thousand two hundred) and a decimal mark in English (4.2), and nothing else in the file "
            "settles which; write 4200 or 4.2, or declare the decimal mark with --decimal-mark . or --decimal-mark ,"
        ),
        "vi": (
            "số không rõ nghĩa: một dấu phân cách theo sau là ba chữ số là dấu hàng nghìn theo cách viết tiếng Việt "
            "(4.200 = bốn nghìn hai trăm) nhưng là dấu thập phân theo cách viết tiếng Anh (4.2), và không có giá trị "
            "nào khác trong tệp cho biết cách viết; hãy ghi 4200 hoặc 4.2, hoặc khai báo dấu thập phân bằng "
            "--decimal-mark . hoặc --decimal-mark ,"
        ),
    },
    "problem.negative": {
        "en": "quantity is negative: activity data cannot be below zero; correct the sign or record the return separately",
        "vi": "số lượng âm: dữ liệu hoạt động không thể nhỏ hơn 0; hãy sửa dấu hoặc ghi nhận phần trả lại riêng",
    },
    "problem.positive": {"en": "a measured value must be greater than zero", "vi": "giá trị đo phải lớn hơn 0"},
    "problem.unit_empty": {
        "en": "unit is empty: write a unit such as t, kg, L, m3, Nm3, kWh, MWh, GJ or TJ",
        "vi": "đơn vị để trống: hãy ghi đơn vị như t, kg, L, m3, Nm3, kWh, MWh, GJ hoặc TJ",
    },
    "problem.unit_ambiguous_ton": {
        "en": "'ton' is ambiguous (pint and US usage read it as a short ton of 907 kg): write 't' for a metric tonne",
        "vi": "'ton' không rõ nghĩa (có thể hiểu là tấn ngắn 907 kg): hãy ghi 't' cho tấn",
    },
    "problem.unit_ambiguous_T": {
        "en": "'T' is ambiguous (it is the tesla; a tonne is 't'): write 't' for a metric tonne",
        "vi": "'T' không rõ nghĩa (là đơn vị tesla; tấn là 't'): hãy ghi 't' cho tấn",
    },
    "problem.unit_ambiguous_mbtu": {
        "en": "'MBtu' is ambiguous (a thousand Btu in US usage, a million elsewhere): write MMBtu or GJ",
        "vi": "'MBtu' không rõ nghĩa (nghìn Btu theo cách dùng của Mỹ, triệu Btu ở nơi khác): hãy ghi MMBtu hoặc GJ",
    },
    "problem.unit_too_long": {
        "en": "the unit is longer than 64 characters: write a unit such as t, kg, L, m3, Nm3, MWh, GJ or TJ",
        "vi": "đơn vị dài hơn 64 ký tự: hãy ghi đơn vị như t, kg, L, m3, Nm3, MWh, GJ hoặc TJ",
    },
    "problem.unit_co2e": {
        "en": "CO2e is not an activity unit: give the activity (fuel, electricity) in its own unit",
        "vi": "CO2e không phải đơn vị của dữ liệu hoạt động: hãy ghi nhiên liệu, điện theo đơn vị của nó",
    },
    "problem.unit_standard_m3": {
        "en": "standard cubic metres are not supported: give Nm3 (0 °C, 101.325 kPa) or a mass",
        "vi": "m3 tiêu chuẩn không được hỗ trợ: hãy dùng Nm3 (0 °C, 101,325 kPa) hoặc khối lượng",
    },
    "problem.unit_unknown": {
        "en": "unknown unit: use t, kg, L, m3, Nm3, kWh, MWh, GJ, TJ or TOE (units are case-sensitive)",
        "vi": "đơn vị không xác định: hãy dùng t, kg, L, m3, Nm3, kWh, MWh, GJ, TJ hoặc TOE (phân biệt chữ hoa/thường)",
    },
    "problem.unit_kind": {
        "en": "unit of the wrong dimension: expected {expected}",
        "vi": "đơn vị sai thứ nguyên: cần {expected}",
    },
    "problem.measured_unit_missing": {
        "en": "a measured {prop} needs its unit in this column (e.g. MJ/kg, kg C/GJ, kg/L)",
        "vi": "giá trị {prop} đo được cần có đơn vị ở cột này (ví dụ MJ/kg, kg C/GJ, kg/L)",
    },
    "problem.measured_value_missing": {
        "en": "a unit is given in {unit_col} but no value here: fill both or neither",
        "vi": "đã ghi đơn vị ở {unit_col} nhưng thiếu giá trị ở đây: hãy điền cả hai hoặc để trống cả hai",
    },
    "problem.duplicate_row": {
        "en": "exact duplicate of row {first}: remove it, or tell the two apart in the evidence column",
        "vi": "trùng hoàn toàn với hàng {first}: hãy xóa, hoặc phân biệt hai hàng ở cột chứng từ",
    },
    "problem.more_rows": {
        "en": "{count} more row(s) with the same problem ({code})",
        "vi": "còn {count} hàng khác có cùng lỗi ({code})",
    },
    "problem.no_records": {"en": "no activity records found", "vi": "không tìm thấy bản ghi dữ liệu hoạt động nào"},
    "problem.no_records_year": {"en": "no records for this year", "vi": "không có bản ghi nào cho năm này"},
    "problem.unknown_activity_near": {
        "en": "unknown activity code: did you mean {near}? (codes of the factor releases; never mapped to 'other')",
        "vi": "mã hoạt động không xác định: có phải là {near}? (mã trong bộ hệ số; không bao giờ gán vào 'khác')",
    },
    "problem.vocabulary_near": {
        "en": "not an allowed value: did you mean '{near}'? (allowed: {allowed})",
        "vi": "giá trị không hợp lệ: có phải là '{near}'? (giá trị hợp lệ: {allowed})",
    },
    "problem.unknown_activity": {
        "en": "unknown activity code (never mapped to 'other'): use a code of the factor releases, e.g. {known}",
        "vi": "mã hoạt động không xác định (không bao giờ gán vào 'khác'): hãy dùng mã có trong bộ hệ số, ví dụ {known}",
    },
    "problem.activity_category": {
        "en": "activity of state '{state}' does not fit source category '{category}': electricity goes with purchased_electricity, fuels with stationary_combustion or mobile_combustion",
        "vi": "hoạt động dạng '{state}' không phù hợp với nguồn '{category}': điện đi với purchased_electricity, nhiên liệu đi với stationary_combustion hoặc mobile_combustion",
    },
    "problem.gas_volume": {
        "en": "a gas in actual m3 depends on temperature and pressure: give Nm3 (with a measured NCV per Nm3), a mass or an energy",
        "vi": "khí tính theo m3 thực phụ thuộc nhiệt độ và áp suất: hãy dùng Nm3 (kèm nhiệt trị đo theo Nm3), khối lượng hoặc năng lượng",
    },
    "problem.unit_for_state": {
        "en": "unit of the wrong dimension for an activity of state '{state}': allowed {allowed}",
        "vi": "đơn vị sai thứ nguyên cho hoạt động dạng '{state}': cho phép {allowed}",
    },
    "problem.basis_missing": {
        "en": "a fuel given in energy units needs energy_basis 'net' or 'gross' (IPCC factors are on a net basis)",
        "vi": "nhiên liệu tính theo năng lượng cần energy_basis 'net' hoặc 'gross' (hệ số IPCC theo nhiệt trị thấp)",
    },
    "problem.basis_not_applicable": {
        "en": "energy_basis applies only to fuels given in energy units: leave it empty",
        "vi": "energy_basis chỉ áp dụng cho nhiên liệu tính theo năng lượng: hãy để trống",
    },
    "problem.no_grid_factor": {
        "en": "no grid emission factor for {activity} in {year} in the releases {releases}: no official factor exists for that year; add a release with one (--factors PATH), never another year's",
        "vi": "không có hệ số phát thải lưới điện cho {activity} năm {year} trong {releases}: chưa có hệ số chính thức cho năm đó; hãy thêm bộ hệ số có giá trị này (--factors PATH), không dùng năm khác",
    },
    "problem.category_missing": {
        "en": "combustion needs an IPCC category (e.g. 1.A.2 manufacturing, 1.A.1 energy industries, 1.A.3.b road, 1.A.2.g.vii off-road in industry)",
        "vi": "đốt nhiên liệu cần mã lĩnh vực IPCC (ví dụ 1.A.2 công nghiệp chế biến, 1.A.1 năng lượng, 1.A.3.b đường bộ, 1.A.2.g.vii máy móc di động trong công nghiệp)",
    },
    "problem.technology_needed": {
        "en": "{activity} in {category} has factors per technology: fill the technology column with one of {technologies}",
        "vi": "{activity} ở {category} có hệ số theo công nghệ: hãy điền cột technology bằng một trong {technologies}",
    },
    "problem.no_factor": {
        "en": "no {gases} emission factor for activity={activity}, category={category}, technology={technology}, year={year} in {releases}: add a release with it (--factors PATH) or check the codes",
        "vi": "không có hệ số phát thải {gases} cho activity={activity}, category={category}, technology={technology}, năm {year} trong {releases}: hãy thêm bộ hệ số (--factors PATH) hoặc kiểm tra mã",
    },
    "problem.no_ratio": {
        "en": "no NCV/GCV ratio for {activity}: give the energy on a net basis or a measured NCV",
        "vi": "không có tỷ lệ nhiệt trị thấp/cao cho {activity}: hãy ghi năng lượng theo nhiệt trị thấp hoặc nhiệt trị đo",
    },
    "problem.no_ncv": {
        "en": "no net calorific value for {activity}: give a measured NCV (ncv, ncv_unit) or a release with one",
        "vi": "không có nhiệt trị thấp cho {activity}: hãy ghi nhiệt trị đo (ncv, ncv_unit) hoặc dùng bộ hệ số có giá trị này",
    },
    "problem.no_density": {
        "en": "{activity} is given by volume but no density is available: give a measured density (density, density_unit), a mass, or a release with a density",
        "vi": "{activity} tính theo thể tích nhưng không có khối lượng riêng: hãy ghi khối lượng riêng đo (density, density_unit), khối lượng, hoặc bộ hệ số có khối lượng riêng",
    },
    "problem.no_ncv_nm3": {
        "en": "{activity} in Nm3 needs a measured NCV per Nm3 (e.g. ncv 37.7, ncv_unit MJ/Nm3)",
        "vi": "{activity} tính theo Nm3 cần nhiệt trị đo theo Nm3 (ví dụ ncv 37.7, ncv_unit MJ/Nm3)",
    },
    "problem.direction_not_applicable": {
        "en": "direction (in/out) applies only to the streams of a process carbon mass balance: leave it empty",
        "vi": "direction (in/out) chỉ áp dụng cho các dòng của cân bằng khối lượng các-bon trong quá trình công nghiệp: hãy để trống",
    },
    "problem.category_missing_process": {
        "en": "a process emission needs its IPCC category (e.g. 2.A.4 other uses of carbonates, 2.B.10 other chemicals such as yellow phosphorus, 2.C.1 iron and steel, 2.C.7 other metals such as copper)",
        "vi": "phát thải quá trình cần mã lĩnh vực IPCC (ví dụ 2.A.4 sử dụng cacbonat khác, 2.B.10 hóa chất khác như phốt pho vàng, 2.C.1 gang thép, 2.C.7 kim loại khác như đồng)",
    },
    "problem.no_carbon_content": {
        "en": "{activity} has no default carbon content: give the measured carbon content (carbon_content, carbon_content_unit, e.g. 0.005 and 't C/t', or 'kg C/Nm3' for a gas)",
        "vi": "{activity} không có hàm lượng các-bon mặc định: hãy ghi hàm lượng các-bon đo được (carbon_content, carbon_content_unit, ví dụ 0.005 và 't C/t', hoặc 'kg C/Nm3' cho khí)",
    },
    "problem.fraction_not_applicable": {
        "en": "fraction_calcined applies only to carbonates (limestone, dolomite, ...): leave it empty",
        "vi": "fraction_calcined chỉ áp dụng cho cacbonat (đá vôi, dolomit, ...): hãy để trống",
    },
    "problem.fugitive_balance_negative": {
        "en": "gas out ({carbon_out} t) exceeds gas in ({carbon_in} t) in this mass balance (rows {rows}): in = stock at the start, purchases, capacity of retired equipment; out = stock at the end, gas recovered or sent away, charge of new equipment",
        "vi": "lượng khí ra ({carbon_out} t) lớn hơn lượng khí vào ({carbon_in} t) trong cân bằng này (các hàng {rows}): vào = tồn kho đầu năm, mua vào, dung lượng thiết bị thải bỏ; ra = tồn kho cuối năm, khí thu hồi hoặc chuyển đi, lượng nạp thiết bị mới",
    },
    "problem.unknown_gas": {
        "en": "not a gas of the GWP release: use one of {known}",
        "vi": "không phải khí có trong bộ GWP: hãy dùng một trong {known}",
    },
    "problem.gas_not_in_gwp_set": {
        "en": "{gas} has no GWP in the chosen set: choose another --gwp set or another gas code",
        "vi": "{gas} không có GWP trong bộ đã chọn: hãy chọn bộ --gwp khác hoặc mã khí khác",
    },
    "problem.category_missing_fugitive": {
        "en": "a fugitive emission needs its IPCC category (e.g. 2.F.1 refrigeration and air conditioning, 2.G.1 electrical equipment)",
        "vi": "phát thải phát tán cần mã lĩnh vực IPCC (ví dụ 2.F.1 làm lạnh và điều hòa, 2.G.1 thiết bị điện)",
    },
    "problem.carbon_not_applicable": {
        "en": "a carbonate's factor is stoichiometric (IPCC 2006 Vol. 3 Table 2.1): give the carbonate's mass (and fraction_calcined), not a carbon content",
        "vi": "hệ số của cacbonat theo hóa học lượng pháp (IPCC 2006 Tập 3 Bảng 2.1): hãy ghi khối lượng cacbonat (và fraction_calcined), không ghi hàm lượng các-bon",
    },
    "problem.fraction_range": {
        "en": "{field} must be a fraction above 0 and at most 1 (write 0.95 for 95%)",
        "vi": "{field} phải là phân số lớn hơn 0 và không quá 1 (ghi 0.95 cho 95%)",
    },
    "problem.oxidation_not_applicable": {
        "en": "an oxidation factor applies only to fuel combustion: leave it empty",
        "vi": "hệ số ô-xy hóa chỉ áp dụng cho đốt nhiên liệu: hãy để trống",
    },
    "problem.balance_direction": {
        "en": "a mass balance stream needs both balance (its id) and direction (in or out)",
        "vi": "một dòng của cân bằng khối lượng cần cả balance (mã cân bằng) và direction (in hoặc out)",
    },
    "problem.balance_negative": {
        "en": "carbon out ({carbon_out} t C) exceeds carbon in ({carbon_in} t C) in this mass balance (streams on rows {rows}): check the quantities and carbon contents of its streams",
        "vi": "các-bon ra ({carbon_out} t C) lớn hơn các-bon vào ({carbon_in} t C) trong cân bằng này (các dòng ở hàng {rows}): hãy kiểm tra số lượng và hàm lượng các-bon của các dòng",
    },
    "problem.instrument_not_applicable": {
        "en": "a contractual instrument applies only to purchased_electricity: leave it empty",
        "vi": "công cụ hợp đồng chỉ áp dụng cho purchased_electricity: hãy để trống",
    },
    "problem.supplier_fuel_not_applicable": {
        "en": "supplier_fuel applies only to purchased heat or steam: leave it empty",
        "vi": "supplier_fuel chỉ áp dụng cho nhiệt hoặc hơi nước mua: hãy để trống",
    },
    "problem.category_missing_heat": {
        "en": "a factor derived from the supplier's fuel needs the IPCC category of the supplier's boiler (e.g. 1.A.2)",
        "vi": "hệ số tính từ nhiên liệu của bên cung cấp cần mã lĩnh vực IPCC của lò hơi bên cung cấp (ví dụ 1.A.2)",
    },
    "problem.boiler_efficiency_missing": {
        "en": "{activity} from the supplier's fuel needs the boiler efficiency as a fraction (e.g. 0.85)",
        "vi": "{activity} tính từ nhiên liệu của bên cung cấp cần hiệu suất lò hơi dạng phân số (ví dụ 0.85)",
    },
    "problem.steam_enthalpy_missing": {
        "en": "steam by mass needs its enthalpy (steam_enthalpy, steam_enthalpy_unit, e.g. 2776 kJ/kg)",
        "vi": "hơi nước tính theo khối lượng cần entanpi (steam_enthalpy, steam_enthalpy_unit, ví dụ 2776 kJ/kg)",
    },
    "problem.heat_factor_missing": {
        "en": "purchased {activity} needs the supplier's factor (supplier_factor, supplier_factor_unit: t CO2/t steam or t CO2/GJ) or the supplier's fuel (supplier_fuel) with boiler_efficiency",
        "vi": "{activity} mua cần hệ số của bên cung cấp (supplier_factor, supplier_factor_unit: t CO2/t hơi hoặc t CO2/GJ) hoặc nhiên liệu của bên cung cấp (supplier_fuel) kèm boiler_efficiency",
    },
    "problem.instrument_factor_missing": {
        "en": "a supplier-specific contract or PPA needs its emission factor (supplier_factor, supplier_factor_unit, e.g. 0 t CO2/MWh for solar)",
        "vi": "hợp đồng riêng với nhà cung cấp hoặc PPA cần hệ số phát thải (supplier_factor, supplier_factor_unit, ví dụ 0 t CO2/MWh cho điện mặt trời)",
    },
    "problem.instruments_exceed": {
        "en": "contractual instruments cover {covered} MWh but only {bought} MWh were bought by this enterprise in this year: instruments cannot cover more than was bought",
        "vi": "công cụ hợp đồng bao phủ {covered} MWh nhưng doanh nghiệp chỉ mua {bought} MWh trong năm này: công cụ không thể bao phủ nhiều hơn lượng điện mua",
    },
    "problem.supplier_factor_without_instrument": {
        "en": (
            "a supplier's emission factor on electricity is a contractual claim and counts only with an instrument: "
            "add instrument supplier_specific (or ppa) on this row, or leave supplier_factor empty"
        ),
        "vi": (
            "hệ số phát thải của bên cung cấp điện là cam kết theo hợp đồng và chỉ được tính khi có công cụ: hãy ghi "
            "instrument là supplier_specific (hoặc ppa) ở hàng này, hoặc để trống supplier_factor"
        ),
    },
    "problem.duplicate_across_files": {
        "en": "the same record as {other}, row {other_row}: a record given in two files would be counted twice; remove it from one of them",
        "vi": "trùng bản ghi với {other}, hàng {other_row}: bản ghi có trong hai tệp sẽ bị tính hai lần; hãy xóa ở một tệp",
    },
    "problem.total_row": {
        "en": "the row is labelled as a total or subtotal: a total of other rows counts them a second time; delete the row",
        "vi": "hàng được ghi là tổng hoặc tổng phụ: hàng tổng của các hàng khác sẽ tính chúng thêm một lần; hãy xóa hàng này",
    },
    "problem.overlapping_periods": {
        "en": "warning: this period overlaps period {other} of the same source (row {other_row}{where}): a whole year beside its quarter or month counts it twice; keep one, or acknowledge in ghg check why both are right",
        "vi": "cảnh báo: kỳ này trùng với kỳ {other} của cùng nguồn (hàng {other_row}{where}): cả năm cùng với quý hoặc tháng của nó sẽ bị tính hai lần; hãy giữ một, hoặc xác nhận trong ghg check lý do cả hai đều đúng",
    },
    "problem.dropped_source": {
        "en": "warning: {enterprise} {year}, {facility}: this source ({category}, {co2e} t CO2e in revision {revision}) is not in the new revision: a file left out of the rerun, or removed on purpose? ghg check asks for an acknowledgement",
        "vi": "cảnh báo: {enterprise} {year}, {facility}: nguồn này ({category}, {co2e} t CO2tđ trong phiên bản {revision}) không có trong phiên bản mới: bỏ sót tệp khi chạy lại, hay bỏ có chủ đích? ghg check sẽ yêu cầu xác nhận",
    },
    "cli.warnings": {
        "en": "{count} warning(s): nothing was refused; ghg check lists them for acknowledgement",
        "vi": "{count} cảnh báo: không có gì bị từ chối; ghg check liệt kê để xác nhận",
    },
    "problem.implausible": {
        "en": "measured {measured} {unit} for {activity} is more than ten times outside every published value ({low} to {high} {unit}): a unit or decimal slip, not a measurement; check the value and its unit",
        "vi": "giá trị đo {measured} {unit} của {activity} lệch hơn mười lần so với mọi giá trị đã công bố ({low} đến {high} {unit}): nhầm đơn vị hoặc dấu thập phân, không phải kết quả đo; hãy kiểm tra giá trị và đơn vị",
    },
    "problem.unusual": {
        "en": "warning: measured {measured} {unit} for {activity} lies outside the published range ({low} to {high} {unit}) by more than 25 %: keep the laboratory report as evidence; ghg check asks for an acknowledgement",
        "vi": "cảnh báo: giá trị đo {measured} {unit} của {activity} nằm ngoài khoảng đã công bố ({low} đến {high} {unit}) hơn 25 %: hãy lưu phiếu kết quả phân tích làm bằng chứng; ghg check sẽ yêu cầu xác nhận",
    },
    "problem.on_site": {
        "en": "energy generated and used on site is not Scope 2 (its fuel is Scope 1): the supplier cannot be the enterprise itself",
        "vi": "năng lượng tự sản xuất và sử dụng tại chỗ không thuộc Phạm vi 2 (nhiên liệu của nó thuộc Phạm vi 1): bên cung cấp không thể là chính doanh nghiệp",
    },
    "problem.production_unit": {
        "en": "a production record is a mass of product: write it in t (or kg, kt)",
        "vi": "bản ghi sản lượng là khối lượng sản phẩm: hãy ghi bằng t (hoặc kg, kt)",
    },
    "problem.example_row": {
        "en": "an example row of the template is still here: delete it, or clear its mark in the example column if it is real data",
        "vi": "dòng mẫu của biểu mẫu vẫn còn: hãy xóa, hoặc bỏ dấu ở cột example nếu đó là dữ liệu thật",
    },
    "problem.merged_cells": {
        "en": "merged cells in the data area: unmerge them and give every row its own values",
        "vi": "có ô gộp trong vùng dữ liệu: hãy bỏ gộp và ghi giá trị cho từng hàng",
    },
    "problem.formula_no_value": {
        "en": "a formula without a calculated value: open the file in Excel, let it calculate and save, or type the value",
        "vi": "công thức chưa có giá trị tính: hãy mở tệp trong Excel để tính rồi lưu, hoặc nhập giá trị",
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
    "problem.not_member": {
        "en": "not a member of the park in {year} (registry): add it to the registry or correct the year",
        "vi": "không phải thành viên khu công nghiệp năm {year} (sổ đăng ký): hãy thêm vào sổ đăng ký hoặc sửa năm",
    },
    "problem.self_transfer": {
        "en": "seller and buyer are the same enterprise: energy used on site is not a transfer",
        "vi": "bên bán và bên mua là cùng một doanh nghiệp: năng lượng dùng tại chỗ không phải chuyển giao",
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
