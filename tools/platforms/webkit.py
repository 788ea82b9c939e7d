"""Shared machinery of the platform corpus: pages with ground-truth facts, the
static server's URL-to-file mapping, a link crawl from the home page and the
figures a person would read off the reachable pages.

Standard library only; nothing here knows any detector's vocabulary.
"""
import html
import os
import re
import unicodedata
from urllib.parse import urljoin, urlsplit, parse_qsl

ZWSP = "\u200b"


def esc(text):
    return html.escape(text, quote=True)


def slugify(text):
    """ASCII slug the way Vietnamese CMSs build them (đ -> d, marks dropped)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text


def sorted_query(query):
    """Files are stored under the query with its parameters sorted (snapshots convention)."""
    if not query:
        return ""
    return "&".join(sorted(p for p in query.split("&") if p))


def file_key(path_and_query):
    """`/a/b/?x=1&a=2` -> `a/b/index.html?a=2&x=1` (the name of the file on disk)."""
    parts = urlsplit(path_and_query)
    path = parts.path or "/"
    if path.endswith("/"):
        path += "index.html"
    key = path.lstrip("/")
    if parts.query:
        key += "?" + sorted_query(parts.query)
    return key


def header_path(url):
    """The request path a `_headers.tsv` line matches: the crawler sends sorted parameters."""
    path, _, query = url.partition("?")
    return path + ("?" + sorted_query(query) if query else "")


class Page:
    """One file of a site with what it really carries (the ground truth)."""

    def __init__(self, html_text, facts=None, content_type=None):
        self.html = html_text
        self.facts = facts or {}
        self.content_type = content_type


class SiteFiles:
    """The files of one host: key -> Page, plus per-URL headers."""

    def __init__(self):
        self.pages = {}
        self.headers = []  # (url path, header line)

    def add(self, url, page):
        key = file_key(url)
        if key in self.pages and self.pages[key].html != page.html:
            raise ValueError("two different pages for " + key)
        self.pages[key] = page
        return key

    def header(self, path, line):
        self.headers.append((path, line))

    def write(self, folder):
        for key, page in sorted(self.pages.items()):
            target = os.path.join(folder, key)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as fh:
                fh.write(page.html.encode("utf-8"))
        if self.headers:
            lines = ["# per-URL headers for portal-audit serve (see Sources/SiteServer/StaticSite.swift)"]
            lines += ["%s\t%s" % (p, h) for p, h in self.headers]
            with open(os.path.join(folder, "_headers.tsv"), "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")

    def lookup(self, path, query):
        """What the static server answers: (status, page or location)."""
        for p, h in self.headers:
            if p == path and h.startswith("Location:"):
                return 302, h.split(":", 1)[1].strip()
        keys = []
        base = path + ("index.html" if path.endswith("/") else "")
        if query:
            keys.append(base.lstrip("/") + "?" + sorted_query(query))
        keys.append(base.lstrip("/"))
        for key in keys:
            if key in self.pages:
                return 200, self.pages[key]
            if any(k.startswith(key + "/") for k in self.pages):
                return 301, path + "/"
        return 404, None


HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*("([^"]*)"|'([^']*)')""", re.I | re.S)


def links_of(page_html):
    for m in HREF.finditer(page_html):
        yield html.unescape(m.group(2) if m.group(2) is not None else m.group(3))


SKIPPED_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".rar", ".zip", ".jpg", ".png", ".gif")


def crawl(hosts, seeds):
    """Breadth-first over <a href> links from the seeds, answering as the static
    server does. `hosts` maps "host:port" -> SiteFiles. Returns {url: Page} of
    every reachable HTML page and the list of broken links (url, from)."""
    seen, reached, broken = set(), {}, []
    queue = [(s, "seed") for s in seeds]
    while queue:
        url, origin = queue.pop(0)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc not in hosts:
            continue
        if parts.path.lower().endswith(SKIPPED_EXTENSIONS):
            continue
        key = parts.netloc + parts.path + "?" + sorted_query(parts.query)
        if key in seen:
            continue
        seen.add(key)
        status, answer = hosts[parts.netloc].lookup(parts.path or "/", parts.query)
        if status in (301, 302):
            queue.append((urljoin(url, answer), url))
            continue
        if status != 200:
            broken.append((url, origin))
            continue
        reached[url.split("#")[0]] = answer
        if answer.content_type:
            continue
        for href in links_of(answer.html):
            if href.startswith(("javascript:", "mailto:", "tel:", "#")) or not href.strip():
                continue
            queue.append((urljoin(url, href).split("#")[0], url))
    return reached, broken


def measure(reached, year, own_visible):
    """The figures a reader of the reachable pages arrives at, from the facts."""
    articles, items, docs, services = {}, set(), {}, {}
    for page in reached.values():
        f = page.facts
        if "article" in f:
            key, date = f["article"]
            articles[key] = date
        for item in f.get("items", ()):
            items.add(item)
        for number, date, own in f.get("documents", ()):
            docs[(number, date)] = own
        for name, level in f.get("services", ()):
            services[name] = level
    news = sum(1 for d in articles.values() if d is not None and d.year == year)
    undated = sum(1 for d in articles.values() if d is None)
    in_year = {k: own for k, own in docs.items() if k[1].year == year}
    return {
        "items": items,
        "news": news,
        "undated": undated,
        "articles": len(articles),
        "dated_articles": sum(1 for d in articles.values() if d is not None),
        "documents": len(in_year),
        "own": sum(1 for own in in_year.values() if own) if own_visible else None,
        "level3": sum(1 for lv in services.values() if lv == 3),
        "level4": sum(1 for lv in services.values() if lv == 4),
        "total": len(services),
    }
