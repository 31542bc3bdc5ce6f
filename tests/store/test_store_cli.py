"""The command line over a real database (typer's CliRunner)."""

from __future__ import annotations

import json

import pytest
from store_helpers import write_corpus
from typer.testing import CliRunner

from reelgraph.cli import app

runner = CliRunner(env={"COLUMNS": "250"})
EXTRACTOR = ["--extractor", "store_rules_extractor:RulesExtractor"]


@pytest.fixture
def db(store_url, tmp_path):
    folder = write_corpus(tmp_path / "in")
    result = runner.invoke(app, ["ingest", str(folder), "--db", store_url, *EXTRACTOR])
    assert result.exit_code == 0, result.output
    assert "new articles" in result.output and "7" in result.output
    return store_url


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_ingest_reports_failures_with_exit_code_1(store_url, tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "x", "text": "Curzon bought UK rights to Boom."}\n[1, 2]\n')
    code, output = run("ingest", str(tmp_path / "bad.jsonl"), str(tmp_path / "nope.txt"), "--db", store_url,
                       *EXTRACTOR, "--json")
    assert code == 1
    summary = json.loads(output)
    assert summary["new"] == 1 and summary["failed"] == 2
    assert {(e["line"], "not a JSON object" in e["reason"]) for e in summary["errors"]} >= {(2, True)}


def test_film_tables_and_json(db):
    code, output = run("film", "Dear Comrades", "--db", db)
    assert code == 0
    for text in ("Credits", "Andrei Konchalovsky", "Festival run", "Venice", "Neue Visionen", "No report for",
                 "France", "Sources"):
        assert text in output, text
    code, output = run("film", "dear comrades", "--db", db, "--json")
    data = json.loads(output)
    assert data["name"] == "Dear Comrades" and data["territories"]["sold"]
    assert all(c["evidence"] for c in data["credits"])


def test_not_found_exits_1_with_suggestions(db):
    result = runner.invoke(app, ["film", "Dear Comrads", "--db", db])
    assert result.exit_code == 1
    assert "Dear Comrades" in result.output  # the suggestion (stderr is mixed in)
    assert runner.invoke(app, ["person", "Nobody At All", "--db", db]).exit_code == 1
    assert runner.invoke(app, ["film", "#999999", "--db", db]).exit_code == 1


def test_person_company_festival_deals_search(db):
    code, output = run("person", "Andrei Konchalovsky", "--db", db)
    assert code == 0 and "Paradise" in output and "Tango & Cash" in output
    code, output = run("company", "Films Boutique", "--db", db)
    assert code == 0 and "Berlin" in output and "Jean-Christophe Simon" in output
    code, output = run("festival", "Venice", "--year", "2020", "--db", db)
    assert code == 0 and "Nomadland" in output and "2016" not in output
    code, output = run("deals", "--territory", "Germany", "--db", db, "--json")
    assert [d["company"] for d in json.loads(output)["items"]] == ["Neue Visionen"]
    code, output = run("deals", "--since", "2020-09-30", "--db", db)
    assert code == 0 and "Music Box Films" in output and "Neue Visionen" not in output
    code, output = run("search", "'; DROP TABLE articles; --", "--db", db, "--json")
    assert code == 0 and json.loads(output)["articles"] == []
    code, output = run("search", "nomadland", "--db", db)
    assert code == 0 and "Nomadland" in output


def test_corrections_from_the_command_line(db):
    code, output = run("film", "Dear Comrades", "--db", db, "--json")
    film = json.loads(output)
    deal = film["deals"][0]
    code, output = run("retract", str(deal["fact_id"]), "--reason", "wrong", "--db", db, "--json")
    assert code == 0 and json.loads(output)["kind"] == "retract"
    code, output = run("fact", str(deal["fact_id"]), "--db", db, "--json")
    assert json.loads(output)["retracted"] is True
    code, output = run("rename", str(film["id"]), "Dorogie Tovarishchi", "--db", db)
    assert code == 0 and "rename" in output
    assert run("film", "Dear Comrades", "--db", db)[0] == 0  # the old name is an alias now
    paradise = json.loads(run("film", "Paradise", "--db", db, "--json")[1])
    code, output = run("merge", str(film["id"]), str(paradise["id"]), "--db", db)
    assert code == 0
    code, output = run("split", str(film["id"]), "Paradise", "--db", db, "--json")
    assert code == 0 and json.loads(output)["new_entity_id"] == paradise["id"]
    assert run("retract", "999999", "--db", db)[0] == 1
    assert run("merge", str(film["id"]), str(film["id"]), "--db", db)[0] == 1


def test_export_formats(db, tmp_path):
    code, output = run("export", "--format", "jsonl", "--db", db)
    records = [json.loads(line) for line in output.splitlines()]
    assert {r["record"] for r in records} == {"entity", "fact", "article"}
    target = tmp_path / "out.csv"
    assert run("export", "--format", "csv", "--output", str(target), "--db", db)[0] == 0
    header = target.read_text().splitlines()[0].split(",")
    assert header[:3] == ["fact_id", "type", "film"] and "article_ids" in header
    code, output = run("export", "--format", "json-ld", "--db", db)
    graph = json.loads(output)["@graph"]
    movie = next(n for n in graph if n.get("name") == "Dear Comrades")
    assert movie["@type"] == "Movie" and movie["director"] and movie["subjectOf"]
    assert any(n["@type"] == "NewsArticle" for n in graph)
    assert run("export", "--format", "xml", "--db", db)[0] == 1


def test_bad_extractor_is_a_clear_error(store_url):
    result = runner.invoke(app, ["ingest", "x.txt", "--db", store_url, "--extractor", "no_such_module:X"])
    assert result.exit_code == 1 and "cannot load the extractor" in result.output


def test_help_texts():
    code, output = run("--help")
    for command in ("ingest", "film", "person", "company", "festival", "deals", "search", "export",
                    "merge", "split", "retract", "rename"):
        assert command in output
    code, output = run("ingest", "--help")
    assert code == 0 and "--db" in output and "stdin" in output
