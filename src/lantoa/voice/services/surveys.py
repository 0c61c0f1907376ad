"""Surveys of workers' thoughts and aspirations: built by officials, answered anonymously, one answer per device."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from lantoa.core.text import clean_line, nfc
from lantoa.orgs import access
from lantoa.orgs.models import SEGMENT_LABELS, Enterprise, OrgUnit, User
from lantoa.voice import crypto
from lantoa.voice.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from lantoa.voice.selectors.surveys import survey_accepts

SURVEY_CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ANSWER_MAX_CHARS = 1000
OTHER_GROUP_MESSAGE = _lazy(
    "Khảo sát này dành cho người lao động của một nhóm khác (đơn vị hoặc nhóm đối tượng khác với doanh nghiệp "
    "của bạn), nên câu trả lời của bạn không được ghi nhận. Cảm ơn bạn đã quan tâm!"
)


@transaction.atomic
def survey_create(
    *, user: User, title: str, unit: OrgUnit, intro: str = "", segment: str = "", is_demo: bool = False
) -> Survey:
    if not access.can(user, "voice.manage_survey", unit):
        raise PermissionDenied
    title = clean_line(title)
    if not title:
        raise ValidationError(_("Khảo sát phải có tiêu đề."), code="title_empty")
    if segment and segment not in SEGMENT_LABELS:
        raise ValidationError(_("Nhóm đối tượng không hợp lệ."), code="segment_invalid")
    code = "".join(secrets.choice(SURVEY_CODE_ALPHABET) for _ in range(8))
    return Survey.objects.create(
        title=title,
        intro=nfc(intro).strip(),
        unit=unit,
        segment=segment,
        public_code=code,
        created_by=user,
        is_demo=is_demo,
    )


@transaction.atomic
def survey_question_add(
    *, user: User, survey: Survey, text: str, kind: str, choices: list[str] | None = None
) -> SurveyQuestion:
    if not access.can(user, "voice.manage_survey", survey):
        raise PermissionDenied
    text = clean_line(text)
    if not text:
        raise ValidationError(_("Câu hỏi không được để trống."), code="question_empty")
    if kind not in SurveyQuestion.Kind.values:
        raise ValidationError(_("Kiểu câu hỏi không hợp lệ."), code="kind_invalid")
    options = [clean_line(choice) for choice in choices or [] if clean_line(choice)]
    if kind == SurveyQuestion.Kind.CHOICE and len(options) < 2:
        raise ValidationError(_("Câu hỏi chọn phương án cần ít nhất hai phương án."), code="choices_missing")
    if survey.responses.exists():
        raise ValidationError(_("Khảo sát đã có người trả lời, không thêm câu hỏi được nữa."), code="survey_answered")
    order = survey.questions.count() + 1
    return SurveyQuestion.objects.create(
        survey=survey, order=order, text=text, kind=kind, choices=options if kind == SurveyQuestion.Kind.CHOICE else []
    )


@transaction.atomic
def survey_open_set(*, user: User, survey: Survey, is_open: bool) -> Survey:
    if not access.can(user, "voice.manage_survey", survey):
        raise PermissionDenied
    survey.is_open = is_open
    survey.save(update_fields=["is_open"])
    return survey


def survey_answer_submit(
    *, survey: Survey, device_token: str, answers: dict[int, str], enterprise: Enterprise | None
) -> SurveyResponse:
    """Store one anonymous answer sheet for workers of `enterprise` (the only thing kept about who answered: the
    aggregate key of the breakdown). `device_token` is a random cookie: only its keyed hash is kept."""
    if not survey.is_open:
        raise ValidationError(_("Khảo sát đã kết thúc."), code="survey_closed")
    if enterprise is None:
        raise ValidationError(_("Hãy chọn doanh nghiệp nơi bạn làm việc."), code="enterprise_missing")
    if not survey_accepts(survey=survey, enterprise=enterprise):
        raise ValidationError(OTHER_GROUP_MESSAGE, code="survey_other_group")
    if len(device_token) < 16:
        raise ValidationError(_("Thiếu mã thiết bị."), code="token_missing")
    rows = []
    for question in survey.questions.all():
        raw = nfc(str(answers.get(question.pk, "") or "")).strip()
        if not raw:
            continue
        answer = SurveyAnswer(question=question)
        if question.kind == SurveyQuestion.Kind.SCALE:
            if raw not in {"1", "2", "3", "4", "5"}:
                raise ValidationError(_("Hãy chọn mức từ 1 đến 5."), code="scale_invalid")
            answer.scale_value = int(raw)
        elif question.kind == SurveyQuestion.Kind.CHOICE:
            if raw not in question.choices:
                raise ValidationError(_("Hãy chọn một phương án trong danh sách."), code="choice_invalid")
            answer.choice = raw
        else:
            answer.text_enc = crypto.encrypt_text(raw[:ANSWER_MAX_CHARS])
        rows.append(answer)
    if not rows:
        raise ValidationError(_("Hãy trả lời ít nhất một câu hỏi."), code="answers_empty")
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey,
                token_hash=crypto.keyed_digest(f"survey:{survey.pk}", device_token),
                enterprise=enterprise,
            )
            for answer in rows:
                answer.response = response
            SurveyAnswer.objects.bulk_create(rows)
    except IntegrityError as error:
        raise ValidationError(
            _("Điện thoại này đã trả lời khảo sát rồi. Cảm ơn bạn!"), code="already_answered"
        ) from error
    return response
