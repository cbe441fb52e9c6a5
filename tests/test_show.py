"""`inspectx show`: the article with its evidence marked (HTML through displaCy, or the terminal)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import FIXTURES

from inspectx.cli import cli
from inspectx.show import COLORS, Mark, _tokens_and_spans

DURHAM = str(FIXTURES / "seed_durham.txt")
NORTHUMBRIA = str(FIXTURES / "seed_northumbria.txt")
BROADCASTER = str(FIXTURES / "html_met_broadcaster.html")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


class Page(HTMLParser):
    """What the page shows: per article, its paragraphs as (visible text, marks); removed lines.

    A mark is (label, text): displaCy puts the label on the first token of a span and a
    bar of the label's colour under each of its tokens.
    """

    def __init__(self, page: str) -> None:
        super().__init__()
        self.articles: list[dict] = []
        self.stack: list[tuple[str, str]] = []
        self.colour_label = {}
        self._token: dict | None = None
        self._in: str | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        cls = attrs.get("class") or ""
        style = attrs.get("style") or ""
        self.stack.append((tag, cls))
        if tag == "li" and "data-label" in attrs:
            self.colour_label[re.search(r"background: (#\w+)", style).group(1)] = attrs["data-label"]
        if tag == "article":
            self.articles.append({"paragraphs": [], "dropped": []})
        elif tag == "div" and cls == "spans":
            self.articles[-1]["paragraphs"].append([])
        elif cls == "tok":
            self._token = {"text": "", "colours": [], "labels": []}
            self.articles[-1]["paragraphs"][-1].append(self._token)
        elif cls in ("slice", "start") and self._token is not None:
            self._token["colours"].append(re.search(r"background: (#\w+)", style).group(1))
        elif tag == "p" and cls == "dropped":
            self.articles[-1]["dropped"].append({"rule": "", "text": ""})
        self._in = cls

    def handle_endtag(self, tag):
        tag_, cls = self.stack.pop()
        if cls == "tok":
            self._token = None
        self._in = self.stack[-1][1] if self.stack else None

    def handle_data(self, data):
        inside = [c for _, c in self.stack]
        if "spans" in inside:
            if self._in == "label":
                self._token["labels"].append(data.strip())
            elif self._in == "tok":
                self._token["text"] += data.strip("\n ")
            elif self._in == "spans" and data.strip():
                self.articles[-1]["paragraphs"][-1].append({"text": data, "colours": [], "labels": []})
        elif "dropped" in inside and self.articles:
            entry = self.articles[-1]["dropped"][-1]
            entry["rule" if self._in == "rule" else "text"] += data

    def marks(self, article: int) -> set[tuple[str, str]]:
        found = set()
        for paragraph in self.articles[article]["paragraphs"]:
            for i, token in enumerate(paragraph):
                for label in token["labels"]:
                    colour = COLORS[label]
                    text = ""
                    for following in paragraph[i:]:
                        if colour not in following["colours"]:
                            break
                        text += following["text"]
                    found.add((label, text.replace("\u00a0", " ").strip()))
        return found

    def text(self, article: int) -> list[str]:
        out = []
        for paragraph in self.articles[article]["paragraphs"]:
            shown = "".join(t["text"] + ("" if t["labels"] or t["colours"] else " ") for t in paragraph)
            out.append(" ".join(shown.replace("\u00a0", " ").split()))
        return out


@pytest.fixture(scope="module")
def records():
    out = run("extract", "-q", "--include-text", "--format", "jsonl", DURHAM, NORTHUMBRIA, BROADCASTER).stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def page(records, tmp_path_factory):
    target = tmp_path_factory.mktemp("show") / "page.html"
    result = run("show", DURHAM, NORTHUMBRIA, BROADCASTER, "-o", str(target))
    assert result.exit_code == 0
    return target.read_text(encoding="utf-8")


def contains(marks: set[tuple[str, str]], label: str, text: str) -> bool:
    """Is `text` marked with `label` (allowing a glued opening quote or bracket)?"""
    return any(lab == label and text in shown and len(shown) - len(text) <= 1 for lab, shown in marks)


def test_every_finding_is_inside_a_mark_with_its_label(records, page):
    shown = Page(page)
    assert len(shown.articles) == 3
    checked = 0
    for n, record in enumerate(records):
        marks = shown.marks(n)
        for key, label in (("improvements", "IMPROVEMENT"), ("concerns", "CONCERN")):
            for finding in record[key]:
                assert contains(marks, label, record["text"][finding["start"] : finding["end"]]), finding
                checked += 1
    assert checked >= 10


def test_dates_quotes_people_force_and_inspectorate_are_marked(records, page):
    shown = Page(page)
    for n, record in enumerate(records):
        marks = shown.marks(n)
        for name, label in (
            ("published", "PUBLISHED"),
            ("inspection", "INSPECTION DATE"),
            ("previous_inspection", "PREVIOUS INSPECTION"),
        ):
            value = record["dates"][name]
            if value and value["end"] > value["start"]:
                assert contains(marks, label, value["text"])
        for quote in record["quotes"]:
            assert contains(marks, "QUOTE", quote["text"])
        for person in record["inspectors"]:
            assert contains(marks, "INSPECTOR", person["name"])
        assert contains(marks, "FORCE", record["force"]["mentions"][0])
        assert any(label == "INSPECTORATE" for label, _ in marks)
    northumbria = shown.marks(1)
    assert ("SPEAKER", "Phil Gormley") in northumbria
    assert ("PERSON", "Rachel Bacon") in northumbria


@pytest.mark.parametrize("case", ["gmp_crime_recording_2018", "wiltshire_peel_2022", "wiltshire_peel_2024"])
def test_every_grade_is_marked(tmp_path, case):
    article = str(FIXTURES / f"{case}.txt")
    record = json.loads(run("extract", article).output)
    target = tmp_path / "page.html"
    run("show", article, "-o", str(target))
    graded = [
        text.lower() for label, text in Page(target.read_text(encoding="utf-8")).marks(0) if label == "GRADE"
    ]
    assert record["grades"]
    for grade in record["grades"]:
        pattern = grade["grade"].replace("requires", r"requir\w*")
        assert any(re.fullmatch(pattern, text.lstrip("'\u2018\"\u201c(")) for text in graded), grade


def test_page_shows_the_cleaned_text_word_for_word(records, page):
    shown = Page(page)
    for n, record in enumerate(records):
        assert shown.text(n) == [" ".join(line.split()) for line in record["text"].split("\n")]


def test_page_is_self_contained(page):
    assert not re.search(r"https?://|<script|<link|@import|url\(|<iframe|<img", page, re.IGNORECASE)


def test_several_inputs_make_one_page_with_contents(page):
    contents = re.search(r'<nav class="toc">(.*?)</nav>', page, re.DOTALL).group(1)
    assert re.findall(r'href="#(article-\d)"', contents) == ["article-1", "article-2", "article-3"]
    assert all(f'<article id="article-{n}">' in page for n in (1, 2, 3))


def test_side_panel_lists_the_fields(records, page):
    panel = re.search(r'<article id="article-2">.*?<aside>(.*?)</aside>', page, re.DOTALL).group(1)
    for shown in ("Northumbria Police", "HMICFRS", "Phil Gormley", "2019-04-11", "extractor"):
        assert shown in panel


def test_removed_lines_are_greyed_out_with_their_rule_only_when_asked(tmp_path):
    plain, full = tmp_path / "plain.html", tmp_path / "full.html"
    run("show", NORTHUMBRIA, "-o", str(plain))
    run("show", NORTHUMBRIA, "--with-boilerplate", "-o", str(full))
    assert "Hide Ad" not in plain.read_text(encoding="utf-8")
    dropped = Page(full.read_text(encoding="utf-8")).articles[0]["dropped"]
    assert {"rule": "advert", "text": "Hide Ad"} in dropped
    assert {"rule": "navigation", "text": "News on Northumbria Police"} in dropped


def test_output_dir_writes_one_page_per_input_and_an_index(tmp_path):
    pages = tmp_path / "pages"
    result = run("show", DURHAM, NORTHUMBRIA, "--output-dir", str(pages))
    assert result.exit_code == 0
    assert sorted(p.name for p in pages.iterdir()) == [
        "index.html",
        "seed_durham.html",
        "seed_northumbria.html",
    ]
    index = (pages / "index.html").read_text(encoding="utf-8")
    assert 'href="seed_durham.html"' in index and 'href="seed_northumbria.html"' in index
    assert len(Page((pages / "seed_durham.html").read_text(encoding="utf-8")).articles) == 1


def test_piped_terminal_output_is_plain_text_with_labels():
    result = run("show", NORTHUMBRIA)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    lines = result.stdout.splitlines()
    record = json.loads(run("extract", NORTHUMBRIA).stdout)
    assert f"    CONCERN: {record['concerns'][0]['text']}" in lines
    assert "    INSPECTOR: Phil Gormley" in lines
    assert "Hide Ad" not in result.stdout


def terminal_output(*args: str, env: dict[str, str]) -> str:
    """stdout of `inspectx` run with a pseudo-terminal as stdout."""
    import pty

    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "inspectx", *args], stdout=follower, stderr=subprocess.PIPE, env=env
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_value_wrapped_over_two_lines_is_listed_once_and_whole(tmp_path):
    """In a hard-wrapped article a finding that runs on to the next line is one finding: the
    terminal lists it once, whole, under the line where it ends, not as two halves."""
    article = tmp_path / "wrapped.txt"
    article.write_text(
        "Westshire Police told to improve\n\n"
        "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services\n"
        "inspected Westshire Police in May 2025 and published its report on Tuesday.\n"
        "Inspectors found that the force now answers nearly all 999 calls within ten\n"
        "seconds, which is among the best in the country. However, inspectors were\n"
        "concerned that victims of burglary were not always kept informed about their\n"
        "cases.\n",
        encoding="utf-8",
    )
    record = json.loads(run("extract", str(article)).stdout)
    listed = [line for line in run("show", str(article)).stdout.splitlines() if line.startswith("    ")]
    for field, label in (("improvements", "IMPROVEMENT"), ("concerns", "CONCERN")):
        shown = [line for line in listed if line.startswith(f"    {label}: ")]
        assert [" ".join(f["text"].split()) for f in record[field]] == [
            line.removeprefix(f"    {label}: ") for line in shown
        ], (record[field], shown)
    assert len(record["concerns"]) == 1 and "\n" in record["concerns"][0]["text"]


def test_max_bytes_raises_the_limit_as_for_extract(tmp_path):
    """A long article is too large by default; --max-bytes lets it through, as for extract."""
    article = tmp_path / "long.txt"
    body = "Inspectors found that the custody suite was clean and well run. " * 40
    article.write_text("Westshire Police custody inspection\n\n" + body + "\n", encoding="utf-8")
    refused = run("show", str(article), "--max-bytes", "1000")
    assert refused.exit_code == 1 and "too_large" in refused.output
    shown = run("show", str(article), "--max-bytes", "100000")
    assert shown.exit_code == 0 and "custody suite" in shown.stdout


def test_terminal_gets_colours_unless_no_color():
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = terminal_output("show", NORTHUMBRIA, env=env | {"TERM": "xterm-256color"})
    assert "\x1b[" in coloured and "Phil Gormley" in coloured
    plain = terminal_output("show", NORTHUMBRIA, env=env | {"TERM": "xterm-256color", "NO_COLOR": "1"})
    assert "\x1b[" not in plain.replace("\x1b[?25l", "").replace("\x1b[?25h", "") and "Phil Gormley" in plain
    # no-color.org: an empty NO_COLOR is as if unset
    empty = terminal_output("show", NORTHUMBRIA, env=env | {"TERM": "xterm-256color", "NO_COLOR": ""})
    assert "\x1b[3" in empty


def test_a_failing_input_is_shown_as_its_error(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    target = tmp_path / "page.html"
    result = run("show", str(binary), NORTHUMBRIA, "-o", str(target))
    assert result.exit_code == 1
    assert '<p class="error">not_text: ' in target.read_text(encoding="utf-8")
    assert result.stderr.startswith(f"inspectx: not_text: {binary}")  # why the exit status is 1


def test_an_output_dir_that_cannot_be_made_is_a_usage_error_before_any_work(tmp_path):
    """A folder below a file, as `-o` into a missing folder is: exit 2 at once (it had run
    the whole extraction, then exited 1)."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file\n", encoding="utf-8")
    result = run("show", DURHAM, "--output-dir", str(blocker / "pages"))
    assert result.exit_code == 2
    assert f"{blocker} is a file, not a folder" in result.stderr
    assert "Durham" not in result.stdout


def test_o_and_output_dir_together_are_a_usage_error(tmp_path):
    result = run("show", DURHAM, "-o", str(tmp_path / "a.html"), "--output-dir", str(tmp_path))
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("text", "marks", "tokens"),
    [
        ("delays online, still", [Mark(0, 13, "CONCERN")], ["delays\u00a0", "online", ", still"]),
        ('said: "I am here"', [Mark(7, 16, "QUOTE")], ["said:", '"I\u00a0', "am\u00a0", "here", '"']),
        ("plain line", [], ["plain line"]),
    ],
    ids=["mark-before-comma", "glued-opening-quote", "no-marks"],
)
def test_tokens_keep_the_text_spacing(text, marks, tokens):
    got, spans = _tokens_and_spans(text, marks)
    assert got == tokens
    for mark, span in zip(marks, spans, strict=True):
        assert span["label"] == mark.label
        shown = "".join(got[span["start_token"] : span["end_token"]]).replace("\u00a0", " ").strip()
        assert text[mark.start : mark.end] in shown


def test_piped_lines_are_not_wrapped(records):
    lines = run("show", NORTHUMBRIA).stdout.splitlines()
    long_line = max(records[1]["text"].split("\n"), key=len)
    assert len(long_line) > 200 and long_line in lines


def test_a_folder_without_articles_is_shown_as_empty_with_a_warning(tmp_path):
    """As `extract` does: nothing to show is no error (exit 0, README's exit codes), and
    the page -o names is written, listing no articles."""
    folder = tmp_path / "empty"
    folder.mkdir()
    page = tmp_path / "page.html"
    result = run("show", str(folder), "-o", str(page))
    assert result.exit_code == 0
    assert result.stderr == f"inspectx: no article files under {folder}\n"
    assert "inspectx: 0 articles" in page.read_text(encoding="utf-8")
    terminal = run("show", str(folder))
    assert (terminal.exit_code, terminal.stdout) == (0, "")


def test_an_inspection_without_an_evidence_span_is_shown(tmp_path):
    """A programme of `other` has no evidence span (start and end are null): the page is
    still drawn, without a PROGRAMME mark."""
    article = tmp_path / "other.txt"
    article.write_text(
        "Inspectors check Cumbria Police's handling of 999 calls\n"
        "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services has published a "
        "report on Cumbria Police.\n"
        "Inspectors found that call handlers answered most 999 calls within ten seconds.\n",
        encoding="utf-8",
    )
    record = json.loads(run("extract", str(article)).stdout)
    assert record["inspection"]["start"] is None
    result = run("show", str(article), "-o", str(tmp_path / "page.html"))
    assert result.exit_code == 0, result.output
    assert "Cumbria Police" in (tmp_path / "page.html").read_text(encoding="utf-8")


def _copy(folder, *sources):
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        (folder / os.path.basename(source)).write_bytes(Path(source).read_bytes())
    return folder


def test_a_page_never_overwrites_an_input(tmp_path):
    """-o naming an input, or --output-dir whose page names are inputs' (story.html gives
    story.html; index.html), is a usage error before any work, and the inputs are kept."""
    folder = _copy(tmp_path / "in", DURHAM, BROADCASTER)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("show", str(folder), "-o", str(folder / "seed_durham.txt"))
    assert result.exit_code == 2 and "is also an input" in result.stderr
    result = run("show", str(folder), "--output-dir", str(folder))
    assert result.exit_code == 2
    clash = "html_met_broadcaster.html over"
    assert result.stderr.startswith(f"Error: --output-dir {folder} would write {clash}")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_pages_inside_the_folder_shown_are_not_read_again(tmp_path):
    """Run twice, `show DIR --output-dir DIR/pages` shows DIR's two articles, not its own
    pages as well; `extract` names such a page as inspectx's own output."""
    folder = _copy(tmp_path / "in", DURHAM, NORTHUMBRIA)
    for _ in range(2):
        result = run("show", str(folder), "--output-dir", str(folder / "pages"))
        assert result.exit_code == 0
        assert result.stderr == f"2 pages in {folder / 'pages'} (index.html lists them)\n"
    assert sorted(p.name for p in (folder / "pages").iterdir()) == [
        "index.html",
        "seed_durham.html",
        "seed_northumbria.html",
    ]
    result = run("extract", str(folder / "pages" / "seed_durham.html"))
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "not_text" and "a page `inspectx show` wrote" in error["message"]


def test_o_of_show_into_a_missing_folder_is_a_usage_error_before_any_work(tmp_path):
    result = run("show", DURHAM, "-o", str(tmp_path / "nowhere" / "page.html"))
    assert result.exit_code == 2 and result.stderr.startswith("Error: cannot write ")


def test_a_long_input_name_gets_a_page_name_the_file_system_takes(tmp_path):
    long = tmp_path / ("a" * 251 + ".txt")
    long.write_bytes(Path(DURHAM).read_bytes())
    result = run("show", str(long), DURHAM, "--output-dir", str(tmp_path / "pages"))
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert names == ["a" * 200 + ".html", "index.html", "seed_durham.html"]


def test_output_dir_never_replaces_a_file_show_did_not_write_but_replaces_its_own(tmp_path):
    """A saved page called index.html in the folder stays (it had been replaced silently);
    the pages of an earlier run into the same folder are replaced."""
    pages = tmp_path / "pages"
    pages.mkdir()
    saved = pages / "index.html"
    saved.write_text("<html><body><p>My own saved page.</p></body></html>", encoding="utf-8")
    result = run("show", DURHAM, NORTHUMBRIA, "--output-dir", str(pages))
    assert result.exit_code == 2 and "did not write" in result.stderr
    assert "My own saved page" in saved.read_text(encoding="utf-8")
    saved.unlink()
    assert run("show", DURHAM, NORTHUMBRIA, "--output-dir", str(pages)).exit_code == 0
    assert run("show", DURHAM, NORTHUMBRIA, "--output-dir", str(pages)).exit_code == 0
