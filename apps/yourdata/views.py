from urllib.parse import urlencode

from allauth.account.decorators import reauthentication_required
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import csv_import, importer
from .export import export_chunks, export_filename
from .forms import (
    CsvMappingForm,
    CsvUploadForm,
    DeleteAccountForm,
    ExportFileForm,
    sign_csv,
    unsign_csv,
)
from .services import delete_account

# allauth's re-authentication with no app named: always asks, whatever the app settings.
password_again = reauthentication_required


@login_required
@require_safe
def index(request):
    return render(request, "yourdata/index.html")


# ---- Export ---------------------------------------------------------------------------------


@login_required
@password_again
@require_safe
def export(request):
    return render(request, "yourdata/export.html")


@login_required
@require_safe
def download(request):
    """The zip, written while it downloads. If the password is needed again first, the
    person comes back to the export page after it (not to a download that would leave
    them looking at the password form)."""
    try:
        return _gated_download(request)
    except ReauthenticationRequired:
        next_page = urlencode({"next": reverse("yourdata:export")})
        return redirect(f"{reverse('account_reauthenticate')}?{next_page}")


@password_again
def _gated_download(request):
    response = StreamingHttpResponse(export_chunks(request.user), content_type="application/zip")
    name = export_filename(timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# ---- Import ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def import_export(request):
    form = ExportFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                result = importer.import_export(request.user, form.export)
            except importer.ImportRefused as refused:
                form.add_error("file", [refused.message, *refused.details])
            else:
                messages.success(request, _imported_message(result))
                return redirect("yourdata:index")
        return render(request, "yourdata/import.html", {"form": form}, status=422)
    return render(request, "yourdata/import.html", {"form": form})


def _imported_message(result: importer.ImportResult) -> str:
    if not result.added:
        return "Everything in this file is already in your account, so nothing changed."
    added = ", ".join(f"{count} {label}" for label, count in result.added.items())
    kept = (
        f" {result.already_here} were here already and are left as they are."
        if result.already_here
        else ""
    )
    return f"Imported {added}.{kept}"


@login_required
@require_http_methods(["GET", "POST"])
def csv_upload(request):
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            mapping = CsvMappingForm(form.table, initial={"csv": sign_csv(form.text, request.user)})
            return _preview(request, mapping)
        return render(request, "yourdata/csv_upload.html", {"form": form}, status=422)
    return render(request, "yourdata/csv_upload.html", {"form": form})


@login_required
@require_POST
def csv_preview(request):
    """The preview again with new choices, or, when the person adds them, every
    application at once. Adding goes ahead only for the choices the preview showed."""
    text = unsign_csv(request.POST.get("csv", ""), request.user)
    if text is None:
        messages.info(request, "That preview is more than a few hours old. Upload the file again.")
        return redirect("yourdata:csv_upload")
    form = CsvMappingForm(csv_import.read_table(text), request.POST)
    if request.POST.get("action") != "add" or not form.is_valid():
        return _preview(request, form, status=422 if form.errors else 200)
    if request.POST.get("shown") != form.fingerprint():
        return _preview(
            request,
            form,
            notice="You changed how the file is read, so here is "
            "the preview again. Check it, then add them.",
        )
    checked = csv_import.check(form.table, form.plan(), request.user)
    if checked.problems and not form.cleaned_data["skip_problems"]:
        form.add_error(
            "skip_problems",
            "Some lines have a problem. Fix them in the file and "
            "upload it again, or tick this to leave those lines out.",
        )
        return _preview(request, form, checked=checked, status=422)
    added = csv_import.add_applications(checked)
    messages.success(request, f"Added {added} application{'s' if added != 1 else ''}.")
    return redirect("interviews:applications")


def _preview(request, form: CsvMappingForm, *, checked=None, notice: str = "", status=200):
    checked = checked or csv_import.check(form.table, form.plan(), request.user)
    context = {
        "form": form,
        "checked": checked,
        "shown_rows": checked.ready[:10],
        "fingerprint": form.fingerprint(),
        "notice": notice,
    }
    return render(request, "yourdata/csv_preview.html", context, status=status)


# ---- Delete the account -------------------------------------------------------------------------


@login_required
@password_again
@require_http_methods(["GET", "POST"])
def delete(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            delete_account(request)
            return redirect("yourdata:deleted")
        return render(request, "yourdata/delete.html", {"form": form}, status=422)
    return render(request, "yourdata/delete.html", {"form": form})


@require_safe
def deleted(request):
    if request.user.is_authenticated:
        return redirect("yourdata:index")
    return render(request, "yourdata/deleted.html")
