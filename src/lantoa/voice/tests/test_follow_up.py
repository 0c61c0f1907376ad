"""What the holder of a receipt sees: the text they sent, the deadline dates on the local calendar, the
acknowledgement as a QR card; the API gives the phone the same, with the local day the report was received."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from lantoa.voice.models import Report

API = "/api/v1/voice"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def send(client, enterprise, text="Ca đêm không có nước uống."):
    body = {"category": "an-toan-lao-dong", "text": text, "enterprise": enterprise.public_code}
    return client.post(f"{API}/reports", body, content_type="application/json").json()["receipt"]


@pytest.mark.parametrize("local_time", ["00:30", "06:30"])
def test_lookup_gives_the_text_and_the_local_days_at_night(client, enterprise_a, grassroots_union, local_time):
    hour, minute = map(int, local_time.split(":"))
    with time_machine.travel(dt.datetime(2026, 12, 2, hour, minute, tzinfo=HCM), tick=False):
        receipt = send(client, enterprise_a)
        read = client.post(f"{API}/reports/lookup", {"receipt": receipt}, content_type="application/json").json()
    report = Report.objects.get()
    assert read["received_on"] == "2026-12-02"
    assert read["text"] == "Ca đêm không có nước uống."
    assert read["reply_due_on"] == report.first_reply_due_at.astimezone(HCM).date().isoformat()
    assert read["resolve_due_on"] == report.resolve_due_at.astimezone(HCM).date().isoformat()


def test_the_case_page_shows_the_text_sent_the_deadline_and_the_acknowledgement_qr(
    client, enterprise_a, grassroots_union
):
    receipt = send(client, enterprise_a, text="Xưởng 3 nóng quá 40 độ.")
    html = client.post("/voice/follow/", {"receipt": receipt}).content.decode()
    report = Report.objects.get()
    reply_due = report.first_reply_due_at.astimezone(HCM).strftime("%d/%m/%Y")
    assert "Xưởng 3 nóng quá 40 độ." in html.split('id="case-text"')[1]
    assert f"Hạn trả lời: {reply_due}" in html
    assert f"chậm nhất ngày {reply_due}" in html
    assert "trong hạn của loại phản ánh này" not in html
    card = html.split('id="ack-card"')[1]
    assert "<svg" in card and "In giấy xác nhận" in card
    assert receipt not in card  # the acknowledgement card names no receipt: it may be shown to others


def test_the_receipt_page_prints_the_receipt_and_the_acknowledgement_cards(client, enterprise_a, grassroots_union):
    form = client.get("/voice/")
    key = form.context["form"].initial["idempotency_key"]
    html = client.post(
        "/voice/",
        {"category": "an-toan-lao-dong", "text": "Máy dập không có che chắn.", "understood": "on",
         "enterprise": enterprise_a.public_code, "idempotency_key": key},
    ).content.decode()  # fmt: skip
    assert html.count("print-card") == 2
    assert 'id="ack-card"' in html
