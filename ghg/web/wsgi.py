"""The WSGI application for a production server: ``gunicorn ghg.web.wsgi`` with the ``GHG_…`` variables set."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ghg.web.settings")
application = get_wsgi_application()
