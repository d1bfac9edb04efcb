"""The park online: a Django application over the same library and store as the command line.

Enterprises upload their activity files, see every problem in the page and submit revisions; the authority
reads the park's dashboard and moves revisions along the workflow; auditors read what is assigned to them.
Accounts, roles, memberships, uploads, acknowledgements and the audit log live in a relational database
(SQLite beside the store by default, PostgreSQL by ``GHG_DATABASE_URL``); the numbers stay in the result
store, written only through :func:`ghg.engines.job.submit` and read through :mod:`ghg.park` and
:mod:`ghg.store`. Nothing is calculated twice.

Modules: :mod:`~ghg.web.config` (where the store, database and secret are), :mod:`~ghg.web.settings`
(Django's settings from that configuration), :mod:`~ghg.web.models`, :mod:`~ghg.web.access` (who may see
what), :mod:`~ghg.web.writer` (one writer at a time), :mod:`~ghg.web.uploads` (files received and checked),
:mod:`~ghg.web.views_enterprise`, :mod:`~ghg.web.views_authority`, :mod:`~ghg.web.views_auditor`,
:mod:`~ghg.web.urls`, :mod:`~ghg.web.server` (``ghg serve`` and ``ghg users``).
"""
