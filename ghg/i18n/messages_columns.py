"""Catalogue entries for the headings of the result schema's columns (``col.…``) as people read them in
workbooks and forms, and for the notes the calculation writes on market-based lines (``note.…``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "col.period": {"en": "period", "vi": "kỳ"},
    "col.scope": {"en": "scope", "vi": "phạm vi"},
    "col.technology": {"en": "technology", "vi": "công nghệ"},
    "col.mass_t": {"en": "mass of gas [t]", "vi": "khối lượng khí [tấn]"},
    "col.gwp_set": {"en": "GWP set", "vi": "bộ GWP"},
    "col.gwp": {"en": "GWP", "vi": "GWP"},
    "col.co2e_t": {"en": "emissions [t CO2e]", "vi": "phát thải [tấn CO2tđ]"},
    "col.energy_tj": {"en": "energy [TJ]", "vi": "năng lượng [TJ]"},
    "col.energy_toe": {"en": "energy [TOE]", "vi": "năng lượng [TOE]"},
    "col.toe_method": {"en": "TOE conversion", "vi": "cách quy đổi TOE"},
    "col.method": {"en": "calculation method", "vi": "phương pháp tính"},
    "col.emission_factor_t_per_tj": {"en": "emission factor [t/TJ]", "vi": "hệ số phát thải [tấn/TJ]"},
    "col.tier": {"en": "factor tier", "vi": "bậc hệ số"},
    "col.measured": {"en": "measured parameter", "vi": "tham số đo đạc"},
    "col.factor_id": {"en": "factor (code)", "vi": "mã hệ số"},
    "col.factor_release": {"en": "factor release (code)", "vi": "mã bộ hệ số"},
    "col.input_file": {"en": "input file", "vi": "tệp đầu vào"},
    "col.input_sha256": {"en": "input file SHA-256", "vi": "mã băm SHA-256 của tệp đầu vào"},
    "col.input_row": {"en": "input row", "vi": "hàng trong tệp"},
    "col.evidence": {"en": "evidence", "vi": "chứng từ"},
    "col.note": {"en": "note", "vi": "ghi chú"},
    "col.revision": {"en": "revision", "vi": "phiên bản"},
    "col.scope_2_location_t_co2e": {"en": "Scope 2 location-based t CO2e", "vi": "phạm vi 2 theo vị trí tấn CO2tđ"},
    "col.scope_2_market_t_co2e": {"en": "Scope 2 market-based t CO2e", "vi": "phạm vi 2 theo thị trường tấn CO2tđ"},
    "col.biogenic_memo_t_co2": {"en": "biogenic CO2 (memo) t", "vi": "CO2 sinh học (ghi nhớ) tấn"},
    "col.scope_2_market_members_t_co2e": {
        "en": "Scope 2 market, members t CO2e",
        "vi": "phạm vi 2 theo thị trường, thành viên tấn CO2tđ",
    },
    "col.internal_supply_market_t_co2e": {
        "en": "internal supply, market t CO2e",
        "vi": "cung cấp nội bộ, theo thị trường tấn CO2tđ",
    },
    "col.key": {"en": "subject", "vi": "đối tượng"},
    "col.comment": {"en": "comment", "vi": "ý kiến"},
    "col.parent": {"en": "replaces revision", "vi": "thay thế phiên bản"},
    "col.reason": {"en": "reason", "vi": "lý do"},
    "col.author": {"en": "author", "vi": "người lập"},
    "col.created": {"en": "created", "vi": "thời điểm lập"},
    "col.status": {"en": "status", "vi": "trạng thái"},
    "col.content_hash": {"en": "content hash (SHA-256)", "vi": "mã băm nội dung (SHA-256)"},
    "col.version": {"en": "store version", "vi": "phiên bản kho"},
    "col.decree_06_by_co2e": {"en": "Decree 06: ≥ 3,000 t CO2e", "vi": "NĐ 06: ≥ 3.000 tấn CO2tđ"},
    "col.decree_06_by_toe": {"en": "Decree 06: ≥ 1,000 TOE", "vi": "NĐ 06: ≥ 1.000 TOE"},
    "col.decision_896_reduce_by_2050": {"en": "Decision 896: reduce by 2050", "vi": "phải giảm đến 2050 (QĐ 896)"},
    "col.ledger_rows": {"en": "ledger rows", "vi": "hàng trong sổ"},
    "col.buyer_rows": {"en": "buyer's rows", "vi": "hàng của bên mua"},
    "col.difference": {"en": "difference", "vi": "chênh lệch"},
    "col.recorded": {"en": "logical hash recorded", "vi": "mã băm logic đã ghi"},
    "col.stored": {"en": "logical hash of the stored lines", "vi": "mã băm logic của các dòng đang lưu"},
    "col.recomputed": {"en": "logical hash recomputed", "vi": "mã băm logic tính lại"},
    "col.reproduced": {"en": "reproduced", "vi": "tái lập được"},
    "col.column": {"en": "column", "vi": "cột"},
    "col.identifier": {"en": "identifier in the data", "vi": "tên trường trong dữ liệu"},
    "col.sheet": {"en": "sheet", "vi": "trang tính"},
    "workbook.columns": {"en": "columns", "vi": "các cột"},
    # subjects of findings
    "key.park": {"en": "park", "vi": "khu công nghiệp"},
    "key.level": {"en": "key categories by level", "vi": "nguồn chính theo mức phát thải"},
    "key.trend": {"en": "key categories by trend", "vi": "nguồn chính theo xu hướng"},
    "key.national_list": {"en": "national list (Decree 06)", "vi": "danh mục quốc gia (NĐ 06)"},
    # parameters measured at a facility (the 'measured' column of a line)
    "parameter.carbon_content": {"en": "carbon content", "vi": "hàm lượng cacbon"},
    "parameter.ncv": {"en": "net calorific value", "vi": "nhiệt trị thấp"},
    "parameter.density": {"en": "density", "vi": "khối lượng riêng"},
    "parameter.oxidation_factor": {"en": "oxidation factor", "vi": "hệ số oxy hóa"},
    "parameter.fraction_calcined": {"en": "fraction calcined", "vi": "tỷ lệ nung"},
    "parameter.supplier_factor": {"en": "supplier's factor", "vi": "hệ số của bên cung cấp"},
    "parameter.boiler_efficiency": {"en": "boiler efficiency", "vi": "hiệu suất lò hơi"},
    "parameter.steam_enthalpy": {"en": "steam enthalpy", "vi": "entanpi hơi"},
    # notes of market-based lines (stored in English; shown in the reader's language)
    "note.supplier_both": {
        "en": "supplier-specific factor: the same for both methods",
        "vi": "hệ số riêng của bên cung cấp: như nhau cho cả hai phương pháp",
    },
    "note.share_instruments": {
        "en": "{share}% covered by contractual instruments; the rest at the grid factor (Vietnam publishes no "
        "residual mix)",
        "vi": "{share}% được bảo đảm bằng hợp đồng hoặc chứng chỉ; phần còn lại tính theo hệ số lưới điện "
        "(Việt Nam chưa công bố hệ số phần dư)",
    },
    "note.share_contract": {
        "en": "{share}% covered by the contract with {supplier}; the rest at the grid factor (Vietnam publishes "
        "no residual mix)",
        "vi": "{share}% được bảo đảm bằng hợp đồng với {supplier}; phần còn lại tính theo hệ số lưới điện "
        "(Việt Nam chưa công bố hệ số phần dư)",
    },
    "note.instrument": {"en": "{kind}: {factor} t CO2/MWh", "vi": "{kind}: {factor} tấn CO2/MWh"},
}
