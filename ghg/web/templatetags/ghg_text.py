"""Template tags: ``{% t "key" %}`` a catalogue message in the page's language (with parameters), and
``{{ value|num:digits }}`` a number in that language's format."""

from __future__ import annotations

from typing import Any

from django import template

from ghg.i18n import text
from ghg.i18n.formatting import number

register = template.Library()


@register.simple_tag(takes_context=True)
def t(context: Any, key: str, **params: object) -> str:
    """The catalogue message ``key`` in the page's language."""
    return text(key, str(context.get("lang", "vi")), **params)


@register.simple_tag(takes_context=True)
def num(context: Any, value: object, digits: int = 0) -> str:
    """``value`` as the page's language writes numbers ('' for an empty value)."""
    if value is None or value == "":
        return ""
    return number(float(str(value)), str(context.get("lang", "vi")), digits)
