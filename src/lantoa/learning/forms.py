import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.learning.models import Question

ANSWER_FIELD = re.compile(r"^q(\d+)$")


class QuizForm(forms.Form):
    """The answers as posted: `key` plus one `q<question id>` list per question (choice ids)."""

    key = forms.CharField(max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions

    def clean(self) -> dict[str, Any]:
        super().clean()
        answers: dict[int, list[int]] = {}
        for name in self.data:
            match = ANSWER_FIELD.match(name)
            if not match:
                continue
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else [self.data[name]]
            try:
                answers[int(match.group(1))] = [int(value) for value in values]
            except ValueError:
                raise forms.ValidationError(
                    _("Đáp án gửi lên không thuộc câu hỏi. Vui lòng tải lại trang và làm lại."), code="answers_tampered"
                ) from None
        missing = [number for number, question in enumerate(self.questions, start=1) if question.pk not in answers]
        if missing:
            raise forms.ValidationError(
                _("Bạn chưa trả lời câu %(numbers)s."),
                code="answers_missing",
                params={"numbers": ", ".join(map(str, missing))},
            )
        self.cleaned_data["answers"] = answers
        return self.cleaned_data
