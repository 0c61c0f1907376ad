"""Grasping what workers think and answering rumours: a propagandist records notes and sees the roll-up (a figure
only once five reporters stand behind it); a worker asks about a rumour with a picture and later reads the official
answer with the receipt; the officer who published it raises a recommendation that the commune answers."""

import datetime as dt

from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from lantoa.legal.tests.factories import import_library
from lantoa.opinion.models import Claim, Recommendation, ThoughtNote, Topic
from lantoa.opinion.services import notes as note_services
from lantoa.orgs.models import Role

from .pages.a11y import serious_violations
from .pages.office import OfficePages
from .pages.opinion import DeskPages, NotePages, WorkerClaimPages


def test_a_propagandist_records_a_note_and_sees_the_rollup_once_five_stand_behind_it(page, enterprise_a, make_official):
    topic = Topic.objects.get(name="Rút BHXH một lần")
    monday = timezone.localdate() - dt.timedelta(days=timezone.localdate().weekday())
    start, end = monday.strftime("%d/%m/%Y"), (monday + dt.timedelta(days=6)).strftime("%d/%m/%Y")
    for number in range(4):
        colleague = make_official(unit=enterprise_a.unit, role=Role.PROPAGANDIST, name=f"Tuyên truyền viên {number}")
        note_services.note_record(
            user=colleague,
            enterprise=enterprise_a,
            period_start=monday,
            period_end=monday + dt.timedelta(days=6),
            topics=[topic],
            mood=3,
            concerned=10,
        )
    propagandist = make_official(unit=enterprise_a.unit, role=Role.PROPAGANDIST, name="Tuyên truyền viên tổ may")
    office = OfficePages(page)
    office.login(propagandist.username, "mat-khau-thu")
    notes = NotePages(page)
    notes.rollup(start=start, end=end)
    expect(page.locator("main")).to_contain_text("1 nhóm chưa hiện vì có dưới 5 doanh nghiệp hoặc người ghi nhận.")

    notes.record(
        enterprise=str(enterprise_a),
        start=start,
        end=end,
        topic="Rút BHXH một lần",
        mood="Lo lắng",
        concerned=30,
        quotes="Chị tổ trưởng 0912 345 678 nói nghỉ việc rút BHXH luôn cho chắc",
    )
    note = ThoughtNote.objects.get(reporter=propagandist)
    assert "0912" not in note.quotes and "[đã xoá số điện thoại]" in note.quotes
    notes.rollup(start=start, end=end)
    row = page.locator("tbody tr", has_text="Rút BHXH một lần")
    expect(row).to_contain_text("5")
    notes.rollup(start=start, end=end, measure="Số người quan tâm")
    expect(page.locator("tbody tr", has_text="Rút BHXH một lần")).to_contain_text("70")  # 4 × 10 + 30 concerned
    assert serious_violations(page) == []


def test_a_worker_asks_reads_the_answer_by_receipt_and_the_commune_answers_the_recommendation(
    page, enterprise_a, province_monitor, commune_officer, tmp_path
):
    import_library()
    picture = tmp_path / "tin-zalo.jpg"
    Image.new("RGB", (320, 240), (30, 120, 200)).save(picture, exif=Image.Exif().tobytes())
    worker = WorkerClaimPages(page)
    page.goto(f"{page.base_url}/e/{enterprise_a.public_code}")
    page.goto(f"{page.base_url}/hoi-tin-don/")
    assert serious_violations(page) == []
    receipt = worker.ask("Nghe nói từ năm 2026 không được rút BHXH một lần nữa", photo=picture)
    claim = Claim.objects.get()
    assert claim.enterprise == enterprise_a and claim.photo_enc is not None
    worker.follow(receipt)
    expect(page.locator("main")).to_contain_text("Đang chờ cơ quan có thẩm quyền trả lời")

    office = OfficePages(page)
    office.login(province_monitor.username, "mat-khau-thu")
    page.goto(f"{page.base_url}/office/kiem-chung/{claim.group_id}/")
    expect(page.get_by_role("link", name="Xem ảnh người hỏi gửi")).to_be_visible()
    desk = DeskPages(page)
    desk.publish_first_waiting(
        claim="Từ năm 2026 không ai được rút BHXH một lần nữa",
        verdict="Đúng một phần",
        truth="Người đóng BHXH trước 01/7/2025 vẫn được rút một lần khi đủ điều kiện.",
        citation="41/2024/QH15 Điều 1",
    )
    expect(page.locator("#forward-text")).to_contain_text("THÔNG TIN CHÍNH THỨC – ĐÚNG MỘT PHẦN")
    # On a phone the desk's tables scroll inside the page; the page itself never scrolls sideways.
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{page.base_url}/office/kiem-chung/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    due = (timezone.localdate() + dt.timedelta(days=15)).strftime("%d/%m/%Y")
    desk.raise_recommendation(
        source="Ghi nhận tình hình tư tưởng",
        note="Tin đồn về rút BHXH một lần ở Công ty A",
        text="Đề nghị xã phối hợp BHXH tổ chức đối thoại chính sách rút BHXH một lần cho công nhân.",
        addressee="Xã Bình Hòa",
        due=due,
    )
    expect(page.locator("main")).to_contain_text("Đề nghị xã phối hợp BHXH")
    office.logout()

    page.goto(f"{page.base_url}/e/{enterprise_a.public_code}")
    worker.follow(receipt)
    expect(page.locator("main")).to_contain_text("Đã có thông tin chính thức")
    expect(page.locator("main")).to_contain_text("Đúng một phần")
    expect(page.locator("main")).to_contain_text("vẫn được rút một lần khi đủ điều kiện")

    office.login(commune_officer.username, "mat-khau-thu")
    desk.answer_first("Xã đã lên lịch đối thoại chính sách ngày 20 tại nhà văn hóa.")
    expect(page.locator("main")).to_contain_text("Xã Bình Hòa")
    expect(page.locator("main")).to_contain_text("Xã đã lên lịch đối thoại chính sách")
    recommendation = Recommendation.objects.get()
    assert recommendation.answered_by == commune_officer and recommendation.answered_on == timezone.localdate()
