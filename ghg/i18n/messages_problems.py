"""Catalogue entries for problems in activity data and factor releases: what is wrong and the fix
(merged into :mod:`ghg.i18n`). Rendered with the place (file, sheet, row, column, value) by
:class:`ghg.core.errors.Problem`.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
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
        "vi": "số lượng âm: số liệu hoạt động không thể nhỏ hơn 0; hãy sửa dấu hoặc ghi nhận phần trả lại riêng",
    },
    "problem.positive": {"en": "a measured value must be greater than zero", "vi": "giá trị đo phải lớn hơn 0"},
    "problem.unit_empty": {
        "en": "unit is empty: write a unit such as t, kg, L, m3, Nm3, kWh, MWh, GJ or TJ",
        "vi": "đơn vị để trống: hãy ghi đơn vị như t, kg, L, m3, Nm3, kWh, MWh, GJ hoặc TJ",
    },
    "problem.unit_ambiguous_ton": {
        "en": "'ton' is ambiguous (pint and US usage read it as a short ton of 907 kg): write 't' for a metric tonne, or short_ton or long_ton",
        "vi": "'ton' không rõ nghĩa (có thể hiểu là tấn ngắn 907 kg): hãy ghi 't' cho tấn, hoặc short_ton, long_ton",
    },
    "problem.unit_ambiguous_T": {
        "en": "'T' is ambiguous (it is the tesla; a tonne is 't'): write 't' for a metric tonne",
        "vi": "'T' không rõ nghĩa (là đơn vị tesla; tấn là 't'): hãy ghi 't' cho tấn",
    },
    "problem.unit_ambiguous_mbtu": {
        "en": "'MBtu' is ambiguous (a thousand Btu in US usage, a million elsewhere): write MMBtu or GJ",
        "vi": "'MBtu' không rõ nghĩa (nghìn Btu theo cách dùng của Mỹ, triệu Btu ở nơi khác): hãy ghi MMBtu hoặc GJ",
    },
    "problem.unit_ambiguous_mscf": {
        "en": "'Mscf' is ambiguous (a thousand scf in US usage, a million as an SI prefix): write kscf for a thousand, MMscf for a million",
        "vi": "'Mscf' không rõ nghĩa (nghìn scf theo cách dùng của Mỹ, triệu scf theo tiền tố SI): hãy ghi kscf cho nghìn, MMscf cho triệu",
    },
    "problem.unit_too_long": {
        "en": "the unit is longer than 64 characters: write a unit such as t, kg, L, m3, Nm3, MWh, GJ or TJ",
        "vi": "đơn vị dài hơn 64 ký tự: hãy ghi đơn vị như t, kg, L, m3, Nm3, MWh, GJ hoặc TJ",
    },
    "problem.unit_co2e": {
        "en": "CO2e is not an activity unit: give the activity (fuel, electricity) in its own unit",
        "vi": "CO2e (CO2tđ) không phải đơn vị của số liệu hoạt động: hãy ghi nhiên liệu, điện theo đơn vị của nó",
    },
    "problem.unit_standard_m3": {
        "en": "'scm' does not say its reference conditions: write Sm3 (15 °C, 101.325 kPa), Nm3 (0 °C, 101.325 kPa) or scf (60 °F, 14.696 psia)",
        "vi": "'scm' không nêu điều kiện quy chiếu: hãy ghi Sm3 (15 °C, 101,325 kPa), Nm3 (0 °C, 101,325 kPa) hoặc scf (60 °F, 14,696 psia)",
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
    "problem.no_records": {"en": "no activity records found", "vi": "không tìm thấy bản ghi số liệu hoạt động nào"},
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
        "en": "a gas in actual m3 depends on temperature and pressure: give it at stated conditions - Sm3 (15 °C), Nm3 (0 °C) or scf - with an NCV per volume (measured, or in a release), or as a mass or an energy",
        "vi": "khí tính theo m3 thực phụ thuộc nhiệt độ và áp suất: hãy ghi theo điều kiện quy chiếu - Sm3 (15 °C), Nm3 (0 °C) hoặc scf - kèm nhiệt trị theo thể tích (đo được hoặc trong bộ hệ số), hoặc theo khối lượng, năng lượng",
    },
    "problem.unit_for_state": {
        "en": "this unit does not measure {activity}: give it in {allowed}",
        "vi": "đơn vị này không đo được {activity}: hãy ghi theo {allowed}",
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
        "vi": "{activity} mua cần hệ số của bên cung cấp (supplier_factor, supplier_factor_unit: tấn CO2/t hơi hoặc tấn CO2/GJ) hoặc nhiên liệu của bên cung cấp (supplier_fuel) kèm boiler_efficiency",
    },
    "problem.instrument_factor_missing": {
        "en": "a supplier-specific contract or PPA needs its emission factor (supplier_factor, supplier_factor_unit, e.g. 0 t CO2/MWh for solar)",
        "vi": "hợp đồng riêng với nhà cung cấp hoặc PPA cần hệ số phát thải (supplier_factor, supplier_factor_unit, ví dụ 0 tấn CO2/MWh cho điện mặt trời)",
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
        "vi": "cảnh báo: {enterprise} {year}, {facility}: nguồn này ({category}, {co2e} tấn CO2tđ trong phiên bản {revision}) không có trong phiên bản mới: bỏ sót tệp khi chạy lại, hay bỏ có chủ đích? ghg check sẽ yêu cầu xác nhận",
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
    "problem.not_member": {
        "en": "not a member of the park in {year} (registry): add it to the registry or correct the year",
        "vi": "không phải thành viên khu công nghiệp năm {year} (sổ đăng ký): hãy thêm vào sổ đăng ký hoặc sửa năm",
    },
    "problem.self_transfer": {
        "en": "seller and buyer are the same enterprise: energy used on site is not a transfer",
        "vi": "bên bán và bên mua là cùng một doanh nghiệp: năng lượng dùng tại chỗ không phải chuyển giao",
    },
    "problem.release_columns": {
        "en": "the columns are not those of a release table: give {expected}",
        "vi": "các cột không đúng với một bảng của bộ hệ số: hãy dùng {expected}",
    },
    "problem.release_table": {
        "en": "a release holds only the tables {allowed}: remove or rename this file",
        "vi": "bộ hệ số chỉ gồm các bảng {allowed}: hãy xóa hoặc đổi tên tệp này",
    },
    "problem.release_unreadable": {
        "en": "the table cannot be read ({detail}): save it as CSV (UTF-8) or give the sheet's name",
        "vi": "không đọc được bảng ({detail}): hãy lưu dưới dạng CSV (UTF-8) hoặc nêu tên trang tính",
    },
    "problem.release_duplicate_id": {
        "en": "this factor_id is already used on row {first}: give each factor its own id",
        "vi": "factor_id này đã dùng ở hàng {first}: mỗi hệ số cần một mã riêng",
    },
    "problem.release_duplicate_key": {
        "en": "a factor with the same parameter, activity, IPCC category, technology, year and gas is on row {first}: keep one",
        "vi": "hàng {first} đã có hệ số cùng tham số, hoạt động, mã IPCC, công nghệ, năm và khí: chỉ giữ một",
    },
    "problem.release_activity": {
        "en": "unknown activity code: use a code of the bundled releases, or define it in the release's activities.csv (lower-case letters, digits and _)",
        "vi": "mã hoạt động không xác định: hãy dùng mã của các bộ hệ số kèm theo, hoặc khai báo trong activities.csv của bộ hệ số (chữ thường, chữ số và _)",
    },
    "problem.release_gas": {
        "en": "unknown gas: use CO2, CH4, N2O or a gas of the GWP release (e.g. SF6, HFC-134a)",
        "vi": "khí không xác định: hãy dùng CO2, CH4, N2O hoặc một khí có trong bộ GWP (ví dụ SF6, HFC-134a)",
    },
    "problem.release_number": {
        "en": "not a finite number: write digits with '.' as the decimal mark (e.g. 24.93)",
        "vi": "không phải số hữu hạn: hãy viết chữ số với dấu '.' là dấu thập phân (ví dụ 24.93)",
    },
    "problem.release_negative": {
        "en": "a factor cannot be negative",
        "vi": "hệ số không được âm",
    },
    "problem.release_ratio": {
        "en": "a ratio must be above 0 and at most 1.2 (an NCV/GCV ratio is below 1)",
        "vi": "tỷ số phải lớn hơn 0 và không quá 1,2 (tỷ số NCV/GCV nhỏ hơn 1)",
    },
    "problem.release_bounds": {
        "en": "the value lies outside its own 95 % range ({lower} to {upper}): check the value and the limits",
        "vi": "giá trị nằm ngoài khoảng 95 % của chính nó ({lower} đến {upper}): hãy kiểm tra giá trị và giới hạn",
    },
    "problem.release_year": {
        "en": "not a year: write four digits (1900-2100), or leave it empty for every year",
        "vi": "không phải năm: hãy viết bốn chữ số (1900-2100), hoặc để trống cho mọi năm",
    },
    "problem.release_unit": {
        "en": "this unit does not fit the parameter: give a unit convertible to {expected}",
        "vi": "đơn vị không phù hợp với tham số: hãy dùng đơn vị quy đổi được sang {expected}",
    },
    "problem.release_source": {
        "en": "source_id is not a source of release.json: cite one of {allowed}, or add the source with 'ghg factors new --source'",
        "vi": "source_id không có trong danh sách nguồn của release.json: hãy dẫn một trong {allowed}, hoặc thêm nguồn bằng 'ghg factors new --source'",
    },
    "problem.release_no_ratio": {
        "en": "a gross-basis (HHV) value of {activity} needs an ncv_gcv_ratio row for {activity} in the same release",
        "vi": "giá trị theo nhiệt trị cao (HHV) của {activity} cần một hàng ncv_gcv_ratio cho {activity} trong cùng bộ hệ số",
    },
}
