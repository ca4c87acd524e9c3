"""Applications from another tracker's CSV: a preview first, then all of them or none."""

import datetime
import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.interviews.models import Application
from apps.yourdata.csv_dates import guess_day_first, read_date
from apps.yourdata.csv_import import guess_columns, guess_status
from apps.yourdata.forms import sign_csv
from tests.interviews.factories import make_application

TRACKER = """\
Company,Job Title,Status,Date Applied,URL,Location,Notes
Northwind,Designer,Applied,2026-03-04,northwind.example/jobs/1,London,Keen
Lumen,Researcher,Rejected,04/03/2026,,Leeds,
Copperline,Design lead,Ghosted,4 Mar 2026,https://copperline.example,,
Atlas,Product designer,Offer,"March 4, 2026",,Remote,
Tidewater,Lead designer,Interviewing,13/02/2026,,,
"""


def upload(client, text: str, name: str = "tracker.csv", encoding: str = "utf-8"):
    data = text.encode(encoding)
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(reverse("yourdata:csv_upload"), {"file": file})


def choices(response) -> dict:
    """Every form value on the preview page as the browser would send it back."""
    page = response.text
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = chosen.group(1) if chosen else ""
    for name, value in re.findall(
        r'<input type="radio" name="([^"]+)" value="([^"]*)"[^>]*checked', page
    ):
        data[name] = value
    data.pop("csrfmiddlewaretoken", None)
    return {name: html.unescape(value) for name, value in data.items()}


def preview(client, data: dict, action: str = "preview"):
    return client.post(reverse("yourdata:csv_preview"), {**data, "action": action})


def text(response) -> str:
    return html.unescape(response.text)


# ---- The preview -------------------------------------------------------------------------------


def test_the_preview_guesses_columns_statuses_and_dates_and_writes_nothing(alice_client):
    response = upload(alice_client, TRACKER)
    assert response.status_code == 200
    page = text(response)
    assert "5 applications ready to add." in page
    data = choices(response)
    assert [data[f"column_{i}"] for i in range(7)] == [
        "company",
        "role",
        "status",
        "applied_on",
        "link",
        "location",
        "",
    ]
    assert data["dates"] == "day"  # 13/02/2026 can only be day first
    assert "We guessed from the dates in your file." in page
    assert not Application.objects.exists()


def test_adding_creates_every_application_with_its_fields(alice_client, alice):
    response = upload(alice_client, TRACKER)
    response = preview(alice_client, choices(response), action="add")
    assert response.status_code == 302
    assert response.url == reverse("interviews:applications")
    added = {a.company: a for a in Application.objects.for_user(alice)}
    assert len(added) == 5
    day = datetime.date(2026, 3, 4)
    assert added["Northwind"].applied_on == day
    assert added["Northwind"].link == "https://northwind.example/jobs/1"
    assert added["Northwind"].location == "London"
    assert added["Lumen"].applied_on == day
    assert added["Lumen"].status == "rejected"
    assert added["Copperline"].status == "no_response"
    assert added["Copperline"].applied_on == day
    assert added["Atlas"].status == "offer"
    assert added["Atlas"].applied_on == day
    assert added["Tidewater"].status == "interviewing"
    assert added["Tidewater"].applied_on == datetime.date(2026, 2, 13)
    assert "Added 5 applications." in alice_client.get(response.url).text


def test_month_first_reads_the_other_way(alice_client, alice):
    response = upload(alice_client, "Company,Role,Applied\nLumen,Researcher,04/03/2026\n")
    assert "Every date in your file reads either way" in text(response)
    data = choices(response)
    assert data["dates"] == "day"
    response = preview(alice_client, {**data, "dates": "month"})
    assert "3 Apr 2026" in text(response)
    preview(alice_client, choices(response), action="add")
    assert Application.objects.for_user(alice).get().applied_on == datetime.date(2026, 4, 3)


def test_the_person_can_change_a_column_and_a_status_word(alice_client, alice):
    data = choices(upload(alice_client, "Firm,Job,Where\nNorthwind,Designer,Wishlist\n"))
    assert data["column_0"] == ""  # "Firm" is not a name we know
    data["column_0"] = "company"
    data["column_1"] = "role"
    data["column_2"] = "status"
    response = preview(alice_client, data)
    data = choices(response)
    status_field = next(name for name in data if name.startswith("status_"))
    assert data[status_field] == ""  # "Wishlist" means nothing to us yet
    assert "“Wishlist” isn't a status we know" in text(response)
    data[status_field] = "applied"
    response = preview(alice_client, choices(preview(alice_client, data)), action="add")
    assert response.status_code == 302
    assert Application.objects.for_user(alice).get().status == "applied"


def test_changed_choices_are_shown_before_anything_is_added(alice_client):
    data = choices(upload(alice_client, TRACKER))
    data["column_5"] = ""  # leave out the location, and press Add straight away
    response = preview(alice_client, data, action="add")
    assert response.status_code == 200
    assert "here is the preview again" in text(response)
    assert not Application.objects.exists()


def test_company_and_role_columns_are_needed(alice_client):
    data = choices(upload(alice_client, TRACKER))
    data["column_1"] = ""
    response = preview(alice_client, data, action="add")
    assert response.status_code == 422
    assert "Choose the column that holds the role." in text(response)
    assert not Application.objects.exists()


def test_one_column_per_field(alice_client):
    data = choices(upload(alice_client, TRACKER))
    data["column_6"] = "company"
    response = preview(alice_client, data, action="add")
    assert response.status_code == 422
    assert "Another column already holds the company." in text(response)


# ---- Bad lines ---------------------------------------------------------------------------------

BAD_LINES = """\
Company,Role,Status,Applied,Excitement
Northwind,Designer,Applied,2026-03-04,4
,Researcher,Applied,,
Lumen,Researcher,Applied,next week,
"Copperline
Bank",Lead,Applied,2099-01-01,
Atlas,Designer,Applied,2026-02-30,9
Maple,Writer,Applied,٢٠٢٦-٠٣-٠٤,
"""


def test_bad_lines_are_named_by_line_number_and_nothing_is_half_added(alice_client):
    response = upload(alice_client, BAD_LINES)
    page = text(response)
    assert "1 application ready to add." in page
    assert "5 lines need a look." in page
    assert "Line 3: the company is empty." in page
    assert "Line 4: “next week” isn't a date we can read." in page
    assert "Line 5: “2099-01-01” is still to come." in page  # a cell over two lines starts at 5
    assert "Line 7: “2026-02-30” isn't a date we can read." in page
    assert "Line 7: “9” isn't a number from 1 to 5." in page
    assert "Line 8: “٢٠٢٦-٠٣-٠٤” isn't a date we can read." in page

    response = preview(alice_client, choices(response), action="add")
    assert response.status_code == 422
    assert "Fix them in the file and upload it again, or tick this" in text(response)
    assert not Application.objects.exists()


def test_the_person_can_choose_to_leave_out_the_bad_lines(alice_client, alice):
    data = choices(upload(alice_client, BAD_LINES))
    response = preview(alice_client, {**data, "skip_problems": "on"}, action="add")
    assert response.status_code == 302
    assert list(Application.objects.for_user(alice).values_list("company", flat=True)) == [
        "Northwind"
    ]


def test_applications_already_here_are_left_out(alice_client, alice):
    make_application(
        alice, company="Northwind", role="Designer", applied_on=datetime.date(2026, 3, 4)
    )
    response = upload(alice_client, TRACKER)
    assert "1 matches an application you already have" in text(response)
    preview(alice_client, choices(response), action="add")
    assert Application.objects.for_user(alice).filter(company="Northwind").count() == 1
    assert Application.objects.for_user(alice).count() == 5


# ---- Files ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "This file is empty."),
        ("   \n\n", "This file is empty."),
        ("Company,Role\n", "no applications under it"),
        ("a," * 60 + "\nx\n", "more than 40 columns"),
    ],
)
def test_files_that_cannot_be_read_say_why_beside_the_field(alice_client, content, message):
    response = upload(alice_client, content)
    assert response.status_code == 422
    assert message in text(response)
    assert 'aria-invalid="true"' in response.text


def test_a_huge_file_is_refused(alice_client):
    response = upload(alice_client, "Company,Role\n" + "Northwind,Designer\n" * 60_000)
    assert response.status_code == 422
    assert "larger than 1 MB" in text(response)


def test_a_full_size_file_of_any_script_fits_through_the_preview(alice_client, alice):
    note = "Очень интересная команда, 東京都千代田区の小さなスタジオ"
    rows = "".join(
        f'Дизайн {n} 株式会社,Дизайнер,Applied,2026-03-04,Санкт-Петербург,"{note}"\n'
        for n in range(4000)
    )
    content = "Company,Role,Status,Applied,Location,Notes\n" + rows
    assert 0.5e6 < len(content.encode()) < 1024 * 1024
    response = upload(alice_client, content)
    assert "4000 applications ready to add." in text(response)
    response = preview(alice_client, choices(response), action="add")
    assert response.status_code == 302
    assert Application.objects.for_user(alice).count() == 4000


def test_semicolons_windows_encoding_and_nul_bytes(alice_client, alice):
    content = "Company;Role;Status\nCafé Crème;Designer\x00;Refusé\n"
    data = choices(upload(alice_client, content, encoding="cp1252"))
    status_field = next(name for name in data if name.startswith("status_"))
    data[status_field] = "rejected"
    preview(alice_client, choices(preview(alice_client, data)), action="add")
    application = Application.objects.for_user(alice).get()
    assert application.company == "Café Crème"
    assert application.role == "Designer"
    assert application.status == "rejected"


def test_our_own_csv_comes_back_without_the_formula_guard(alice_client, alice):
    content = (
        "\ufeffRebound id,Company,Role,Status,Applied on,Where you found it\n"
        "1,'=Northwind,Designer,Not selected,2026-03-04,A referral\n"
    )
    data = choices(upload(alice_client, content))
    assert data["column_0"] == ""
    assert data["column_5"] == "source"
    preview(alice_client, data, action="add")
    application = Application.objects.for_user(alice).get()
    assert application.company == "=Northwind"
    assert application.status == "rejected"
    assert application.source == "A referral"


def test_a_tampered_or_other_persons_preview_is_refused(alice_client, alice, bob):
    data = choices(upload(alice_client, TRACKER))
    for forged in (data["csv"][:-3] + "abc", sign_csv(TRACKER, bob)):
        response = preview(alice_client, {**data, "csv": forged}, action="add")
        assert response.status_code == 302
        assert response.url == reverse("yourdata:csv_upload")
    assert not Application.objects.exists()


# ---- The guesses ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "day_first", "expected"),
    [
        ("2026-03-04", True, (2026, 3, 4)),
        ("2026-03-04T10:15:00Z", True, (2026, 3, 4)),
        ("2026/3/4", False, (2026, 3, 4)),
        ("04/03/2026", True, (2026, 3, 4)),
        ("04/03/2026", False, (2026, 4, 3)),
        ("4.3.26", True, (2026, 3, 4)),
        ("4 Mar 2026", True, (2026, 3, 4)),
        ("4th March 2026", False, (2026, 3, 4)),
        ("04-Mar-2026", True, (2026, 3, 4)),
        ("March 4, 2026", True, (2026, 3, 4)),
        ("Sept 4 2026", True, (2026, 9, 4)),
        ("Wed, 4 Mar 2026 09:30", True, (2026, 3, 4)),
        ("3/4/2026 2:30 PM", False, (2026, 3, 4)),
    ],
)
def test_dates_in_common_forms(written, day_first, expected):
    assert read_date(written, day_first) == datetime.date(*expected)


@pytest.mark.parametrize(
    "written", ["", "soon", "31/31/2026", "Smarch 4, 2026", "2026-13-01", "٤/٣/٢٠٢٦"]
)
def test_what_is_not_a_date(written):
    assert read_date(written, True) is None


def test_guessing_which_way_round():
    assert guess_day_first(["01/02/2026", "13/02/2026"]) is True
    assert guess_day_first(["02/13/2026"]) is False
    assert guess_day_first(["01/02/2026"]) is None
    assert guess_day_first(["13/02/2026", "02/13/2026"]) is None


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Rejected", "rejected"),
        ("Declined", "rejected"),
        ("NOT SELECTED", "rejected"),
        ("Ghosted", "no_response"),
        ("Offer", "offer"),
        ("Interviewing", "interviewing"),
        ("Phone screen", "interviewing"),
        ("Applied", "applied"),
        ("Withdrew", "withdrawn"),
        ("Wishlist", ""),
    ],
)
def test_status_words(word, status):
    assert guess_status(word) == status


def test_header_guesses_take_each_field_once():
    assert guess_columns(["Company Name", "Position", "Date", "Date Applied", "Link"]) == [
        "company",
        "role",
        "applied_on",
        "",
        "link",
    ]


@pytest.mark.django_db
def test_csv_import_needs_a_login(client):
    assert client.get(reverse("yourdata:csv_upload")).url.startswith(reverse("account_login"))
    assert client.post(reverse("yourdata:csv_preview")).url.startswith(reverse("account_login"))


def test_a_line_with_too_many_values_or_an_unmapped_word_can_be_left_out(alice_client, alice):
    content = (
        "Company,Role,Status,Applied\n"
        "Lumen,Researcher,Applied,2026-03-04\n"
        "too,many,columns,here,x,y\n"
        "Quill,Editor,Applied,0001-01-01\n"
    )
    response = upload(alice_client, content)
    page = text(response)
    assert "Line 3: it has 6 values where the header names 4" in page
    assert "Line 4: “0001-01-01” is long ago. Check the year." in page
    data = choices(response)
    data["skip_problems"] = "on"
    added = preview(alice_client, data, action="add")
    assert added.status_code == 302
    assert list(Application.objects.for_user(alice).values_list("company", flat=True)) == ["Lumen"]
