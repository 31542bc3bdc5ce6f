"""Inputs that once went wrong: name lists that made the list patterns backtrack exponentially,
verbs that filed cinematographers and producers as directors, sequels merged as typos, and
merged facts that kept a weak sentence as evidence."""

from __future__ import annotations

from extract_helpers import plain

from reelgraph.extract.lists import DIRECTED
from reelgraph.extract.mentions import compile_lexicon, find_company_names
from reelgraph.extract.text import sentence_spans
from reelgraph.extract.vocab import vocab
from reelgraph.model import Article


def credits(extractor, text):
    return sorted(
        (f.fields["film"], f.fields["person"], f.fields["role"])
        for f in extractor.extract(Article("t", text)).facts
        if f.type == "credit"
    )


def test_caps_credit_block_with_many_names_finishes_and_reads_each_name(extractor):
    # Nine ALL-CAPS names once took seconds (x4 per name); twenty-two names would never finish.
    names = [f"{first} {last}" for first, last in zip(
        ["JOHN", "MARY", "PAUL", "ANNA", "TOM", "EVA", "KIM", "LEA", "IDA"] * 3,
        ["SMITH", "JONES", "LEE", "BERG", "HOLM", "LUND", "PARK", "ROTH", "NILS"] * 3, strict=True)][:22]
    text = "QUIET HARBOUR\nDirected by " + ", ".join(names) + " (uncredited)"
    extractor.extract(Article("t", text))  # once never returned
    line = DIRECTED.match("Directed by " + ", ".join(names))
    assert line is not None and line.group("names") == ", ".join(names)


def test_names_ending_in_and_are_not_split(extractor):
    text = "“Quiet Harbour”\nCast: Agnieszka Holland, Roland Møller, Bertrand Bonello"
    got = credits(extractor, text)
    people = {person for _film, person, _role in got}
    assert not any(p in people for p in ("Holl", "Rol", "Bertr"))


def test_long_capitalised_text_with_ampersand_is_linear(extractor):
    words = " ".join(["Alpha", "Bravo", "Charlie", "Delta"] * 1500)
    extractor.extract(Article("t", words + " Forge & Furnace Films."))  # once quadratic in the words
    found = [m.value for m in find_company_names(words + ". Forge & Furnace Films.", compile_lexicon(vocab()))]
    assert found == ["Forge & Furnace Films"]


def test_verbs_give_their_own_roles(extractor):
    assert credits(extractor, "Anna Berg shot “Quiet Harbour” in Norway.") == [
        ("Quiet Harbour", "Anna Berg", "cinematographer")]
    assert credits(extractor, "Tom Lee will produce “Quiet Harbour”.") == [("Quiet Harbour", "Tom Lee", "producer")]
    assert credits(extractor, "Mia Holm is helming “Quiet Harbour”, a drama.") == [
        ("Quiet Harbour", "Mia Holm", "director")]


def test_sequels_are_not_typo_aliases(extractor):
    text = ("“Ong Bak 3” (2010) follows “Ong Bak 2” (2008). Tony Jaa directed “Ong Bak 3”. "
            "“Ong Bak 3” was a hit.")
    facts = [plain(f) for f in extractor.extract(Article("t", text)).facts]
    assert not any(f["type"] == "alias" for f in facts)
    years = {(f["film"], f["year"]) for f in facts if f["type"] == "film_year"}
    assert ("Ong Bak 3", 2008) not in years


def test_merged_fact_keeps_the_most_confident_sentence(extractor):
    text = "Maria Holm's “Quiet Harbour” opens on Friday. “Quiet Harbour” is directed by Maria Holm."
    facts = [f for f in extractor.extract(Article("t", text)).facts if f.type == "credit"]
    assert len(facts) == 1
    assert facts[0].evidence.sentence.startswith("“Quiet Harbour” is directed by")


def test_doubled_spaces_keep_spans_and_names(extractor, shared):
    text = (shared / "articles" / "dear-comrades.txt").read_text(encoding="utf-8")
    spaced = text.replace("Dear Comrades", "Dear  Comrades")
    plain_facts = extractor.extract(Article("a", text)).facts
    spaced_facts = extractor.extract(Article("b", spaced)).facts
    assert sorted(map(str, map(plain, plain_facts))) == sorted(map(str, map(plain, spaced_facts)))
    assert all(spaced[f.evidence.start:f.evidence.end] == f.evidence.sentence for f in spaced_facts)


def test_company_suffixes_and_sentence_ends(extractor):
    facts = [plain(f) for f in extractor.extract(Article(
        "t", "Warner Bros. Pictures has acquired “Quiet Harbour” for North America.")).facts]
    assert any(f["type"] == "deal" and f["company"].startswith("Warner Bros") for f in facts)
    text = "The film is sold by Films Boutique Inc. The film stars Ann Lee."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "The film is sold by Films Boutique Inc.", "The film stars Ann Lee."]


def test_a_hedge_drops_only_its_own_clause(extractor):
    def deals(text):
        return [(f.fields["company"], f.fields["territory"])
                for f in extractor.extract(Article("t", text)).facts if f.type == "deal"]

    assert deals("Curzon is in talks for the UK, and Mubi acquired North American rights to “Quiet Harbour”.") == [
        ("Mubi", "North America")]
    assert deals("Curzon is in talks to acquire UK rights to “Quiet Harbour”.") == []
