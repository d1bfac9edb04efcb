"""Catalogue entries for eco-industrial park monitoring (merged into :mod:`ghg.i18n`).

Vietnamese terms follow Decree 35/2022/NĐ-CP (sản xuất sạch hơn, sử dụng hiệu quả tài nguyên, cộng sinh công nghiệp).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "problem.quantity_unit": {
        "en": "write a number, a space and a unit, e.g. '1000 {expected}'",
        "vi": "hãy ghi số, dấu cách và đơn vị, ví dụ '1000 {expected}'",
    },
    "problem.fuel_required": {
        "en": "a fuel saving needs the fuel's activity code in the column fuel",
        "vi": "lượng nhiên liệu tiết kiệm cần mã nhiên liệu ở cột fuel",
    },
    "problem.replaced_factor": {
        "en": "write the factor of what is replaced as e.g. '0.52 t CO2e/t' (CO2e under the inventory's GWP set)",
        "vi": "hãy ghi hệ số của thứ được thay thế, ví dụ '0.52 t CO2e/t' (CO2tđ theo bộ GWP của kiểm kê)",
    },
    "problem.replaced_factor_unit": {
        "en": "the factor must be per {unit}, the unit of the quantity",
        "vi": "hệ số phải tính trên {unit}, đơn vị của lượng trao đổi",
    },
    "eip.finding.no_baseline": {
        "en": "a claimed saving without a baseline or evidence: state what it is measured against and the proof",
        "vi": "lượng tiết kiệm khai báo chưa có đường cơ sở hoặc chứng từ: hãy nêu mốc so sánh và bằng chứng",
    },
    "eip.finding.one_side": {
        "en": "exchange recorded by one side only: the {missing} has not recorded it (rows {rows})",
        "vi": "trao đổi chỉ được một bên ghi nhận: bên {missing} chưa ghi (hàng {rows})",
    },
    "eip.finding.disagree": {
        "en": "the two sides disagree: supplier {supplier}, receiver {receiver}",
        "vi": "hai bên không khớp: bên cung cấp {supplier}, bên nhận {receiver}",
    },
    "eip.finding.no_fuel_factor": {
        "en": "no inventory line of {fuel} in {year} in the same kind of unit: the avoided emissions of this saving are not counted",
        "vi": "không có dòng kiểm kê của {fuel} năm {year} cùng loại đơn vị: lượng phát thải tránh được của khoản tiết kiệm này không được tính",
    },
    "eip.method": {
        "en": "counterfactual: electricity saved × that year's grid factor (location-based factor of the stored lines); fuel saved × the enterprise's own emissions per unit of that fuel that year; exchanges × the factor of what they replace",
        "vi": "giả định đối chứng: điện tiết kiệm × hệ số lưới điện năm đó (theo các dòng đã lưu); nhiên liệu tiết kiệm × phát thải trên một đơn vị nhiên liệu đó của chính doanh nghiệp năm đó; trao đổi × hệ số của thứ được thay thế",
    },
    "eip.reconcile_note": {
        "en": "avoided emissions are what would have been emitted without the measures; the inventory's change is what was emitted: they differ by growth, fuel and grid changes, and by avoided emissions outside the park",
        "vi": "phát thải tránh được là lượng lẽ ra đã phát thải nếu không có biện pháp; thay đổi của kiểm kê là lượng thực tế: chúng khác nhau do tăng trưởng, thay đổi nhiên liệu và lưới điện, và do phát thải tránh được ngoài khu công nghiệp",
    },
    "eip.report.title_park": {
        "en": "Annual eco-industrial park report {year} (Decree 35/2022/NĐ-CP Art. 43.1)",
        "vi": "Báo cáo khu công nghiệp sinh thái năm {year} (Điều 43.1 Nghị định 35/2022/NĐ-CP)",
    },
    "eip.report.title_enterprise": {
        "en": "Annual eco-enterprise report {year}: {enterprise} (Decree 35/2022/NĐ-CP Art. 43.2)",
        "vi": "Báo cáo doanh nghiệp sinh thái năm {year}: {enterprise} (Điều 43.2 Nghị định 35/2022/NĐ-CP)",
    },
    "eip.checklist.unknown": {
        "en": "unknown criterion '{criterion}': use one of {allowed}",
        "vi": "tiêu chí '{criterion}' không xác định: hãy dùng một trong {allowed}",
    },
    "eip.checklist.value": {
        "en": "give --value yes, no or partly, and who assesses with --by",
        "vi": "hãy ghi --value yes, no hoặc partly, và người đánh giá với --by",
    },
    "eip.checklist.recorded": {"en": "recorded: {path}", "vi": "đã ghi nhận: {path}"},
    "eip.header": {
        "en": "Eco-industrial park indicators {year} (Decree 35/2022/NĐ-CP)",
        "vi": "Chỉ số khu công nghiệp sinh thái năm {year} (Nghị định 35/2022/NĐ-CP)",
    },
    "eip.recp_share": {
        "en": "Enterprises applying RECP: {count} of {members} members = {share} % (Art. 37.2(c): at least 20 %) — {status}",
        "vi": "Doanh nghiệp áp dụng sản xuất sạch hơn, sử dụng hiệu quả tài nguyên: {count}/{members} thành viên = {share} % (Điều 37.2(c): tối thiểu 20 %) — {status}",
    },
    "eip.links": {
        "en": "Industrial-symbiosis links operating: {count} (Art. 37.2(b): at least 1) — {status}",
        "vi": "Liên kết cộng sinh công nghiệp đang vận hành: {count} (Điều 37.2(b): tối thiểu 1) — {status}",
    },
    "eip.met": {"en": "met", "vi": "đạt"},
    "eip.not_met": {"en": "NOT met", "vi": "CHƯA đạt"},
    "eip.savings": {
        "en": "Savings: electricity {mwh} MWh, water {water} m3, materials {materials} t, chemicals {chemicals} t",
        "vi": "Tiết kiệm: điện {mwh} MWh, nước {water} m3, nguyên vật liệu {materials} t, hóa chất {chemicals} t",
    },
    "eip.avoided": {
        "en": "Avoided emissions (counterfactual): RECP {recp} t CO2e (grid factor {grid} t CO2/MWh), symbiosis {links} t CO2e; the inventory's actual change from last year: {change} t CO2e",
        "vi": "Phát thải tránh được (giả định đối chứng): sản xuất sạch hơn {recp} t CO2tđ (hệ số lưới {grid} t CO2/MWh), cộng sinh {links} t CO2tđ; thay đổi thực tế của kiểm kê so với năm trước: {change} t CO2tđ",
    },
    "eip.findings": {"en": "Findings:", "vi": "Phát hiện:"},
    "eip.checklist_title": {
        "en": "Art. 37 criteria without a number (assessed by the authority):",
        "vi": "Tiêu chí Điều 37 không định lượng (do cơ quan quản lý đánh giá):",
    },
    "eip.written": {"en": "written: {path}", "vi": "đã ghi: {path}"},
    "eip.network_title": {
        "en": "Industrial-symbiosis network {year}: exchanges and energy transfers between members",
        "vi": "Mạng lưới cộng sinh công nghiệp năm {year}: trao đổi vật chất và năng lượng giữa các thành viên",
    },
    "report.eip": {"en": "Eco-industrial park, {year}", "vi": "Khu công nghiệp sinh thái, năm {year}"},
    "col.material": {"en": "material", "vi": "vật chất"},
    "col.supplier": {"en": "supplier", "vi": "bên cung cấp"},
    "col.receiver": {"en": "receiver", "vi": "bên nhận"},
    "col.quantity": {"en": "quantity", "vi": "lượng"},
    "col.avoided_t_co2e": {"en": "avoided t CO2e", "vi": "tránh được t CO2tđ"},
    "col.criterion": {"en": "criterion", "vi": "tiêu chí"},
    "col.value": {"en": "value", "vi": "giá trị"},
    "col.by": {"en": "assessed by", "vi": "người đánh giá"},
    "col.at": {"en": "when", "vi": "thời điểm"},
    "help.cmd.eip": {
        "en": "Eco-industrial park monitoring (Decree 35/2022): indicators, Art. 37 criteria, Art. 43 reports, the symbiosis network.",
        "vi": "Giám sát khu công nghiệp sinh thái (Nghị định 35/2022): chỉ số, tiêu chí Điều 37, báo cáo Điều 43, mạng lưới cộng sinh.",
    },
    "help.cmd.eip.indicators": {
        "en": "The year's indicators: RECP uptake, symbiosis links, savings, avoided emissions beside the inventory's change, intensities, findings, criteria.",
        "vi": "Chỉ số của năm: áp dụng sản xuất sạch hơn, liên kết cộng sinh, tiết kiệm, phát thải tránh được bên cạnh thay đổi của kiểm kê, cường độ, phát hiện, tiêu chí.",
    },
    "help.cmd.eip.report": {
        "en": "The yearly Art. 43 report of the park (Form A.4) or of an eco-enterprise (Form B.4), as .xlsx and JSON.",
        "vi": "Báo cáo hằng năm theo Điều 43 của khu công nghiệp (Mẫu A.4) hoặc của doanh nghiệp sinh thái (Mẫu B.4), dạng .xlsx và JSON.",
    },
    "help.cmd.eip.network": {
        "en": "Draw the year's symbiosis network (SVG and PNG).",
        "vi": "Vẽ mạng lưới cộng sinh của năm (SVG và PNG).",
    },
    "help.cmd.eip.checklist": {
        "en": "Record the authority's assessment of an Art. 37 criterion without a number (who and when are kept).",
        "vi": "Ghi nhận đánh giá của cơ quan quản lý đối với tiêu chí Điều 37 không định lượng (lưu người và thời điểm).",
    },
    "help.opt.eip_dir": {
        "en": "Folder of the park's EIP records (recp.csv, exchanges.csv, resources.csv).",
        "vi": "Thư mục hồ sơ khu công nghiệp sinh thái (recp.csv, exchanges.csv, resources.csv).",
    },
    "help.opt.eip.year": {
        "en": "The year (default: the latest stored).",
        "vi": "Năm (mặc định: năm mới nhất trong kho).",
    },
    "help.opt.eip.checklist.year": {"en": "The year assessed.", "vi": "Năm được đánh giá."},
    "help.opt.eip.report.enterprise": {
        "en": "The report of this eco-enterprise (default: the park's).",
        "vi": "Báo cáo của doanh nghiệp sinh thái này (mặc định: của khu công nghiệp).",
    },
    "help.opt.eip.report.out": {
        "en": "The .xlsx to write (the JSON is written beside; never overwritten).",
        "vi": "Tệp .xlsx sẽ ghi (tệp JSON ghi bên cạnh; không bao giờ ghi đè).",
    },
    "help.opt.eip.network.out": {
        "en": "Folder for the picture (SVG and PNG; never overwritten).",
        "vi": "Thư mục ghi hình (SVG và PNG; không bao giờ ghi đè).",
    },
    "help.opt.eip.checklist.criterion": {"en": "The criterion, e.g. 37.1(b).", "vi": "Tiêu chí, ví dụ 37.1(b)."},
    "help.opt.eip.checklist.value": {"en": "yes, no or partly.", "vi": "yes, no hoặc partly."},
    "help.opt.eip.checklist.by": {"en": "Who assesses (free text).", "vi": "Người đánh giá (văn bản tự do)."},
    "help.opt.eip.checklist.comment": {"en": "Why, with the evidence seen.", "vi": "Lý do, kèm bằng chứng đã xem."},
    "help.opt.report.html.eip_dir": {
        "en": "Folder of the park's EIP records: adds the eco-industrial park section and the symbiosis network.",
        "vi": "Thư mục hồ sơ khu công nghiệp sinh thái: thêm phần khu công nghiệp sinh thái và mạng lưới cộng sinh.",
    },
    "eip.field.report": {"en": "report", "vi": "báo cáo"},
    "eip.field.year": {"en": "year", "vi": "năm"},
    "eip.field.language": {"en": "language", "vi": "ngôn ngữ"},
    "eip.field.form": {"en": "form", "vi": "mẫu"},
    "eip.field.enterprise": {"en": "enterprise", "vi": "doanh nghiệp"},
    "eip.field.section_1_1_recp": {"en": "1.1 RECP", "vi": "1.1 Sản xuất sạch hơn"},
    "eip.field.members": {"en": "members", "vi": "số doanh nghiệp thành viên"},
    "eip.field.enterprises_applying_recp": {
        "en": "enterprises applying RECP",
        "vi": "số doanh nghiệp áp dụng sản xuất sạch hơn",
    },
    "eip.field.share": {"en": "share", "vi": "tỷ lệ"},
    "eip.field.recp_solutions": {"en": "RECP solutions", "vi": "số giải pháp sản xuất sạch hơn"},
    "eip.field.measures": {"en": "measures", "vi": "giải pháp"},
    "eip.field.section_1_2_1_3_savings": {"en": "1.2-1.3 savings", "vi": "1.2-1.3 Tiết kiệm"},
    "eip.field.section_2_1_symbiosis_links": {"en": "2.1 symbiosis links", "vi": "2.1 Liên kết cộng sinh"},
    "eip.field.section_3_symbiosis_results": {"en": "3 symbiosis results", "vi": "3 Kết quả cộng sinh"},
    "eip.field.links_operating": {"en": "links operating", "vi": "số liên kết đang vận hành"},
    "eip.field.avoided_t_co2e": {"en": "avoided [t CO2e]", "vi": "phát thải tránh được [tấn CO2tđ]"},
    "eip.field.art_37_criteria": {"en": "Art. 37 criteria", "vi": "Tiêu chí Điều 37"},
    "eip.field.art_37_checklist": {"en": "Art. 37 checklist", "vi": "Danh mục Điều 37"},
    "eip.field.reconciliation": {"en": "reconciliation", "vi": "đối chiếu"},
    "eip.field.avoided_recp_t_co2e": {
        "en": "avoided by RECP [t CO2e]",
        "vi": "tránh được nhờ sản xuất sạch hơn [tấn CO2tđ]",
    },
    "eip.field.avoided_symbiosis_t_co2e": {
        "en": "avoided by symbiosis [t CO2e]",
        "vi": "tránh được nhờ cộng sinh [tấn CO2tđ]",
    },
    "eip.field.inventory_t_co2e": {"en": "inventory [t CO2e]", "vi": "kết quả kiểm kê [tấn CO2tđ]"},
    "eip.field.inventory_change_t_co2e": {
        "en": "change of the inventory [t CO2e]",
        "vi": "thay đổi của kết quả kiểm kê [tấn CO2tđ]",
    },
    "eip.field.note": {"en": "note", "vi": "ghi chú"},
    "eip.field.findings": {"en": "findings", "vi": "phát hiện"},
    "eip.field.part_ii_production": {"en": "II production", "vi": "II Sản xuất"},
    "eip.field.part_iii_savings": {"en": "III savings", "vi": "III Tiết kiệm"},
    "eip.field.part_iv_symbiosis": {"en": "IV symbiosis", "vi": "IV Cộng sinh"},
    "eip.field.code": {"en": "code", "vi": "mã"},
    "eip.field.file": {"en": "file", "vi": "tệp"},
    "eip.field.row": {"en": "row", "vi": "hàng"},
    "eip.field.message": {"en": "message", "vi": "nội dung"},
    "eip.field.avoided_electricity_t_co2": {"en": "avoided, electricity [t CO2]", "vi": "tránh được từ điện [tấn CO2]"},
    "eip.field.avoided_fuel_t_co2e": {"en": "avoided, fuel [t CO2e]", "vi": "tránh được từ nhiên liệu [tấn CO2tđ]"},
    "eip.field.baseline": {"en": "baseline", "vi": "đường cơ sở"},
    "eip.field.chemicals_saved_t": {"en": "chemicals saved [t]", "vi": "hóa chất tiết kiệm [tấn]"},
    "eip.field.comment": {"en": "comment", "vi": "ý kiến"},
    "eip.field.confirmed": {"en": "confirmed by both sides", "vi": "hai bên cùng xác nhận"},
    "eip.field.electricity_saved_mwh": {"en": "electricity saved [MWh]", "vi": "điện tiết kiệm [MWh]"},
    "eip.field.evidence": {"en": "evidence", "vi": "chứng từ"},
    "eip.field.fuel": {"en": "fuel", "vi": "nhiên liệu"},
    "eip.field.fuel_saved": {"en": "fuel saved", "vi": "nhiên liệu tiết kiệm"},
    "eip.field.fuel_unit": {"en": "fuel unit", "vi": "đơn vị nhiên liệu"},
    "eip.field.id": {"en": "id", "vi": "mã"},
    "eip.field.indicator": {"en": "indicator", "vi": "chỉ tiêu"},
    "eip.field.kind": {"en": "kind", "vi": "loại"},
    "eip.field.materials_saved_t": {"en": "materials saved [t]", "vi": "nguyên liệu tiết kiệm [tấn]"},
    "eip.field.met": {"en": "met", "vi": "đạt"},
    "eip.field.name": {"en": "name", "vi": "tên"},
    "eip.field.pathway_measure": {"en": "pathway measure", "vi": "giải pháp trong lộ trình"},
    "eip.field.replaces": {"en": "replaces", "vi": "thay thế cho"},
    "eip.field.threshold": {"en": "threshold", "vi": "ngưỡng"},
    "eip.field.water_saved_m3": {"en": "water saved [m3]", "vi": "nước tiết kiệm [m3]"},
}
