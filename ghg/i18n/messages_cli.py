"""Catalogue entries for the command line's help: every command and option, in English and Vietnamese
(merged into :mod:`ghg.i18n`).

Keys: ``help.cmd.<command path>`` for a command (``help.cmd.ghg`` for the root, ``help.cmd.pathway.run``);
``help.opt.<command path>.<option>`` for an option of one command, else ``help.opt.<option>`` shared by every
command that has it. A test checks that every command and option of the command line has its entry.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # commands
    "help.cmd.ghg": {
        "en": "ghg: greenhouse-gas inventory (Scope 1 and 2) with versioned emission factors, and pathways to 2050.",
        "vi": "ghg: kiểm kê khí nhà kính (phạm vi 1 và 2) với các bộ hệ số phát thải có phiên bản, và lộ trình đến 2050.",
    },
    "help.cmd.validate": {
        "en": "Check activity FILES (CSV, XLSX, Parquet), or one dataset folder (year=/enterprise= partitions), "
        "against the input format and the factor releases.",
        "vi": "Kiểm tra các tệp số liệu hoạt động FILES (CSV, XLSX, Parquet), hoặc một thư mục bộ dữ liệu (phân vùng "
        "year=/enterprise=), theo định dạng đầu vào và các bộ hệ số.",
    },
    "help.cmd.inventory": {
        "en": "Compute the Scope 1 and 2 inventory of activity FILES (or of one dataset folder of year=/enterprise= "
        "partitions, streamed or on Dask), print totals and write the store. Each (year, enterprise) becomes a new revision whose parent is the latest revision seen when the run started; if another writer publishes meanwhile, this run gets a conflict instead of overwriting.",
        "vi": "Tính kiểm kê phạm vi 1 và 2 từ các tệp số liệu hoạt động FILES (hoặc một thư mục bộ dữ liệu phân vùng "
        "year=/enterprise=, đọc từng phần hoặc trên Dask), in tổng và ghi vào kho kết quả. Mỗi (năm, doanh nghiệp) thành một phiên bản mới có phiên bản cha là phiên bản mới nhất lúc bắt đầu chạy; nếu có người khác ghi trong lúc đó, lần chạy này báo xung đột chứ không ghi đè.",
    },
    "help.cmd.template": {
        "en": "Write the Excel template an enterprise fills (one sheet per source type, drop-down lists).",
        "vi": "Ghi mẫu Excel để doanh nghiệp điền (mỗi loại nguồn một trang tính, có danh sách chọn).",
    },
    "help.cmd.park": {
        "en": "Consolidate the park: totals, shares, transfers counted once, legal thresholds.",
        "vi": "Tổng hợp khu công nghiệp: tổng, tỷ trọng, năng lượng trao đổi chỉ tính một lần, ngưỡng pháp lý.",
    },
    "help.cmd.check": {
        "en": "QA/QC findings of the stored inventories; exit 1 when an error-level finding exists.",
        "vi": "Kết quả kiểm tra QA/QC của các kiểm kê trong kho; trả mã 1 khi có phát hiện mức lỗi.",
    },
    "help.cmd.report": {
        "en": "Reports: the HTML report, the Excel workbook, Form 06.",
        "vi": "Báo cáo: báo cáo HTML, sổ tính Excel, Mẫu 06.",
    },
    "help.cmd.report.form06": {
        "en": "Form 06 of a facility for a reporting period, as .xlsx and JSON, in Vietnamese or English.",
        "vi": "Mẫu 06 của một cơ sở cho một kỳ báo cáo, dạng .xlsx và JSON, bằng tiếng Việt hoặc tiếng Anh.",
    },
    "help.cmd.report.html": {
        "en": "One self-contained HTML report (offline, printable on A4) of the park or an enterprise: totals, trend, breakdown, members' shares, QA/QC findings, the pathway and cost curve, provenance.",
        "vi": "Một báo cáo HTML độc lập (xem không cần mạng, in được khổ A4) của khu công nghiệp hoặc một doanh nghiệp: tổng, xu hướng, cơ cấu, tỷ trọng thành viên, kết quả QA/QC, lộ trình và đường cong chi phí, nguồn gốc dữ liệu.",
    },
    "help.cmd.report.xlsx": {
        "en": "An Excel workbook of the park or an enterprise: every result line with its lineage, totals, the park, findings, revisions; filterable, formulas never run.",
        "vi": "Sổ tính Excel của khu công nghiệp hoặc một doanh nghiệp: mọi dòng kết quả kèm nguồn gốc, tổng, khu công nghiệp, kết quả kiểm tra, phiên bản; có bộ lọc, không bao giờ chạy công thức.",
    },
    "help.cmd.audit": {
        "en": "Audit: replay stored runs, the impact of a new factor release, signed verification statements.",
        "vi": "Kiểm toán: chạy lại các lần tính đã lưu, ảnh hưởng của bộ hệ số mới, văn bản thẩm tra có chữ ký.",
    },
    "help.cmd.audit.impact": {
        "en": "What would move, per enterprise and year and for the park, if a new factor release were adopted.",
        "vi": "Những gì sẽ thay đổi, theo doanh nghiệp, năm và cho cả khu công nghiệp, nếu áp dụng một bộ hệ số mới.",
    },
    "help.cmd.audit.keygen": {
        "en": "Write a new Ed25519 key pair: the private key to OUT, the public key to OUT.pub, and print its fingerprint (never overwrites a file).",
        "vi": "Ghi cặp khóa Ed25519 mới: khóa bí mật vào OUT, khóa công khai vào OUT.pub, và in dấu vân tay (không bao giờ ghi đè tệp).",
    },
    "help.cmd.audit.replay": {
        "en": "Recompute the runs committed as VERSIONS (default: every run that made a latest revision) from the inputs and factor releases kept in the store, and compare every revision's logical hash.",
        "vi": "Tính lại các lần chạy đã ghi ở các phiên bản ghi VERSIONS (mặc định: mọi lần chạy tạo ra phiên bản mới nhất) từ tệp đầu vào và bộ hệ số lưu trong kho, và so sánh mã băm logic của từng phiên bản.",
    },
    "help.cmd.audit.sign": {
        "en": "Sign a stored revision (its logical hash and the SHA-256 of its data file) with an Ed25519 key.",
        "vi": "Ký một phiên bản đã lưu (mã băm logic và SHA-256 của tệp dữ liệu) bằng khóa Ed25519.",
    },
    "help.cmd.audit.verify": {
        "en": "Verify a statement against the stored data (exit 1 when it does not hold).",
        "vi": "Xác minh văn bản thẩm tra với dữ liệu đã lưu (trả mã 1 khi không khớp).",
    },
    "help.cmd.export": {
        "en": "Export stored result lines to OUT (.csv or .xlsx); text is never a spreadsheet formula.",
        "vi": "Xuất các dòng kết quả đã lưu ra OUT (.csv hoặc .xlsx); văn bản không bao giờ thành công thức bảng tính.",
    },
    "help.cmd.factors": {
        "en": "List, show, compare, verify and install factor releases.",
        "vi": "Liệt kê, xem, so sánh, kiểm tra và cài đặt các bộ hệ số phát thải.",
    },
    "help.cmd.factors.diff": {
        "en": "Factors added, removed and changed from release FIRST to release SECOND (ids or folders).",
        "vi": "Hệ số được thêm, bỏ và thay đổi từ bộ FIRST sang bộ SECOND (mã hoặc thư mục).",
    },
    "help.cmd.factors.install": {
        "en": "Verify the release folder SOURCE and install it, all or nothing, into a folder of releases.",
        "vi": "Kiểm tra thư mục bộ hệ số SOURCE và cài đặt trọn vẹn (hoặc không gì cả) vào một thư mục bộ hệ số.",
    },
    "help.cmd.factors.list": {
        "en": "List the bundled factor releases (or those installed in --folder).",
        "vi": "Liệt kê các bộ hệ số kèm theo (hoặc các bộ đã cài trong --folder).",
    },
    "help.cmd.factors.show": {
        "en": "Show one release: metadata, sources and factor counts.",
        "vi": "Xem một bộ hệ số: thông tin, nguồn và số lượng hệ số.",
    },
    "help.cmd.factors.verify": {
        "en": "Verify the SHA-256 of every file of releases (ids or folders; default: all bundled).",
        "vi": "Kiểm tra SHA-256 của mọi tệp trong các bộ hệ số (mã hoặc thư mục; mặc định: tất cả bộ kèm theo).",
    },
    "help.cmd.history": {
        "en": "Every revision in the store: its parent, reason, author, time, status and logical hash.",
        "vi": "Mọi phiên bản trong kho: phiên bản cha, lý do, người lập, thời điểm, trạng thái và mã băm logic.",
    },
    "help.cmd.store": {"en": "The result store.", "vi": "Kho kết quả."},
    "help.cmd.store.diff": {
        "en": "What changed from REVISION_A to REVISION_B of one enterprise and year (summed by what lines are about).",
        "vi": "Những gì thay đổi từ REVISION_A sang REVISION_B của một doanh nghiệp và năm (cộng theo nội dung dòng).",
    },
    "help.cmd.store.status": {
        "en": "Move a revision one step along draft -> submitted -> verified -> locked.",
        "vi": "Chuyển một phiên bản thêm một bước: nháp -> đã nộp -> đã thẩm tra -> đã khóa.",
    },
    "help.cmd.store.verify": {
        "en": "Check the whole store: the log and every run record, every data file (SHA-256, page checksums, logical hash of each revision), every kept input and receipt, every kept factor release.",
        "vi": "Kiểm tra toàn bộ kho: sổ ghi và mọi bản kê lần chạy, mọi tệp dữ liệu (SHA-256, tổng kiểm trang, mã băm logic của từng phiên bản), mọi tệp đầu vào và biên nhận, mọi bộ hệ số lưu trong kho.",
    },
    "help.cmd.store.migrate": {
        "en": "Convert the store OLD, written by ghg 0.1 (one folder per partition), into a new store NEW, keeping revision numbers, statuses and logical hashes.",
        "vi": "Chuyển kho OLD do ghg 0.1 ghi (mỗi phân vùng một thư mục) sang kho mới NEW, giữ nguyên số phiên bản, trạng thái và mã băm logic.",
    },
    "help.cmd.store.vacuum": {
        "en": "Remove what no commit references (files left by a writer that was killed), older than --older-than hours.",
        "vi": "Xóa những gì không lần ghi nào tham chiếu (tệp do tiến trình ghi bị dừng đột ngột để lại), cũ hơn --older-than giờ.",
    },
    "help.cmd.pathway": {
        "en": "Pathways to 2050: projections, targets, gap analysis, abatement cost curves, IAMC export.",
        "vi": "Lộ trình đến 2050: dự báo, mục tiêu, phân tích khoảng cách, đường cong chi phí giảm phát thải, xuất IAMC.",
    },
    "help.cmd.pathway.list": {
        "en": "The bundled scenarios and targets (give them by name, or any file by path).",
        "vi": "Các kịch bản và mục tiêu kèm theo (gọi theo tên, hoặc tệp bất kỳ theo đường dẫn).",
    },
    "help.cmd.pathway.run": {
        "en": "Project the park to the horizon: actual years, BAU and the scenario, abatement per measure. SCENARIO is a scenario file or the name of a bundled one (e.g. tang-loong).",
        "vi": "Dự báo khu công nghiệp đến năm cuối: các năm thực tế, kịch bản thông thường (BAU) và kịch bản, lượng giảm theo biện pháp. SCENARIO là tệp kịch bản hoặc tên kịch bản kèm theo (ví dụ tang-loong).",
    },
    "help.cmd.pathway.check": {
        "en": "Hold the scenario against targets: yearly gap, first year off track, carbon budget, rate still needed.",
        "vi": "Đối chiếu kịch bản với mục tiêu: chênh lệch hằng năm, năm đầu chệch lộ trình, ngân sách carbon, mức giảm còn cần.",
    },
    "help.cmd.pathway.macc": {
        "en": "Marginal abatement cost curve: measures by levelised cost per t CO2e, width = abatement in that year.",
        "vi": "Đường cong chi phí giảm phát thải biên: biện pháp theo chi phí quy dẫn mỗi tấn CO2tđ, độ rộng = lượng giảm năm đó.",
    },
    "help.cmd.pathway.export": {
        "en": "Export actual years, BAU and the scenario in the IAMC long format (model, scenario, region, variable, unit, year, value) that pyam reads.",
        "vi": "Xuất các năm thực tế, BAU và kịch bản theo định dạng dài IAMC (model, scenario, region, variable, unit, year, value) mà pyam đọc được.",
    },
    "cli.commands": {"en": "Commands", "vi": "Lệnh"},
    "cli.options": {"en": "Options", "vi": "Tùy chọn"},
    "cli.usage": {"en": "Usage", "vi": "Cách dùng"},
    "cli.default": {"en": "default", "vi": "mặc định"},
    "cli.required": {"en": "required", "vi": "bắt buộc"},
    "help.opt.help": {"en": "Show this message and exit.", "vi": "Hiện trợ giúp này rồi thoát."},
    # table columns
    "col.scope_1_t_co2e": {"en": "Scope 1 t CO2e", "vi": "phạm vi 1 tấn CO2tđ"},
    "col.scope_2_location_members_t_co2e": {
        "en": "Scope 2 location, members t CO2e",
        "vi": "phạm vi 2 theo vị trí, thành viên tấn CO2tđ",
    },
    "col.internal_supply_location_t_co2e": {"en": "internal supply t CO2e", "vi": "cung cấp nội bộ tấn CO2tđ"},
    "col.consolidated_location_t_co2e": {
        "en": "park, location-based t CO2e",
        "vi": "khu công nghiệp, theo vị trí tấn CO2tđ",
    },
    "col.consolidated_market_t_co2e": {
        "en": "park, market-based t CO2e",
        "vi": "khu công nghiệp, theo thị trường tấn CO2tđ",
    },
    "col.year": {"en": "year", "vi": "năm"},
    "col.seller": {"en": "seller", "vi": "bên bán"},
    "col.buyer": {"en": "buyer", "vi": "bên mua"},
    "col.carrier": {"en": "carrier", "vi": "dạng năng lượng"},
    "col.ledger_quantity": {"en": "ledger quantity", "vi": "lượng theo sổ"},
    "col.buyer_quantity": {"en": "buyer's records", "vi": "lượng bên mua ghi"},
    "col.unit": {"en": "unit", "vi": "đơn vị"},
    "col.agrees": {"en": "agrees", "vi": "khớp"},
    "col.enterprise": {"en": "enterprise", "vi": "doanh nghiệp"},
    "col.facility": {"en": "facility", "vi": "cơ sở"},
    "col.t_co2e": {"en": "t CO2e", "vi": "tấn CO2tđ"},
    "col.toe": {"en": "TOE", "vi": "TOE"},
    "col.decree_06_inventory_duty": {"en": "Decree 06 inventory duty", "vi": "phải kiểm kê (NĐ 06)"},
    "col.decision_896_reduce_by_2030": {"en": "Decision 896: reduce by 2030", "vi": "phải giảm đến 2030 (QĐ 896)"},
    "col.on_national_list": {"en": "on the national list", "vi": "trong danh mục quốc gia"},
    "col.code": {"en": "code", "vi": "mã"},
    "col.severity": {"en": "severity", "vi": "mức độ"},
    "col.message": {"en": "finding", "vi": "nội dung"},
    "col.rows": {"en": "rows", "vi": "hàng"},
    "col.acknowledged": {"en": "acknowledged", "vi": "đã xác nhận"},
    "col.total_t_co2e_stored": {"en": "stored total t CO2e", "vi": "tổng đã lưu tấn CO2tđ"},
    "col.total_t_co2e_new": {"en": "new total t CO2e", "vi": "tổng mới tấn CO2tđ"},
    "col.total_t_co2e_change": {"en": "change t CO2e", "vi": "thay đổi tấn CO2tđ"},
    "col.scope_2_market_t_co2e_change": {
        "en": "change, Scope 2 market t CO2e",
        "vi": "thay đổi phạm vi 2 theo thị trường tấn CO2tđ",
    },
    "col.change": {"en": "change", "vi": "thay đổi"},
    "col.parameter": {"en": "parameter", "vi": "tham số"},
    "col.activity": {"en": "activity", "vi": "hoạt động"},
    "col.ipcc_category": {"en": "IPCC category", "vi": "mã IPCC"},
    "col.gas": {"en": "gas", "vi": "khí"},
    "col.value_a": {"en": "value A", "vi": "giá trị A"},
    "col.value_b": {"en": "value B", "vi": "giá trị B"},
    "col.unit_b": {"en": "unit B", "vi": "đơn vị B"},
    "usage.form06": {
        "en": "give --facility ENTERPRISE/FACILITY and --period YYYY-YYYY (two years, e.g. 2023-2024)",
        "vi": "hãy ghi --facility DOANH_NGHIỆP/CƠ_SỞ và --period YYYY-YYYY (hai năm, ví dụ 2023-2024)",
    },
    "usage.no_inventory": {
        "en": "no stored inventory for {enterprise} in {year}: run 'ghg inventory' first",
        "vi": "kho chưa có kiểm kê của {enterprise} năm {year}: hãy chạy 'ghg inventory' trước",
    },
    "cli.release_meta": {
        "en": "publisher: {publisher}; published {published}; licence: {licence}",
        "vi": "đơn vị công bố: {publisher}; ngày công bố {published}; giấy phép: {licence}",
    },
    "cli.yes": {"en": "yes", "vi": "có"},
    "cli.missing_option": {"en": "Missing option '{name}'.", "vi": "Thiếu tùy chọn '{name}'."},
    "cli.missing_argument": {"en": "Missing argument '{name}'.", "vi": "Thiếu đối số '{name}'."},
    "cli.no_such_option": {"en": "No such option: {name}", "vi": "Không có tùy chọn: {name}"},
    "cli.did_you_mean": {"en": "(Possible options: {names})", "vi": "(Có phải ý bạn là: {names})"},
    "cli.not_one_of": {
        "en": "'{value}' is not one of {choices}.",
        "vi": "'{value}' không phải là một trong {choices}.",
    },
    "cli.bad_value": {"en": "Invalid value for {name}: {detail}", "vi": "Giá trị không hợp lệ cho {name}: {detail}"},
    "cli.try_help": {"en": "Try '{command}' for help.", "vi": "Xem '{command}' để được trợ giúp."},
    "cli.aborted": {"en": "Aborted!", "vi": "Đã hủy!"},
    "cli.no": {"en": "no", "vi": "không"},
    "help.cmd.demo": {
        "en": "Run the bundled Tằng Loỏng example park end to end (inventories, park, checks, pathway, targets, cost curve, uncertainty, EIP, reports in English and Vietnamese) into one folder, and say where to look. Safe to run again.",
        "vi": "Chạy toàn bộ ví dụ Khu công nghiệp Tằng Loỏng kèm theo (kiểm kê, khu công nghiệp, kiểm tra, lộ trình, mục tiêu, đường cong chi phí, độ không chắc chắn, KCN sinh thái, báo cáo tiếng Anh và tiếng Việt) vào một thư mục và cho biết xem ở đâu. Chạy lại an toàn.",
    },
    "help.opt.demo.out": {
        "en": "Folder of the demo's store, pathway files and reports.",
        "vi": "Thư mục chứa kho kết quả, tệp lộ trình và báo cáo của phần chạy thử.",
    },
    "cli.demo_step": {"en": "[step {number}/{of}] ghg {command}", "vi": "[bước {number}/{of}] ghg {command}"},
    "cli.demo_done": {
        "en": "Done. Open {reports}/tang-loong.en.html (or .vi.html) in a browser; the workbooks, Form 06 and Art. 43 reports are beside it, the pathway files in {out}/pathway-out, the store in {store}.",
        "vi": "Xong. Mở {reports}/tang-loong.vi.html (hoặc .en.html) trong trình duyệt; bảng tính, Mẫu 06 và báo cáo Điều 43 ở cùng thư mục, tệp lộ trình trong {out}/pathway-out, kho kết quả trong {store}.",
    },
    "help.cmd.factors.new": {
        "en": "Start a factor release of your own in FOLDER: its id, title, publisher, tier (measured, national, default or estimate), years and sources. Then 'ghg factors add' and 'ghg factors build'.",
        "vi": "Tạo một bộ hệ số của riêng bạn trong FOLDER: mã, tiêu đề, đơn vị công bố, bậc (measured, national, default hoặc estimate), các năm và nguồn. Sau đó chạy 'ghg factors add' và 'ghg factors build'.",
    },
    "help.cmd.factors.add": {
        "en": "Check the rows of TABLE (CSV, or a sheet of a workbook with --sheet) and add them to the release in FOLDER: every problem of every row is listed and nothing is added while one remains.",
        "vi": "Kiểm tra các hàng của TABLE (CSV, hoặc một trang tính với --sheet) và thêm vào bộ hệ số trong FOLDER: mọi lỗi của mọi hàng được liệt kê và không thêm gì khi còn lỗi.",
    },
    "help.cmd.factors.build": {
        "en": "Check every table of the release in FOLDER, write the SHA-256 of each into release.json and verify it loads; an id of a known release with other content is refused.",
        "vi": "Kiểm tra mọi bảng của bộ hệ số trong FOLDER, ghi SHA-256 của từng bảng vào release.json và kiểm tra việc nạp; mã trùng với một bộ hệ số đã biết nhưng khác nội dung bị từ chối.",
    },
    "help.opt.factors.new.release_id": {
        "en": "The release's id: lower-case letters, digits, '.' and '-'.",
        "vi": "Mã bộ hệ số: chữ thường, chữ số, '.' và '-'.",
    },
    "help.opt.factors.new.title": {
        "en": "What the release holds, in one line.",
        "vi": "Nội dung của bộ hệ số, trong một dòng.",
    },
    "help.opt.factors.new.publisher": {
        "en": "Who publishes the values (a laboratory, a supplier, an agency).",
        "vi": "Đơn vị công bố giá trị (phòng thí nghiệm, nhà cung cấp, cơ quan).",
    },
    "help.opt.factors.new.tier": {
        "en": "measured (the facility's own), national, default (IPCC) or estimate (not official).",
        "vi": "measured (đo tại cơ sở), national (quốc gia), default (mặc định IPCC) hoặc estimate (ước tính, không chính thức).",
    },
    "help.opt.factors.new.valid_from": {
        "en": "First year the release's undated factors apply to.",
        "vi": "Năm đầu tiên áp dụng các hệ số không ghi năm.",
    },
    "help.opt.factors.new.valid_to": {
        "en": "Last year the release's undated factors apply to.",
        "vi": "Năm cuối cùng áp dụng các hệ số không ghi năm.",
    },
    "help.opt.factors.new.licence": {"en": "The licence of the values.", "vi": "Giấy phép sử dụng các giá trị."},
    "help.opt.factors.new.source_specs": {
        "en": "A source the rows cite, as ID=TITLE|URL; repeat for several.",
        "vi": "Một nguồn mà các hàng dẫn, dạng ID=TIÊU ĐỀ|URL; lặp lại để thêm nhiều nguồn.",
    },
    "help.opt.factors.new.tables": {
        "en": "A table (CSV or workbook) of factors or activities: added and the release built in the same command; repeat for several.",
        "vi": "Một bảng (CSV hoặc bảng tính) hệ số hoặc hoạt động: được thêm và bộ hệ số được lập ngay trong cùng lệnh; lặp lại để thêm nhiều bảng.",
    },
    "help.opt.factors.add.sheet": {
        "en": "The sheet of a workbook that holds the rows (default: the first).",
        "vi": "Trang tính chứa các hàng (mặc định: trang đầu tiên).",
    },
    "usage.source_spec": {
        "en": "--source '{value}': write ID=TITLE|URL (the URL may be left out)",
        "vi": "--source '{value}': hãy viết MÃ=TIÊU ĐỀ|URL (có thể bỏ URL)",
    },
    "help.cmd.uncertainty": {
        "en": "Uncertainty of a year's inventories (IPCC Approach 1 and Monte Carlo Approach 2, shared factors correlated), key categories, and the pathway band with --scenario.",
        "vi": "Độ không chắc chắn của kiểm kê một năm (Cách tiếp cận 1 của IPCC và Cách tiếp cận 2 (Monte Carlo), hệ số dùng chung tương quan), hạng mục chính, và dải lộ trình với --scenario.",
    },
    "help.opt.uncertainty.year": {
        "en": "The year (default: the latest stored).",
        "vi": "Năm (mặc định: năm mới nhất trong kho).",
    },
    "help.opt.uncertainty.enterprise": {
        "en": "Only this enterprise (default: the park and each member).",
        "vi": "Chỉ doanh nghiệp này (mặc định: khu công nghiệp và từng thành viên).",
    },
    "help.opt.uncertainty.method": {"en": "Approach 1, 2 or both.", "vi": "Cách tiếp cận 1, 2 hoặc cả hai."},
    "help.opt.uncertainty.samples": {"en": "Monte Carlo iterations.", "vi": "Số lần lặp Monte Carlo."},
    "help.opt.uncertainty.seed": {
        "en": "Seed of the random draws (recorded with the result).",
        "vi": "Hạt giống của các lần rút ngẫu nhiên (lưu cùng kết quả).",
    },
    "help.opt.uncertainty.default_tier": {
        "en": "Data-quality tier of activity data that declare no uncertainty (1-4: ±7.5, 5, 2.5, 1.5 %).",
        "vi": "Cấp chất lượng của số liệu hoạt động không khai báo độ không chắc chắn (1-4: ±7,5, 5, 2,5, 1,5 %).",
    },
    "help.opt.uncertainty.pathway_samples": {"en": "Draws of the pathway band.", "vi": "Số lần rút cho dải lộ trình."},
    "help.opt.uncertainty.out": {
        "en": "Folder for the result files (Parquet; never overwritten).",
        "vi": "Thư mục ghi kết quả (Parquet; không bao giờ ghi đè).",
    },
    # options shared by several commands
    "help.opt.version": {"en": "Show the version and exit.", "vi": "Hiện phiên bản rồi thoát."},
    "help.opt.lang": {
        "en": "Language of messages, tables and help (en, vi; also from $GHG_LANG).",
        "vi": "Ngôn ngữ của thông báo, bảng và trợ giúp (en, vi; hoặc biến môi trường $GHG_LANG).",
    },
    "help.opt.as_json": {"en": "Print machine-readable JSON.", "vi": "In JSON để máy đọc."},
    "help.opt.store_dir": {
        "en": "Result store written by 'ghg inventory'.",
        "vi": "Kho kết quả do 'ghg inventory' ghi.",
    },
    "help.opt.registry": {
        "en": "Park registry CSV (members, facilities, sectors, years of membership).",
        "vi": "Tệp CSV danh sách thành viên khu công nghiệp (doanh nghiệp, cơ sở, ngành, năm là thành viên).",
    },
    "help.opt.transfers": {
        "en": "Transfer ledger CSV (seller, buyer, carrier, year, quantity, unit, evidence).",
        "vi": "Tệp CSV sổ trao đổi năng lượng (bên bán, bên mua, dạng năng lượng, năm, lượng, đơn vị, chứng từ).",
    },
    "help.opt.min_status": {
        "en": "Use each enterprise's latest revision with at least this status (e.g. submitted).",
        "vi": "Dùng phiên bản mới nhất của mỗi doanh nghiệp có ít nhất trạng thái này (ví dụ submitted).",
    },
    "help.opt.factor_refs": {
        "en": "Factor release id or folder; repeat for several. Default: {defaults}.",
        "vi": "Mã hoặc thư mục bộ hệ số; lặp lại để chọn nhiều bộ. Mặc định: {defaults}.",
    },
    "help.opt.extra_refs": {
        "en": "A release added to the selected ones (e.g. a facility's measured values); repeat for several.",
        "vi": "Một bộ hệ số thêm vào các bộ đã chọn (ví dụ giá trị đo của cơ sở); lặp lại để thêm nhiều bộ.",
    },
    "help.opt.out": {
        "en": "Folder for the result files; an existing file is kept if identical and never overwritten.",
        "vi": "Thư mục ghi kết quả; tệp đã có được giữ nếu giống hệt và không bao giờ bị ghi đè.",
    },
    "help.opt.ack_path": {
        "en": "Acknowledgements CSV (code, enterprise, facility, year, key, comment, by, at).",
        "vi": "Tệp CSV xác nhận cảnh báo (mã, doanh nghiệp, cơ sở, năm, khóa, ghi chú, người, thời điểm).",
    },
    "help.opt.scenario_ref": {
        "en": "Scenario file or bundled scenario name (e.g. tang-loong).",
        "vi": "Tệp kịch bản hoặc tên kịch bản kèm theo (ví dụ tang-loong).",
    },
    "help.opt.target_refs": {
        "en": "Target file or bundled target name (e.g. sbti-aca-1.5c); repeat for several.",
        "vi": "Tệp mục tiêu hoặc tên mục tiêu kèm theo (ví dụ sbti-aca-1.5c); lặp lại để chọn nhiều mục tiêu.",
    },
    # options of one command
    "help.opt.inventory.gwp_set": {
        "en": "GWP-100 set for CO2e (AR4, AR5, AR6); recorded on every result line.",
        "vi": "Bộ GWP-100 để quy đổi CO2tđ (AR4, AR5, AR6); ghi trên mọi dòng kết quả.",
    },
    "help.opt.inventory.year": {
        "en": "Only the records of this reporting year.",
        "vi": "Chỉ các bản ghi của năm báo cáo này.",
    },
    "help.opt.inventory.out": {
        "en": "Result store folder (a Delta Lake table of every revision, with the inputs and releases kept).",
        "vi": "Thư mục kho kết quả (bảng Delta Lake chứa mọi phiên bản, cùng các tệp đầu vào và bộ hệ số đã dùng).",
    },
    "help.opt.inventory.submitted_by": {
        "en": "Who submits the files (free text, kept in each input's receipt).",
        "vi": "Người nộp tệp (văn bản tự do, lưu trong biên nhận của từng tệp).",
    },
    "help.opt.inventory.reason": {
        "en": "Why this run supersedes stored revisions (required when it does; recorded on each new revision).",
        "vi": "Lý do lần chạy này thay thế các phiên bản đã lưu (bắt buộc khi thay thế; ghi vào mỗi phiên bản mới).",
    },
    "help.opt.inventory.author": {
        "en": "Who makes this revision (free text; default: --submitted-by).",
        "vi": "Người lập phiên bản này (văn bản tự do; mặc định: --submitted-by).",
    },
    "help.opt.check.recalculation_threshold": {
        "en": "Base-year change that calls for a restatement [fraction].",
        "vi": "Mức thay đổi năm cơ sở cần tính lại [tỷ lệ].",
    },
    "help.opt.export.all_revisions": {
        "en": "Every revision, not only the latest of each partition.",
        "vi": "Mọi phiên bản, không chỉ phiên bản mới nhất của mỗi phân vùng.",
    },
    "help.opt.year": {"en": "Only this year.", "vi": "Chỉ năm này."},
    "help.opt.enterprise": {"en": "Only this enterprise.", "vi": "Chỉ doanh nghiệp này."},
    "help.opt.park.years": {"en": "Only these years (repeat).", "vi": "Chỉ các năm này (lặp lại)."},
    "help.opt.park.enterprises": {
        "en": "Only these enterprises (repeat).",
        "vi": "Chỉ các doanh nghiệp này (lặp lại).",
    },
    "help.opt.factors.install.into": {
        "en": "Folder of installed releases (name it in GHG_FACTORS_PATH to select its releases by id).",
        "vi": "Thư mục các bộ hệ số đã cài (khai báo trong GHG_FACTORS_PATH để chọn bộ theo mã).",
    },
    "help.opt.factors.list.folder": {
        "en": "A folder of installed releases (default: the bundled releases).",
        "vi": "Một thư mục bộ hệ số đã cài (mặc định: các bộ kèm theo).",
    },
    "help.opt.audit.impact.new_release": {
        "en": "The new release (id or folder).",
        "vi": "Bộ hệ số mới (mã hoặc thư mục).",
    },
    "help.opt.audit.impact.replaces": {
        "en": "Id of the release it would replace.",
        "vi": "Mã bộ hệ số mà nó sẽ thay thế.",
    },
    "help.opt.as_of": {
        "en": "Read the store as it was at this version of its log (see `ghg history`) or at this time (ISO 8601).",
        "vi": "Đọc kho như tại phiên bản ghi này (xem `ghg history`) hoặc tại thời điểm này (ISO 8601).",
    },
    "help.opt.decimal_mark": {
        "en": "The decimal mark of numbers written as text in the files: '.' (1234.5) or ',' (1.234,5). Without it, a value such as 4.200 is refused as ambiguous unless another value of its file shows the mark.",
        "vi": "Dấu thập phân của các số viết dạng văn bản trong tệp: '.' (1234.5) hoặc ',' (1.234,5). Nếu không khai báo, giá trị như 4.200 bị từ chối vì không rõ nghĩa, trừ khi giá trị khác trong tệp cho biết cách viết.",
    },
    "help.opt.audit.verify.trusted": {
        "en": "An auditor's public key (the .pub of 'ghg audit keygen') or a keyring file of such keys; repeatable. Only statements signed by one of them are valid.",
        "vi": "Khóa công khai của tổ chức thẩm tra (tệp .pub của 'ghg audit keygen') hoặc tệp tập hợp các khóa đó; có thể lặp lại. Chỉ văn bản ký bằng một trong các khóa này mới hợp lệ.",
    },
    "help.opt.audit.sign.year": {"en": "The revision's year.", "vi": "Năm của phiên bản."},
    "help.opt.audit.sign.enterprise": {"en": "The revision's enterprise.", "vi": "Doanh nghiệp của phiên bản."},
    "help.opt.audit.sign.revision": {"en": "The revision to sign.", "vi": "Phiên bản cần ký."},
    "help.opt.store.vacuum.older_than": {
        "en": "Only what is older than this many hours (a writer still running is never touched at the default).",
        "vi": "Chỉ những gì cũ hơn số giờ này (với mặc định, tiến trình ghi đang chạy không bị ảnh hưởng).",
    },
    "help.opt.audit.sign.signer": {
        "en": "Who signs (the verifier, free text).",
        "vi": "Người ký (tổ chức thẩm tra, văn bản tự do).",
    },
    "help.opt.audit.sign.opinion": {
        "en": "The verification opinion (free text).",
        "vi": "Ý kiến thẩm tra (văn bản tự do).",
    },
    "help.opt.audit.sign.out": {"en": "Statement JSON to write.", "vi": "Tệp JSON văn bản thẩm tra sẽ ghi."},
    "help.opt.audit.sign.key_path": {
        "en": "The signer's Ed25519 private key (PEM, from 'ghg audit keygen').",
        "vi": "Khóa bí mật Ed25519 của người ký (PEM, tạo bằng 'ghg audit keygen').",
    },
    "help.opt.store.status.revision": {"en": "The revision to move.", "vi": "Phiên bản cần chuyển trạng thái."},
    "help.opt.store.status.year": {"en": "The revision's year.", "vi": "Năm của phiên bản."},
    "help.opt.store.status.enterprise": {"en": "The revision's enterprise.", "vi": "Doanh nghiệp của phiên bản."},
    "help.opt.store.diff.year": {"en": "The year of both revisions.", "vi": "Năm của hai phiên bản."},
    "help.opt.store.diff.enterprise": {
        "en": "The enterprise of both revisions.",
        "vi": "Doanh nghiệp của hai phiên bản.",
    },
    "help.opt.store.status.status": {
        "en": "The next status of the revision.",
        "vi": "Trạng thái tiếp theo của phiên bản.",
    },
    "help.opt.store.status.by": {
        "en": "Who changes the status (free text).",
        "vi": "Người đổi trạng thái (văn bản tự do).",
    },
    "help.opt.store.status.comment": {"en": "Why (free text).", "vi": "Lý do (văn bản tự do)."},
    "help.opt.report.form06.facility": {
        "en": "ENTERPRISE/FACILITY, e.g. DAP2-VINACHEM/site.",
        "vi": "DOANH_NGHIỆP/CƠ_SỞ, ví dụ DAP2-VINACHEM/site.",
    },
    "help.opt.report.form06.period": {"en": "Two years, e.g. 2023-2024.", "vi": "Hai năm, ví dụ 2023-2024."},
    "help.opt.report.form06.out": {
        "en": "Output .xlsx (the JSON is written beside).",
        "vi": "Tệp .xlsx đầu ra (tệp JSON được ghi bên cạnh).",
    },
    "help.opt.report.html.enterprise": {
        "en": "The report of one enterprise (default: the park).",
        "vi": "Báo cáo của một doanh nghiệp (mặc định: khu công nghiệp).",
    },
    "help.opt.years_text": {
        "en": "A year or a range of years, e.g. 2023 or 2019-2025 (default: all).",
        "vi": "Một năm hoặc khoảng năm, ví dụ 2023 hoặc 2019-2025 (mặc định: tất cả).",
    },
    "help.opt.report.html.macc_year": {
        "en": "Draw the abatement cost curve of this projected year (with --scenario).",
        "vi": "Vẽ đường cong chi phí giảm phát thải của năm dự báo này (cùng --scenario).",
    },
    "help.opt.report.html.out": {
        "en": "The .html file to write (never overwritten).",
        "vi": "Tệp .html sẽ ghi (không bao giờ ghi đè).",
    },
    "help.opt.report.xlsx.enterprise": {
        "en": "The workbook of one enterprise (default: the park).",
        "vi": "Sổ tính của một doanh nghiệp (mặc định: khu công nghiệp).",
    },
    "help.opt.report.xlsx.out": {
        "en": "The .xlsx file to write (never overwritten).",
        "vi": "Tệp .xlsx sẽ ghi (không bao giờ ghi đè).",
    },
    "help.opt.pathway.check.enterprise": {
        "en": "Check enterprise targets for this enterprise.",
        "vi": "Đối chiếu mục tiêu doanh nghiệp cho doanh nghiệp này.",
    },
    "help.opt.pathway.check.each_enterprise": {
        "en": "Check enterprise targets for every enterprise in turn.",
        "vi": "Đối chiếu mục tiêu doanh nghiệp lần lượt cho mọi doanh nghiệp.",
    },
    "help.opt.pathway.check.strict": {
        "en": "Exit with status 1 when a target is missed in any projected year.",
        "vi": "Trả mã 1 khi một mục tiêu không đạt ở bất kỳ năm dự báo nào.",
    },
    "help.opt.pathway.macc.year": {
        "en": "The projected year the curve is drawn for.",
        "vi": "Năm dự báo để vẽ đường cong.",
    },
    "help.opt.pathway.macc.enterprise": {
        "en": "The curve of one enterprise (default: the park).",
        "vi": "Đường cong của một doanh nghiệp (mặc định: khu công nghiệp).",
    },
    "help.opt.pathway.macc.method": {
        "en": "Scope 2 method the abatement is counted by.",
        "vi": "Phương pháp phạm vi 2 dùng để tính lượng giảm.",
    },
    "help.opt.pathway.export.fmt": {"en": "Export format.", "vi": "Định dạng xuất."},
    "help.opt.pathway.export.region": {
        "en": "IAMC region name of the park (default: the scenario id).",
        "vi": "Tên vùng IAMC của khu công nghiệp (mặc định: mã kịch bản).",
    },
    "help.opt.pathway.export.out": {
        "en": "CSV file to write (never overwritten).",
        "vi": "Tệp CSV sẽ ghi (không bao giờ ghi đè).",
    },
}
