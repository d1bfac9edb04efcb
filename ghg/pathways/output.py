"""Pathway results as files: Parquet tables with pinned schemas and provenance, charts, IAMC exports.

Every table's metadata (key ``ghg``) names the scenario and target files with their SHA-256, the stored
inventory revisions the projection starts from, the GWP set and the software version. Nothing in a file
depends on the clock, so the same inputs give the same bytes: running again into the same folder finds
identical files and leaves them; a file that would differ is refused, never overwritten.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ghg._version import version
from ghg.pathways.projection import STREAM_KEYS, Projection

_S, _F, _I = pa.string(), pa.float64(), pa.int32()
PROJECTION_SCHEMA = pa.schema(
    [pa.field("scenario", _S, nullable=False), pa.field("case", _S, nullable=False), pa.field("year", _I, False)]
    + [pa.field(k, _S, nullable=False) for k in STREAM_KEYS]
    + [
        pa.field("internal", pa.bool_(), nullable=False),
        pa.field("mass_t", _F, nullable=False),
        pa.field("co2e_t", _F, nullable=False),
        pa.field("mwh", _F, nullable=False),
        pa.field("gwp_set", _S, nullable=False),
    ]
)
ABATEMENT_SCHEMA = pa.schema(
    [
        pa.field("scenario", _S, nullable=False),
        pa.field("measure", _S, nullable=False),
        pa.field("enterprise", _S, nullable=False),
        pa.field("scope", _S, nullable=False),
        pa.field("year", _I, nullable=False),
        pa.field("abated_t_co2e", _F, nullable=False),
        pa.field("gwp_set", _S, nullable=False),
    ]
)
GAP_SCHEMA = pa.schema(
    [
        pa.field("scenario", _S, nullable=False),
        pa.field("target", _S, nullable=False),
        pa.field("boundary", _S, nullable=False),
        pa.field("year", _I, nullable=False),
        pa.field("kind", _S, nullable=False),
        pa.field("emissions_t_co2e", _F, nullable=False),
        pa.field("bau_t_co2e", _F, nullable=False),
        pa.field("target_t_co2e", _F, nullable=False),
        pa.field("gap_t_co2e", _F, nullable=False),
        pa.field("on_track", pa.bool_(), nullable=False),
        pa.field("gwp_set", _S, nullable=False),
    ]
)
MACC_SCHEMA = pa.schema(
    [
        pa.field("scenario", _S, nullable=False),
        pa.field("year", _I, nullable=False),
        pa.field("boundary", _S, nullable=False),
        pa.field("scope_2_method", _S, nullable=False),
        pa.field("measure", _S, nullable=False),
        pa.field("name", _S, nullable=False),
        pa.field("kind", _S, nullable=False),
        pa.field("enterprises", _S, nullable=False),
        pa.field("abatement_t_co2e", _F, nullable=False),
        pa.field("annual_cost", _F, nullable=False),
        pa.field("cost_per_t_co2e", _F, nullable=False),
        pa.field("currency", _S, nullable=False),
        pa.field("from_t_co2e", _F, nullable=False),
        pa.field("to_t_co2e", _F, nullable=False),
        pa.field("gwp_set", _S, nullable=False),
    ]
)


def provenance(projection: Projection, targets: dict[str, str] | None = None) -> dict[str, object]:
    """What a pathway result was computed from: files with their SHA-256, inventory revisions, GWP set."""
    revisions = projection.revisions.astype({"year": int}).to_dict(orient="records")
    return {
        "scenario": projection.scenario.id,
        # by name (a result moves between machines: no local path), with the SHA-256 that identifies the content
        "scenario_files": {Path(p).name: digest for p, digest in projection.scenario.files.items()},
        "target_files": {Path(p).name: digest for p, digest in (targets or {}).items()},
        "inventory_revisions": revisions,
        "gwp_set": projection.gwp_set,
        "base_year": projection.scenario.base_year,
        "horizon": projection.scenario.horizon,
        "software": f"ghg {version()}",
    }


def parquet_bytes(frame: pd.DataFrame, schema: pa.Schema | None, metadata: dict[str, object]) -> bytes:
    """``frame`` as Parquet bytes in ``schema`` (default: the frame's own types), with ``metadata`` as JSON
    under the key ``ghg``."""
    if schema is None:
        table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    else:
        table = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    table = table.replace_schema_metadata({"ghg": json.dumps(metadata, sort_keys=True, default=str)})
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def table_frames(projection: Projection) -> dict[str, tuple[pd.DataFrame, pa.Schema]]:
    """The projection and abatement tables with the scenario and GWP set on every row."""
    tag = {"scenario": projection.scenario.id, "gwp_set": projection.gwp_set}
    return {
        "projection": (projection.lines.assign(**tag), PROJECTION_SCHEMA),
        "abatement": (projection.abatement.assign(**tag), ABATEMENT_SCHEMA),
    }
