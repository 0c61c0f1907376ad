"""A worker with no signal asks whether a rumour is true: the claim form opens from the phone's copy, the claim waits
in the outbox with its picture and is sent once when the network returns; the receipt stays on the phone, which
later says "Có trả lời mới" when the official answer is published and shows it."""

from PIL import Image
from playwright.sync_api import expect

from lantoa.legal.models import Provision
from lantoa.legal.tests.factories import import_library
from lantoa.opinion.models import Claim, Clarification
from lantoa.opinion.services import claims as claim_services

from .pages.a11y import serious_violations
from .pages.opinion import WorkerClaimPages
from .pages.receipts import DeviceReceipts

RUMOUR = "Nghe nói tháng sau công ty cho nghỉ việc cả tổ may vì hết đơn hàng"
TRUTH = "Cho thôi việc vì lý do kinh tế phải báo trước và trả trợ cấp mất việc làm cho người lao động."


def test_a_claim_typed_offline_is_sent_once_when_back_online_and_its_answer_shows_on_the_phone(
    page, enterprise_a, province_monitor, tmp_path
):
    import_library()
    picture = tmp_path / "tin-nhan.jpg"
    Image.new("RGB", (320, 240), (200, 120, 30)).save(picture)
    page.set_viewport_size({"width": 360, "height": 780})
    worker = WorkerClaimPages(page)
    page.goto(f"{page.base_url}/e/{enterprise_a.public_code}")
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_function("() => caches.has('lantoa-pages')")
    page.wait_for_function("() => caches.open('lantoa-pages').then((c) => c.match('/hoi-tin-don/')).then(Boolean)")

    page.context.set_offline(True)
    page.goto(f"{page.base_url}/hoi-tin-don/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hỏi tin thật hay giả")
    worker.send(RUMOUR, photo=picture)
    expect(page.locator("#outbox-status")).to_contain_text("Câu hỏi đã được lưu trên điện thoại")
    expect(page.locator("#outbox-sent")).to_contain_text("Đang chờ có mạng để gửi")
    assert serious_violations(page) == []
    page.screenshot(path=str(tmp_path / "claim-offline-360.png"), full_page=True)
    assert not Claim.objects.exists()

    page.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(page.locator("#outbox-sent")).to_contain_text("Câu hỏi đã gửi", timeout=20_000)
    receipt = page.locator("#outbox-sent .receipt-code").inner_text()
    claim = Claim.objects.get()
    assert claim.enterprise == enterprise_a and claim.photo_enc is not None
    page.reload()
    page.wait_for_timeout(1500)
    expect(page.locator("#outbox-sent .receipt-code")).to_have_text(receipt)
    assert Claim.objects.count() == 1
    page.get_by_role("button", name="Tôi đã chép mã").click()
    expect(page.locator("#outbox-sent")).to_be_empty()

    page.goto(f"{page.base_url}/hoi-tin-don/xem/")
    expect(page.locator("#device-receipts")).to_contain_text("Câu hỏi về tin đồn")
    expect(page.locator("#device-receipts")).to_contain_text("Đang chờ cơ quan có thẩm quyền trả lời")
    page.goto(f"{page.base_url}/")
    expect(page.locator("#home-claims")).to_contain_text("Chưa có trả lời mới")
    expect(page.locator("#home-receipts")).to_be_hidden()  # no report kept on this phone

    claim_services.clarification_publish(
        user=province_monitor,
        group=claim.group,
        claim="Công ty sắp cho cả tổ may nghỉ việc vì hết đơn hàng",
        verdict=Clarification.Verdict.UNFOUNDED,
        truth=TRUTH,
        provisions=[Provision.objects.filter(kind=Provision.Kind.ARTICLE).first()],
    )
    DeviceReceipts(page).check_again_now()
    page.reload()
    expect(page.locator("#home-claims")).to_contain_text("Có trả lời mới")
    page.screenshot(path=str(tmp_path / "home-claim-answer-360.png"), full_page=True)

    DeviceReceipts(page).open_latest_from_home("#home-claims")
    expect(page.locator("#case-text")).to_have_text(RUMOUR)
    expect(page.locator("main")).to_contain_text("Chưa có căn cứ")
    expect(page.locator("main")).to_contain_text(TRUTH)
    assert receipt not in page.url

    page.goto(f"{page.base_url}/")
    expect(page.locator("#home-claims")).to_contain_text("Chưa có trả lời mới")
    DeviceReceipts(page).expect_kept_offline("/hoi-tin-don/xem/", TRUTH, RUMOUR)
