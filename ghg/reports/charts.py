"""Charts of pathways and abatement cost curves, as PNG and SVG, in English or Vietnamese.

The same inputs give the same bytes (no dates in the files, fixed SVG ids), so a chart can be
published beside the tables it draws and checked the same way.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ghg.i18n import text
from ghg.i18n.formatting import number

_METADATA = {"svg": {"Date": None, "Creator": None}, "png": {"Software": None}}
FORMATS = ("png", "svg")


@cache
def _pyplot() -> Any:
    """matplotlib's pyplot on the Agg backend with fixed SVG ids, imported on first use (it takes a third of a
    second, which every command of the command line would otherwise pay)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    matplotlib.rcParams["svg.hashsalt"] = "ghg"
    matplotlib.rcParams["svg.fonttype"] = "none"
    return pyplot


def _numbers(lang: str) -> Any:
    """A tick formatter writing numbers the way ``lang`` does (1,234 / 1.234)."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _: number(v, lang, 0))


def _render(figure: Any, stem: Path, formats: tuple[str, ...] = FORMATS) -> dict[str, bytes]:
    """The figure's bytes per format (files are written by the caller, atomically)."""
    plt = _pyplot()
    out = {}
    for fmt in formats:
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, metadata=_METADATA[fmt], dpi=110, bbox_inches="tight")
        out[f"{stem.name}.{fmt}"] = buffer.getvalue()
    plt.close(figure)
    return out


def pathway(
    totals: pd.DataFrame,
    targets: dict[str, pd.DataFrame],
    title: str,
    lang: str,
    stem: Path,
    formats: tuple[str, ...] = FORMATS,
    band: pd.DataFrame | None = None,
) -> dict[str, bytes]:
    """Actual emissions, BAU and the scenario [t CO2e/yr] with each target's trajectory.

    Parameters
    ----------
    totals : DataFrame
        Index year, columns ``actual``, ``bau``, ``scenario`` [t CO2e].
    targets : dict
        Target name -> frame with ``year`` and ``target_t_co2e``.
    """
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(9, 5))
    scale = 1e3
    actual = totals["actual"][totals["actual"] != 0] if "actual" in totals else pd.Series(dtype=float)
    last = actual.index.max() if len(actual) else None
    for case, style, colour in (("bau", "--", "#7f7f7f"), ("scenario", "-", "#2ca02c")):
        if case in totals:
            series = totals[case][totals.index > (last or 0)]
            if last is not None:
                series = pd.concat([pd.Series({last: actual[last]}), series])
            axes.plot(series.index, series / scale, style, color=colour, label=text(f"pathway.case.{case}", lang))
    if band is not None and len(band):
        axes.fill_between(
            band["year"], band["p2_5"] / scale, band["p97_5"] / scale, color="#2ca02c", alpha=0.18,
            label=text("pathway.case.band", lang),
        )  # fmt: skip
    if len(actual):
        axes.plot(actual.index, actual / scale, "-o", color="black", label=text("pathway.case.actual", lang))
    styles: list[Any] = [":", "-.", (0, (1, 3)), (0, (5, 2, 1, 2)), "--"]
    for (name, frame), style in zip(targets.items(), styles * 4, strict=False):
        axes.plot(frame["year"], frame["target_t_co2e"] / scale, linestyle=style, color="#d62728", label=name)
    axes.set_ylabel(text("pathway.chart.kt", lang))
    axes.set_title(title)
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8, loc="best")
    axes.yaxis.set_major_formatter(_numbers(lang))
    return _render(figure, stem, formats)


def macc(
    frame: pd.DataFrame, title: str, lang: str, stem: Path, formats: tuple[str, ...] = FORMATS
) -> dict[str, bytes]:
    """Bars as wide as each measure's abatement [kt CO2e] and as high as its cost [currency/t CO2e]."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(10, 5.5))
    scale = 1e3
    colours = plt.get_cmap("tab20")(np.linspace(0, 1, max(len(frame), 1)))
    for i, row in frame.reset_index(drop=True).iterrows():
        axes.bar(
            row["from_t_co2e"] / scale,
            row["cost_per_t_co2e"],
            width=row["abatement_t_co2e"] / scale,
            align="edge",
            color=colours[int(str(i))],
            edgecolor="black",
            linewidth=0.5,
            label=f"{row['measure']} ({number(row['cost_per_t_co2e'], lang, 0)})",
        )
    axes.axhline(0, color="black", linewidth=0.8)
    currency = frame["currency"].iloc[0] if len(frame) else ""
    axes.set_xlabel(text("pathway.chart.abatement_kt", lang))
    axes.set_ylabel(text("pathway.chart.cost", lang, currency=currency))
    axes.set_title(title)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=7, loc="upper left", ncol=2)
    axes.yaxis.set_major_formatter(_numbers(lang))
    return _render(figure, stem, formats)


def stacked_years(frame: pd.DataFrame, labels: dict[str, str], unit: str, title: str, lang: str) -> str:
    """Stacked bars per year [t CO2e shown in kt], one colour per column of ``frame``; SVG text."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(8, 3.6))
    bottom = np.zeros(len(frame))
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"]
    for i, column in enumerate(frame.columns):
        values = frame[column].to_numpy(float) / 1e3
        axes.bar(frame.index.astype(str), values, bottom=bottom, label=labels[column], color=colours[i % 5])
        bottom += values
    axes.set_ylabel(unit)
    axes.set_title(title, fontsize=10)
    axes.grid(alpha=0.3, axis="y")
    axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=len(frame.columns), frameon=False)
    axes.yaxis.set_major_formatter(_numbers(lang))
    return _svg(figure)


def horizontal_bars(labels: list[str], values: list[float], unit: str, title: str, lang: str) -> str:
    """One bar per label [t CO2e shown in kt], largest on top; SVG text."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(8, 0.35 * len(labels) + 1.2))
    order = np.argsort(values)
    axes.barh([labels[i] for i in order], [values[i] / 1e3 for i in order], color="#1f77b4")
    axes.set_xlabel(unit)
    axes.set_title(title, fontsize=10)
    axes.grid(alpha=0.3, axis="x")
    axes.xaxis.set_major_formatter(_numbers(lang))
    return _svg(figure)


def _svg(figure: Any) -> str:
    """The figure as SVG markup to place inline in HTML (no XML prolog or doctype)."""
    data = _render(figure, Path("inline"), ("svg",))["inline.svg"].decode("utf-8")
    return data[data.index("<svg") :]


def inline(files: dict[str, bytes]) -> str:
    """The SVG of a chart rendered by :func:`pathway` or :func:`macc` (with ``formats=("svg",)``), inline."""
    (data,) = files.values()
    text_ = data.decode("utf-8")
    return text_[text_.index("<svg") :]
