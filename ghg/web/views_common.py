"""Pages every account reaches: the start page after signing in (by role), and the list of enterprises."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ghg.park.consolidation import load_registry
from ghg.web import access


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where each role starts: the authority at the dashboard, an auditor at its assignments, a reporter at
    its enterprise (or the list of them)."""
    role = access.role_of(request.user)
    if role in access.PARK_ROLES:
        return redirect("dashboard")
    if role == "auditor":
        return redirect("assigned")
    if role == "reporter":
        mine = access.enterprises_of(request.user)
        if len(mine) == 1:
            return redirect("enterprise", enterprise=mine[0])
        return render(request, "ghg/enterprises.html", {"enterprises": mine})
    return render(request, "ghg/no_role.html", status=403)


@access.roles("authority", "administrator", "reporter")
def enterprises(request: HttpRequest) -> HttpResponse:
    """The enterprises this account may open: all members for the authority, its own for a reporter."""
    if access.role_of(request.user) == "reporter":
        shown = access.enterprises_of(request.user)
    elif settings.CONFIG.registry is not None:
        shown = sorted(set(load_registry(settings.CONFIG.registry).frame["enterprise"]))
    else:
        shown = []
    return render(request, "ghg/enterprises.html", {"enterprises": shown})
