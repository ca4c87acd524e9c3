from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from .forms import SettingsForm, TimeZoneForm


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    form = SettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Your settings are saved.")
            return redirect("accounts:settings")
        return render(request, "accounts/settings.html", {"form": form}, status=422)
    return render(request, "accounts/settings.html", {"form": form})


@login_required
@require_POST
def time_zone(request):
    """The offer at the top of the page: use the device's zone, or keep the one set."""
    form = TimeZoneForm(request.POST, instance=request.user)
    if form.is_valid():
        form.save()
        messages.success(request, f"Times are now shown in {form.instance.time_zone}.")
    else:
        messages.error(request, "That time zone isn't one we know. Choose yours in Settings.")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "home:index"
    return redirect(back)
