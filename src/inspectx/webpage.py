"""What trafilatura gets wrong on saved pages, put right: reader comments, bare lists.

`tidied` removes reader comments (with their authors and dates) and flattens tables inside table cells before
the main text and the metadata are extracted; `with_lists` puts back the list items
of the story that the precise extraction dropped but a recall-oriented one kept;
`dateline` finds the line under the headline that dates the story, which trafilatura
keeps only as metadata, and `byline` the credit it may drop altogether.
"""

from __future__ import annotations

import re

#: class or id tokens of comment sections ("comments", "comment-list", "disqus_thread")
_COMMENT_TOKEN = re.compile(
    r"^(comments?|comment[-_]\w+|(article|post|story|reader|user|page)[-_]comments?|commentlist|respond|replies|"
    r"discussion|disqus\w*)$",
    re.IGNORECASE,
)
_AUTHOR_TOKEN = re.compile(r"author|commenter|username|user-name", re.IGNORECASE)
_DATE_TOKEN = re.compile(r"date|time|posted|ago", re.IGNORECASE)
_KEEP_TAGS = {"html", "body", "article", "main"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def tidied(html: str) -> str:
    """`html` without its reader comments, and with each table inside a table's cell
    flattened into its text (trafilatura would make the inner table's rows lines of their
    own, and a grade in a nested table would leave its row: "| Area | |" / "| Good |"), and
    each `<time>` inside a sentence of a paragraph, list item, cell or quotation read as its
    words (trafilatura drops the element: "visited in <time>November 2024</time>." had become
    "visited in ."; a paragraph that is only a `<time>` keeps it, for the page's date).

    Comments are found by name or by shape.

    By name: elements whose class or id is a comment section ("comments",
    "comment-list", "article-comments", "respond", "disqus_thread"). By shape: two or
    more sibling blocks that each carry an author (class/itemprop/rel "author", or
    `<cite>`) and a date (`<time>`, or a class naming a date): a run of posts by
    readers, which a story (one byline) never has. The headline's container is never
    removed. Returns `html` unchanged when it cannot be parsed.
    """
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and _is_comment_section(el)]
    doomed += _reader_posts(root)
    changed = False
    for element in doomed:
        parent = element.getparent()
        if parent is not None and element.tag not in _KEEP_TAGS | {"h1"} and not element.xpath(".//h1"):
            element.drop_tree()
            changed = True
    for moment in root.xpath("//p//time | //li//time | //td//time | //blockquote//time"):
        around = moment.getparent().text_content().replace(moment.text_content(), " ")
        if len(around.split()) >= 3:  # in a sentence, not a paragraph that is only the date
            _words_before(moment)  # "visited in <time>November 2024</time>": trafilatura drops its words
            changed = True
    for inner in root.xpath("//td//table | //th//table"):
        if inner.getparent() is None:
            continue  # inside a table flattened already
        words = " ".join(inner.text_content().split())
        flat = lxml.html.Element("span")
        flat.text = words
        flat.tail = inner.tail
        inner.getparent().replace(inner, flat)
        changed = True
    return lxml.html.tostring(root, encoding="unicode") if changed else html


def _words_before(element) -> None:
    """Put the element's words in the text just before it and leave the element empty, its
    attributes kept: a `<time datetime=...>` still dates the page for htmldate, and the
    words stay in the sentence that trafilatura extracts."""
    words = element.text_content()
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + words
    else:
        parent = element.getparent()
        parent.text = (parent.text or "") + words
    for child in list(element):
        element.remove(child)
    element.text = None


def with_lists(main: str, recall: str) -> str:
    """`main` with the list items ("- item") that only `recall` has, where they belong.

    A run of items is added only right after a line of `main` that introduces a list
    (ends with a colon, or is a short heading) and with nothing else between them in
    `recall`: lists elsewhere are menus and teasers. `main` is returned unchanged
    unless its lines appear in `recall` in order.
    """
    base = [line for line in main.split("\n") if line.strip()]
    out: list[str] = []
    pending: list[str] = []
    open_list = False  # the last line seen introduces a list, and nothing else came since
    matched = 0
    for line in recall.split("\n"):
        if matched < len(base) and line == base[matched]:
            out.extend(pending)
            pending = []
            out.append(line)
            open_list = _introduces_list(line)
            matched += 1
        elif open_list and line.startswith("- "):
            pending.append(line)
        elif line.strip():
            pending, open_list = [], False
    if matched < len(base):
        return main
    return "\n".join(out + pending)


def headline(html: str):
    """The page's `<h1>` element (lxml), from which `dateline` and `standfirst` look on;
    None when the page has none or cannot be parsed."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    return next(iter(root.iter("h1")), None)


def dateline(h1) -> str | None:
    """The dateline of a saved page: the first short block after its `<h1>` (see
    `headline`) whose text is a date with at most a label, a time or a byline
    ("Publication date: 5th March 2025", "Posted on 18 January 2024 by Jo Bloggs, Press
    Officer"), looked for among the first few blocks with text; None when there is none."""
    from inspectx.cleaner import looks_like_dateline

    for block in _first_blocks(h1, nested=True):
        lines = text_lines(block)
        # a line of its own ("By Jo Bloggs<br>Crime Reporter<br>3 March 2025"), else the
        # block's words together ("<div><span>Published:</span> 4 June</div>")
        for text in (*lines, " ".join(" ".join(lines).split())):
            if text and looks_like_dateline(text):
                return text
    return None


def byline(h1) -> str | None:
    """The byline of a saved page set in a block after its `<h1>` that trafilatura leaves
    out of both text and metadata ("<div><span>By Jo Smith</span><div>BBC News, South
    West</div></div>": "Jo Smith, BBC News, South West"), read as `inspectx.byline` reads
    the lines under a headline; None when there is none."""
    from inspectx.byline import find_byline

    for block in _first_blocks(h1, nested=True):
        lines = text_lines(block)
        if 0 < len(lines) <= 3 and all(len(line) <= 80 for line in lines):
            found = find_byline("\n".join(["Headline", *lines]))  # read under a headline
            if found is not None:
                return found.value
    return None


#: Elements that start a line of their own.
_LINE_TAGS = frozenset({"br", "p", "div", "li", "tr", "section", "header", "footer", "address", *_HEADINGS})


def text_lines(block) -> list[str]:
    """The lines of an element's text as a browser shows them: a `<br>` or a block element
    starts a line, and the texts of elements set side by side ("<span>Political
    Editor</span><span>Updated 16:05</span>") are kept apart by a space, where
    `text_content()` runs them together ("Political EditorUpdated 16:05")."""
    lines: list[str] = []
    words: list[str] = []

    def end_line() -> None:
        line = " ".join(" ".join(words).split())
        if line:
            lines.append(line)
        words.clear()

    def walk(element) -> None:
        breaks = element is not block and element.tag in _LINE_TAGS
        if breaks:
            end_line()
        words.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            words.append(child.tail or "")
        if breaks:
            end_line()
        else:
            words.append(" ")  # "<span>A</span><span>B</span>": two words

    walk(block)
    end_line()
    return lines


#: class or id tokens of a standfirst (the summary under the headline), which trafilatura
#: often leaves out of the main text
_STANDFIRST_TOKEN = re.compile(
    r"standfirst|sub-?title|sub-?head|summary|dek|intro|lede|lead|strap|teaser|excerpt|description",
    re.IGNORECASE,
)


def standfirst(h1) -> str | None:
    """The standfirst of a saved page: a block just after its `<h1>` (see `headline`)
    marked as one by its class or id ("standfirst", "sub-title", "dek", "intro", ...) whose
    text is a sentence of at least six words; None when there is none."""
    for block in _first_blocks(h1, nested=False):
        marks = f"{block.get('class') or ''} {block.get('id') or ''}"
        text = " ".join(block.text_content().split())
        if _STANDFIRST_TOKEN.search(marks) and len(text.split()) >= 6:
            return text
    return None


def _first_blocks(h1, *, nested: bool):
    """The elements after the headline (`_after`; with their descendants when `nested`), up
    to the _DATELINE_REACH-th that has text of its own."""
    if h1 is None:
        return
    seen = 0
    for sibling in _after(h1):
        for block in sibling.iter() if nested else [sibling]:
            if not isinstance(block.tag, str):
                continue
            yield block
            own = (block.text or "").strip() if nested else block.text_content().strip()
            if own:
                seen += 1
                if seen >= _DATELINE_REACH:
                    return


_DATELINE_REACH = 4


def _after(h1):
    """The elements after the headline: its following siblings, then, when it is wrapped in
    a header of its own ("<header><h1>...</h1></header><div>By ...</div>"), the wrapper's."""
    element = h1
    while element is not None:
        yield from element.itersiblings()
        element = element.getparent()
        if element is None or element.tag in _KEEP_TAGS:
            return


def _introduces_list(line: str) -> bool:
    text = line.strip()
    return text.endswith(":") or (
        len(text.split()) <= 12 and not text.endswith((".", "!", "?", '"', "\u201d"))
    )


def _is_comment_section(element) -> bool:
    tokens = f"{element.get('class', '')} {element.get('id', '')}".split()
    return any(_COMMENT_TOKEN.match(token) for token in tokens)


def _reader_posts(root) -> list:
    """Sibling blocks of one kind (tag and class) that each hold an author and a date."""
    posts = []
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        kinds: dict[tuple[str, str], list] = {}
        for child in parent:
            if isinstance(child.tag, str) and _has_author_and_date(child):
                kinds.setdefault((child.tag, child.get("class", "")), []).append(child)
        items = [child for group in kinds.values() if len(group) >= 2 for child in group]
        if items:
            posts.extend(items)
            others = [c for c in parent if isinstance(c.tag, str) and c not in items]
            if all(c.tag in _HEADINGS for c in others):
                posts.extend(others)  # "What readers say"
    return posts


def _has_author_and_date(element) -> bool:
    has_author = has_date = False
    for el in element.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class', '')} {el.get('itemprop', '')} {el.get('rel', '')}"
        has_author = has_author or el.tag == "cite" or bool(_AUTHOR_TOKEN.search(marks))
        has_date = has_date or el.tag == "time" or bool(_DATE_TOKEN.search(el.get("class", "")))
        if has_author and has_date:
            return True
    return False
