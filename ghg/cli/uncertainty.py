"""``ghg uncertainty``: the inventory's uncertainty (IPCC 2006 Vol. 1 Ch. 3, Approaches 1 and 2)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ghg.core import fsutil
from ghg.core.errors import GhgError
from ghg.i18n import formatting, text
from ghg.pathways import bands, workflow

if TYPE_CHECKING:
    pass


from ghg.cli.common import (
    LocalizedCommand,
    cell_of,
    cols_of,
    emit_json,
    fail,
    heads_of,
    json_option,
    lang_of,
    lang_option,
    show_published,
    snapshot_at,
    store_option,
)


@click.command(cls=LocalizedCommand, name="uncertainty")
@store_option
@click.option("--year", type=int, default=None)
@click.option("--enterprise", default=None)
@click.option("--method", type=click.Choice(["1", "2", "both"]), default="both", show_default=True)
@click.option("--samples", type=click.IntRange(1_000, 10_000_000), default=100_000, show_default=True)
@click.option("--seed", type=int, default=20261128, show_default=True)
@click.option("--default-tier", type=click.IntRange(1, 4), default=1, show_default=True)
@click.option("--scenario", "scenario_ref", default=None)
@click.option("--pathway-samples", type=click.IntRange(20, 5_000), default=200, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=None)
@lang_option
@json_option
@click.pass_context
def uncertainty_cmd(
    ctx: click.Context,
    store_dir: Path,
    registry: Path,
    transfers: Path | None,
    year: int | None,
    enterprise: str | None,
    method: str,
    samples: int,
    seed: int,
    default_tier: int,
    scenario_ref: str | None,
    pathway_samples: int,
    out: Path | None,
    lang: str | None,
    as_json: bool,
) -> None:
    lg = lang_of(ctx)
    try:
        scenario = workflow.locate_scenario(scenario_ref) if scenario_ref else None
        result, band = bands.from_store(
            snapshot_at(ctx, store_dir),
            registry,
            transfers,
            year,
            enterprise,
            default_tier,
            samples,
            seed,
            method,
            scenario,
            pathway_samples,
        )
        year = result.year
        outcome = []
        if out is not None:
            outcome = fsutil.publish_files(out, bands.result_files(result, band))
    except GhgError as exc:
        fail(ctx, exc, as_json)
        return
    settings = {
        "year": year,
        "method": method,
        "samples": samples,
        "seed": seed,
        "default_tier": default_tier,
        "converged": result.converged,
        "convergence": result.convergence,
    }
    if as_json:
        emit_json(
            {
                **settings,
                "boundaries": result.table.to_dict(orient="records"),
                "key_categories": result.key_categories.to_dict(orient="records"),
                "categories_approach_1": result.categories.to_dict(orient="records"),
                "no_published_factor_range": result.not_covered.to_dict(orient="records"),
                "pathway_band": band.to_dict(orient="records") if band is not None else None,
                "files": [{"path": str(p), "state": st} for p, st in outcome],
            }
        )
        return
    click.echo(text("uncertainty.header", lg, year=year, samples=samples, seed=seed, tier=default_tier))
    table = result.table
    heads = [text("cli.enterprise", lg), "t CO2e"]
    numeric = [False, True]
    if "u_lo" in table:
        heads += heads_of(lg, "uncertainty.head.a1", "uncertainty.head.naive")
        numeric += [True, True]
    if "mc_p2_5" in table:
        heads += heads_of(lg, "uncertainty.head.a2", "uncertainty.head.mean")
        numeric += [True, True]
    rows = []
    for r in table.to_dict(orient="records"):
        cells = [
            text("pathway.park", lg) if r["boundary"] == "park" else r["boundary"],
            formatting.number(r["t_co2e"], lg, 0),
        ]
        if "u_lo" in r:
            cells.append(
                f"-{formatting.number(100 * r['u_lo'], lg, 1)} / +{formatting.number(100 * r['u_hi'], lg, 1)} %"
            )
            cells.append(
                f"-{formatting.number(100 * r['naive_lo'], lg, 1)} / +{formatting.number(100 * r['naive_hi'], lg, 1)} %"
            )
        if "mc_p2_5" in r:
            low = 100 * (r["mc_p2_5"] / r["t_co2e"] - 1)
            high = 100 * (r["mc_p97_5"] / r["t_co2e"] - 1)
            cells.append(f"{formatting.number(low, lg, 1)} / +{formatting.number(high, lg, 1)} %")
            cells.append(formatting.number(r["mc_mean"], lg, 0))
        rows.append(cells)
    click.echo(formatting.table(heads, rows, numeric))
    if result.converged is not None:
        click.echo(
            text(
                "uncertainty.converged" if result.converged else "uncertainty.not_converged",
                lg,
                change=formatting.number(100 * (result.convergence or 0.0), lg, 2),
            )
        )
    if len(result.key_categories):
        click.echo("")
        click.echo(text("uncertainty.key_categories", lg))
        from ghg.core.releases import activity_names
        from ghg.store.kept import kept_release_dirs

        names = activity_names(lg, kept_release_dirs(store_dir))
        rows = [
            [
                cell_of(r["source_category"], lg, "source_category"),
                cell_of(r["activity"], lg, "activity", names),
                formatting.number(r["t_co2e"], lg, 0),
                formatting.number(100 * r["variance_share"], lg, 1) + " %",
            ]
            for r in result.key_categories.head(10).to_dict(orient="records")
        ]
        click.echo(
            formatting.table(
                cols_of(lg, ["source_category", "activity", "t_co2e", "variance_share"]),
                rows,
                [False, False, True, True],
            )
        )
    if len(result.not_covered):
        covered = result.not_covered.groupby("factor_release")["t_co2e"].sum()
        listing = ", ".join(
            f"{k or text('uncertainty.measured', lg)} {formatting.number(v, lg, 0)} t" for k, v in covered.items()
        )
        click.echo("")
        click.echo(text("uncertainty.not_covered", lg, listing=listing))
    if band is not None:
        click.echo("")
        click.echo(text("uncertainty.band", lg, samples=pathway_samples))
        shown = band[(band["year"] % 5 == 0) | (band["year"] == band["year"].max())]
        rows = [
            [
                str(r["year"]),
                formatting.number(r["p2_5"], lg, 0),
                formatting.number(r["p50"], lg, 0),
                formatting.number(r["p97_5"], lg, 0),
            ]
            for r in shown.to_dict(orient="records")
        ]
        click.echo(formatting.table(cols_of(lg, ["year", "p2_5", "p50", "p97_5"]), rows, [False, True, True, True]))
    show_published(outcome, lg)
