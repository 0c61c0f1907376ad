"""JSON API for search: `GET /api/v1/legal/search?q=…&on=YYYY-MM-DD`."""

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from lantoa.core.dates import ApiDate
from lantoa.core.links import absolute_url
from lantoa.core.text import clean_line
from lantoa.legal import search

router = Router(tags=["legal"])


class AnswerOut(Schema):
    doc_number: str
    doc_title: str
    article: str
    title: str
    url: str
    passage: str
    passage_label: str
    in_force: bool
    score: float
    handbook: list[str]


class ShortAnswerOut(Schema):
    text: str  # the part of the handbook/FAQ entry that answers the question, list items one a line
    question: str  # the entry's own question
    url: str


class SearchOut(Schema):
    query: str
    on: dt.date
    short_answer: ShortAnswerOut | None = None
    confident: bool
    answers: list[AnswerOut]


@router.get("/search", response=SearchOut, summary="Tìm điều luật trả lời câu hỏi (chỉ điều có hiệu lực vào ngày `on`)")
def search_provisions(request: HttpRequest, q: str, on: ApiDate | None = None, k: int = 5) -> SearchOut:
    day = on or timezone.localdate()
    outcome = search.search(query=clean_line(q)[:300], on=day, k=max(1, min(k, 20)))
    answers = [
        AnswerOut(
            doc_number=a.provision.document.number,
            doc_title=a.provision.document.title,
            article=a.provision.label,
            title=a.provision.title,
            url=absolute_url(a.provision.get_absolute_url(), request),
            passage=a.passage.text,
            passage_label=a.passage.label,
            in_force=a.in_force,
            score=round(a.score, 4),
            handbook=[absolute_url(e.get_absolute_url(), request) for e in a.entries],
        )
        for a in outcome.answers
    ]
    lead = outcome.lead
    short = (
        ShortAnswerOut(
            text=lead.text, question=lead.entry.question, url=absolute_url(lead.entry.get_absolute_url(), request)
        )
        if lead
        else None
    )
    return SearchOut(query=outcome.query, on=day, confident=outcome.is_confident, answers=answers, short_answer=short)
