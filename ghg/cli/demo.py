"""``ghg demo``: the bundled Tằng Loỏng example park run end to end with the tool's own commands, as a user
would type them, into one folder; then where to look. Running it again changes nothing and succeeds.

The example's files are found by :func:`ghg.core.example.example_dir`.
"""

from __future__ import annotations

from pathlib import Path

import click

from ghg.cli.common import LocalizedCommand, lang_of, lang_option
from ghg.core.example import EXAMPLE_RELEASE, GRID_ESTIMATES, example_dir
from ghg.i18n import text

#: The targets the example park is checked against (bundled in ``pathways/targets``).
TARGETS = ("sbti-aca-1.5c", "sbti-net-zero-2050", "linear-net-zero-2050", "decision-896-milestones")
#: The year of the eco-industrial park's indicators and Art. 43 reports.
EIP_YEAR = "2025"


def steps(park: Path, out: Path) -> list[list[str]]:
    """The commands of the demo, in order: each a ``ghg`` command line (without ``ghg``)."""
    store = ["--store", str(out / "ghg-store")]
    members = [*store, "--registry", str(park / "registry.csv"), "--transfers", str(park / "transfers.csv")]
    ack = ["--ack", str(park / "acknowledgements.csv")]
    eip = ["--eip", str(park / "eip"), "--year", EIP_YEAR]
    pathway = ["tang-loong", *store, "--registry", str(park / "registry.csv"), "--out", str(out / "pathway-out")]
    targets = [f"--target={t}" for t in TARGETS]
    html = [*members, *ack, "--scenario", "tang-loong", "--target=sbti-aca-1.5c", "--target=linear-net-zero-2050"]
    html += ["--macc-year", "2030", "--eip", str(park / "eip")]
    activity = sorted(str(p) for p in (park / "activity").glob("*.csv"))
    extra = [f"--extra-factors={park / 'factors' / EXAMPLE_RELEASE}", f"--extra-factors={GRID_ESTIMATES}"]
    form06 = [*members[:4], "--facility", "DAP2-VINACHEM/site", "--period", "2023-2024"]
    reports = out / "reports"
    en, vi = ["--lang", "en"], ["--lang", "vi"]
    form06_out = "form06-DAP2-VINACHEM-2023-2024"
    return [
        ["inventory", *activity, "--gwp", "AR5", *extra, "--out", str(out / "ghg-store"), "--author", "ghg demo"],
        ["park", *members],
        ["check", *members, *ack],
        ["pathway", "run", *pathway],
        ["pathway", "check", *pathway, *targets],
        ["pathway", "macc", *pathway, "--year", "2030"],
        ["uncertainty", *members, "--samples", "20000", "--out", str(out / "uncertainty")],
        ["eip", "indicators", *members, *eip],
        [*en, "eip", "report", *members, *eip, "--out", str(reports / f"art43-{EIP_YEAR}.en.xlsx")],
        [*vi, "eip", "report", *members, *eip, "--out", str(reports / f"art43-{EIP_YEAR}.vi.xlsx")],
        [*en, "eip", "network", *members, *eip, "--out", str(reports)],
        [*vi, "eip", "network", *members, *eip, "--out", str(reports)],
        [*en, "report", "html", *html, "--out", str(reports / "tang-loong.en.html")],
        [*vi, "report", "html", *html, "--out", str(reports / "tang-loong.vi.html")],
        [*en, "report", "xlsx", *members, "--out", str(reports / "tang-loong.en.xlsx")],
        [*vi, "report", "xlsx", *members, "--out", str(reports / "tang-loong.vi.xlsx")],
        [*en, "report", "form06", *form06, "--out", str(reports / f"{form06_out}.en.xlsx")],
        [*vi, "report", "form06", *form06, "--out", str(reports / f"{form06_out}.vi.xlsx")],
    ]


@click.command(cls=LocalizedCommand, name="demo")
@click.option("--out", type=click.Path(path_type=Path), default=Path("ghg-demo"), show_default=True)
@lang_option
@click.pass_context
def demo_cmd(ctx: click.Context, out: Path, lang: str | None) -> None:
    lg = lang_of(ctx)
    root = ctx.find_root().command
    asked = [] if lg == "en" else ["--lang", lg]
    plan = steps(example_dir(), out.resolve())
    for number, argv in enumerate(plan, start=1):
        argv = argv if argv[0] == "--lang" else [*asked, *argv]
        activity = [a for a in argv if a.endswith(".csv") and Path(a).parent.name == "activity"]
        shown = " ".join(a for a in argv if a not in activity[1:])
        shown = shown.replace(activity[0], str(Path(activity[0]).parent / "*.csv")) if activity else shown
        click.echo(click.style(text("cli.demo_step", lg, number=number, of=len(plan), command=shown), bold=True))
        code = root.main(argv, prog_name="ghg", standalone_mode=False)
        if code:
            ctx.exit(int(code))
    click.echo(text("cli.demo_done", lg, out=out, reports=out / "reports", store=out / "ghg-store"))
