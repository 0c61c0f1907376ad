"""Chat spellings and homographs: the question is read as the worker meant it, real words are never changed."""

from lantoa.legal.retrieval import Passage, SearchIndex
from lantoa.legal.retrieval.spelling import repair, split_units
from lantoa.legal.retrieval.synonyms import SynonymExpander, homographs
from lantoa.legal.retrieval.text import syllables

KNOWN = {"luong", "cong", "hang", "gio", "phai", "minh", "tieng", "thu", "viec"}


def test_shorthand_words_are_replaced_by_the_standard_words() -> None:
    assert repair(syllables("thử vc trc khi ký"), KNOWN) == ["thử", "việc", "trước", "khi", "ký"]
    assert repair(["kcn"], KNOWN) == ["khu", "công", "nghiệp"]


def test_unknown_words_are_respelled_only_into_words_of_the_law() -> None:
    assert repair(["lươg", "côg", "jờ", "fải", "mìnk", "tieg"], KNOWN) == [
        "luong",
        "cong",
        "gio",
        "phai",
        "minh",
        "tieng",
    ]
    # known words stay as typed; an unknown word without a known respelling too
    assert repair(["lương", "xyzg"], KNOWN) == ["lương", "xyzg"]


def test_numbers_are_split_from_the_units_written_with_them() -> None:
    assert split_units(["4tr9", "8h", "16t", "10", "bhxh"]) == ["4", "tr", "9", "8", "h", "16", "t", "10", "bhxh"]
    # "300k" is money, not "300 không"; a lone "k" stays for the shorthand table to read as không.
    assert split_units(["trừ", "300k", "k", "50", "k"]) == ["trừ", "300", "nghìn", "k", "50", "nghìn"]


def test_an_unaccented_word_does_not_match_a_rare_homograph_in_the_dictionary() -> None:
    mapping = {"đẻ": "thai sản", "lương": "tiền lương"}
    blocked = homographs(mapping, {"để": 500, "đẻ": 3, "lương": 200})
    assert blocked == {"đẻ"}
    expander = SynonymExpander(mapping, blocked)
    assert expander.expand(["de", "luong"]) == [(1, 1, ["tiền", "lương"])]
    assert expander.expand(["đẻ"]) == [(0, 1, ["thai", "sản"])]  # typed with its marks it still matches


def test_a_question_typed_unaccented_keeps_its_fillers_out_after_its_shorthand_is_repaired() -> None:
    index = SearchIndex.build(
        [Passage(key="1/2099/QH99#Điều 1", doc_number="1/2099/QH99", article="Điều 1", title="Nghỉ hằng năm",
                 text="Điều 1. Nghỉ hằng năm\nNgười lao động được nghỉ hằng năm, hưởng nguyên lương.")],
        synonyms={},
    )  # fmt: skip
    # "ko" is repaired into "không", an accented word; "co" and "duoc" were still typed unaccented: fillers.
    assert set(index.query_terms("toi co duoc nghi phep ko").words) == {"toi", "nghi", "phep"}
    assert set(index.query_terms("tôi có được nghỉ phép không").words) == {"nghi", "phep"}
