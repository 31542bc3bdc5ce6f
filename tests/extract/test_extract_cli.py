"""`reelgraph extract` run as a real subprocess over real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DEVSET = Path(__file__).resolve().parents[1] / "devset" / "articles"
GOOD = sorted(DEVSET.glob("*.txt"))[:3]
GERMAN = (
    "Der neue Film von Regisseurin Anna Weber wurde am Montag in Berlin vorgestellt. Die Produktion, "
    "die mit Unterstützung der Filmförderung entstanden ist, erzählt die Geschichte einer Familie, die "
    "nach dem Krieg in ein kleines Dorf an der Ostsee zieht und dort mit den Nachbarn und der eigenen "
    "Vergangenheit ringen muss. Der Verleih startet den Film im Herbst in den deutschen Kinos.\n"
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from reelgraph.cli import main; main()", "extract", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def jsonl(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


def test_jsonl_one_object_per_article_with_file_stem_ids():
    result = run_cli(*map(str, GOOD))
    assert result.returncode == 0, result.stderr
    objects = jsonl(result.stdout)
    assert [o["id"] for o in objects] == [p.stem for p in GOOD]
    for obj in objects:
        assert set(obj) == {"id", "facts"}
        assert obj["facts"], obj["id"]
        for fact in obj["facts"]:
            assert {"type", "evidence", "confidence"} <= set(fact)


def test_folder_input(tmp_path):
    for path in GOOD:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    result = run_cli(str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert sorted(o["id"] for o in jsonl(result.stdout)) == sorted(p.stem for p in GOOD)


def test_stdin():
    text = GOOD[0].read_bytes()
    result = run_cli("-", stdin=text)
    assert result.returncode == 0, result.stderr
    objects = jsonl(result.stdout)
    assert len(objects) == 1
    from_file = jsonl(run_cli(str(GOOD[0])).stdout)[0]
    assert objects[0]["facts"] == from_file["facts"]


def test_format_table():
    result = run_cli("--format", "table", str(GOOD[0]))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert GOOD[0].stem in out
    assert "credit" in out and "film" in out and "person" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.splitlines()[0])


@pytest.fixture
def bad_inputs(tmp_path) -> dict[str, Path]:
    bad = {
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "binary.txt",
        "invalid-utf8": tmp_path / "latin1.txt",
        "huge": tmp_path / "huge.txt",
        "german": tmp_path / "german.txt",
    }
    bad["empty"].write_bytes(b"")
    bad["binary"].write_bytes(bytes(range(256)) * 16)
    bad["invalid-utf8"].write_bytes("Caf\u00e9 owner Jo Brandt stars in the film.\n".encode("latin-1"))
    with bad["huge"].open("wb") as handle:  # 50 MB, written sparsely
        handle.truncate(50 * 1024 * 1024)
    bad["german"].write_text(GERMAN, encoding="utf-8")
    return bad


def test_bad_inputs_one_line_error_each_and_good_files_processed(bad_inputs):
    paths = [str(GOOD[0]), *map(str, bad_inputs.values()), str(GOOD[1])]
    result = run_cli(*paths)
    assert result.returncode == 1
    assert [o["id"] for o in jsonl(result.stdout)] == [GOOD[0].stem, GOOD[1].stem]
    lines = result.stderr.decode("utf-8").splitlines()
    for kind, path in bad_inputs.items():
        naming = [line for line in lines if str(path) in line]
        assert len(naming) == 1, (kind, lines)
        assert "error" in naming[0].lower(), (kind, naming)
    assert not any(str(p) in result.stderr.decode("utf-8") for p in GOOD[:2])
    assert lines[-1].strip() == f"{len(bad_inputs)} input(s) failed"


def test_bad_inputs_errors_are_not_wrapped(bad_inputs):
    result = run_cli(*map(str, bad_inputs.values()))
    assert result.returncode == 1
    lines = result.stderr.decode("utf-8").splitlines()
    # Exactly one line per bad input, each naming the file and its reason, then the count.
    assert len(lines) == len(bad_inputs) + 1, lines
    for line, path in zip(lines, bad_inputs.values(), strict=False):
        assert line.startswith(f"error {path}: ") and len(line) > len(f"error {path}: "), line


def test_all_good_input_exits_zero():
    result = run_cli(*map(str, GOOD))
    assert result.returncode == 0
    assert b"error" not in result.stderr.lower()
