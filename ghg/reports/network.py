"""The picture of the park's symbiosis network: members as nodes, one arrow per operating exchange.

Owns the layout (members ordered on a circle so that partners sit near each other, labels placed outside
their node, flow labels moved along their arrow's normal until they touch no other label or node), and the
drawing (arrows that start and end at the edge of their nodes). In the SVG every node is a group with id
``node-…``, every label a ``<text>`` element, so a browser can measure that no two boxes overlap.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from ghg.i18n import text
from ghg.i18n.formatting import number
from ghg.reports.charts import FORMATS, _pyplot, _render

#: Node marker area [pt²] and its radius [pt]: arrows are shortened by the radius so they end at the edge.
NODE_AREA = 700.0
NODE_RADIUS = math.sqrt(NODE_AREA / math.pi)
#: Gap between a node's edge and its label [pt].
LABEL_GAP = 4.0


def material_name(code: str, lang: str) -> str:
    """A material's name in ``lang`` when the catalogue knows the code (``steam`` → ``hơi nước``), else the
    code as the member wrote it."""
    key = f"eip.material.{code}"
    name = text(key, lang)
    return code if name == key else name


def order(links: pd.DataFrame) -> list[str]:
    """Members in circle order: start from the busiest member, then repeatedly the member with the most
    exchanges with those already placed (ties by name), so that partners are neighbours and arrows short."""
    degree: dict[str, int] = {}
    pairs: dict[frozenset[str], int] = {}
    for s, r in zip(links["supplier"], links["receiver"], strict=True):
        degree[s] = degree.get(s, 0) + 1
        degree[r] = degree.get(r, 0) + 1
        pairs[frozenset((s, r))] = pairs.get(frozenset((s, r)), 0) + 1
    if not degree:
        return []
    placed = [min(degree, key=lambda n: (-degree[n], n))]
    rest = set(degree) - set(placed)
    while rest:
        last = placed[-1]

        def tie(n: str, last: str = last) -> tuple[int, int, int, str]:
            near = pairs.get(frozenset((n, last)), 0)
            total = sum(pairs.get(frozenset((n, p)), 0) for p in placed)
            return (-near, -total, -degree[n], n)

        nxt = min(rest, key=tie)
        placed.append(nxt)
        rest.remove(nxt)
    return placed


def _overlaps(box: Any, others: list[Any], pad: float = 2.0) -> bool:
    """Whether a display box comes within ``pad`` pixels of any of ``others``."""
    return any(
        box.x0 < o.x1 + pad and o.x0 < box.x1 + pad and box.y0 < o.y1 + pad and o.y0 < box.y1 + pad for o in others
    )


def network(
    links: pd.DataFrame, title: str, lang: str, stem: Path, formats: tuple[str, ...] = FORMATS
) -> dict[str, bytes]:
    """The symbiosis network of a year as PNG and SVG bytes.

    Parameters
    ----------
    links : DataFrame
        One row per exchange: ``supplier``, ``receiver``, ``material``, ``quantity``, ``unit``, ``confirmed``;
        only confirmed exchanges are drawn, as wide as their quantity relative to the largest in the same unit.
    title : str
        The picture's title, already in ``lang``.
    lang : str
        ``en`` or ``vi``: material names and numbers.
    stem : Path
        File name without suffix.
    """
    from matplotlib.transforms import Bbox

    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(7.5, 7.2))
    shown = links[links["confirmed"].astype(bool)] if len(links) else links
    names = order(shown) if len(shown) else []
    step = 2 * math.pi / max(len(names), 1)
    where = {n: (math.cos(math.pi / 2 - i * step), math.sin(math.pi / 2 - i * step)) for i, n in enumerate(names)}
    materials = sorted(set(shown["material"])) if len(shown) else []
    colour = {m: plt.get_cmap("tab10")(i % 10) for i, m in enumerate(materials)}
    largest = shown.groupby("unit")["quantity"].max().to_dict() if len(shown) else {}
    axes.set_xlim(-1.55, 1.55)
    axes.set_ylim(-1.4, 1.4)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.set_title(title, wrap=True)
    for name, (x, y) in where.items():
        node = axes.scatter([x], [y], s=NODE_AREA, color="#e8f0e4", edgecolor="#14532d", zorder=3)
        node.set_gid(f"node-{name}")
        ha = "left" if x > 0.3 else "right" if x < -0.3 else "center"
        va = "bottom" if y > 0.3 else "top" if y < -0.3 else "center"
        offset = NODE_RADIUS + LABEL_GAP
        axes.annotate(
            name, (x, y), xytext=(x * offset, y * offset), textcoords="offset points", ha=ha, va=va, fontsize=8.5
        )
    # arrows: from edge to edge; two exchanges between the same pair bend apart
    seen: dict[tuple[str, str], int] = {}
    flows: list[tuple[Any, float, float, float, float]] = []
    for r in shown.sort_values(["material", "supplier", "receiver"]).to_dict(orient="records"):
        (x0, y0), (x1, y1) = where[r["supplier"]], where[r["receiver"]]
        pair = (r["supplier"], r["receiver"])
        rad = 0.18 + 0.14 * seen.get(pair, 0)
        seen[pair] = seen.get(pair, 0) + 1
        width = 1.0 + 6.0 * (r["quantity"] / largest[r["unit"]] if largest.get(r["unit"]) else 0.0)
        axes.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={"arrowstyle": "-|>", "lw": width, "color": colour[r["material"]], "alpha": 0.8,
                        "connectionstyle": f"arc3,rad={rad}", "mutation_scale": 16,
                        "shrinkA": NODE_RADIUS + 1, "shrinkB": NODE_RADIUS + 1},
        )  # fmt: skip
        # the middle of matplotlib's arc3 curve: the chord's middle moved by rad/2 along (dy, -dx)
        mx, my = (x0 + x1) / 2 + rad / 2 * (y1 - y0), (y0 + y1) / 2 - rad / 2 * (x1 - x0)
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        label = axes.text(
            mx,
            my,
            f"{number(r['quantity'], lang, 0)} {r['unit']}",
            fontsize=7.5,
            ha="center",
            va="center",
            color=colour[r["material"]],
            zorder=5,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
        )
        flows.append((label, mx, my, (y1 - y0) / length, -(x1 - x0) / length))
    for material in materials:
        axes.plot([], [], color=colour[material], lw=4, label=material_name(material, lang))
    if materials:
        axes.legend(
            fontsize=8.5, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=min(len(materials), 3), frameon=False
        )
    # flow labels: moved along their arrow's normal, in growing steps, until they touch nothing placed
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    flow_labels = {id(f[0]) for f in flows}
    taken = [t.get_window_extent(renderer) for t in axes.texts if t.get_text() and id(t) not in flow_labels]
    to_display = axes.transData.transform
    for x, y in where.values():
        cx, cy = to_display((x, y))
        radius = NODE_RADIUS * figure.dpi / 72
        taken.append(Bbox([[cx - radius, cy - radius], [cx + radius, cy + radius]]))
    for label, mx, my, nx, ny in flows:
        for k in range(40):
            shift = 0.035 * ((k + 1) // 2) * (1 if k % 2 else -1)
            label.set_position((mx + shift * nx, my + shift * ny))
            box = label.get_window_extent(renderer)
            if not _overlaps(box, taken):
                break
        taken.append(label.get_window_extent(renderer))
    return _render(figure, stem, formats)
