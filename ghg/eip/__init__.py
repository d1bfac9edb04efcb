"""Eco-industrial park monitoring (Decree 35/2022/NĐ-CP): RECP, exchange and resource records
(:mod:`~ghg.eip.records`), the year's indicators (:mod:`~ghg.eip.indicators`), the Art. 37 checklist
(:mod:`~ghg.eip.checklist`) and the Art. 43 report (:mod:`~ghg.eip.art43`).

This package's face re-exports what the command line and the reports call.
"""

from ghg.eip.art43 import report, report_files
from ghg.eip.checklist import CHECKLIST, checklist, checklist_set
from ghg.eip.indicators import Indicators, indicators
from ghg.eip.records import EXCHANGE_COLUMNS, RECP_COLUMNS, RESOURCE_COLUMNS, Records, load

__all__ = [
    "CHECKLIST",
    "EXCHANGE_COLUMNS",
    "RECP_COLUMNS",
    "RESOURCE_COLUMNS",
    "Indicators",
    "Records",
    "checklist",
    "checklist_set",
    "indicators",
    "load",
    "report",
    "report_files",
]
