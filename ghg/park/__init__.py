"""The park: the registry of members and the transfer ledger, consolidation without double counting,
legal thresholds, QA/QC checks, Form 06, and the export of the park's tables. Reads the store, never writes
result lines.

This package's face re-exports the registry and consolidation (:mod:`ghg.park.consolidation`).
"""

from ghg.park.consolidation import (
    CARRIERS,
    REGISTRY_COLUMNS,
    TRANSFER_COLUMNS,
    ParkResult,
    Registry,
    buyer_quantities,
    consolidate,
    internal_supply,
    load_registry,
    load_transfers,
    reconcile,
    thresholds,
)

__all__ = [
    "CARRIERS",
    "REGISTRY_COLUMNS",
    "TRANSFER_COLUMNS",
    "ParkResult",
    "Registry",
    "buyer_quantities",
    "consolidate",
    "internal_supply",
    "load_registry",
    "load_transfers",
    "reconcile",
    "thresholds",
]
