"""The Excel template an enterprise fills: one sheet per source type, bilingual headers, drop-down lists.

Row 1 of every data sheet holds the column names (the input format's, read back as they are), row 2 a
label in Vietnamese and English, data from row 3. Example rows are marked in the column ``example`` and
must be deleted (or unmarked) before the file is read back: a marked row is refused, never computed.
A hidden sheet ``_ghg`` marks the workbook as a template so that every data sheet is read.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ghg.core import fsutil
from ghg.core.factors import FactorSet

#: Marker sheet and the row where data starts in a template's data sheets.
MARKER_SHEET = "_ghg"
LISTS_SHEET = "lists"
INSTRUCTIONS_SHEET = "instructions"
#: The sheets' names in Vietnamese (Decree 06/2022/NĐ-CP and Circular 38/2023/TT-BCT terms); the reader takes a
#: template in either language.
VI_SHEETS = {
    INSTRUCTIONS_SHEET: "Hướng dẫn",
    LISTS_SHEET: "Danh sách",
    "stationary_combustion": "Đốt nhiên liệu cố định",
    "mobile_combustion": "Đốt nhiên liệu di động",
    "process": "Quá trình công nghiệp",
    "fugitive": "Phát tán",
    "purchased_electricity": "Điện mua vào",
    "purchased_heat": "Hơi và nhiệt mua vào",
    "production": "Sản lượng",
}
#: Sheets of a template that hold no records, in both languages.
NOT_DATA = {MARKER_SHEET, LISTS_SHEET, INSTRUCTIONS_SHEET, VI_SHEETS[LISTS_SHEET], VI_SHEETS[INSTRUCTIONS_SHEET]}


def sheet_title(name: str, lang: str) -> str:
    """A template sheet's title in ``lang``."""
    return VI_SHEETS.get(name, name) if lang == "vi" else name


FIRST_DATA_ROW = 3
EXAMPLE_COLUMN = "example"

#: Labels of the input columns: (Vietnamese, English).
LABELS: dict[str, tuple[str, str]] = {
    "enterprise": ("Doanh nghiệp (mã)", "Enterprise (id)"),
    "facility": ("Cơ sở (mã)", "Facility (id)"),
    "year": ("Năm báo cáo", "Reporting year"),
    "period": ("Kỳ (2023-01, 2023-Q1; trống = cả năm)", "Period (2023-01, 2023-Q1; empty = whole year)"),
    "source_category": ("Loại nguồn", "Source category"),
    "ipcc_category": ("Mã lĩnh vực IPCC", "IPCC category"),
    "activity": ("Mã hoạt động", "Activity code"),
    "technology": ("Công nghệ (nếu cần)", "Technology (when needed)"),
    "quantity": ("Số lượng", "Quantity"),
    "unit": ("Đơn vị", "Unit"),
    "energy_basis": ("Cơ sở nhiệt trị (net/gross)", "Energy basis (net/gross)"),
    "ncv": ("Nhiệt trị thấp đo được", "Measured NCV"),
    "ncv_unit": ("Đơn vị nhiệt trị", "NCV unit"),
    "carbon_content": ("Hàm lượng các-bon đo được", "Measured carbon content"),
    "carbon_content_unit": ("Đơn vị hàm lượng các-bon", "Carbon content unit"),
    "density": ("Khối lượng riêng đo được", "Measured density"),
    "density_unit": ("Đơn vị khối lượng riêng", "Density unit"),
    "oxidation_factor": ("Hệ số ô-xy hóa đo được (0-1)", "Measured oxidation factor (0-1)"),
    "fraction_calcined": ("Tỷ lệ nung (0-1)", "Fraction calcined (0-1)"),
    "balance": ("Mã cân bằng khối lượng", "Mass balance id"),
    "direction": ("Chiều (in/out)", "Direction (in/out)"),
    "instrument": ("Công cụ hợp đồng", "Contractual instrument"),
    "supplier": ("Bên cung cấp (mã)", "Supplier (id)"),
    "supplier_factor": ("Hệ số của bên cung cấp", "Supplier's emission factor"),
    "supplier_factor_unit": ("Đơn vị hệ số bên cung cấp", "Supplier factor unit"),
    "supplier_fuel": ("Nhiên liệu của bên cung cấp", "Supplier's fuel"),
    "boiler_efficiency": ("Hiệu suất lò hơi (0-1)", "Boiler efficiency (0-1)"),
    "steam_enthalpy": ("Entanpi hơi", "Steam enthalpy"),
    "steam_enthalpy_unit": ("Đơn vị entanpi", "Enthalpy unit"),
    "evidence": ("Chứng từ (hóa đơn, đồng hồ)", "Evidence (invoice, meter)"),
    "uncertainty": ("Độ không chắc chắn (±2.5 % hoặc tier 1-4)", "Uncertainty (±2.5 % or tier 1-4)"),
    EXAMPLE_COLUMN: ("Dòng mẫu (xóa trước khi nộp)", "Example row (delete before submitting)"),
}

_COMMON = ["enterprise", "facility", "year", "period", "source_category"]


@dataclass(frozen=True)
class SheetSpec:
    """One data sheet: its source category, columns, the states of its activity codes, and example rows."""

    name: str
    source_category: str
    columns: list[str]
    states: tuple[str, ...]
    examples: list[dict[str, object]]
    title: tuple[str, str]


SHEETS = [
    SheetSpec(
        "stationary_combustion",
        "stationary_combustion",
        [
            *_COMMON,
            "ipcc_category",
            "activity",
            "quantity",
            "unit",
            "energy_basis",
            "ncv",
            "ncv_unit",
            "carbon_content",
            "carbon_content_unit",
            "density",
            "density_unit",
            "oxidation_factor",
            "evidence",
            "uncertainty",
        ],
        ("solid", "liquid", "gas"),
        [
            {
                "ipcc_category": "1.A.2.c",
                "activity": "other_bituminous_coal",
                "quantity": 1200,
                "unit": "t",
                "evidence": "coal invoices 2023",
            }
        ],
        ("Đốt nhiên liệu cố định (lò hơi, lò nung)", "Stationary combustion (boilers, kilns, furnaces)"),
    ),
    SheetSpec(
        "mobile_combustion",
        "mobile_combustion",
        [
            *_COMMON,
            "ipcc_category",
            "activity",
            "technology",
            "quantity",
            "unit",
            "density",
            "density_unit",
            "evidence",
            "uncertainty",
        ],
        ("liquid", "gas"),
        [
            {
                "ipcc_category": "1.A.2.g.vii",
                "activity": "gas_diesel_oil",
                "quantity": 25000,
                "unit": "L",
                "evidence": "loader fuel cards",
            }
        ],
        ("Đốt nhiên liệu di động (xe, máy xúc)", "Mobile combustion (trucks, loaders)"),
    ),
    SheetSpec(
        "process",
        "process",
        [
            *_COMMON,
            "ipcc_category",
            "activity",
            "quantity",
            "unit",
            "carbon_content",
            "carbon_content_unit",
            "fraction_calcined",
            "balance",
            "direction",
            "evidence",
            "uncertainty",
        ],
        ("material", "solid", "liquid", "gas"),
        [
            {
                "ipcc_category": "2.A.4",
                "activity": "limestone",
                "quantity": 800,
                "unit": "t",
                "evidence": "limestone deliveries",
            }
        ],
        ("Quá trình công nghiệp (cacbonat, chất khử)", "Industrial processes (carbonates, reductants)"),
    ),
    SheetSpec(
        "fugitive",
        "fugitive",
        [*_COMMON, "ipcc_category", "activity", "quantity", "unit", "balance", "direction", "evidence", "uncertainty"],
        ("fugitive",),
        [{"ipcc_category": "2.F.1", "activity": "R-410A", "quantity": 12, "unit": "kg", "evidence": "service report"}],
        ("Phát tán (môi chất lạnh, SF6)", "Fugitive (refrigerants, SF6)"),
    ),
    SheetSpec(
        "purchased_electricity",
        "purchased_electricity",
        [
            *_COMMON,
            "activity",
            "quantity",
            "unit",
            "instrument",
            "supplier",
            "supplier_factor",
            "supplier_factor_unit",
            "evidence",
            "uncertainty",
        ],
        ("electricity",),
        [{"activity": "grid_electricity", "quantity": 1500, "unit": "MWh", "evidence": "EVN bills"}],
        ("Điện mua", "Purchased electricity"),
    ),
    SheetSpec(
        "purchased_heat",
        "purchased_heat",
        [
            *_COMMON,
            "ipcc_category",
            "activity",
            "quantity",
            "unit",
            "supplier",
            "supplier_factor",
            "supplier_factor_unit",
            "supplier_fuel",
            "boiler_efficiency",
            "steam_enthalpy",
            "steam_enthalpy_unit",
            "evidence",
            "uncertainty",
        ],
        ("heat",),
        [
            {
                "activity": "steam",
                "quantity": 5000,
                "unit": "t",
                "supplier": "ACID-PLANT",
                "supplier_factor": 0.21,
                "supplier_factor_unit": "t CO2/t",
                "steam_enthalpy": 2776,
                "steam_enthalpy_unit": "kJ/kg",
                "evidence": "steam meter",
            }
        ],
        ("Hơi nước, nhiệt mua", "Purchased steam and heat"),
    ),
    SheetSpec(
        "production",
        "production",
        [*_COMMON, "activity", "quantity", "unit", "evidence"],
        (),
        [{"activity": "P4", "quantity": 9000, "unit": "t", "evidence": "production report"}],
        ("Sản lượng (để tính cường độ)", "Production (for intensities)"),
    ),
]

UNITS = ["t", "kg", "kt", "L", "m3", "Nm3", "kWh", "MWh", "GWh", "GJ", "TJ", "TOE"]
PROPERTY_UNITS = [
    "MJ/kg",
    "GJ/t",
    "MJ/Nm3",
    "kg C/GJ",
    "t C/t",
    "kg C/Nm3",
    "kg/L",
    "t/m3",
    "t CO2/MWh",
    "t CO2/t",
    "t CO2/GJ",
    "kJ/kg",
]
IPCC_CATEGORIES = [
    "1.A.1",
    "1.A.2",
    "1.A.2.c",
    "1.A.2.g.vii",
    "1.A.3.b",
    "1.A.3.c",
    "1.A.4.a",
    "1.A.4.b",
    "2.A.4",
    "2.B.10",
    "2.C.1",
    "2.C.7",
    "2.F.1",
    "2.G.1",
]

INSTRUCTIONS = {
    "vi": [
        "Mẫu kiểm kê khí nhà kính - ghg",
        "Mỗi trang tính là một loại nguồn. Hàng 1 là tên cột (không sửa), hàng 2 là chú thích, dữ liệu từ hàng 3.",
        "Các dòng có dấu ở cột 'example' là dòng mẫu: hãy xóa trước khi nộp (dòng mẫu bị từ chối, không được tính).",
        "Số lượng: chữ số, dấu '.' cho phần thập phân, không có dấu phân cách hàng nghìn. Trống là thiếu, không phải 0.",
        "Đơn vị: 't' là tấn; không dùng 'ton'. Điện theo kWh hoặc MWh. Khí đốt theo Nm3 kèm nhiệt trị đo, hoặc theo GJ.",
        "Chọn mã hoạt động, đơn vị và mã IPCC trong danh sách thả xuống.",
        "Không dùng công thức chưa tính giá trị và không gộp ô trong vùng dữ liệu.",
        "Kiểm tra: ghg validate TỆP.xlsx ; tính: ghg inventory TỆP.xlsx --gwp AR5",
    ],
    "en": [
        "Greenhouse-gas inventory template - ghg",
        "Each sheet is one source type. Row 1 holds the column names (do not edit), row 2 a label, data from row 3.",
        "Rows marked in the 'example' column are examples: delete them before submitting (a marked row is refused).",
        "Quantities: digits, '.' as decimal mark, no thousands separator. Empty means missing, not zero.",
        "Units: 't' is a tonne; never 'ton'. Electricity in kWh or MWh. Gas in Nm3 with a measured NCV, or in GJ.",
        "Pick activity codes, units and IPCC categories from the drop-down lists.",
        "No formulas without a calculated value, and no merged cells in the data area.",
        "Check: ghg validate FILE.xlsx ; compute: ghg inventory FILE.xlsx --gwp AR5",
    ],
}


def _activities(factors: FactorSet, states: tuple[str, ...]) -> list[str]:
    if states == ("fugitive",):
        return sorted(set(factors.gwp["gas"]) - {"CO2"})
    acts = factors.activities
    return sorted(str(a) for a in acts.index[acts["state"].isin(states)])


def write_template(path: Path, lang: str, factors: FactorSet) -> Path:
    """Write the template workbook to ``path`` (atomically: a temporary file renamed into place).

    Parameters
    ----------
    path : Path
        Where to write the ``.xlsx`` file.
    lang : {"en", "vi"}
        Language of the instructions and the order of the bilingual labels.
    factors : FactorSet
        The releases whose activity codes fill the drop-down lists.
    """
    from openpyxl import Workbook  # imported by the command that writes a workbook, not by every command
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    info = book.active
    info.title = sheet_title(INSTRUCTIONS_SHEET, lang)
    for line in INSTRUCTIONS[lang] + [""] + INSTRUCTIONS["en" if lang == "vi" else "vi"]:
        info.append([line])
    info["A1"].font = Font(bold=True, size=14)
    info.column_dimensions["A"].width = 120
    lists = book.create_sheet(sheet_title(LISTS_SHEET, lang))
    columns: dict[str, list[str]] = {
        "unit": UNITS,
        "property_unit": PROPERTY_UNITS,
        "ipcc": IPCC_CATEGORIES,
        "energy_basis": ["net", "gross"],
        "direction": ["in", "out"],
        "instrument": ["supplier_specific", "ppa", "certificate"],
        "supplier_fuel": _activities(factors, ("solid", "liquid", "gas")),
    }
    for spec in SHEETS:
        if spec.states:
            columns[f"activity_{spec.name}"] = _activities(factors, spec.states)
    ranges = {}
    for j, (name, values) in enumerate(columns.items(), start=1):
        letter = get_column_letter(j)
        lists.cell(1, j, name)
        for i, value in enumerate(values, start=2):
            lists.cell(i, j, value)
        ranges[name] = f"='{lists.title}'!${letter}$2:${letter}${max(len(values) + 1, 2)}"
    lists.sheet_state = "hidden"
    marker = book.create_sheet(MARKER_SHEET)
    marker.append(["ghg template", "1"])
    marker.sheet_state = "hidden"
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    example_fill = PatternFill("solid", fgColor="FFF2CC")
    for spec in SHEETS:
        sheet = book.create_sheet(sheet_title(spec.name, lang))
        header = [*spec.columns, EXAMPLE_COLUMN]
        sheet.append(header)
        sheet.append([" / ".join(LABELS[c] if lang == "vi" else LABELS[c][::-1]) for c in header])
        for example in spec.examples:
            row = {
                "enterprise": "E1",
                "facility": "F1",
                "year": 2023,
                "source_category": spec.source_category,
                **example,
                EXAMPLE_COLUMN: "x",
            }
            sheet.append([row.get(c, "") for c in header])
        for j, name in enumerate(header, start=1):
            sheet.cell(1, j).font = Font(bold=True)
            sheet.cell(1, j).fill = head_fill
            sheet.cell(2, j).alignment = Alignment(wrap_text=True)
            sheet.column_dimensions[get_column_letter(j)].width = max(14, min(len(name) + 4, 28))
            for i in range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(spec.examples)):
                sheet.cell(i, j).fill = example_fill
            source = _list_for(name, spec)
            if source:
                validation = DataValidation(type="list", formula1=ranges[source], allow_blank=True)
                validation.error = "Pick a value from the list / Chọn giá trị trong danh sách"
                sheet.add_data_validation(validation)
                validation.add(f"{get_column_letter(j)}{FIRST_DATA_ROW}:{get_column_letter(j)}5000")
        sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", suffix=".xlsx.tmp")
    os.close(fd)
    fsutil.user_mode(tmp)  # readable as any file the user writes, not owner-only
    try:
        book.save(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _list_for(column: str, spec: SheetSpec) -> str | None:
    if column == "activity":
        return f"activity_{spec.name}" if spec.states else None
    return {
        "unit": "unit",
        "ipcc_category": "ipcc",
        "energy_basis": "energy_basis",
        "direction": "direction",
        "instrument": "instrument",
        "supplier_fuel": "supplier_fuel",
        "ncv_unit": "property_unit",
        "carbon_content_unit": "property_unit",
        "density_unit": "property_unit",
        "supplier_factor_unit": "property_unit",
        "steam_enthalpy_unit": "property_unit",
    }.get(column)
