"""Demo rumour desk, notes and recommendations, written through the services like real use."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from lantoa.legal.services.handbook import provision_resolve
from lantoa.opinion.models import ClaimGroup, Clarification, Recommendation, Topic
from lantoa.opinion.services import claims as claim_services
from lantoa.opinion.services import notes as note_services
from lantoa.opinion.services import recommendations as rec_services
from lantoa.orgs import access
from lantoa.orgs import demo as org_demo
from lantoa.orgs import services as org_services
from lantoa.orgs.models import Enterprise, Role, User
from lantoa.voice.services import reports as report_services

V = Clarification.Verdict
# (what workers said, wording published, verdict, truth, [(document, article)], hours until the answer)
RUMOURS = (
    (
        ["Nghe nói từ năm 2026 không được rút BHXH một lần nữa", "tu nam 2026 khong duoc rut bhxh mot lan nua ha"],
        "Từ năm 2026 không ai được rút BHXH một lần nữa",
        V.PARTLY,
        "Người đã đóng BHXH trước ngày 01/7/2025 vẫn được rút một lần nếu nghỉ việc đủ 12 tháng, không đóng tiếp và "
        "chưa đủ 20 năm đóng. Người bắt đầu đóng từ 01/7/2025 chỉ được rút trong một số trường hợp như đủ tuổi hưu "
        "mà chưa đủ 15 năm, ra nước ngoài định cư, mắc bệnh hiểm nghèo. Nên cân nhắc: giữ thời gian đóng để có lương hưu.",
        [("41/2024/QH15", "Điều 70")],
        30,
    ),
    (
        ["Lương tối thiểu vùng năm 2026 vẫn giữ như cũ, không tăng", "luong toi thieu vung 2026 khong tang"],
        "Lương tối thiểu vùng năm 2026 không tăng",
        V.FALSE,
        "Có tăng. Từ 01/01/2026 lương tối thiểu tháng là 5.310.000 đ (vùng I), 4.730.000 đ (vùng II), 4.140.000 đ "
        "(vùng III), 3.700.000 đ (vùng IV), cao hơn năm 2025 (vùng I khi đó là 4.960.000 đ). Doanh nghiệp áp dụng theo "
        "địa bàn nơi hoạt động.",
        [("293/2025/NĐ-CP", "Điều 3"), ("293/2025/NĐ-CP", "Điều 4")],
        18,
    ),
    (
        ["Công ty nói thưởng Tết là bắt buộc phải bằng một tháng lương"],
        "Thưởng Tết bắt buộc bằng một tháng lương",
        V.FALSE,
        "Pháp luật không bắt buộc mức thưởng Tết. Thưởng căn cứ kết quả sản xuất, kinh doanh và mức độ hoàn thành công "
        "việc, theo quy chế thưởng doanh nghiệp công bố công khai sau khi tham khảo ý kiến công đoàn cơ sở.",
        [("45/2019/QH14", "Điều 104")],
        52,
    ),
    (
        ["Làm thêm giờ ngày thường chỉ được trả 120% lương", "lam them ngay thuong chi tra 120%"],
        "Làm thêm giờ ngày thường chỉ được trả 120% lương",
        V.FALSE,
        "Làm thêm ngày thường được trả ít nhất 150%, ngày nghỉ hằng tuần ít nhất 200%, ngày lễ, tết ít nhất 300% "
        "(chưa kể tiền lương ngày lễ, tết có hưởng lương).",
        [("45/2019/QH14", "Điều 98")],
        8,
    ),
    (
        ["Công ty được bắt làm thêm bao nhiêu giờ cũng được miễn trả lương"],
        "Công ty được bắt làm thêm không giới hạn",
        V.FALSE,
        "Làm thêm phải được người lao động đồng ý, không quá 40 giờ trong một tháng và không quá 200 giờ trong một năm "
        "(một số ngành được đến 300 giờ).",
        [("45/2019/QH14", "Điều 107")],
        72,
    ),
    (
        ["Tết Âm lịch năm nay công nhân được nghỉ 5 ngày hưởng nguyên lương"],
        "Tết Âm lịch được nghỉ 5 ngày hưởng nguyên lương",
        V.TRUE,
        "Đúng. Người lao động được nghỉ Tết Âm lịch 05 ngày, hưởng nguyên lương; nếu trùng ngày nghỉ hằng tuần thì "
        "được nghỉ bù vào ngày làm việc kế tiếp.",
        [("45/2019/QH14", "Điều 112"), ("45/2019/QH14", "Điều 111")],
        5,
    ),
)
# The thought-note topics each published wording belongs to: propagandists whose notes mention one see it to spread.
TOPICS_OF = {
    "Từ năm 2026 không ai được rút BHXH một lần nữa": ("Rút BHXH một lần",),
    "Lương tối thiểu vùng năm 2026 không tăng": ("Tiền lương và thưởng Tết",),
    "Thưởng Tết bắt buộc bằng một tháng lương": ("Tiền lương và thưởng Tết",),
    "Làm thêm giờ ngày thường chỉ được trả 120% lương": ("Làm thêm giờ",),
    "Công ty được bắt làm thêm không giới hạn": ("Làm thêm giờ",),
    "Tết Âm lịch được nghỉ 5 ngày hưởng nguyên lương": ("Tiền lương và thưởng Tết", "Tin đồn"),
}
# What a propagandist hears at the workplace about each topic (never a name or anything that identifies): a note
# quotes one line per topic it names.
QUOTES_OF = {
    "Tiền lương và thưởng Tết": "“Năm nay không biết thưởng Tết được mấy tháng, chưa thấy công ty thông báo.”",
    "Làm thêm giờ": "“Tháng này tăng ca gần hết các ngày, mệt nhưng có thêm tiền gửi về quê.”",
    "Mất việc và đơn hàng": "“Nghe nói sau Tết công ty giảm đơn hàng, anh em lo lắm.”",
    "Rút BHXH một lần": "“Nghỉ việc rồi rút BHXH một lần cho chắc, để lâu sợ luật đổi.”",
    "Nhà ở và giá cả": "“Phòng trọ lại tăng giá, lương tăng không kịp tiền nhà, tiền điện.”",
    "An toàn lao động": "“Khu lò nóng quá, quạt hư mấy hôm rồi chưa sửa.”",
    "Tin đồn": "“Trên Zalo có người nói luật mới bắt làm đủ 8 tiếng thứ bảy, không biết thật không.”",
    "Bữa ăn ca": "“Suất ăn ca dạo này ít thịt, ăn không đủ no để làm ca đêm.”",
    "Quan hệ với quản lý": "“Tổ trưởng mới nói chuyện nặng lời, chị em ngại góp ý.”",
}
WAITING = (
    "Nghe nói công ty sắp cắt giảm một nửa công nhân sau Tết",
    "Có người nói nghỉ việc thì mất hết tiền BHXH đã đóng",
)


def _holder(role: str) -> User | None:
    return (
        User.objects.filter(person__memberships__role=role, person__memberships__ended_on__isnull=True)
        .order_by("pk")
        .first()
    )


def _clarifications(publisher: User) -> int:
    published = 0
    for said, claim, verdict, truth, refs, hours in RUMOURS:
        try:
            provisions = [provision_resolve(doc_number=number, article=article) for number, article in refs]
        except ValidationError:
            continue  # the library is not loaded: the desk still shows the claims waiting
        # The wordings of one rumour fall into one group, which the clarification answers.
        group = [claim_services.claim_submit(text=text, is_demo=True).claim.group for text in said][-1]
        ClaimGroup.objects.filter(pk=group.pk).update(first_claim_at=timezone.now() - dt.timedelta(hours=hours))
        group.refresh_from_db()
        claim_services.clarification_publish(
            user=publisher,
            group=group,
            claim=claim,
            verdict=verdict,
            truth=truth,
            provisions=provisions,
            topics=list(Topic.objects.filter(name__in=TOPICS_OF.get(claim, ()))),
            is_demo=True,
        )
        published += 1
    for text in WAITING:
        claim_services.claim_submit(text=text, is_demo=True)
    return published


# The topics talked of everywhere in the weeks before Tết, so the weekly roll-up shows them: wages and the bonus
# at most enterprises, overtime at every other one. One more topic each week turns from enterprise to enterprise
# and stays below five sources a week (the series shows a dash there, the month a figure).
EVERYWHERE, EVERY_OTHER = "Tiền lương và thưởng Tết", "Làm thêm giờ"
NOTE_WEEKS = 6


def _reporters(enterprises: list[Enterprise]) -> dict[int, User]:
    """One propagandist per enterprise (a demo person of that enterprise), so notes stand on several reporters."""
    reporters: dict[int, User] = {}
    for index, enterprise in enumerate(enterprises):
        person = org_services.person_with_login_create(
            full_name=f"Tuyên truyền viên {enterprise.unit.name} (minh họa)",
            phone=f"09000011{index:02d}",
            password=org_demo.DEMO_PASSWORD,
            unit=enterprise.unit,
            role=Role.PROPAGANDIST,
            title="Tuyên truyền viên",
            is_demo=True,
        )
        if person.user is not None:
            reporters[enterprise.pk] = person.user
    return reporters


def _notes() -> int:
    enterprises = list(Enterprise.objects.select_related("unit").order_by("tax_code"))
    reporters = _reporters(enterprises)
    topics = {topic.name: topic for topic in Topic.objects.all()}
    turning = [topic for name, topic in topics.items() if name not in {EVERYWHERE, EVERY_OTHER}]
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    count = 0
    for week in range(NOTE_WEEKS):
        start = monday - dt.timedelta(weeks=week + 1)
        for index, enterprise in enumerate(enterprises):
            if enterprise.pk not in reporters:
                continue
            talked_of = [turning[(index + week) % len(turning)]] if turning else []
            if (index + week) % 4 and EVERYWHERE in topics:
                talked_of.insert(0, topics[EVERYWHERE])
            if index % 2 == 0 and EVERY_OTHER in topics:
                talked_of.insert(0, topics[EVERY_OTHER])
            note_services.note_record(
                user=reporters[enterprise.pk],
                enterprise=enterprise,
                period_start=start,
                period_end=start + dt.timedelta(days=6),
                topics=talked_of,
                mood=1 + (index + week) % 5,
                concerned=20 + 15 * index,
                quotes="\n".join(QUOTES_OF[topic.name] for topic in talked_of if topic.name in QUOTES_OF),
                is_demo=True,
            )
            count += 1
    return count


def _case_recommendation(officer: User) -> str:
    """A worker's report carried to the commune, which answers: the receipt (printed) opens both on the case page."""
    enterprise = Enterprise.objects.select_related("commune").filter(tax_code="1601000101").first()
    if enterprise is None or enterprise.commune is None:
        return ""
    submitted = report_services.report_submit(
        category="de-xuat-nguyen-vong",
        text="Đường từ khu công nghiệp về khu trọ không có đèn, tan ca đêm chị em đi về rất sợ.",
        enterprise=enterprise,
        is_demo=True,
    )
    today = timezone.localdate()
    recommendation = rec_services.recommendation_raise(
        user=officer,
        unit=access.scope_roots(officer, "opinion.raise_recommendation")[0],
        text="Đề nghị xã lắp đèn chiếu sáng tuyến đường từ khu công nghiệp về khu nhà trọ công nhân.",
        due_on=today + dt.timedelta(days=9),
        raised_on=today - dt.timedelta(days=6),
        source=Recommendation.Source.CASE,
        addressee_unit=enterprise.commune,
        report=submitted.report,
        is_demo=True,
    )
    commune_officer = (
        User.objects.filter(
            person__memberships__unit=enterprise.commune,
            person__memberships__role=Role.UNIT_ADMIN,
            person__memberships__ended_on__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    rec_services.recommendation_answer(
        user=commune_officer or officer,
        recommendation=recommendation,
        answer="Xã đã đưa tuyến đường vào kế hoạch chiếu sáng, lắp đèn xong trong tháng này.",
        answered_on=today - dt.timedelta(days=1),
    )
    return submitted.receipt.code


def _recommendations(officer: User) -> int:
    unit = access.scope_roots(officer, "opinion.raise_recommendation")[0]
    today = timezone.localdate()
    rows = (
        (
            "UBND xã Bình Hòa",
            Recommendation.Source.DIALOGUE,
            -20,
            -5,
            "Xã đã làm việc với công ty, lương đã được trả đủ.",
        ),
        ("Sở Xây dựng", Recommendation.Source.NOTES, -40, -10, None),
        ("Ban quản lý các khu công nghiệp", Recommendation.Source.DIALOGUE, -3, 12, None),
        ("Bảo hiểm xã hội tỉnh", Recommendation.Source.SURVEY, -30, -15, "Đã tổ chức đối thoại chính sách tại 3 KCN."),
    )
    for index, (body, source, raised, due, answer) in enumerate(rows):
        recommendation = rec_services.recommendation_raise(
            user=officer,
            unit=unit,
            text="Đề nghị xem xét, giải quyết kiến nghị của công nhân về tiền lương, nhà ở và BHXH.",
            due_on=today + dt.timedelta(days=due),
            raised_on=today + dt.timedelta(days=raised),
            source=source,
            addressee_name=body,
            source_note="Dữ liệu minh họa",
            is_demo=True,
        )
        if answer:
            late = index == 3  # one answered after its deadline
            rec_services.recommendation_answer(
                user=officer,
                recommendation=recommendation,
                answer=answer,
                answered_on=recommendation.due_on + dt.timedelta(days=4 if late else -2),
            )
    return len(rows)


def load(*, logins: list) -> str:
    if not settings.VOICE_ENCRYPTION_KEYS or not settings.VOICE_RECEIPT_SALT:
        return "skipped: set VOICE_ENCRYPTION_KEYS and VOICE_RECEIPT_SALT to add demo claims"
    if ClaimGroup.objects.filter(is_demo=True).exists():
        return f"{Clarification.objects.filter(is_demo=True).count()} thông tin chính thức (đã có)"
    publisher, officer = _holder(Role.MONITOR), _holder(Role.UNION_OFFICER)
    if publisher is None or officer is None:
        return "skipped: no province monitor or union officer to write the demo"
    published = _clarifications(publisher)
    notes = _notes()
    recommendations = _recommendations(officer)
    receipt = _case_recommendation(officer)
    summary = (
        f"{published} thông tin chính thức, {notes} ghi nhận tư tưởng, {recommendations + bool(receipt)} kiến nghị"
    )
    return f"{summary}; phản ánh đã được kiến nghị, xem bằng mã biên nhận {receipt}" if receipt else summary
