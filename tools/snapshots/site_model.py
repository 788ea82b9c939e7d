"""A portal being generated (pages, facts, headers) and the crawl that measures it.

`crawl_site` resolves URLs exactly as Sources/SiteServer/StaticSite.swift does
(query file first, then the bare path; `/x/` is `x/index.html`; a folder answers
301 to `path/`; `_headers.tsv` can set a status or headers), so what it reaches
is what the audit can reach over HTTP.
"""
import html
import html.entities
import random
import re
import unicodedata
from collections import deque
from urllib.parse import urljoin, urlsplit, unquote

HREF = re.compile(r"<(?:a|link)\b[^>]*?\shref\s*=\s*[\"']([^\"']*)[\"']", re.I)
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def file_key(url):
    """URL path (+ query) -> file path relative to the site root, as the server looks it up."""
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    if path.endswith("/"):
        path += "index.html"
    key = path.lstrip("/")
    return f"{key}?{parts.query}" if parts.query else key


def header_key(url):
    """The `_headers.tsv` key of a URL (folder index pages keep their trailing slash)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    return f"{path}?{parts.query}" if parts.query else path


def to_cp1258(text):
    """Windows-1258 bytes: precomposed base letters (â, ơ, đ …) followed by combining tone marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        try:
            out += (base + tones).encode("cp1258")
        except UnicodeEncodeError:
            out += f"&#{ord(ch)};".encode("ascii")
    return bytes(out)


def entity_encode(text):
    """Every non-ASCII character as an HTML entity, named when HTML has a name for it."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
        else:
            name = html.entities.codepoint2name.get(ord(ch))
            out.append(f"&{name};" if name else f"&#{ord(ch)};")
    return "".join(out)


class Page:
    def __init__(self, url, title, body, facts, group, calendar):
        self.url, self.title, self.body, self.facts = url, title, body, facts
        self.group, self.calendar = group, calendar


class Site:
    def __init__(self, ag, skin):
        self.ag, self.skin = ag, skin
        self.files, self.facts = {}, {}
        self.service_files, self.service_facts = {}, {}
        self.headers = []  # (key, "Name: value")
        self.pages = []
        self.links = {}  # item -> (label, url or None)
        self.menu, self.footer_links, self.blocks, self.sitemap_only = [], [], [], []
        self.cats, self.docs, self.services = [], [], []
        self.rng = random.Random(f"nav:{ag.id}")

    # -- registration -------------------------------------------------------
    def add_page(self, url, title, body, facts=(), group=None, calendar=False):
        self.pages.append(Page(url, title, body, list(facts), group, calendar))

    def add_raw_page(self, url, text, facts=()):
        self._store(url, self.encode(text), facts, html_page=True)

    def add_file(self, url, data, facts=()):
        self._store(url, data, facts, html_page=False)

    def add_service_file(self, url, data, facts):
        key = file_key(url)
        assert key not in self.service_files, key
        self.service_files[key] = data
        self.service_facts[key] = list(facts)

    def _store(self, url, data, facts, html_page):
        key = file_key(url)
        if key in self.files:
            raise ValueError(f"{self.ag.id}: two files at {key}")
        self.files[key] = data
        self.facts[key] = list(facts)
        if html_page and self.ag.option("encoding") == "cp1258-meta":
            self.headers.append((header_key(url), "Content-Type: text/html"))

    def encode(self, text):
        if self.ag.option("nfd"):
            text = unicodedata.normalize("NFD", text)
        if self.ag.option("entities"):
            text = entity_encode(text)
        if self.ag.option("encoding") == "cp1258-meta":
            return to_cp1258(text)
        return text.encode("utf-8")

    def render_all(self):
        for page in self.pages:
            self._store(page.url, self.encode(self.skin.layout(self, page)), page.facts, html_page=True)
        self.pages = []

    def reachable_articles_hint(self):
        """Articles on the first list page of each category: certainly reachable."""
        size = self.skin.page_size
        return [a for c in self.cats for a in c.articles[:size]]

    # -- navigation ---------------------------------------------------------
    def build_navigation(self):
        ag, links, rng = self.ag, self.links, self.rng
        def placed(item, where):
            return item in links and links[item][1] and ag.placement(item) == where

        self.menu = [("Trang chủ", self.skin.home_url, [])]
        intro = [links[i] for i in ["gioi-thieu.co-cau-to-chuc", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.lich-su",
                                    "gioi-thieu.lanh-dao", "gioi-thieu.dia-phuong", "danh-ba"] if placed(i, "menu")]
        if intro:
            self.menu.append((rng.choice(["Giới thiệu", "GIỚI THIỆU", "Giới thiệu chung"]), intro[0][1], intro))
        news = [(c.label, c.pages[0]) for c in self.cats]
        self.menu.append((rng.choice(["Tin tức - Sự kiện", "Tin tức", "TIN TỨC SỰ KIỆN"]), news[0][1], news))
        info = []
        if placed("chi-dao-dieu-hanh", "menu"):
            subs = [links[i] for i in ["chi-dao-dieu-hanh.khen-thuong-xu-phat", "chi-dao-dieu-hanh.lich-cong-tac"]
                    if placed(i, "menu")]
            self.menu.append((links["chi-dao-dieu-hanh"][0], links["chi-dao-dieu-hanh"][1], subs))
        else:
            info += [links[i] for i in ["chi-dao-dieu-hanh.khen-thuong-xu-phat", "chi-dao-dieu-hanh.lich-cong-tac"]
                     if placed(i, "menu")]
        for item in ["van-ban", "thu-tuc-hanh-chinh"]:
            if placed(item, "menu"):
                self.menu.append((links[item][0], links[item][1], []))
        info += [links[i] for i in ["tuyen-truyen-phap-luat", "chien-luoc-quy-hoach", "du-an-dau-thau", "khoa-hoc",
                                    "thong-ke"] if placed(i, "menu")]
        if info:
            self.menu.append((rng.choice(["Thông tin chuyên ngành", "Công khai thông tin", "Chuyên mục"]), info[0][1], info))
        for item in ["hoi-dap", "gop-y", "gioi-thieu.lien-he"]:
            if placed(item, "menu"):
                self.menu.append((links[item][0], links[item][1], []))
        self.blocks = [(item, links[item][0], links[item][1]) for item in links if placed(item, "block")]
        self.footer_links = [links[i] for i in links if placed(i, "footer")]
        if "chuc-nang.so-do-cong" in links:
            self.footer_links.append(links["chuc-nang.so-do-cong"])
        self.sitemap_only = [links[i] for i in links if placed(i, "sitemap")]
        if self.sitemap_only and "chuc-nang.so-do-cong" not in links:
            raise ValueError(f"{ag.id}: items placed on the site map but there is no site map page")

    def sitemap_html(self):
        parts = []
        for label, url, children in self.menu:
            sub = "".join(f"<li><a href=\"{html.escape(u)}\">{l}</a></li>" for l, u in children)
            parts.append(f"<li><a href=\"{html.escape(url)}\">{label}</a>{'<ul>' + sub + '</ul>' if sub else ''}</li>")
        for _, label, url in self.blocks:
            parts.append(f"<li><a href=\"{html.escape(url)}\">{label}</a></li>")
        for label, url in self.footer_links + self.sitemap_only:
            if url != self.links.get("chuc-nang.so-do-cong", (0, 0))[1]:
                parts.append(f"<li><a href=\"{html.escape(url)}\">{label}</a></li>")
        return f"<ul class=\"sitemap\">{''.join(parts)}</ul>"

    # -- special sites -------------------------------------------------------
    def block_everything(self):
        """A web application firewall answering 403 to every request the audit can make."""
        for key in ["/", "/index.html", "/robots.txt", "/sitemap.xml", "/favicon.ico"]:
            self.headers.append((key, "Status: 403"))
        self.files["index.html"] = b"<html><body>Trang web tam dung</body></html>"
        self.finish_headers()

    def finish_headers(self):
        if self.skin.root_redirect:
            self.headers[:0] = [("/", "Status: 302"), ("/", f"Location: {self.skin.home_url}")]
        if self.headers:
            lines = ["# per-URL headers for portal-audit serve (see Sources/SiteServer/StaticSite.swift)"]
            lines += [f"{k}\t{v}" for k, v in self.headers]
            self.files["_headers.tsv"] = ("\n".join(lines) + "\n").encode("utf-8")


# ----------------------------------------------------------------------------
# Crawl over the generated files


class Reach:
    def __init__(self):
        self.keys = set()  # file keys answered 200
        self.urls = set()  # request URLs (path + query) answered 200


def parse_headers(headers):
    table = {}
    for key, value in headers:
        name, _, val = value.partition(":")
        table.setdefault(key, []).append((name.strip(), val.strip()))
    return table


def resolve(files, dirs, overrides, url):
    """What the static server answers: ('file', key) | ('redirect', location) | ('status', code)."""
    parts = urlsplit(url)
    path = unquote(parts.path) or "/"
    if path.endswith("/"):
        path += "index.html"
    keys = ([f"{path}?{parts.query}"] if parts.query else []) + [path]
    for key in keys:
        extra = overrides.get(key) or overrides.get(key.replace("/index.html", "/")) or []
        status = [v for n, v in extra if n.lower() == "status"]
        if status:
            location = [v for n, v in extra if n.lower() == "location"]
            code = int(status[0])
            if code in (301, 302) and location:
                return ("redirect", location[0])
            return ("status", code)
        rel = key.lstrip("/")
        if rel in files:
            return ("file", rel)
        if rel in dirs:
            return ("redirect", (parts.path or "/") + "/")
    return ("status", 404)


def decode(data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258")


def links_of(data):
    return [html.unescape(h).strip() for h in HREF.findall(decode(data))]


def crawl_site(files, headers, host, port, seeds=("/",)):
    """Breadth-first crawl of one host over the generated files; follows only same-host links."""
    dirs = set()
    for key in files:
        parts = key.split("?")[0].split("/")
        for i in range(1, len(parts)):
            dirs.add("/".join(parts[:i]))
    overrides = parse_headers(headers)
    origin = f"http://{host}:{port}"
    reach = Reach()
    queue = deque(origin + s for s in seeds)
    seen = set(queue)
    while queue:
        url = queue.popleft()
        parts = urlsplit(url)
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        answer = resolve(files, dirs, overrides, local)
        if answer[0] == "redirect":
            target = urljoin(url, answer[1])
            if target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        if answer[0] != "file":
            continue
        reach.keys.add(answer[1])
        reach.urls.add(local)
        if answer[1].split("?")[0].endswith((".rss", ".xml", ".pdf", ".doc", ".txt", ".png", ".jpg")):
            continue
        for href in links_of(files[answer[1]]):
            if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
                continue
            target = urljoin(url, href).split("#")[0]
            tparts = urlsplit(target)
            if f"{tparts.scheme}://{tparts.netloc}" != origin:
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return reach


# Issuer codes many issuers share: a number carrying one does not tell who issued it.
SHARED_CODES = {"UBND"}


def agency_code(ag):
    """The code of targets.yaml: the agency's own, or UBND for a district."""
    return "UBND" if ag.tier == "district" else ag.code


def own_documents(ag, numbers, shown, by_number):
    """Documents of the year the agency issued, as a reader of the reached pages tells them:
    from the issuer a page prints, else from the code ending the number; None when some
    document's issuer cannot be told (a shared code and no issuer printed)."""
    own = 0
    for number in numbers:
        doc = by_number[number]
        if number in shown:
            own += doc.issuer == ag.name
            continue
        code = number.rsplit("-", 1)[1]
        if code != agency_code(ag):
            continue
        if code in SHARED_CODES:
            return None
        own += 1
    return own


def measure(site, reach, year):
    """The figures the audit must measure: facts of every page the crawl reached."""
    facts = [f for key in reach.keys for f in site.facts.get(key, [])]
    ag = site.ag
    if ag.option("services") == "host":
        host_reach = crawl_site(site.service_files, [], ag.services_host, 8043, seeds=("/dvc/",))
        facts += [f for key in host_reach.keys for f in site.service_facts.get(key, [])]
    present = {f[1] for f in facts if f[0] == "item"}
    if "sitemap.xml" in site.files:
        present.add("chuc-nang.so-do-cong")
    articles = {f[1]: f[2] for f in facts if f[0] == "article"}
    all_articles = {a.key for c in site.cats for a in c.articles}
    docs = {f[1] for f in facts if f[0] == "doc" and f[2].year == year}
    shown = {f[1] for f in facts if f[0] == "doc" and f[3] is not None}
    services = {}
    for f in facts:
        if f[0] == "service":
            services[f[1]] = f[2]
    return {
        "present": present,
        "news": {"count": sum(1 for d in articles.values() if d and d.year == year),
                 "undated": sum(1 for d in articles.values() if d is None),
                 "partial": bool(all_articles - set(articles))},
        "documents": len(docs),
        "documents_own": own_documents(ag, docs, shown, {d.number: d for d in site.docs}),
        "services": {"level3": sum(1 for v in services.values() if v == 3),
                     "level4": sum(1 for v in services.values() if v == 4),
                     "total": len(services)},
    }
