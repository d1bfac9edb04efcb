"""Catalogue entries for pathways, targets and abatement cost curves (merged into :mod:`ghg.i18n`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # problems in scenario, driver, measure and target files
    "problem.missing_table": {
        "en": "the file has no [{table}] table: start it with a line [{table}]",
        "vi": "tệp không có bảng [{table}]: hãy bắt đầu bằng dòng [{table}]",
    },
    "problem.missing_field": {
        "en": "required field is missing: add it (see pathways/README.md)",
        "vi": "thiếu trường bắt buộc: hãy bổ sung (xem pathways/README.md)",
    },
    "problem.unknown_field": {
        "en": "unknown field (a typo?): use only {allowed}",
        "vi": "trường không xác định (gõ nhầm?): chỉ dùng {allowed}",
    },
    "problem.range": {
        "en": "out of range: write a whole year between {low} and {high}",
        "vi": "ngoài phạm vi: hãy ghi một năm (số nguyên) từ {low} đến {high}",
    },
    "problem.not_negative": {
        "en": "must not be negative: write zero or a positive number",
        "vi": "không được âm: hãy ghi 0 hoặc số dương",
    },
    "problem.rate_percent": {
        "en": "a rate or reduction needs a percent sign: write e.g. '4.2 %' (a bare number could mean 4.2 % or 420 %)",
        "vi": "tỷ lệ hoặc mức giảm phải có dấu phần trăm: ví dụ '4.2 %' (một số trần có thể là 4,2 % hay 420 %)",
    },
    "problem.year_duplicate": {
        "en": "the same year appears twice: give each year once",
        "vi": "năm bị lặp lại: mỗi năm chỉ ghi một lần",
    },
    "problem.year_unordered": {
        "en": "years out of order (after {previous}): list years in increasing order",
        "vi": "năm không theo thứ tự (sau {previous}): hãy liệt kê năm theo thứ tự tăng dần",
    },
    "problem.source_required": {
        "en": "no source: every value needs its source (a document, table or 'ILLUSTRATIVE: why')",
        "vi": "thiếu nguồn: mỗi giá trị cần nguồn (văn bản, bảng, hoặc 'ILLUSTRATIVE: lý do')",
    },
    "problem.grid_cover": {
        "en": "the grid trajectory must cover every projected year, {first} to {last}: add anchor years",
        "vi": "quỹ đạo hệ số lưới điện phải bao phủ mọi năm dự báo, {first} đến {last}: hãy thêm năm mốc",
    },
    "problem.driver_key": {
        "en": "give exactly one of enterprise or sector",
        "vi": "hãy ghi đúng một trong hai: doanh nghiệp hoặc ngành",
    },
    "problem.before_base": {
        "en": "must come after the base year {base}",
        "vi": "phải sau năm cơ sở {base}",
    },
    "problem.driver_overlap": {
        "en": "this period overlaps an earlier row of the same enterprise or sector: make the periods follow each other",
        "vi": "giai đoạn này trùng với một hàng trước của cùng doanh nghiệp hoặc ngành: hãy để các giai đoạn nối tiếp nhau",
    },
    "problem.effect_form": {
        "en": "write the effect as a percentage ('30 %'), electricity ('12000 MWh') or a CO2 mass ('5000 t CO2')",
        "vi": "hãy ghi hiệu quả dạng phần trăm ('30 %'), điện năng ('12000 MWh') hoặc khối lượng CO2 ('5000 t CO2')",
    },
    "problem.effect_percent": {
        "en": "a reduction must be above 0 % and at most 100 % of what it applies to (more is no physical quantity): state removals as an amount in t CO2 per year with removals = yes",
        "vi": "mức giảm phải lớn hơn 0 % và không quá 100 % của phần áp dụng (vượt quá không phải đại lượng vật lý): hãy ghi lượng loại bỏ bằng t CO2 mỗi năm với removals = yes",
    },
    "problem.effect_energy_kind": {
        "en": "an effect in electricity fits only onsite_solar, waste_heat_power or ppa_certificates: give a percentage",
        "vi": "hiệu quả tính bằng điện năng chỉ dùng cho onsite_solar, waste_heat_power hoặc ppa_certificates: hãy ghi phần trăm",
    },
    "problem.adds_energy": {
        "en": "added electricity must be an energy, e.g. '2700 MWh'",
        "vi": "điện năng tăng thêm phải là năng lượng, ví dụ '2700 MWh'",
    },
    "problem.adds_kind": {
        "en": "only electrification or fuel_switch adds electricity: leave this empty",
        "vi": "chỉ electrification hoặc fuel_switch làm tăng điện năng: hãy để trống",
    },
    "problem.adds_one_enterprise": {
        "en": "a measure that adds electricity must name one enterprise: split it into one row per enterprise",
        "vi": "biện pháp làm tăng điện năng phải nêu một doanh nghiệp: hãy tách thành mỗi doanh nghiệp một hàng",
    },
    "problem.measure_enterprises": {
        "en": "name at least one enterprise (separate several with ';')",
        "vi": "hãy nêu ít nhất một doanh nghiệp (nhiều doanh nghiệp cách nhau bằng ';')",
    },
    "problem.start_year": {
        "en": "the start year must be after the base year {base} and at most {end}",
        "vi": "năm bắt đầu phải sau năm cơ sở {base} và không quá {end}",
    },
    "problem.currency_required": {
        "en": "costs are given without a currency: write e.g. USD or VND",
        "vi": "chi phí chưa có đơn vị tiền tệ: hãy ghi ví dụ USD hoặc VND",
    },
    "problem.duplicate_id": {
        "en": "this id is used by an earlier row: give each measure its own id",
        "vi": "mã này đã dùng ở hàng trước: mỗi biện pháp cần một mã riêng",
    },
    "problem.base_no_inventory": {
        "en": "the stored inventories have no line for the base year: run 'ghg inventory' for that year or change the base year",
        "vi": "kho kết quả không có dòng nào của năm cơ sở: hãy chạy 'ghg inventory' cho năm đó hoặc đổi năm cơ sở",
    },
    "problem.mixed_gwp": {
        "en": "the stored inventories use several GWP sets ({sets}): recompute them under one set",
        "vi": "kho kết quả dùng nhiều bộ GWP ({sets}): hãy tính lại theo một bộ",
    },
    "problem.not_in_base": {
        "en": "this enterprise has no inventory in the base year (or is not a member then): check the id",
        "vi": "doanh nghiệp này không có kiểm kê trong năm cơ sở (hoặc chưa là thành viên): hãy kiểm tra mã",
    },
    "problem.unknown_sector": {
        "en": "no member of the registry has this sector: use a sector of the registry",
        "vi": "không thành viên nào trong danh sách có ngành này: hãy dùng ngành có trong danh sách",
    },
    "problem.measure_no_stream": {
        "en": "the measure matches no source of its enterprises in the base year: check its kind, source_category, activity and ipcc_category",
        "vi": "biện pháp không khớp nguồn nào của doanh nghiệp trong năm cơ sở: hãy kiểm tra kind, source_category, activity và ipcc_category",
    },
    "problem.measure_below_zero": {
        "en": "in {year} this cut is more than is left ({available}): lower it, or declare removals = yes if it really removes CO2",
        "vi": "năm {year} mức cắt giảm này lớn hơn phần còn lại ({available}): hãy giảm xuống, hoặc khai báo removals = yes nếu thực sự loại bỏ CO2",
    },
    "problem.net_zero_reduction": {
        "en": 'a net-zero target cuts at least 90 % by its year (SBTi Corporate Net-Zero Standard); {given} is an interim or absolute target: use kind = "absolute_contraction" or "points"',
        "vi": 'mục tiêu phát thải ròng bằng 0 phải cắt giảm ít nhất 90 % vào năm mục tiêu (Tiêu chuẩn Net-Zero của SBTi); {given} là mục tiêu trung gian hoặc tuyệt đối: hãy dùng kind = "absolute_contraction" hoặc "points"',
    },
    "problem.removal_implausible": {
        "en": "in {year} this measure removes more than twice what its sources emit ({available}): a removal captures the source's own CO2; state a plausible amount",
        "vi": "năm {year} biện pháp này loại bỏ hơn hai lần lượng nguồn của nó phát thải ({available}): loại bỏ chỉ thu giữ CO2 của chính nguồn đó; hãy ghi lượng hợp lý",
    },
    "problem.reduction_range": {
        "en": "a reduction must be between 0 % and 100 %; more than 100 % needs removals = true",
        "vi": "mức giảm phải từ 0 % đến 100 %; trên 100 % cần removals = true",
    },
    "problem.scopes_both_methods": {
        "en": "list each scope once, and Scope 2 by one method only (scope_2_location or scope_2_market)",
        "vi": "mỗi phạm vi ghi một lần, phạm vi 2 chỉ theo một phương pháp (scope_2_location hoặc scope_2_market)",
    },
    "problem.scopes_direct_only": {
        "en": 'Decision 896 milestones are for direct emissions by IPCC sector: scopes must be ["scope_1"]',
        "vi": 'mốc của Quyết định 896 áp dụng cho phát thải trực tiếp theo lĩnh vực IPCC: scopes phải là ["scope_1"]',
    },
    "problem.boundary_park": {
        "en": "a park target cannot be checked against one enterprise ({enterprise}): use an enterprise target or drop --enterprise",
        "vi": "mục tiêu của khu công nghiệp không áp cho một doanh nghiệp ({enterprise}): hãy dùng mục tiêu doanh nghiệp hoặc bỏ --enterprise",
    },
    "problem.boundary_enterprise": {
        "en": "an enterprise target needs an enterprise: name it with --enterprise, or give --each-enterprise",
        "vi": "mục tiêu doanh nghiệp cần nêu doanh nghiệp: dùng --enterprise, hoặc --each-enterprise",
    },
    "problem.target_base_inventory": {
        "en": "the target's base year has no stored emissions for its scopes, or comes after the scenario's base year {scenario}",
        "vi": "năm cơ sở của mục tiêu không có phát thải trong kho cho các phạm vi đó, hoặc sau năm cơ sở của kịch bản {scenario}",
    },
    "problem.target_before_base": {
        "en": "a target year must come after the base year {base}",
        "vi": "năm mục tiêu phải sau năm cơ sở {base}",
    },
    "problem.macc_year": {
        "en": "choose a projected year, {first} to {last}",
        "vi": "hãy chọn một năm dự báo, từ {first} đến {last}",
    },
    "problem.currency_mixed": {
        "en": "the curve mixes currencies ({found}): cost every measure in one currency",
        "vi": "đường cong trộn nhiều đơn vị tiền tệ ({found}): hãy tính chi phí mọi biện pháp cùng một đơn vị",
    },
    "pathway.unknown_scenario": {
        "en": "no scenario file '{name}' and no bundled scenario of that name (bundled: {available})",
        "vi": "không có tệp kịch bản '{name}' và không có kịch bản kèm theo tên đó (kèm theo: {available})",
    },
    "pathway.unknown_target": {
        "en": "no target file '{name}' and no bundled target of that name (bundled: {available})",
        "vi": "không có tệp mục tiêu '{name}' và không có mục tiêu kèm theo tên đó (kèm theo: {available})",
    },
    "pathway.each_and_one": {
        "en": "give --enterprise or --each-enterprise, not both",
        "vi": "chỉ dùng --enterprise hoặc --each-enterprise, không dùng cả hai",
    },
    "pathway.list.scenarios": {"en": "scenarios", "vi": "kịch bản"},
    "pathway.list.targets": {"en": "targets", "vi": "mục tiêu"},
    # cases, charts, tables
    "pathway.case.actual": {"en": "actual", "vi": "thực tế"},
    "pathway.case.bau": {"en": "business as usual", "vi": "kịch bản thông thường (BAU)"},
    "pathway.case.scenario": {"en": "scenario", "vi": "kịch bản"},
    "pathway.case.band": {"en": "scenario, 95 % band", "vi": "kịch bản, dải 95 %"},
    "pathway.chart.kt": {"en": "kt CO2e per year", "vi": "nghìn tấn CO2tđ mỗi năm"},
    "pathway.chart.abatement_kt": {"en": "abatement [kt CO2e/yr]", "vi": "lượng giảm [nghìn tấn CO2tđ/năm]"},
    "pathway.chart.cost": {"en": "cost [{currency}/t CO2e]", "vi": "chi phí [{currency}/tấn CO2tđ]"},
    "pathway.chart.macc_title": {
        "en": "Marginal abatement cost curve {year}, {boundary}, Scope 1 + Scope 2 {method}-based ({gwp})",
        "vi": "Đường cong chi phí giảm phát thải biên {year}, {boundary}, phạm vi 1 + phạm vi 2 theo {method} ({gwp})",
    },
    "pathway.scope.scope_1": {"en": "Scope 1", "vi": "phạm vi 1"},
    "pathway.scope.scope_2_location": {"en": "Scope 2 (location-based)", "vi": "phạm vi 2 (theo vị trí)"},
    "pathway.scope.scope_2_market": {"en": "Scope 2 (market-based)", "vi": "phạm vi 2 (theo thị trường)"},
    "pathway.park": {"en": "park", "vi": "khu công nghiệp"},
    "pathway.head.year": {"en": "year", "vi": "năm"},
    "pathway.head.kind": {"en": "kind", "vi": "loại"},
    "pathway.head.actual_t": {"en": "actual t CO2e", "vi": "thực tế tấn CO2tđ"},
    "pathway.head.bau_t": {"en": "BAU t CO2e", "vi": "BAU tấn CO2tđ"},
    "pathway.head.scenario_t": {"en": "scenario t CO2e", "vi": "kịch bản tấn CO2tđ"},
    "pathway.head.grid": {"en": "grid t CO2/MWh", "vi": "lưới điện tấn CO2/MWh"},
    "pathway.head.measure": {"en": "measure", "vi": "biện pháp"},
    "pathway.head.abated_t": {"en": "abated t CO2e", "vi": "giảm được tấn CO2tđ"},
    "pathway.head.target_t": {"en": "target t CO2e", "vi": "mục tiêu tấn CO2tđ"},
    "pathway.head.emissions_t": {"en": "emissions t CO2e", "vi": "phát thải tấn CO2tđ"},
    "pathway.head.gap_t": {"en": "gap t CO2e", "vi": "chênh lệch tấn CO2tđ"},
    "pathway.head.on_track": {"en": "on track", "vi": "đúng lộ trình"},
    "pathway.head.cost_t": {"en": "cost per t CO2e", "vi": "chi phí mỗi tấn CO2tđ"},
    "pathway.head.annual_cost": {"en": "annual cost", "vi": "chi phí hằng năm"},
    "pathway.head.cumulative_t": {"en": "cumulative t CO2e", "vi": "lũy kế tấn CO2tđ"},
    "pathway.kind.actual": {"en": "actual", "vi": "thực tế"},
    "pathway.kind.projected": {"en": "projected", "vi": "dự báo"},
    "pathway.yes": {"en": "yes", "vi": "có"},
    "pathway.no": {"en": "NO", "vi": "KHÔNG"},
    "pathway.run.header": {
        "en": "Scenario {id} ({name}): base year {base}, horizon {horizon}, {gwp}, Scope 1 + Scope 2 location-based of the park",
        "vi": "Kịch bản {id} ({name}): năm cơ sở {base}, đến {horizon}, {gwp}, phạm vi 1 + phạm vi 2 theo vị trí của khu công nghiệp",
    },
    "pathway.run.left_out": {
        "en": "Not members in their year, left out: {names}",
        "vi": "Không là thành viên trong năm đó, không tính: {names}",
    },
    "pathway.run.abatement": {
        "en": "Abatement by measure (Scope 1 + Scope 2 location-based), t CO2e/yr:",
        "vi": "Lượng giảm theo biện pháp (phạm vi 1 + phạm vi 2 theo vị trí), tấn CO2tđ/năm:",
    },
    "pathway.written": {"en": "written: {path}", "vi": "đã ghi: {path}"},
    "pathway.unchanged": {"en": "unchanged (identical): {path}", "vi": "không đổi (giống hệt): {path}"},
    "pathway.check.header": {
        "en": "Target {id}: {name} — {boundary}, {scopes}",
        "vi": "Mục tiêu {id}: {name} — {boundary}, {scopes}",
    },
    "pathway.check.summary": {
        "en": "First year off track: {first}. Carbon budget {budget} t CO2e to {horizon}, projected {cumulative} t, overshoot {overshoot} t. Latest actual ({latest}) {latest_t} t; linear cut still needed {rate} % of it per year. Residual in {horizon}: {residual} t (target {target_end} t).",
        "vi": "Năm đầu tiên chệch lộ trình: {first}. Ngân sách carbon {budget} tấn CO2tđ đến {horizon}, dự báo {cumulative} t, vượt {overshoot} t. Năm thực tế gần nhất ({latest}) {latest_t} t; còn cần giảm tuyến tính {rate} % mỗi năm. Phát thải còn lại năm {horizon}: {residual} t (mục tiêu {target_end} t).",
    },
    "pathway.check.never": {"en": "none", "vi": "không có"},
    "pathway.check.neutralise": {
        "en": "Residual to neutralise by removals in {year}: {amount} t CO2e.",
        "vi": "Phát thải còn lại cần trung hòa bằng hấp thụ năm {year}: {amount} tấn CO2tđ.",
    },
    "pathway.macc.header": {
        "en": "Marginal abatement cost curve {year}, {boundary}, Scope 1 + Scope 2 {method}-based ({currency}, {gwp}):",
        "vi": "Đường cong chi phí giảm phát thải biên {year}, {boundary}, phạm vi 1 + phạm vi 2 theo {method} ({currency}, {gwp}):",
    },
    "pathway.macc.left_out": {
        "en": "Left out of the curve: {measure} ({reason})",
        "vi": "Không đưa vào đường cong: {measure} ({reason})",
    },
    "pathway.macc.reason.not_started": {"en": "not started in that year", "vi": "chưa bắt đầu trong năm đó"},
    "pathway.macc.reason.no_abatement": {
        "en": "no abatement on this basis in that year",
        "vi": "không giảm phát thải theo cách tính này trong năm đó",
    },
    "pathway.method.location": {"en": "location", "vi": "vị trí"},
    "pathway.method.market": {"en": "market", "vi": "thị trường"},
    "pathway.export.written": {
        "en": "IAMC export: {rows} rows, {scenarios} scenarios, {regions} regions -> {path}",
        "vi": "Xuất IAMC: {rows} dòng, {scenarios} kịch bản, {regions} vùng -> {path}",
    },
    "pathway.grid_basis": {
        "en": "Grid factor along the pathway: the inventory's own factor of {year} ({factor} t CO2/MWh, the park's location-based lines) times the relative change of the trajectory {file} ({first} in {year}, {last} in {horizon}); the inventory's kind of factor is kept, so changing to the trajectory's kind makes no step.",
        "vi": "Hệ số lưới điện dọc lộ trình: hệ số của chính kiểm kê năm {year} ({factor} tấn CO2/MWh, các dòng theo vị trí của khu công nghiệp) nhân với mức thay đổi tương đối của quỹ đạo {file} ({first} năm {year}, {last} năm {horizon}); giữ nguyên loại hệ số của kiểm kê nên không có bước nhảy do đổi loại hệ số.",
    },
}
