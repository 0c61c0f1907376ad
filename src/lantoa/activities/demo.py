"""Demo grassroots activities for the demo province's enterprises (all marked as demo data).

Runs after `orgs.demo` (INSTALLED_APPS order) and builds everything through the services.
Idempotent: a second run finds the demo events and adds nothing.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from lantoa.activities.models import Event, Propagandist
from lantoa.activities.selectors.dialogues import worker_representatives_minimum
from lantoa.activities.services import checkin as checkin_services
from lantoa.activities.services import dialogues, emulation, events, force, welfare
from lantoa.orgs.models import Enterprise, OrgUnit, Person

SONG_HAU, PHUOC_AN, MY_THOI, THANH_PHU, KIEN_TAM, NUI_CAM = (
    "1601000101",
    "1601000102",
    "1601000103",
    "1601000104",
    "1701000105",
    "1601000106",
)
DAO_NGOC, RACH_GIA_XD, HOA_DIEN, TRI_TON = "1701000108", "1701000110", "1701000111", "1601000112"

# tax code, kind, title, days ago, shift, hand count, materials (pano, áp phích, loa, tờ rơi)
HELD_EVENTS = (
    (
        SONG_HAU,
        "talk",
        "Nói chuyện chuyên đề: Hợp đồng lao động và tiền lương 2026",
        40,
        "between",
        180,
        (1, 4, 6, 500),
    ),
    (SONG_HAU, "culture_sport", "Giải bóng chuyền công nhân chào mừng 1/5", 200, "after_work", 350, (2, 0, 3, 0)),
    (PHUOC_AN, "performance", "Sân khấu hóa: Quyền của lao động nữ", 25, "between", 620, (1, 6, 4, 1200)),
    (PHUOC_AN, "contest", "Hội thi tìm hiểu Bộ luật Lao động", 75, "after_work", 240, (1, 2, 2, 300)),
    (MY_THOI, "conference", "Hội nghị người lao động năm 2026", 110, "between", 420, (1, 0, 0, 0)),
    (THANH_PHU, "union_meeting", "Sinh hoạt công đoàn: An toàn lao động mùa mưa", 15, "afternoon", 160, (0, 3, 8, 200)),
    (KIEN_TAM, "talk", "Tuyên truyền bảo hiểm xã hội theo Luật 41/2024/QH15", 55, "night", 130, (0, 2, 5, 400)),
    (HOA_DIEN, "visual", "Tuyên truyền trực quan Chỉ thị 58-CT/TW tại cổng nhà máy", 30, "all", 0, (4, 20, 30, 3000)),
    (TRI_TON, "culture_sport", "Đêm văn nghệ công nhân cụm Tri Tôn", 90, "weekend", 280, (1, 1, 2, 0)),
)
PLANNED_EVENTS = (
    (SONG_HAU, "talk", "Hỏi đáp pháp luật về thời giờ làm thêm", 7, "between", 200),
    (NUI_CAM, "conference", "Đối thoại chính sách với công nhân gạch men", 12, "after_work", 150),
)
# tax code, days ago, kind, agenda, issues, agreements, case refs, commitments: (text, side, owner, due in days, closed)
DIALOGUES = (
    (SONG_HAU, 45, "periodic", "Tiền ăn giữa ca, nhà xe, bố trí ca đêm cho lao động nữ có con nhỏ",
     "Suất ăn giữa ca 18.000 đ chưa đủ chất; nhà xe thiếu mái che; lao động nữ nuôi con nhỏ xin không làm ca đêm.",
     "Tăng suất ăn lên 22.000 đ từ tháng sau; làm mái che nhà xe trong quý; ưu tiên ca ngày cho lao động nữ nuôi con dưới 12 tháng.",
     "PA-2026-0007",
     (("Tăng suất ăn giữa ca lên 22.000 đ", "employer", "Huỳnh Quốc Bảo", -15, True),
      ("Làm mái che nhà xe khu B", "employer", "Phòng Hành chính", 20, False),
      ("Lập danh sách lao động nữ nuôi con dưới 12 tháng", "union", "Võ Thị Mỹ Linh", -5, False))),
    (PHUOC_AN, 120, "periodic", "Kế hoạch sản xuất cuối năm, làm thêm giờ, thưởng Tết",
     "Làm thêm giờ nhiều vào tháng 11–12; hỏi mức thưởng Tết.",
     "Làm thêm không quá 40 giờ/tháng; công bố quy chế thưởng Tết trước 15/12.", "",
     (("Công bố quy chế thưởng Tết", "employer", "Phòng Nhân sự", 60, False),)),
    (MY_THOI, 200, "on_request", "Điều chỉnh định mức lao động chuyền may", "Định mức mới cao, công nhân không kịp.",
     "Thử định mức mới 1 tháng rồi đánh giá lại với công đoàn.", "PA-2026-0003, PA-2026-0004",
     (("Đánh giá lại định mức sau 1 tháng thử", "both", "Tổ đối thoại", -150, True),)),
    (THANH_PHU, 300, "periodic", "Điều kiện làm việc mùa thu hoạch", "Nóng, bụi ở khu xay xát.", "Lắp thêm quạt hút bụi.", "", ()),
    (KIEN_TAM, 420, "periodic", "Tiền lương năm 2025", "", "Giữ nguyên thang lương.", "", ()),
    (NUI_CAM, 500, "periodic", "An toàn lao động khu lò nung", "", "", "", ()),
)  # fmt: skip
# tax code, signed days ago, term in years
AGREEMENTS = ((SONG_HAU, 660, 2), (PHUOC_AN, 400, 3), (MY_THOI, 1030, 3), (HOA_DIEN, 300, 1))
# tax code, meal per shift, dormitory places, rent workers, rent per month, culture and sport funding
WELFARE = (
    (SONG_HAU, 22_000, 0, 310, 300_000, 85_000_000),
    (PHUOC_AN, 25_000, 400, 600, 400_000, 240_000_000),
    (MY_THOI, 20_000, 0, 120, 250_000, 40_000_000),
    (THANH_PHU, 18_000, 60, 0, 0, 15_000_000),
    (HOA_DIEN, 23_000, 300, 340, 350_000, 120_000_000),
)
FORCE = (
    # phone (for people who have a demo login) or "", name, unit code, kind
    ("0900000010", "Châu Thị Diễm", "LDLD", "reporter"),
    ("0900000005", "Võ Thị Mỹ Linh", f"CDCS-{SONG_HAU}", "cadre"),
    ("", "Lâm Văn Thắng", f"CDCS-{SONG_HAU}", "core_worker"),
    ("", "Nguyễn Thị Bích Tuyền", f"CDCS-{SONG_HAU}", "propagandist"),
    ("", "Trương Minh Khoa", f"CDCS-{PHUOC_AN}", "propagandist"),
    ("", "Đỗ Thị Hồng Nhung", f"CDCS-{PHUOC_AN}", "core_worker"),
    ("", "Phan Thanh Hải", f"CDCS-{MY_THOI}", "collaborator"),
    ("", "Kha Thị Sóc Pha", f"CDCS-{TRI_TON}", "core_worker"),
)


def _enterprises() -> dict[str, Enterprise]:
    return {e.tax_code: e for e in Enterprise.objects.select_related("unit").filter(unit__is_demo=True)}


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def _force(today: dt.date) -> list[Propagandist]:
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=[code for _p, _n, code, _k in FORCE])}
    members = []
    for phone, name, code, kind in FORCE:
        person = Person.objects.filter(phone=phone).first() if phone else None
        members.append(
            force.propagandist_add(
                unit=units[code], kind=kind, joined_on=today - dt.timedelta(days=400), person=person,
                full_name=name, is_demo=True,
            )
        )  # fmt: skip
    federation = units["LDLD"]
    digital = force.training_create(
        unit=federation, title="Kỹ năng tuyên truyền trên mạng xã hội cho tuyên truyền viên công đoàn",
        held_on=today - dt.timedelta(days=60), hours=8, is_digital_skills=True, is_demo=True,
    )  # fmt: skip
    law = force.training_create(
        unit=federation, title="Bồi dưỡng báo cáo viên: Luật Công đoàn 2024 và Bộ luật Lao động",
        held_on=today - dt.timedelta(days=150), hours=16, is_demo=True,
    )  # fmt: skip
    for number, member in enumerate(members, start=1):
        force.training_result_record(training=law, member=member, certificate_number=f"LĐLĐ-BD-{number:03d}")
        if number % 2:
            force.training_result_record(training=digital, member=member, certificate_number=f"LĐLĐ-KNS-{number:03d}")
    force.reward_give(
        unit=federation, member=members[1], title="Giấy khen Ban Thường vụ LĐLĐ tỉnh", decision_number="125/QĐ-LĐLĐ",
        awarded_on=today - dt.timedelta(days=20), amount_vnd=1_000_000, points=20, is_demo=True,
    )  # fmt: skip
    return members


def _events(by_tax: dict[str, Enterprise], members: list[Propagandist], today: dt.date) -> int:
    presenters = {SONG_HAU: members[1:4], PHUOC_AN: members[4:6], MY_THOI: members[6:7], TRI_TON: members[7:8]}
    count = 0
    for tax, kind, title, days_ago, shift, hand, materials in HELD_EVENTS:
        enterprise = by_tax[tax]
        events.event_create(
            unit=enterprise.unit, enterprise=enterprise, kind=kind, title=title,
            starts_at=_at(today - dt.timedelta(days=days_ago), 11), shift=shift, venue="Nhà ăn công nhân",
            planned_attendance=hand + 20, presenters=presenters.get(tax, members[:1]), held=True,
            unscanned_attendance=hand, result_note="Công nhân đặt nhiều câu hỏi; đã giải đáp tại chỗ.",
            materials=dict(zip(events.MATERIAL_FIELDS, materials, strict=True)), is_demo=True,
        )  # fmt: skip
        count += 1
    for tax, kind, title, days_ahead, shift, planned in PLANNED_EVENTS:
        enterprise = by_tax[tax]
        events.event_create(
            unit=enterprise.unit, enterprise=enterprise, kind=kind, title=title,
            starts_at=_at(today + dt.timedelta(days=days_ahead), 11), shift=shift, planned_attendance=planned,
            is_demo=True,
        )  # fmt: skip
        count += 1
    # Today's talk, open for QR check-in: three phones already scanned.
    now = timezone.now()
    live = events.event_create(
        unit=by_tax[SONG_HAU].unit, enterprise=by_tax[SONG_HAU], kind="talk", starts_at=now - dt.timedelta(minutes=20),
        title="Giờ nghỉ giữa ca: 10 phút hỏi đáp về phép năm", shift="between", planned_attendance=120, is_demo=True,
    )  # fmt: skip
    code = checkin_services.checkin_code(event=live)
    for number in range(3):
        checkin_services.checkin_record(event=live, code=code, device_token=f"demo-device-{number}")
    return count + 1


def _dialogues(by_tax: dict[str, Enterprise], today: dt.date) -> int:
    for tax, days_ago, kind, agenda, issues, agreed, refs, commitments in DIALOGUES:
        enterprise = by_tax[tax]
        held_on = today - dt.timedelta(days=days_ago)
        dialogue = dialogues.dialogue_record(
            enterprise=enterprise, kind=kind, held_on=held_on, agenda=agenda, issues_raised=issues, agreements=agreed,
            employer_participants="Giám đốc, Trưởng phòng Nhân sự, Quản đốc xưởng",
            worker_participants="Ban Chấp hành công đoàn cơ sở và đại diện các tổ sản xuất",
            worker_representative_count=worker_representatives_minimum(enterprise.worker_count), voice_case_refs=refs, is_demo=True,
        )  # fmt: skip
        for text, side, owner, due_in, closed in commitments:
            due_on = max(held_on, today + dt.timedelta(days=due_in))
            commitment = dialogues.commitment_add(
                dialogue=dialogue, description=text, owner_side=side, owner_name=owner, due_on=due_on
            )
            if closed:
                dialogues.commitment_close(commitment=commitment, closing_note="Đã thực hiện xong.", closed_on=due_on)
    for tax, signed_days_ago, years in AGREEMENTS:
        signed_on = today - dt.timedelta(days=signed_days_ago)
        dialogues.agreement_record(
            enterprise=by_tax[tax], signed_on=signed_on, effective_on=signed_on,
            expires_on=signed_on.replace(year=signed_on.year + years) - dt.timedelta(days=1),
            summary="Thưởng Tết tối thiểu một tháng lương; hỗ trợ 500.000 đ khi công nhân sinh con.", is_demo=True,
        )  # fmt: skip
    return len(DIALOGUES)


def _emulation(by_tax: dict[str, Enterprise], today: dt.date) -> None:
    union = OrgUnit.objects.get(code=f"CDCS-{SONG_HAU}")
    for name, role, title, approved in (
        ("Lâm Văn Thắng", "Tổ trưởng tổ fillet", "good_worker", True),
        ("Nguyễn Thị Bích Tuyền", "Công nhân tổ đóng gói", "creative_worker", None),
    ):
        nomination = emulation.nomination_propose(
            unit=union, nominee_name=name, nominee_role=role, title=title, year=today.year, is_demo=True,
            achievements="Hoàn thành vượt định mức 12 tháng liền; hướng dẫn 8 công nhân mới.",
        )  # fmt: skip
        if approved:
            emulation.nomination_decide(nomination=nomination, approved=True, decided_on=today - dt.timedelta(days=10))
    initiative = emulation.initiative_submit(
        enterprise=by_tax[SONG_HAU], title="Khay inox chia ngăn giúp fillet cá nhanh hơn", authors="Lâm Văn Thắng",
        description="Khay chia ngăn theo cỡ cá giúp giảm thao tác xếp lại; mỗi ca tăng 6% sản lượng.",
        submitted_on=today - dt.timedelta(days=70), benefit_vnd=180_000_000, is_demo=True,
    )  # fmt: skip
    emulation.initiative_evaluate(
        initiative=initiative, accepted=True, score=86, evaluation_note="Dễ áp dụng cho các xưởng khác.",
        evaluated_on=today - dt.timedelta(days=30),
    )  # fmt: skip
    emulation.initiative_submit(
        enterprise=by_tax[PHUOC_AN], title="Đồ gá dán đế giày một lần", authors="Trương Minh Khoa, Đỗ Thị Hồng Nhung",
        description="Đồ gá giữ đế cố định khi dán, giảm lỗi lệch đế.", submitted_on=today - dt.timedelta(days=12),
        benefit_vnd=60_000_000, is_demo=True,
    )  # fmt: skip
    emulation.good_model_save(
        unit=union, title="Mười phút pháp luật giờ nghỉ giữa ca",
        summary="Mỗi thứ Tư, tuyên truyền viên công đoàn dành 10 phút giờ nghỉ giữa ca giải đáp một câu hỏi pháp luật.",
        story=(
            "Công nhân ca đêm ít khi dự được hội nghị. Công đoàn cơ sở chọn một câu hỏi công nhân gửi trong tuần, "
            "tuyên truyền viên trả lời ngắn tại nhà ăn, kèm mã QR để đọc thêm.\n\n"
            "Sau sáu tháng, số câu hỏi gửi về tăng gấp ba; nhiều vướng mắc về phép năm, làm thêm giờ được giải quyết ngay."
        ),
        how_to_replicate=(
            "1. Chọn giờ nghỉ giữa ca đông người nhất.\n2. Mỗi tuần một câu hỏi, trả lời không quá 10 phút.\n"
            "3. Điểm danh bằng mã QR để đếm người dự, không cần ghi tên."
        ),
        publish=True, is_demo=True,
    )  # fmt: skip
    emulation.good_model_save(
        unit=OrgUnit.objects.get(code=f"CDCS-{PHUOC_AN}"), title="Tổ tự quản nhà trọ công nhân",
        summary="Công nhân thuê trọ gần khu công nghiệp lập tổ tự quản, chủ trọ cam kết giá điện nước theo quy định.",
        story="Tổ tự quản gồm đại diện công nhân, chủ trọ và công an khu vực; họp mỗi tháng một lần.",
        how_to_replicate="Công đoàn cơ sở lập danh sách khu trọ đông công nhân và mời chủ trọ ký cam kết.",
        publish=True, is_demo=True,
    )  # fmt: skip


def _welfare(by_tax: dict[str, Enterprise], today: dt.date) -> None:
    start = dt.date(today.year, 1, 1)
    end = dt.date(today.year, 6, 30) if today.month > 6 else today
    for tax, meal, dormitory, rent_workers, rent, culture in WELFARE:
        welfare.welfare_record(
            enterprise=by_tax[tax], period_start=start, period_end=end, meal_allowance_per_shift_vnd=meal,
            dormitory_places=dormitory, rent_support_workers=rent_workers, rent_support_per_month_vnd=rent,
            culture_sport_funding_vnd=culture, is_demo=True,
        )  # fmt: skip


@transaction.atomic
def load(*, logins: list[tuple[str, str, str]]) -> str:
    if Event.objects.filter(is_demo=True).exists():
        return "demo activities already loaded"
    today = timezone.localdate()
    by_tax = _enterprises()
    members = _force(today)
    event_count = _events(by_tax, members, today)
    dialogue_count = _dialogues(by_tax, today)
    _emulation(by_tax, today)
    _welfare(by_tax, today)
    return (
        f"{event_count} events, {dialogue_count} dialogues, {len(members)} propagandists, "
        f"{len(AGREEMENTS)} agreements, {len(WELFARE)} welfare records (demo data)"
    )
