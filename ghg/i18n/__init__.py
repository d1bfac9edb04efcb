"""Every user-facing text in English and Vietnamese: the message catalogue (one module per topic) and the
formatting of numbers per language. The lowest layer: it imports nothing else of ``ghg``."""

from ghg.i18n.catalogue import CATALOGUE, LANGUAGES, text

__all__ = ["CATALOGUE", "LANGUAGES", "text"]
