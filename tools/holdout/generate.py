#!/usr/bin/env python3
"""Write the held-out 2025 corpus fixtures/holdout-2026 (Nghị định 42/2022 items, audit year 2025).

Six fictional Sơn La portals after 1/7/2025 (three sở/ban, three xã/phường), written from
/work/shared/reference (portal-structures.md, decree-42-2022-items.md, son-la-2025-map.md) and
from how real .gov.vn portals look, by a hand that has not read the detectors. Every page is
written together with its facts (article identity and publication date, documents, procedures,
the Decree 42 items its own content carries); the generator then crawls the written files as
the static server answers them, from the home page and the services seed, following <a href>
only, and derives expected.yaml from the facts of the reachable pages. It stops when a site's
reachable items differ from what the site is meant to carry, or when a link leads nowhere other
than the broken links a site is meant to have.

Usage: python3 tools/holdout/generate.py [--check]
  --check  write nothing; exit 1 when the committed files differ from what would be written.
Standard library only; fixed seed, byte-for-byte reproducible.
"""
import datetime as dt
import filecmp
import html
import os
import random
import shutil
import sys
import tempfile
import unicodedata
import urllib.parse
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "fixtures", "holdout-2026")
PORT = 8045
YEAR = 2025
SEED = 20250701

# The 25 ids of Sources/Detect/Resources/rules/nd-42-2022.yaml (all tiers).
ITEMS = [
    "van-ban", "dieu-uoc-quoc-te", "thu-tuc-hanh-chinh", "dich-vu-cong.lien-ket-quoc-gia", "tuyen-truyen-phap-luat",
    "chien-luoc-quy-hoach", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.co-cau-to-chuc", "gioi-thieu.lien-he",
    "gioi-thieu.dau-moi", "du-an-dau-thau", "tai-chinh.bao-cao", "thong-ke", "tin-tuc", "chi-dao-dieu-hanh",
    "chi-dao-dieu-hanh.lich-cong-tac", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "chuc-nang.in-luu",
    "tieng-nuoc-ngoai", "hoi-dap", "gop-y", "tuong-tac.danh-gia", "tuong-tac.mang-xa-hoi", "du-lieu-mo",
]

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
ZWSP = "\u200b"
e = html.escape


def slugify(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    out, dash = [], False
    for c in text:
        if c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:80].rstrip("-")


def nfd(text):
    return unicodedata.normalize("NFD", text)


def zw(word):
    """A zero-width space inside a word, as copy-paste from office tools leaves it."""
    if len(word) < 4:
        return word
    mid = len(word) // 2
    return word[:mid] + ZWSP + word[mid:]


# ---------------------------------------------------------------- content banks

SENTENCES = [
    "Tham dự có đại diện lãnh đạo {org}, các phòng chuyên môn và đơn vị sự nghiệp trực thuộc.",
    "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh Sơn La, {org} đã ban hành kế hoạch triển khai cụ thể tới từng đơn vị.",
    "Qua kiểm tra, các đơn vị cơ bản thực hiện nghiêm túc các quy định; một số tồn tại đã được chỉ ra và yêu cầu khắc phục trong thời gian sớm nhất.",
    "Hội nghị đã nghe báo cáo đánh giá kết quả thực hiện nhiệm vụ và thảo luận các giải pháp trọng tâm trong thời gian tới.",
    "Phát biểu tại buổi làm việc, đồng chí lãnh đạo đề nghị các phòng, đơn vị tăng cường phối hợp, đẩy mạnh chuyển đổi số và cải cách hành chính.",
    "Đến nay, 100% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết đúng hạn, không có hồ sơ quá hạn.",
    "Việc vận hành mô hình chính quyền địa phương hai cấp từ ngày 01/7/2025 bước đầu ổn định, thông suốt.",
    "Cán bộ, công chức tại Trung tâm Phục vụ hành chính công đã hướng dẫn người dân nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia.",
    "Các đại biểu đã trao đổi, thảo luận nhiều ý kiến tâm huyết, tập trung vào những khó khăn, vướng mắc trong quá trình thực hiện.",
    "Kết thúc chương trình, ban tổ chức đã trao giấy khen cho các tập thể, cá nhân có thành tích xuất sắc.",
    "Tổng kinh phí thực hiện gần 4.798 triệu đồng, từ nguồn ngân sách nhà nước và nguồn vốn lồng ghép của các chương trình mục tiêu quốc gia.",
    "Tỷ lệ giải ngân vốn đầu tư công đến hết tháng đạt 63,5% kế hoạch vốn được giao.",
    "Đoàn công tác đã đi kiểm tra thực tế tại một số công trình, dự án trên địa bàn và ghi nhận kiến nghị của người dân.",
    "Thời gian tới, {org} tiếp tục rà soát, hoàn thiện quy chế làm việc, bảo đảm phù hợp với chức năng, nhiệm vụ mới sau sắp xếp.",
    "Buổi tuyên truyền thu hút hơn 150 lượt người dân, đoàn viên thanh niên và học sinh tham gia.",
    "Nhân dịp này, các đơn vị đã trao tặng 120 suất quà cho hộ nghèo, hộ có hoàn cảnh đặc biệt khó khăn.",
    "Cũng trong chương trình, đại diện các doanh nghiệp đã chia sẻ kinh nghiệm ứng dụng công nghệ thông tin trong sản xuất, kinh doanh.",
    "Đồng chí nhấn mạnh, công tác phòng, chống thiên tai phải được chuẩn bị chủ động từ sớm, từ xa, không để bị động, bất ngờ.",
]

TOPICS = [
    "Hội nghị sơ kết công tác {period}", "Triển khai nhiệm vụ chuyển đổi số {period}", "Kiểm tra công tác cải cách hành chính {period}",
    "Tập huấn nghiệp vụ cho cán bộ, công chức {period}", "Ra quân hưởng ứng Ngày Chủ nhật xanh {period}",
    "Tổng kết phong trào thi đua yêu nước {period}", "Đối thoại với doanh nghiệp, người dân {period}",
    "Giao ban công tác {period}", "Kiểm tra công tác phòng, chống thiên tai {period}", "Trao quà hỗ trợ hộ nghèo {period}",
    "Hội thảo góp ý dự thảo quy chế làm việc {period}", "Làm việc với đoàn công tác của Bộ {period}",
    "Tuyên truyền bảo đảm trật tự an toàn giao thông {period}", "Triển khai Tháng hành động vì an toàn thực phẩm {period}",
    "Hội nghị cán bộ, công chức, viên chức {period}", "Kiểm tra tiến độ giải ngân vốn đầu tư công {period}",
]
PERIODS_BY_MONTH = {1: "tháng 1", 2: "dịp Tết Nguyên đán", 3: "quý I", 4: "tháng 4", 5: "tháng 5", 6: "6 tháng đầu",
                    7: "tháng 7", 8: "tháng 8", 9: "quý III", 10: "tháng 10", 11: "tháng 11", 12: "tháng 12"}
LAW_TOPICS = ["Tuyên truyền, phổ biến Luật Đất đai năm 2024", "Phổ biến Luật Dữ liệu cho cán bộ, công chức",
              "Giới thiệu những điểm mới của Luật Tổ chức chính quyền địa phương năm 2025",
              "Hỏi - đáp pháp luật về phòng, chống ma túy", "Tuyên truyền Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
              "Phổ biến quy định mới về cấp giấy chứng nhận quyền sử dụng đất", "Ngày Pháp luật Việt Nam năm 2025"]


class Article:
    def __init__(self, aid, title, date, cats, paras, source=None, undated=False):
        self.aid, self.title, self.date, self.cats, self.paras, self.source = aid, title, date, cats, paras, source
        self.undated = undated
        self.slug = slugify(title)


def make_articles(rnd, org, count, first_id, cats, years=(2023, 2024, 2025), weights=(1, 2, 5), law_cat=None, law_count=0):
    """Articles spread over `years` (most in the audit year), each in one or two categories."""
    arts, used = [], set()
    aid = first_id
    for i in range(count + law_count):
        year = rnd.choices(years, weights)[0]
        while True:
            date = dt.datetime(year, rnd.randint(1, 12), rnd.randint(1, 28), rnd.choice([7, 8, 9, 10, 14, 15, 16]), rnd.choice([0, 15, 30, 45]))
            if date not in used:
                used.add(date)
                break
        if i < law_count:
            title = "%s (%s)" % (LAW_TOPICS[i % len(LAW_TOPICS)], "đợt %d/%d" % (i // len(LAW_TOPICS) + 1, year))
            acats = [law_cat]
        else:
            title = rnd.choice(TOPICS).format(period="%s năm %d" % (PERIODS_BY_MONTH[date.month], year))
            title = "%s: %s" % (org.split(" tỉnh")[0], title) if rnd.random() < 0.3 else title
            acats = [rnd.choice(cats)]
            if rnd.random() < 0.15 and len(cats) > 1:
                acats.append(rnd.choice([c for c in cats if c != acats[0]]))
        # Titles repeat year after year; a suffix keeps the slugs distinct as real CMSs do.
        while any(a.title == title for a in arts):
            title += " (tiếp)"
        paras = [s.format(org=org) for s in rnd.sample(SENTENCES, rnd.randint(4, 7))]
        arts.append(Article(aid, title, date, acats, paras))
        aid += rnd.randint(3, 41)
    arts.sort(key=lambda a: a.date, reverse=True)
    return arts


# ---------------------------------------------------------------- the site model

class Site:
    """A portal: pages by URL (path + sorted query) with the facts their own content carries."""

    def __init__(self, sid, name, tier, code, platform, host, prefix="/", services_host=None, notes="", intent=None,
                 broken=(), traps=()):
        self.id, self.name, self.tier, self.code, self.platform = sid, name, tier, code, platform
        self.host, self.prefix, self.services_host = host, prefix, services_host
        self.pages = {}          # (host, key) -> (bytes, facts)
        self.headers = {}        # host -> [(path, header)]
        self.notes = notes
        self.intent = set(intent or ())
        self.broken = set(broken)  # URLs meant to answer 404 (archive-rewritten links)
        self.decoys = []           # (item, url of the decoy page or page carrying it, kind)
        self.recent_docs, self.hot_news, self.head_meta = [], [], {}
        self.today = "Thứ Hai, 15/12/2025"
        self.traps = list(traps)

    def base(self, host=None):
        return "http://%s:%d" % (host or self.host, PORT)

    def url(self, path, host=None):
        return self.base(host) + path

    def add(self, path, text, facts=None, host=None):
        host = host or self.host
        key = self.key(path)
        assert (host, key) not in self.pages, (self.id, path)
        self.pages[(host, key)] = (text.encode("utf-8"), facts or {})

    @staticmethod
    def key(path):
        parts = urllib.parse.urlsplit(path)
        p = urllib.parse.unquote(parts.path)
        if p.endswith("/"):
            p += "index.html"
        if parts.query:
            p += "?" + "&".join(sorted(parts.query.split("&")))
        return p

    def decoy(self, item, path, kind):
        self.decoys.append((item, self.url(path), kind))


def facts(items=(), article=None, docs=(), services=()):
    return {"items": set(items), "article": article, "docs": list(docs), "services": list(services)}


# ---------------------------------------------------------------- crawling the written files

class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for k, v in attrs:
                if k == "href" and v:
                    self.hrefs.append(v)


def lookup(site, host, url_path, query):
    for key in ([url_path + ("index.html" if url_path.endswith("/") else "") + ("?" + "&".join(sorted(query.split("&"))) if query else "")]
                + [url_path + ("index.html" if url_path.endswith("/") else "")]):
        if (host, key) in site.pages:
            return site.pages[(host, key)]
    return None


def crawl(site):
    """What a reader reaches from the home page and the services seed by following links."""
    seeds = [site.url(site.prefix)] + ([site.url("/", site.services_host)] if site.services_host else [])
    hosts = {site.host: site.prefix} | ({site.services_host: "/"} if site.services_host else {})
    seen, queue, reached, dead = set(), list(seeds), {}, set()
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
        page = lookup(site, host, urllib.parse.unquote(parts.path), parts.query)
        if page is None:
            dead.add(url)
            continue
        reached[url] = page
        if page[1].get("feed"):
            continue
        parser = Links()
        parser.feed(page[0].decode("utf-8"))
        for href in parser.hrefs:
            if href.startswith(("javascript:", "mailto:", "tel:", "#")):
                continue
            target = urllib.parse.urljoin(url, href.split("#")[0])
            t = urllib.parse.urlsplit(target)
            if t.hostname in hosts and t.port == PORT and t.path.startswith(hosts[t.hostname]):
                queue.append(urllib.parse.urlunsplit((t.scheme, t.netloc, t.path, t.query, "")))
    return reached, dead


def derive(site):
    reached, dead = crawl(site)
    unexpected = dead - site.broken
    if unexpected:
        raise SystemExit("%s: links lead nowhere: %s" % (site.id, sorted(unexpected)[:5]))
    missing_broken = site.broken - dead
    if missing_broken:
        raise SystemExit("%s: broken links meant to be seen are not linked: %s" % (site.id, sorted(missing_broken)))
    present, arts, docs, svcs, proof = set(), {}, {}, {}, {}
    for url, (_, f) in reached.items():
        present |= f.get("items", set())
        for item in f.get("items", set()):
            proof.setdefault(item, url)  # the page nearest the home page (breadth-first order)
        if f.get("article"):
            aid, date = f["article"]
            arts[aid] = date
        for number, date, own in f.get("docs", []):
            docs[(number, date)] = own
        for name, level in f.get("services", []):
            svcs[name] = level
    if present != site.intent:
        raise SystemExit("%s: reachable items differ from intent: extra %s, missing %s" % (
            site.id, sorted(present - site.intent), sorted(site.intent - present)))
    for item, url, kind in site.decoys:
        if url not in reached and not kind.startswith("orphan"):
            raise SystemExit("%s: decoy %s (%s) not reachable at %s" % (site.id, item, kind, url))
        if item in present:
            raise SystemExit("%s: decoy item %s is present elsewhere" % (site.id, item))
    all_pages = {k for k in site.pages}
    orphans = len(all_pages) - len({(urllib.parse.urlsplit(u).hostname, None) for u in reached})
    docs25 = {k: v for k, v in docs.items() if k[1].startswith(str(YEAR))}
    return {
        "sections": {i: ("present" if i in present else "absent") for i in ITEMS},
        "news": {"count": sum(1 for d in arts.values() if d and d.year == YEAR), "undated": sum(1 for d in arts.values() if d is None),
                 "partial": False, "articles": len(arts), "dated": sum(1 for d in arts.values() if d)},
        "documents": {"count": len(docs25), "own": sum(1 for v in docs25.values() if v)},
        "services": {"level3": sum(1 for v in svcs.values() if v == 3), "level4": sum(1 for v in svcs.values() if v == 4),
                     "total": len(svcs)},
        "reachable": len(reached), "files": len(all_pages), "orphans": orphans,
        "proof": {i: proof.get(i) or "; ".join("%s %s" % (k, u) for it, u, k in site.decoys if it == i) or "nowhere" for i in ITEMS},
    }


# ---------------------------------------------------------------- page chrome

class Theme:
    """How one platform dresses a page: menu, header, sidebar, footer, and what that chrome carries."""

    def __init__(self, site, menu, chrome_items, html_class, same_title=None, search="form", links_block=None,
                 social=None, dvc_banner=None, open_data=None, footer_extra="", contacts=None, zw_menu=False, banners=(),
                 home=None, sidebar=True, name=None):
        self.home, self.sidebar, self.name = home, sidebar, name
        self.relative = False
        self.site, self.menu, self.chrome_items, self.html_class = site, menu, set(chrome_items), html_class
        self.same_title, self.search, self.links_block, self.social = same_title, search, links_block, social
        self.dvc_banner, self.open_data, self.footer_extra, self.contacts = dvc_banner, open_data, footer_extra, contacts
        self.zw_menu, self.banners = zw_menu, banners

    def menu_html(self):
        def label(t):
            return " ".join(zw(w) if self.zw_menu and len(w) > 5 else w for w in t.split(" "))

        def render(entries, depth):
            out = ['<ul class="%s">' % ("nav navbar-nav" if depth == 0 else "dropdown-menu level-%d" % depth)]
            for entry in entries:
                text, href = entry[0], entry[1]
                kids = entry[2] if len(entry) > 2 else []
                out.append('<li class="%s"><a href="%s">%s</a>%s</li>' % (
                    "dropdown" if kids else "", e(href), e(label(text)), render(kids, depth + 1) if kids else ""))
            out.append("</ul>")
            return "".join(out)
        return '<nav class="main-menu" id="menu">%s</nav>' % render(self.menu, 0)

    def search_html(self):
        s = self.site
        if self.search == "form":
            return ('<form class="search-box" action="%s" method="get"><input type="text" name="%s" placeholder="Tìm kiếm...">'
                    '<button type="submit">Tìm kiếm</button></form>') % (e(s.search_action), s.search_param)
        if self.search == "js":
            # The VNPT-style box: no <form>, the button builds the URL in JavaScript.
            return ('<div class="search-box"><input type="text" id="txtSearch" placeholder="Nhập từ khóa tìm kiếm" '
                    'onkeypress="if(event.keyCode==13){doSearch();return false;}"><a class="btn-search" href="javascript:doSearch()">'
                    '<img src="/images/icon-search.png" alt=""></a></div>'
                    '<script>function doSearch(){var k=document.getElementById("txtSearch").value;'
                    'window.location.href="%s?keyword="+encodeURIComponent(k);}</script>') % e(s.search_action)
        return ""

    def page(self, path, title, body, items=(), article=None, docs=(), services=(), crumbs=(), host=None, raw_title=False,
             normalize=None):
        s = self.site
        its = set(items) | self.chrome_items
        doc_title = self.same_title or ("%s - %s" % (title, s.name))
        sidebar = []
        if s.recent_docs and self.sidebar:
            sidebar.append('<div class="block"><h3 class="block-title">Văn bản mới</h3><ul>%s</ul></div>' % "".join(
                '<li><a href="%s">%s</a></li>' % (e(h), e(t)) for h, t in s.recent_docs[:5]))
        if s.hot_news and self.sidebar:
            sidebar.append('<div class="block"><h3 class="block-title">Tin nổi bật</h3><ul>%s</ul></div>' % "".join(
                '<li><a href="%s">%s</a></li>' % (e(h), e(t)) for h, t in s.hot_news[:5]))
        if self.links_block:
            sidebar.append('<div class="block lien-ket"><h3 class="block-title">Liên kết website</h3><ul>%s</ul></div>' % "".join(
                '<li><a href="%s" target="_blank">%s</a></li>' % (e(h), e(t)) for t, h in self.links_block))
        for href, alt, img in self.banners:
            sidebar.append('<div class="banner"><a href="%s"><img src="/images/%s" alt="%s"></a></div>' % (e(href), img, e(alt)))
        sidebar.append('<div class="block counter"><h3 class="block-title">Thống kê truy cập</h3><p>Đang truy cập: 27</p>'
                       '<p>Tổng lượt truy cập: 1.284.517</p></div>')
        top = []
        if self.dvc_banner:
            top.append(self.dvc_banner)
        social = ""
        if self.social:
            social = '<div class="social">Theo dõi chúng tôi: %s</div>' % " ".join(
                '<a href="%s" target="_blank">%s</a>' % (e(h), e(t)) for t, h in self.social)
        odata = '<div class="open-data"><a href="%s" target="_blank">%s</a></div>' % (e(self.open_data[1]), e(self.open_data[0])) if self.open_data else ""
        home = self.home or s.prefix
        crumb = '<div class="breadcrumb"><a href="%s">Trang chủ</a>%s</div>' % (e(home), "".join(
            ' &raquo; <a href="%s">%s</a>' % (e(h), e(t)) for t, h in crumbs)) if crumbs else ""
        main = body
        if normalize:
            main = normalize(main)
        text = """<!DOCTYPE html>
<html lang="vi" class="%(cls)s">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%(title)s</title>
%(meta)s<link rel="stylesheet" href="/css/style.css">
</head>
<body>
<a class="skip" href="#content">Truy cập nội dung luôn</a>
<div class="top-bar"><span class="today">%(today)s</span>%(top)s%(search)s</div>
<header class="header"><a href="%(home)s"><img src="/images/banner.jpg" alt="%(name)s"></a>
<div class="site-name"><span class="line1">CỔNG THÔNG TIN ĐIỆN TỬ</span><span class="line2">%(upper)s</span></div></header>
%(menu)s
<div class="container">%(crumb)s
<div class="row"><main id="content" class="col-md-8">
%(main)s
</main>
<aside class="col-md-4 sidebar">%(sidebar)s</aside></div></div>
<footer class="footer">
<div class="footer-info"><p><strong>%(upper)s</strong></p>%(contacts)s
<p>Giấy phép số 15/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Sơn La cấp ngày 12/3/2021.</p>
<p>Ghi rõ nguồn &quot;%(name)s&quot; khi phát hành lại thông tin từ website này.</p></div>
%(social)s%(odata)s%(extra)s
</footer>
</body>
</html>
""" % {"cls": self.html_class, "title": e(doc_title), "meta": s.head_meta.get(path, ""), "today": e(s.today), "top": "".join(top),
       "search": self.search_html(), "home": e(home), "name": e(self.name or s.name), "upper": e((self.name or s.name).upper()), "menu": self.menu_html(),
       "crumb": crumb, "main": main, "sidebar": "".join(sidebar), "contacts": self.contacts, "social": social, "odata": odata,
       "extra": self.footer_extra}
        if self.relative:
            text = relativize(path, text)
        s.add(path, text, facts(its, article, docs, services), host=host)


def relativize(page_path, text):
    """Links written relative to the page, as static site generators and mirrors write them."""
    import posixpath
    import re
    base = posixpath.dirname(urllib.parse.urlsplit(page_path).path if not page_path.endswith("/") else page_path + "x")

    def sub(m):
        target = m.group(2)
        if target.startswith("//"):
            return m.group(0)
        t = urllib.parse.urlsplit(target)
        rel = posixpath.relpath(t.path, base) if t.path != base else "."
        if target.endswith("/") and not rel.endswith("/"):
            rel += "/"
        if t.path.endswith("/") and rel == "./":
            rel = "./"
        return '%s="%s%s"' % (m.group(1), rel, ("?" + t.query) if t.query else "")
    return re.sub(r'(href|src)="(/[^"]*)"', sub, text)


def placeholder(theme, path, title, wording="Nội dung đang được cập nhật."):
    theme.page(path, title, '<h1 class="page-title">%s</h1><div class="content"><p class="empty">%s</p></div>' % (e(title), e(wording)),
               crumbs=[(title, path)])


def pdf_stub(site, path, title, host=None):
    """A small PDF as portals attach to documents (not HTML: the crawl does not read links in it)."""
    body = "%PDF-1.4\n% " + slugify(title) + "\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    key = Site.key(path)
    host = host or site.host
    site.pages[(host, key)] = (body.encode("ascii"), {"feed": True})


# ---------------------------------------------------------------- shared content

def contacts_html(addr, phone, email, zwsp=False):
    return ("<p>Địa chỉ: %s</p><p>Điện thoại: %s - Email: <a href=\"mailto:%s\">%s</a></p>" % (e(addr), e(phone), e(email), e(email)))


def units_list(units):
    return "<ul class=\"units\">%s</ul>" % "".join("<li>%s</li>" % e(u) for u in units)


def functions_body(site, kind):
    if kind == "province":
        return ("<h2>I. Vị trí và chức năng</h2><p>%s là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Sơn La, thực hiện chức năng "
                "tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về %s; chịu sự chỉ đạo, quản lý về tổ chức, biên chế và "
                "công tác của Ủy ban nhân dân tỉnh, đồng thời chịu sự chỉ đạo, kiểm tra, hướng dẫn về chuyên môn, nghiệp vụ của Bộ %s.</p>"
                "<h2>II. Nhiệm vụ và quyền hạn</h2><ol><li>Trình Ủy ban nhân dân tỉnh dự thảo quyết định, chỉ thị; quy hoạch, kế hoạch "
                "dài hạn, 05 năm và hằng năm thuộc lĩnh vực quản lý.</li><li>Tổ chức thực hiện các văn bản quy phạm pháp luật, quy hoạch, "
                "kế hoạch sau khi được phê duyệt; thông tin, tuyên truyền, hướng dẫn, phổ biến, giáo dục pháp luật.</li><li>Thực hiện "
                "công tác thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo theo quy định.</li><li>Quản lý tổ chức bộ máy, vị trí việc làm, "
                "biên chế công chức, số lượng người làm việc theo quy định.</li></ol>") % (e(site.name), e(site.field), e(site.ministry))
    return ("<h2>Vị trí, chức năng</h2><p>Ủy ban nhân dân %s là cơ quan chấp hành của Hội đồng nhân dân cùng cấp, là cơ quan hành chính "
            "nhà nước ở địa phương, chịu trách nhiệm trước Hội đồng nhân dân và Ủy ban nhân dân tỉnh Sơn La.</p><h2>Nhiệm vụ, quyền hạn</h2>"
            "<ol><li>Tổ chức thi hành Hiến pháp, pháp luật trên địa bàn.</li><li>Xây dựng, trình Hội đồng nhân dân quyết định các nội dung "
            "thuộc thẩm quyền; tổ chức thực hiện nghị quyết của Hội đồng nhân dân.</li><li>Quản lý nhà nước ở địa phương theo Luật Tổ chức "
            "chính quyền địa phương năm 2025; giải quyết thủ tục hành chính cho người dân tại Trung tâm Phục vụ hành chính công.</li></ol>"
            ) % e(site.short)


def spokesperson_body(person, pos, phone, email):
    return ("<h2>Người phát ngôn và đầu mối cung cấp thông tin</h2><table class=\"table\"><tr><th>Họ và tên</th><th>Chức vụ</th>"
            "<th>Điện thoại</th><th>Thư điện tử</th></tr><tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr></table>"
            "<p>Đầu mối tiếp nhận yêu cầu cung cấp thông tin của công dân theo Luật Tiếp cận thông tin.</p>") % (e(person), e(pos), e(phone), e(email))


def leaders_table(leaders, with_contacts=False):
    rows = "".join("<tr><td>%s</td><td>%s</td>%s</tr>" % (e(n), e(p), "<td>%s</td>" % e(ph) if with_contacts else "")
                   for n, p, ph in leaders)
    return '<table class="table leaders"><tr><th>Họ và tên</th><th>Chức vụ</th>%s</tr>%s</table>' % (
        "<th>Điện thoại</th>" if with_contacts else "", rows)


def budget_body(site, year, docs):
    rows = "".join('<tr><td>%d</td><td><a href="%s">%s</a></td><td>%s</td></tr>' % (i + 1, e(h), e(t), d) for i, (t, h, d) in enumerate(docs))
    return ('<h1 class="page-title">Công khai ngân sách</h1><p>Công khai dự toán, quyết toán ngân sách nhà nước theo Thông tư '
            '343/2016/TT-BTC và Thông tư 90/2018/TT-BTC.</p><table class="table"><tr><th>STT</th><th>Nội dung công khai</th><th>Ngày đăng</th></tr>'
            '%s</table>') % rows


def stats_body(title, rows):
    return '<h1 class="page-title">%s</h1><table class="table stats"><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Năm 2024</th><th>Năm 2025 (ước)</th></tr>%s</table>' % (
        e(title), "".join("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>" % tuple(map(e, r)) for r in rows))


def schedule_body(week_start, leaders):
    rows = []
    for d in range(5):
        day = week_start + dt.timedelta(days=d)
        for n, (name, pos, _) in enumerate(leaders[:2]):
            rows.append("<tr><td>%s, %s</td><td>%s</td><td>%s - %s: %s</td></tr>" % (
                WEEKDAYS[day.weekday()], day.strftime("%d/%m/%Y"), "Sáng" if n == 0 else "Chiều", e(pos), e(name),
                e(["Làm việc tại cơ quan", "Dự họp giao ban UBND tỉnh", "Kiểm tra công tác cải cách hành chính", "Tiếp công dân định kỳ"][(d + n) % 4])))
    return ('<h1 class="page-title">Lịch công tác tuần</h1><p>Tuần từ ngày %s đến ngày %s</p><table class="table lich"><tr><th>Ngày</th>'
            '<th>Buổi</th><th>Nội dung</th></tr>%s</table>') % (week_start.strftime("%d/%m/%Y"), (week_start + dt.timedelta(days=4)).strftime("%d/%m/%Y"), "".join(rows))


def qa_body(items):
    return ('<h1 class="page-title">Hỏi đáp</h1><div class="qa-form"><form action="#" method="post"><input name="hoten" placeholder="Họ và tên">'
            '<input name="email" placeholder="Email"><textarea name="noidung" placeholder="Nội dung câu hỏi"></textarea><button>Gửi câu hỏi</button></form></div>'
            '%s') % "".join('<div class="qa"><p class="q"><strong>Hỏi:</strong> %s <em>(%s)</em></p><p class="status">Trạng thái: Đã trả lời</p>'
                            '<p class="a"><strong>Trả lời:</strong> %s</p></div>' % (e(q), d, e(a)) for q, d, a in items)


def drafts_body(drafts):
    return ('<h1 class="page-title">Lấy ý kiến dự thảo văn bản</h1><table class="table"><tr><th>Tên dự thảo</th><th>Ngày bắt đầu</th>'
            '<th>Ngày kết thúc</th><th>Góp ý</th></tr>%s</table>') % "".join(
        '<tr><td>%s</td><td>%s</td><td>%s</td><td><a href="%s">Gửi góp ý</a></td></tr>' % (e(t), a, b, e(h)) for t, a, b, h in drafts)


def rating_body():
    return ('<h1 class="page-title">Đánh giá mức độ hài lòng</h1><p>Ý kiến đánh giá của Quý vị về việc cung cấp thông tin trên Cổng thông tin điện tử:</p>'
            '<form action="#" method="post" class="danh-gia">%s<button type="submit">Gửi đánh giá</button></form>') % "".join(
        '<fieldset><legend>%s</legend>%s</fieldset>' % (e(q), "".join('<label><input type="radio" name="q%d" value="%d"> %s</label>' % (n, v, e(t))
                                                                          for v, t in enumerate(["Rất hài lòng", "Hài lòng", "Chưa hài lòng"])))
        for n, q in enumerate(["Giao diện", "Nội dung thông tin", "Chất lượng thông tin", "Hỗ trợ người dùng"]))


def plans_body(plans):
    return '<h1 class="page-title">Chiến lược, quy hoạch, kế hoạch phát triển</h1><ul class="plans">%s</ul>' % "".join(
        '<li><a href="%s">%s</a></li>' % (e(h), e(t)) for t, h in plans)


def bids_body(bids):
    return ('<h1 class="page-title">Thông tin về dự án, hạng mục đầu tư, đấu thầu, mua sắm công</h1><table class="table"><tr><th>Tên gói thầu / dự án</th>'
            '<th>Hình thức</th><th>Thời điểm</th></tr>%s</table>') % "".join("<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (e(a), e(b), c) for a, b, c in bids)


def treaties_body(rows):
    return ('<h1 class="page-title">Điều ước quốc tế</h1><p>Các điều ước quốc tế liên quan đến công tác quản lý biên giới trên địa bàn:</p>'
            '<table class="table"><tr><th>Tên điều ước</th><th>Ngày ký</th><th>Hiệu lực</th></tr>%s</table>') % "".join(
        "<tr><td>%s</td><td>%s</td><td>%s</td></tr>" % (e(a), b, c) for a, b, c in rows)


def english_body(site, units, addr, phone, email):
    return ('<h1 class="page-title">Organisational structure</h1><p>%s</p><ul>%s</ul><h2>Contact</h2><p>Address: %s</p><p>Tel: %s - Email: %s</p>') % (
        e(site.english), "".join("<li>%s</li>" % e(u) for u in units), e(addr), e(phone), e(email))


class Doc:
    def __init__(self, number, date, kind, issuer, summary, own, effective=None):
        self.number, self.date, self.kind, self.issuer, self.summary, self.own = number, date, kind, issuer, summary, own
        self.effective = effective or date
        self.slug = slugify(number)


def make_docs(rnd, code, own_issuer, counts):
    """Own documents of 2024 and 2025 (numbers restart each year: 100/QĐ-CODE of both years) and others' documents."""
    docs = []
    summaries = ["Về việc ban hành Kế hoạch cải cách hành chính năm %d", "Về việc kiện toàn Tổ công tác chuyển đổi số",
                 "Về việc ban hành Quy chế làm việc", "Về việc giao chỉ tiêu kế hoạch năm %d", "Về việc tổ chức kiểm tra công tác năm %d",
                 "Về việc công bố danh mục thủ tục hành chính", "Về việc triển khai thực hiện Nghị định 42/2022/NĐ-CP",
                 "Về việc phê duyệt kế hoạch lựa chọn nhà thầu", "Báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm %d"]
    kinds = [("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("BC", "Báo cáo"), ("TB", "Thông báo"), ("CV", "Công văn")]
    for year, own_n, other_n in counts:
        nums = [100] + rnd.sample(range(12, 460), own_n - 1)
        for i, n in enumerate(nums):
            kind = kinds[0] if i == 0 else rnd.choice(kinds)
            date = dt.date(year, 3 if i == 0 else rnd.randint(1, 12), rnd.randint(1, 28))
            number = ("%d/%s-%s" % (n, kind[0], code)) if kind[0] != "CV" else "%d/%s-VP" % (n, code)
            s = rnd.choice(summaries)
            docs.append(Doc(number, date, kind[1], own_issuer, s % year if "%d" in s else s, True))
        for i in range(other_n):
            n = rnd.randint(100, 3400)
            issuer, number, kind = rnd.choice([
                ("UBND tỉnh Sơn La", "%d/QĐ-UBND" % n, "Quyết định"), ("UBND tỉnh Sơn La", "%d/KH-UBND" % n, "Kế hoạch"),
                ("HĐND tỉnh Sơn La", "%d/NQ-HĐND" % (n % 190 + 1), "Nghị quyết"), ("Chính phủ", "%d/%d/NĐ-CP" % (n % 360 + 1, year), "Nghị định")])
            date = dt.date(year, rnd.randint(1, 12), rnd.randint(1, 28))
            docs.append(Doc(number, date, kind, issuer, "Về việc " + rnd.choice(["triển khai Chương trình chuyển đổi số tỉnh",
                                                                                  "quy định chức năng, nhiệm vụ, quyền hạn",
                                                                                  "phân cấp quản lý nhà nước", "ban hành bảng giá đất",
                                                                                  "sắp xếp đơn vị hành chính cấp xã"]), False))
    docs.sort(key=lambda d: d.date, reverse=True)
    for i, d in enumerate(sorted(docs, key=lambda d: (d.date, d.number))):
        d.did = 5120 + 3 * i
    return docs


def doc_fact(d):
    return (d.number, d.date.isoformat(), d.own)


PROCEDURES = ["Cấp giấy phép xây dựng", "Cấp chứng chỉ hành nghề", "Đăng ký khai sinh", "Đăng ký kết hôn", "Chứng thực bản sao từ bản chính",
              "Cấp giấy phép kinh doanh bán lẻ sản phẩm rượu", "Đăng ký hộ kinh doanh", "Công nhận hộ nghèo, hộ cận nghèo",
              "Cấp giấy xác nhận tình trạng hôn nhân", "Đăng ký khai tử", "Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở",
              "Cấp giấy phép hoạt động khám bệnh, chữa bệnh", "Cấp giấy chứng nhận đủ điều kiện an toàn thực phẩm",
              "Cấp lại giấy phép xây dựng", "Điều chỉnh giấy phép xây dựng", "Giải quyết chế độ trợ cấp xã hội hằng tháng",
              "Đăng ký thường trú", "Cấp bản sao trích lục hộ tịch", "Thông báo tổ chức lễ hội", "Cấp giấy phép vận chuyển hàng nguy hiểm",
              "Công bố cơ sở đủ điều kiện sản xuất trang thiết bị y tế", "Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, III",
              "Xác nhận đăng ký kế hoạch bảo vệ môi trường", "Đăng ký giám hộ", "Hỗ trợ chi phí mai táng", "Cấp giấy phép di dời công trình",
              "Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế", "Giải quyết tranh chấp đất đai", "Hòa giải tranh chấp đất đai",
              "Cấp phép thi công nút giao đấu nối vào đường địa phương"]


# ---------------------------------------------------------------- news, documents, procedures

class Spec:
    """A platform's URL shapes and date forms."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


def related_block(site, spec, others):
    return '<div class="related"><h3>Tin liên quan</h3><ul>%s</ul></div>' % "".join(
        '<li><a href="%s">%s</a> <span class="date">(%s)</span></li>' % (e(spec.art_url(o, o.cats[0])), e(o.title), o.date.strftime("%d/%m/%Y"))
        for o in others)


def write_news(site, theme, spec, arts, cats, rnd, print_tools, extra_items=None, body_filter=None):
    """Category listings (paginated) and the article pages; one article in several categories may have several URLs."""
    extra_items = extra_items or {}
    for cat, (label, _) in cats.items():
        members = [a for a in arts if cat in a.cats]
        pages = max(1, (len(members) + spec.per_page - 1) // spec.per_page)
        for p in range(pages):
            chunk = members[p * spec.per_page:(p + 1) * spec.per_page]
            rows = []
            for a in chunk:
                href = spec.art_url(a, cat)
                d = "" if a.undated else spec.list_date(a.date)
                summary = e(a.paras[0][:140]) + "..."
                if spec.list_style == "table":
                    rows.append('<tr><td><a href="%s">%s</a></td><td class="date">%s</td></tr>' % (e(href), e(a.title), d))
                elif spec.list_style == "date-first":
                    rows.append('<div class="news-item"><a href="%s"><img src="/upload/thumb-%d.jpg" alt=""></a><h3><a href="%s">%s</a></h3>'
                                '<p class="summary"><span class="date">%s</span> %s</p></div>' % (e(href), a.aid, e(href), e(a.title), d, summary))
                else:
                    rows.append('<div class="news-item"><h3><a href="%s">%s</a></h3><p class="meta">%s</p><p class="summary">%s</p></div>' % (
                        e(href), e(a.title), d, summary))
            body = '<h1 class="page-title">%s</h1>' % e(label)
            if not chunk:
                body += '<p class="empty">Không tìm thấy bài viết nào.</p>'
            body += '<table class="table list"><tr><th>Tiêu đề</th><th>Ngày đăng</th></tr>%s</table>' % "".join(rows) if spec.list_style == "table" else "".join(rows)
            if pages > 1:
                body += '<div class="pager">%s</div>' % " ".join(
                    '<a href="%s">%d</a>' % (e(spec.cat_url(cat, q)), q + 1) if q != p else '<span class="current">%d</span>' % (q + 1) for q in range(pages))
            theme.page(spec.cat_url(cat, p), label, body, items={"tin-tuc"} | extra_items.get(cat, set()) if chunk else set(), crumbs=[(label, spec.cat_url(cat, 0))])
    dated = [a for a in arts if not a.undated]
    written = set()
    for a in arts:
        others = rnd.sample([o for o in dated if o is not a], min(3, len(dated) - 1))
        for cat in a.cats:
            if spec.art_url(a, cat) in written:
                continue  # one URL whatever the category (WordPress, slug-plus-id platforms)
            written.add(spec.art_url(a, cat))
            body = '<article class="news-detail"><h1 class="title">%s</h1>' % e(a.title)
            if not a.undated:
                body += spec.art_date(a.date)
            body += '<div class="content">%s</div>' % "".join("<p>%s</p>" % e(p) for p in a.paras)
            if a.source:
                body += '<p class="source" style="text-align:right"><em>%s</em></p>' % e(a.source)
            if print_tools:
                body += ('<div class="tools"><a href="javascript:window.print()" title="In bài viết"><img src="/images/print.png" alt="">In bài viết</a> '
                         '<a href="javascript:saveArticle(%d)" title="Lưu bài viết">Lưu bài viết</a></div>') % a.aid
            share = urllib.parse.quote(site.url(spec.art_url(a, cat)), safe="")
            body += ('<div class="share">Chia sẻ: <a href="https://www.facebook.com/sharer/sharer.php?u=%s" target="_blank">Facebook</a> '
                     '<a href="https://sp.zalo.me/share_inline?url=%s" target="_blank">Zalo</a></div>') % (share, share)
            body += related_block(site, spec, others) + "</article>"
            items = {"tin-tuc"} | extra_items.get(cat, set()) | ({"chuc-nang.in-luu"} if print_tools else set())
            label = cats[cat][0]
            theme.page(spec.art_url(a, cat), a.title, body, items=items, article=(a.aid, None if a.undated else a.date),
                       crumbs=[(label, spec.cat_url(cat, 0))], normalize=body_filter(a) if body_filter else None)


def write_docs(site, theme, spec, docs, with_issuer=True):
    pages = max(1, (len(docs) + spec.doc_per_page - 1) // spec.doc_per_page)
    for p in range(pages):
        chunk = docs[p * spec.doc_per_page:(p + 1) * spec.doc_per_page]
        rows = "".join('<tr><td><a href="%s">%s</a></td><td>%s</td><td>%s</td>%s<td><a href="%s">%s</a></td></tr>' % (
            e(spec.doc_url(d)), e(d.number), d.date.strftime("%d/%m/%Y"), e(d.kind), "<td>%s</td>" % e(d.issuer) if with_issuer else "",
            e(spec.doc_url(d)), e(d.summary)) for d in chunk)
        body = ('<h1 class="page-title">Hệ thống văn bản</h1><form class="doc-search" action="%s" method="get"><input name="keyword" '
                'placeholder="Số/ký hiệu, trích yếu"><button>Tìm văn bản</button></form><table class="table docs"><tr><th>Số/Ký hiệu</th>'
                '<th>Ngày ban hành</th><th>Loại văn bản</th>%s<th>Trích yếu</th></tr>%s</table>') % (
            e(spec.docs_url(0)), "<th>Cơ quan ban hành</th>" if with_issuer else "", rows)
        if pages > 1:
            body += '<div class="pager">%s</div>' % " ".join('<a href="%s">%d</a>' % (e(spec.docs_url(q)), q + 1) for q in range(pages) if q != p)
        theme.page(spec.docs_url(p), "Văn bản", body, items={"van-ban"}, docs=[doc_fact(d) for d in chunk], crumbs=[("Văn bản", spec.docs_url(0))])
    for d in docs:
        pdf = spec.doc_url(d).split("?")[0].rstrip("/") + "-" + d.slug + ".pdf" if spec.doc_file_beside else "/uploads/vanban/%s-%d.pdf" % (d.slug, d.date.year)
        body = ('<h1 class="page-title">%s %s</h1><table class="table doc-detail"><tr><th>Số/Ký hiệu</th><td>%s</td></tr><tr><th>Loại văn bản</th>'
                '<td>%s</td></tr><tr><th>Cơ quan ban hành</th><td>%s</td></tr><tr><th>Ngày ban hành</th><td>%s</td></tr><tr><th>Ngày hiệu lực</th>'
                '<td>%s</td></tr><tr><th>Trích yếu</th><td>%s</td></tr><tr><th>Tệp đính kèm</th><td><a href="%s">%s.pdf</a></td></tr></table>') % (
            e(d.kind), e(d.number), e(d.number), e(d.kind), e(d.issuer), d.date.strftime("%d/%m/%Y"), d.effective.strftime("%d/%m/%Y"),
            e(d.summary), e(pdf), e(d.slug))
        theme.page(spec.doc_url(d), "%s %s" % (d.kind, d.number), body, items={"van-ban"}, docs=[doc_fact(d)], crumbs=[("Văn bản", spec.docs_url(0))])
        pdf_stub(site, pdf, d.number)
    site.recent_docs = [(spec.doc_url(d), "%s %s" % (d.number, d.summary)) for d in docs[:5]]


LEVEL_TEXT = {4: "Dịch vụ công trực tuyến toàn trình", 3: "Dịch vụ công trực tuyến một phần", 2: "Cung cấp thông tin trực tuyến"}


def write_services(site, theme, spec, procs, button_only=False, host=None):
    """A procedures table; the level is the one each procedure's own page states."""
    per = spec.svc_per_page
    pages = max(1, (len(procs) + per - 1) // per)
    for p in range(pages):
        chunk = procs[p * per:(p + 1) * per]
        rows = []
        for i, (name, level, field) in enumerate(chunk):
            n = p * per + i + 1
            href = spec.svc_url(n)
            if button_only:
                cell = '<a class="btn" href="%s">%s</a>' % (e(href), "Nộp hồ sơ" if level >= 3 else "Chi tiết")
            else:
                cell = e({4: "Toàn trình", 3: "Một phần", 2: "Cung cấp thông tin"}[level])
            rows.append('<tr><td>%d</td><td><a href="%s">%s</a></td><td>%s</td><td>%s</td></tr>' % (n, e(href), e(name), e(field), cell))
        body = ('<h1 class="page-title">Thủ tục hành chính - %s</h1><table class="table tthc"><tr><th>STT</th><th>Tên thủ tục hành chính</th>'
                '<th>Lĩnh vực</th><th>%s</th></tr>%s</table>') % (e(site.short), "" if button_only else "Mức độ DVC", "".join(rows))
        if pages > 1:
            body += '<div class="pager">%s</div>' % " ".join('<a href="%s">%d</a>' % (e(spec.svc_list(q)), q + 1) for q in range(pages) if q != p)
        theme.page(spec.svc_list(p), "Thủ tục hành chính", body, items={"thu-tuc-hanh-chinh"},
                   services=[(nm, lv) for nm, lv, _ in chunk], host=host)
    for n, (name, level, field) in enumerate(procs, 1):
        body = ('<h1 class="page-title">%s</h1><table class="table"><tr><th>Lĩnh vực</th><td>%s</td></tr><tr><th>Cơ quan thực hiện</th><td>%s</td></tr>'
                '<tr><th>Mức độ</th><td>%s</td></tr><tr><th>Thời hạn giải quyết</th><td>%d ngày làm việc</td></tr><tr><th>Phí, lệ phí</th>'
                '<td>Không</td></tr></table>%s') % (e(name), e(field), e(site.name), e(LEVEL_TEXT[level]), 3 + n % 12,
                                                    '<p><a class="btn" href="%s">Nộp hồ sơ trực tuyến</a></p>' % e(spec.svc_submit(n)) if level >= 3 else "")
        theme.page(spec.svc_url(n), name, body, items={"thu-tuc-hanh-chinh"}, services=[(name, level)], host=host)
        if level >= 3:
            # The submission page asks for a login, as real one-stop portals do.
            theme.page(spec.svc_submit(n), "Đăng nhập", '<h1>Đăng nhập</h1><p>Vui lòng đăng nhập bằng tài khoản VNeID để nộp hồ sơ.</p>'
                       '<form action="#" method="post"><input name="u"><input type="password" name="p"><button>Đăng nhập</button></form>',
                       host=host)


def make_procs(rnd, n, levels):
    names = rnd.sample(PROCEDURES, n)
    lv = [4] * levels[0] + [3] * levels[1] + [2] * (n - levels[0] - levels[1])
    rnd.shuffle(lv)
    fields = ["Hộ tịch", "Xây dựng", "Chứng thực", "Đất đai", "Bảo trợ xã hội", "Y tế", "Kinh doanh", "Văn hóa"]
    return [(nm, l, rnd.choice(fields)) for nm, l in zip(names, lv)]


# ---------------------------------------------------------------- the sites

LINKS = [("Cổng TTĐT tỉnh Sơn La", "https://sonla.gov.vn/"), ("Sở Khoa học và Công nghệ", "https://sokhcn.sonla.gov.vn/"),
         ("Sở Nội vụ", "https://sonoivu.sonla.gov.vn/"), ("Sở Xây dựng", "https://soxaydung.sonla.gov.vn/"),
         ("Thanh tra tỉnh", "https://thanhtra.sonla.gov.vn/"), ("Chính phủ", "https://chinhphu.vn/")]
DVC_BANNER = ('<a class="dvc-qg" href="https://dichvucong.gov.vn/p/home/dvc-trang-chu.html" target="_blank">'
              '<img src="/images/banner-dvcqg.png" alt="Cổng Dịch vụ công quốc gia"></a>')


def svc_theme(site, listing):
    return Theme(site, [("Trang chủ", "/"), ("Thủ tục hành chính", listing), ("Tra cứu hồ sơ", "/tra-cuu-ho-so")],
                 set(), "dvc", search=None, contacts=contacts_html("Trung tâm Phục vụ hành chính công tỉnh Sơn La, tổ 2, phường Chiềng Lề",
                                                                    "0212.3.858.999", "tthcc@sonla.gov.vn"),
                 home="/", sidebar=False, name="Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Sơn La")


def svc_home(site, theme, listing, agency_name):
    theme.page("/", "Trang chủ", '<h1>Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Sơn La</h1><ul><li><a href="%s">Thủ tục hành chính của %s</a></li></ul>' % (
        e(listing), e(agency_name)), host=site.services_host)
    theme.page("/tra-cuu-ho-so", "Tra cứu hồ sơ", '<h1>Tra cứu hồ sơ</h1><form action="/tra-cuu-ho-so" method="get"><input name="ma"><button>Tra cứu</button></form>',
               host=site.services_host)


def site_liferay_so_xay_dung(rnd):
    intent = set(ITEMS) - {"dieu-uoc-quoc-te", "thong-ke", "tuong-tac.danh-gia", "du-lieu-mo"}
    s = Site("liferay-so-xay-dung", "Sở Xây dựng tỉnh Sơn La", "province", "SXD", "liferay", "127.0.4.2", services_host="127.0.5.2",
             intent=intent, broken=["http://127.0.4.2:8045/web/20240215083000/https://soxaydung.sonla.gov.vn/web/guest/quy-hoach"],
             traps=["Liferay 7 (/web/guest/…, articles /<category>/-/view_content/<id>-<slug>; one article under two categories)",
                    "'Cập nhật lúc 08:30 ngày 15/09/2025' publish block and article:published_time meta; list dates 15/09/2025",
                    "news of December 2024 whose text names dates of 2025; an undated 'Giới thiệu' article in the news category",
                    "spokesperson (đầu mối) only on the page 'Thông tin lãnh đạo'; leaders on 'Cơ cấu tổ chức'",
                    "Thống kê menu leads to 'Nội dung đang được xây dựng'; 'Đánh giá' menu entry is '#'; a headline names 'dữ liệu mở'",
                    "a link rewritten by an archive tool (/web/2024…/https://…) that now 404s",
                    "orphan articles of 2025 in the folder, linked from nowhere",
                    "100/QĐ-SXD of 2024 and of 2025; UBND tỉnh, HĐND tỉnh, Chính phủ documents beside the Sở's own",
                    "procedures on the provincial one-stop host worded 'Toàn trình'/'Một phần'"])
    s.short, s.field, s.ministry, s.search_action, s.search_param = "Sở Xây dựng", "xây dựng, giao thông vận tải", "Xây dựng", "/web/guest/tim-kiem", "q"
    s.english = "The Department of Construction of Son La province (merged with the Department of Transport on 1 March 2025)."
    addr, phone, email = "Tầng 5, Tòa nhà 7 tầng, Trung tâm Hành chính tỉnh, phường Tô Hiệu, tỉnh Sơn La", "0212.3.852.116", "sxd@sonla.gov.vn"
    cats = {"tin-tuc-su-kien": ("Tin tức - Sự kiện", None), "quy-hoach-kien-truc": ("Quy hoạch - Kiến trúc", None),
            "cai-cach-hanh-chinh": ("Cải cách hành chính", None), "pho-bien-giao-duc-phap-luat": ("Phổ biến giáo dục pháp luật", None),
            "chi-dao-dieu-hanh": ("Chỉ đạo - Điều hành", None)}
    arts = make_articles(rnd, s.name, 118, 9260, ["tin-tuc-su-kien", "quy-hoach-kien-truc", "cai-cach-hanh-chinh", "chi-dao-dieu-hanh"],
                         law_cat="pho-bien-giao-duc-phap-luat", law_count=9)
    late24 = [a for a in arts if a.date.year == 2024 and a.date.month == 12][:2]
    for a in late24:
        a.paras.append("Kế hoạch được triển khai thực hiện từ ngày 01/01/2025 đến hết ngày 31/12/2025.")
    arts[5].paras.append("Tham khảo thêm: ")  # followed by the archive link (see the filter below)
    intro = Article(9001, "Giới thiệu chung về ngành Xây dựng Sơn La", None, ["tin-tuc-su-kien"], [SENTENCES[0].format(org=s.name), SENTENCES[13].format(org=s.name)], undated=True)
    decoy = Article(9777, "Tập huấn xây dựng và khai thác dữ liệu mở ngành Xây dựng", dt.datetime(2025, 10, 8, 8, 0), ["tin-tuc-su-kien"],
                    [SENTENCES[3], SENTENCES[8].format(org=s.name)])
    arts = sorted(arts + [decoy], key=lambda a: a.date, reverse=True) + [intro]
    orphans = make_articles(random.Random(7), s.name, 4, 8800, ["tin-tuc-su-kien"], years=(2025,), weights=(1,))
    spec = Spec(per_page=10, list_style="list",
                art_url=lambda a, c: "/%s/-/view_content/%d-%s" % (c, a.aid, a.slug),
                cat_url=lambda c, p: "/web/guest/%s" % c + ("?_101_INSTANCE_%s_cur=%d&p_p_id=101_INSTANCE_%s" % (c[:6], p + 1, c[:6]) if p else ""),
                list_date=lambda d: d.strftime("%d/%m/%Y"),
                art_date=lambda d: '<div class="publish-date">Cập nhật lúc %s ngày %s</div>' % (d.strftime("%H:%M"), d.strftime("%d/%m/%Y")),
                doc_per_page=10, docs_url=lambda p: "/web/guest/van-ban" + ("?cur=%d" % (p + 1) if p else ""),
                doc_url=lambda d: "/van-ban/-/vanban/%d" % d.did, doc_file_beside=False,
                svc_per_page=10, svc_list=lambda p: "/thu-tuc-hanh-chinh?coquan=SXD" + ("&page=%d" % (p + 1) if p else ""),
                svc_url=lambda n: "/thu-tuc-hanh-chinh/chi-tiet?ma=1.00%04d" % (8100 + n), svc_submit=lambda n: "/nop-ho-so?ma=1.00%04d" % (8100 + n))
    for a in arts:
        if a.date:
            for c in a.cats:
                s.head_meta[spec.art_url(a, c)] = '<meta property="article:published_time" content="%s">\n' % a.date.strftime("%Y-%m-%dT%H:%M:%S+07:00")
    menu = [("Trang chủ", "/web/guest/trang-chu"),
            ("Giới thiệu", "/web/guest/gioi-thieu", [("Chức năng, nhiệm vụ", "/web/guest/chuc-nang-nhiem-vu"), ("Cơ cấu tổ chức", "/web/guest/co-cau-to-chuc"),
                                                     ("Thông tin lãnh đạo", "/web/guest/thong-tin-lanh-dao"), ("Liên hệ", "/web/guest/lien-he")]),
            ("Tin tức", "/web/guest/tin-tuc-su-kien", [(cats[c][0], spec.cat_url(c, 0)) for c in cats]),
            ("Văn bản", "/web/guest/van-ban", [("Văn bản pháp luật", "/web/guest/van-ban"), ("Lấy ý kiến dự thảo", "/web/guest/lay-y-kien-du-thao")]),
            ("Thủ tục hành chính", s.url(spec.svc_list(0), s.services_host)),
            ("Thông tin công khai", "/web/guest/thong-tin-cong-khai", [
                ("Quy hoạch, kế hoạch", "/web/guest/quy-hoach-ke-hoach"), ("Dự án, đấu thầu", "/web/guest/du-an-dau-thau"),
                ("Công khai ngân sách", "/web/guest/cong-khai-ngan-sach"), ("Thống kê", "/web/guest/thong-ke"), ("Lịch công tác", "/web/guest/lich-cong-tac")]),
            ("Tương tác", "#", [("Hỏi đáp", "/web/guest/hoi-dap"), ("Đánh giá", "#")]),
            ("English", "/web/sxd-eng/home")]
    theme = Theme(s, menu, {"gioi-thieu.lien-he", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "dich-vu-cong.lien-ket-quoc-gia", "tuong-tac.mang-xa-hoi"},
                  "aui ltr", links_block=LINKS, dvc_banner=DVC_BANNER, contacts=contacts_html(addr, phone, email),
                  social=[("Facebook Sở Xây dựng Sơn La", "https://www.facebook.com/soxaydungsonla"), ("YouTube", "https://www.youtube.com/@soxaydungsonla")])
    docs = make_docs(rnd, "SXD", "Sở Xây dựng tỉnh Sơn La", [(2024, 7, 3), (2025, 11, 6)])
    s.hot_news = [(spec.art_url(a, a.cats[0]), a.title) for a in arts[:5]]

    def archive_link(a):
        if a is not arts[5]:
            return None
        return lambda body: body.replace("Tham khảo thêm: </p>", 'Tham khảo thêm: <a href="/web/20240215083000/https://soxaydung.sonla.gov.vn/web/guest/quy-hoach">quy hoạch chung</a></p>')
    write_news(s, theme, spec, arts, cats, rnd, True, extra_items={"pho-bien-giao-duc-phap-luat": {"tuyen-truyen-phap-luat"},
                                                                     "chi-dao-dieu-hanh": {"chi-dao-dieu-hanh"}}, body_filter=archive_link)
    orphan_theme = theme
    write_news(s, orphan_theme, Spec(**{**spec.__dict__, "cat_url": lambda c, p: "/web/guest/tin-cu-%d" % p}), orphans,
               {"tin-tuc-su-kien": ("Tin tức", None)}, rnd, True)
    s.pages.pop((s.host, Site.key("/web/guest/tin-cu-0")))  # the orphans' listing was deleted; the articles stayed
    write_docs(s, theme, spec, docs)
    leaders = [("Nguyễn Văn Hùng", "Giám đốc Sở", "0212.3.852.118"), ("Lò Thị Mai", "Phó Giám đốc Sở", "0212.3.852.119"),
               ("Cầm Văn Thắng", "Phó Giám đốc Sở", "0212.3.852.120")]
    units = ["Văn phòng Sở", "Thanh tra Sở", "Phòng Quản lý hoạt động xây dựng", "Phòng Quy hoạch - Kiến trúc", "Phòng Quản lý kết cấu hạ tầng giao thông",
             "Phòng Quản lý vận tải, phương tiện và người lái", "Trung tâm Giám định chất lượng xây dựng", "Ban Quản lý bảo trì đường bộ"]
    home_body = '<div class="home-news"><h2>Tin tức - Sự kiện</h2>%s</div><div class="home-docs"><h2>Văn bản mới</h2><ul>%s</ul></div>' % (
        "".join('<div class="item"><a href="%s">%s</a> <span class="date">%s</span></div>' % (e(spec.art_url(a, a.cats[0])), e(a.title), a.date.strftime("%d/%m/%Y"))
                for a in arts[:8]), "".join('<li><a href="%s">%s</a></li>' % (e(spec.doc_url(d)), e(d.number)) for d in docs[:6]))
    theme.page("/", "Trang chủ", home_body, items={"tin-tuc"})
    theme.page("/web/guest/trang-chu", "Trang chủ", home_body, items={"tin-tuc"})
    theme.page("/web/guest/gioi-thieu", "Giới thiệu", '<h1 class="page-title">Giới thiệu</h1><p>Sở Xây dựng tỉnh Sơn La được tổ chức lại từ ngày 01/3/2025 '
               'trên cơ sở hợp nhất Sở Xây dựng và Sở Giao thông vận tải.</p>')
    theme.page("/web/guest/chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ", '<h1 class="page-title">Chức năng, nhiệm vụ</h1>' + functions_body(s, "province"),
               items={"gioi-thieu.chuc-nang-nhiem-vu"})
    theme.page("/web/guest/co-cau-to-chuc", "Cơ cấu tổ chức", '<h1 class="page-title">Cơ cấu tổ chức</h1><h2>Lãnh đạo Sở</h2>%s<h2>Các phòng, đơn vị</h2>%s' % (
        leaders_table(leaders), units_list(units)), items={"gioi-thieu.co-cau-to-chuc"})
    theme.page("/web/guest/thong-tin-lanh-dao", "Thông tin lãnh đạo", '<h1 class="page-title">Thông tin lãnh đạo</h1>%s%s' % (
        leaders_table(leaders, True), spokesperson_body("Lò Thị Mai", "Phó Giám đốc Sở", "0912.456.218", "ltmai.sxd@sonla.gov.vn")), items={"gioi-thieu.dau-moi"})
    theme.page("/web/guest/lien-he", "Liên hệ", '<h1 class="page-title">Liên hệ</h1>' + contacts_html(addr, phone, email))
    theme.page("/web/guest/lay-y-kien-du-thao", "Lấy ý kiến dự thảo", drafts_body([
        ("Dự thảo Quyết định ban hành quy định phân cấp quản lý chất lượng công trình xây dựng", "05/11/2025", "05/12/2025", "/web/guest/gop-y-du-thao?id=41"),
        ("Dự thảo Quyết định quy định đơn giá bồi thường nhà, công trình xây dựng", "20/11/2025", "20/12/2025", "/web/guest/gop-y-du-thao?id=42")]), items={"gop-y"})
    for i in (41, 42):
        theme.page("/web/guest/gop-y-du-thao?id=%d" % i, "Gửi góp ý", '<h1>Gửi góp ý dự thảo</h1><form action="#" method="post"><textarea name="gopy"></textarea>'
                   '<button>Gửi</button></form>', items={"gop-y"})
    theme.page("/web/guest/thong-tin-cong-khai", "Thông tin công khai", '<h1 class="page-title">Thông tin công khai</h1><p>Chọn mục thông tin ở menu.</p>')
    theme.page("/web/guest/quy-hoach-ke-hoach", "Quy hoạch, kế hoạch", plans_body([
        ("Quy hoạch tỉnh Sơn La thời kỳ 2021-2030, tầm nhìn đến năm 2050 (phần giao thông, đô thị)", "/van-ban/-/vanban/%d" % docs[-1].did),
        ("Chương trình phát triển đô thị tỉnh Sơn La đến năm 2030", "/web/guest/quy-hoach-ke-hoach"),
        ("Kế hoạch công tác năm 2025 của Sở Xây dựng", "/van-ban/-/vanban/%d" % docs[0].did)]), items={"chien-luoc-quy-hoach"})
    theme.page("/web/guest/du-an-dau-thau", "Dự án, đấu thầu", bids_body([
        ("Cải tạo, nâng cấp QL.4G đoạn Km10 - Km25", "Đấu thầu rộng rãi qua mạng", "10/2025"),
        ("Mua sắm trang thiết bị phòng thí nghiệm Trung tâm Giám định", "Chào hàng cạnh tranh", "06/2025")]), items={"du-an-dau-thau"})
    budget_pdfs = [("Quyết định công bố công khai dự toán ngân sách năm 2025", "/documents/cong-khai-du-toan-2025.pdf", "15/01/2025"),
                   ("Báo cáo công khai quyết toán ngân sách năm 2024", "/documents/quyet-toan-2024.pdf", "20/08/2025")]
    theme.page("/web/guest/cong-khai-ngan-sach", "Công khai ngân sách", budget_body(s, 2025, budget_pdfs), items={"tai-chinh.bao-cao"})
    for t, h, _ in budget_pdfs:
        pdf_stub(s, h, t)
    placeholder(theme, "/web/guest/thong-ke", "Thống kê", "Nội dung đang được xây dựng")
    s.decoy("thong-ke", "/web/guest/thong-ke", "placeholder")
    theme.page("/web/guest/lich-cong-tac", "Lịch công tác", schedule_body(dt.date(2025, 12, 15), leaders), items={"chi-dao-dieu-hanh.lich-cong-tac"})
    theme.page("/web/guest/hoi-dap", "Hỏi đáp", qa_body([
        ("Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ tại xã cần những giấy tờ gì?", "12/09/2025 09:14",
         "Hồ sơ gồm đơn đề nghị, bản sao giấy tờ về quyền sử dụng đất và bản vẽ thiết kế theo Nghị định 175/2024/NĐ-CP."),
        ("Sau sắp xếp, đổi giấy phép lái xe ở đâu?", "03/08/2025 15:40", "Công dân nộp hồ sơ trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia.")]),
        items={"hoi-dap"})
    s.decoy("tuong-tac.danh-gia", "/", "hash")
    theme.page("/web/guest/tim-kiem", "Tìm kiếm", '<h1>Kết quả tìm kiếm</h1><p>Nhập từ khóa để tìm kiếm.</p>')
    en = Theme(s, [("Home", "/web/sxd-eng/home"), ("Organisation", "/web/sxd-eng/organisation"), ("Tiếng Việt", "/web/guest/trang-chu")],
               {"gioi-thieu.lien-he"}, "aui ltr", search=None, contacts=contacts_html(addr, phone, email), home="/web/sxd-eng/home", sidebar=False,
               name="Son La Department of Construction")
    en.page("/web/sxd-eng/home", "Home", english_body(s, ["Office", "Inspectorate", "Construction Management Division", "Planning and Architecture Division",
                                                          "Transport Infrastructure Division"], "7-storey building, Provincial Administrative Centre, To Hieu ward, Son La",
                                                      "+84 212 3852116", email), items={"tieng-nuoc-ngoai"})
    en.page("/web/sxd-eng/organisation", "Organisation", english_body(s, units, "Provincial Administrative Centre, Son La", "+84 212 3852116", email),
            items={"tieng-nuoc-ngoai"})
    svc = svc_theme(s, spec.svc_list(0))
    svc_home(s, svc, spec.svc_list(0), s.name)
    write_services(s, svc, spec, make_procs(rnd, 24, (9, 8)), host=s.services_host)
    s.decoy("du-lieu-mo", spec.art_url(decoy, "tin-tuc-su-kien"), "headline")
    s.decoy("thong-ke", "/web/guest/trang-chu", "visitor counter 'Thống kê truy cập' on every page")
    return s


def site_vnpt_so_y_te(rnd):
    intent = {"van-ban", "thu-tuc-hanh-chinh", "dich-vu-cong.lien-ket-quoc-gia", "tuyen-truyen-phap-luat", "gioi-thieu.chuc-nang-nhiem-vu",
              "gioi-thieu.co-cau-to-chuc", "gioi-thieu.lien-he", "tin-tuc", "chi-dao-dieu-hanh", "chi-dao-dieu-hanh.lich-cong-tac",
              "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "hoi-dap", "thong-ke", "tai-chinh.bao-cao", "du-lieu-mo"}
    s = Site("vnpt-so-y-te", "Sở Y tế tỉnh Sơn La", "province", "SYT", "egov-vnpt", "127.0.4.3", services_host="127.0.5.3", intent=intent,
             traps=["VNPT eGov-like template: everything under /Default.aspx?pageid=…&catid=…&id=… (ids in query strings); one article under two catid",
                    "the same <title> on every page",
                    "list dates alone in a table cell (15/09/2025); article dates 'Thứ Hai, 15/09/2025 08:30'",
                    "search box driven by JavaScript only (no <form>): works in a browser, so present",
                    "image-only banner links (Cổng DVC quốc gia, other agencies) with alt text only",
                    "'Chiến lược, quy hoạch' menu entry is '#'; 'Dự án - Đấu thầu' leads to 'Đang cập nhật'; 'English' is '#'",
                    "'Lấy ý kiến dự thảo' is an empty table; only share buttons (sharer.php), no official social channel; no print/save",
                    "leaders without any đầu mối/spokesperson designation",
                    "procedures on the one-stop host with only 'Nộp hồ sơ'/'Chi tiết' buttons; the level only on each procedure page",
                    "100/QĐ-SYT of 2024 and of 2025; documents of UBND tỉnh, HĐND tỉnh, Chính phủ beside the Sở's own"])
    s.short, s.field, s.ministry = "Sở Y tế", "y tế, dân số, bảo trợ xã hội", "Y tế"
    s.search_action, s.search_param = "/Default.aspx?pageid=tim-kiem", "keyword"
    addr, phone, email = "Số 8, đường Chu Văn Thịnh, phường Tô Hiệu, tỉnh Sơn La", "0212.3.852.165", "syt@sonla.gov.vn"
    cats = {"4": ("Tin tức - Sự kiện", None), "7": ("Y tế cơ sở", None), "9": ("Chỉ đạo điều hành", None), "12": ("Phổ biến pháp luật", None)}
    arts = make_articles(rnd, s.name, 150, 31240, ["4", "7", "9"], law_cat="12", law_count=8)
    spec = Spec(per_page=15, list_style="table",
                art_url=lambda a, c: "/Default.aspx?catid=%s&id=%d&pageid=chi-tiet" % (c, a.aid),
                cat_url=lambda c, p: "/Default.aspx?catid=%s&pageid=tin-tuc" % c + ("&page=%d" % (p + 1) if p else ""),
                list_date=lambda d: d.strftime("%d/%m/%Y"),
                art_date=lambda d: '<div class="date-time">%s, %s</div>' % (WEEKDAYS[d.weekday()], d.strftime("%d/%m/%Y %H:%M")),
                doc_per_page=15, docs_url=lambda p: "/Default.aspx?pageid=van-ban" + ("&page=%d" % (p + 1) if p else ""),
                doc_url=lambda d: "/Default.aspx?id=%d&pageid=chi-tiet-van-ban" % d.did, doc_file_beside=False,
                svc_per_page=15, svc_list=lambda p: "/thu-tuc-hanh-chinh?coquan=SYT" + ("&page=%d" % (p + 1) if p else ""),
                svc_url=lambda n: "/thu-tuc-hanh-chinh/chi-tiet?ma=1.01%04d" % (2200 + n), svc_submit=lambda n: "/nop-ho-so?ma=1.01%04d" % (2200 + n))
    P = lambda page: "/Default.aspx?pageid=%s" % page  # noqa: E731
    menu = [("Trang chủ", "/"),
            ("Giới thiệu", P("gioi-thieu"), [("Chức năng nhiệm vụ", P("chuc-nang-nhiem-vu")), ("Cơ cấu tổ chức", P("co-cau-to-chuc"))]),
            ("Tin tức", spec.cat_url("4", 0), [(cats[c][0], spec.cat_url(c, 0)) for c in cats]),
            ("Văn bản", spec.docs_url(0), [("Văn bản QPPL", spec.docs_url(0)), ("Lấy ý kiến dự thảo", P("du-thao"))]),
            ("Chiến lược, quy hoạch", "#"),
            ("Dự án - Đấu thầu", P("dau-thau")),
            ("Lịch công tác", P("lich-cong-tac")),
            ("Thống kê y tế", P("thong-ke")),
            ("Hỏi đáp", P("hoi-dap")), ("English", "#")]
    banners = [("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "Cổng Dịch vụ công quốc gia", "dvcqg.png"),
               (s.url(spec.svc_list(0), s.services_host), "Thủ tục hành chính", "tthc.png"),
               ("https://moh.gov.vn/", "Bộ Y tế", "byt.png"), ("https://sonla.gov.vn/", "Cổng TTĐT tỉnh Sơn La", "sonla.png"),
               ("https://bvdksonla.vn/", "Bệnh viện Đa khoa tỉnh", "bvdk.png")]
    theme = Theme(s, menu, {"gioi-thieu.lien-he", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "dich-vu-cong.lien-ket-quoc-gia", "du-lieu-mo"},
                  "vnpt-portal", same_title="SỞ Y TẾ TỈNH SƠN LA", search="js", banners=banners, contacts=contacts_html(addr, phone, email),
                  open_data=("Cổng dữ liệu quốc gia", "https://data.gov.vn/"))
    docs = make_docs(rnd, "SYT", "Sở Y tế tỉnh Sơn La", [(2024, 8, 4), (2025, 13, 7)])
    s.hot_news = [(spec.art_url(a, a.cats[0]), a.title) for a in arts[:5]]
    write_news(s, theme, spec, arts, cats, rnd, False, extra_items={"12": {"tuyen-truyen-phap-luat"}, "9": {"chi-dao-dieu-hanh"}})
    write_docs(s, theme, spec, docs)
    leaders = [("Hoàng Văn Bình", "Giám đốc Sở", ""), ("Quàng Thị Hạnh", "Phó Giám đốc Sở", ""), ("Đinh Công Lực", "Phó Giám đốc Sở", "")]
    home = '<table class="table home-news">%s</table>' % "".join('<tr><td><a href="%s">%s</a></td><td>%s</td></tr>' % (
        e(spec.art_url(a, a.cats[0])), e(a.title), a.date.strftime("%d/%m/%Y")) for a in arts[:10])
    theme.page("/", "Trang chủ", home, items={"tin-tuc"})
    theme.page(P("gioi-thieu"), "Giới thiệu", '<h1 class="page-title">Giới thiệu</h1><p>Sở Y tế tỉnh Sơn La tiếp nhận chức năng bảo trợ xã hội, trẻ em từ ngày 01/3/2025.</p>')
    theme.page(P("chuc-nang-nhiem-vu"), "Chức năng nhiệm vụ", '<h1 class="page-title">Chức năng nhiệm vụ</h1>' + functions_body(s, "province"),
               items={"gioi-thieu.chuc-nang-nhiem-vu"})
    theme.page(P("co-cau-to-chuc"), "Cơ cấu tổ chức", '<h1 class="page-title">Cơ cấu tổ chức</h1><h2>Ban Giám đốc</h2>%s<h2>Phòng chức năng</h2>%s' % (
        leaders_table(leaders), units_list(["Văn phòng Sở", "Thanh tra Sở", "Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược", "Phòng Kế hoạch - Tài chính",
                                            "Phòng Bảo trợ xã hội và Trẻ em", "Chi cục Dân số"])), items={"gioi-thieu.co-cau-to-chuc"})
    theme.page(P("du-thao"), "Lấy ý kiến dự thảo", '<h1 class="page-title">Lấy ý kiến dự thảo văn bản</h1><table class="table"><tr><th>Tên dự thảo</th>'
               '<th>Hạn góp ý</th></tr><tr><td colspan="2">Không có dự thảo nào đang lấy ý kiến.</td></tr></table>')
    s.decoy("gop-y", P("du-thao"), "empty")
    placeholder(theme, P("dau-thau"), "Dự án - Đấu thầu", "Đang cập nhật")
    s.decoy("du-an-dau-thau", P("dau-thau"), "placeholder")
    s.decoy("chien-luoc-quy-hoach", "/", "hash")
    s.decoy("tieng-nuoc-ngoai", "/", "hash")
    s.decoy("tuong-tac.mang-xa-hoi", spec.art_url(arts[0], arts[0].cats[0]), "share buttons only")
    theme.page(P("lich-cong-tac"), "Lịch công tác", schedule_body(dt.date(2025, 12, 15), leaders), items={"chi-dao-dieu-hanh.lich-cong-tac"})
    theme.page(P("thong-ke"), "Thống kê y tế", stats_body("Thống kê y tế", [
        ("Số giường bệnh/vạn dân", "giường", "32,5", "33,1"), ("Số bác sĩ/vạn dân", "bác sĩ", "10,2", "10,8"),
        ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "%", "95,3", "96,0"), ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "96,7", "97,2")]),
        items={"thong-ke"})
    budget = [("Công khai dự toán ngân sách năm 2025 của Sở Y tế", "/Upload/congkhai/du-toan-2025.pdf", "10/01/2025"),
              ("Công khai quyết toán ngân sách năm 2024", "/Upload/congkhai/quyet-toan-2024.pdf", "15/09/2025")]
    theme.page(P("cong-khai-ngan-sach"), "Công khai ngân sách", budget_body(s, 2025, budget), items={"tai-chinh.bao-cao"})
    for t, h, _ in budget:
        pdf_stub(s, h, t)
    # Reached only from the footer, as many VNPT portals place it.
    theme.footer_extra = '<div class="footer-links"><a href="%s">Công khai ngân sách</a> | <a href="%s">Sơ đồ cổng</a></div>' % (
        e(P("cong-khai-ngan-sach")), e(P("so-do")))
    theme.page(P("so-do"), "Sơ đồ cổng", '<h1>Sơ đồ cổng</h1><ul>%s</ul>' % "".join('<li><a href="%s">%s</a></li>' % (e(h), e(t)) for t, h, *_ in menu if h != "#"))
    theme.page(P("hoi-dap"), "Hỏi đáp", qa_body([
        ("Người cao tuổi từ 75 tuổi được hưởng trợ cấp xã hội hằng tháng như thế nào?", "(04/08/2025 08:32)",
         "Theo Nghị định 20/2021/NĐ-CP, người từ đủ 75 tuổi đến 80 tuổi thuộc hộ nghèo được hưởng trợ cấp hằng tháng."),
        ("Thủ tục cấp giấy phép hành nghề khám bệnh, chữa bệnh nộp ở đâu?", "(12/10/2025 10:05)",
         "Nộp hồ sơ trực tuyến trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.")]), items={"hoi-dap"})
    theme.page(P("tim-kiem"), "Tìm kiếm", "<h1>Tìm kiếm</h1>")
    svc = svc_theme(s, spec.svc_list(0))
    svc_home(s, svc, spec.svc_list(0), s.name)
    write_services(s, svc, spec, make_procs(rnd, 27, (10, 9)), button_only=True, host=s.services_host)
    return s


def site_wp_ban_quan_ly_kcn(rnd):
    intent = {"van-ban", "thu-tuc-hanh-chinh", "dich-vu-cong.lien-ket-quoc-gia", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.co-cau-to-chuc",
              "gioi-thieu.lien-he", "du-an-dau-thau", "tin-tuc", "chien-luoc-quy-hoach", "chuc-nang.tim-kiem", "chuc-nang.lien-ket",
              "chuc-nang.in-luu", "tieng-nuoc-ngoai", "hoi-dap", "tuong-tac.mang-xa-hoi"}
    s = Site("wp-ban-quan-ly-kcn", "Ban Quản lý các khu công nghiệp tỉnh Sơn La", "province", "BQLKCN", "wordpress", "127.0.4.4", intent=intent,
             traps=["WordPress: slug-only permalinks (/<slug>/), /category/<cat>/page/N/ pagers, one post in two categories at one URL",
                    "'Đăng ngày <time datetime=\"2025-09-15T08:30:00+07:00\">15-09-2025</time>'; list dates 15-09-2025",
                    "utm_source/fbclid variants of post URLs on the home page and in the feed",
                    "a post copied from Sở Công Thương with its source line",
                    "'Phổ biến pháp luật' category is empty; 'Công khai tài chính' leads to 'Nội dung đang được cập nhật...'; 'Lịch công tác' is '#'",
                    "a headline names 'thống kê' (Hội nghị triển khai công tác thống kê); no statistics page",
                    "real RSS feed at /feed/; English page for investors",
                    "procedures on the site itself worded 'Toàn trình'/'Một phần'/'Cung cấp thông tin'",
                    "100/QĐ-BQLKCN of 2024 and of 2025; UBND tỉnh, HĐND tỉnh, Chính phủ documents"])
    s.short, s.field, s.ministry = "Ban Quản lý các khu công nghiệp", "khu công nghiệp", "Tài chính"
    s.search_action, s.search_param = "/", "s"
    s.english = "Son La Industrial Zones Management Board manages Mai Son Industrial Park and the planned Van Ho and Muong Bang industrial parks."
    addr, phone, email = "Số 56, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La", "0212.3.776.868", "bqlkcn@sonla.gov.vn"
    cats = {"tin-tuc": ("Tin tức", None), "thu-hut-dau-tu": ("Thu hút đầu tư", None), "hoat-dong-doanh-nghiep": ("Hoạt động doanh nghiệp", None),
            "pho-bien-phap-luat": ("Phổ biến pháp luật", None)}
    arts = make_articles(rnd, s.name, 96, 0, ["tin-tuc", "thu-hut-dau-tu", "hoat-dong-doanh-nghiep"])
    copied = Article(-1, "Sơn La đẩy mạnh xúc tiến thương mại, tiêu thụ nông sản năm 2025", dt.datetime(2025, 8, 12, 9, 0), ["tin-tuc"],
                     [SENTENCES[16], SENTENCES[10]], source="Nguồn: Sở Công Thương tỉnh Sơn La")
    stat = Article(-2, "Hội nghị triển khai công tác thống kê năm 2025", dt.datetime(2025, 3, 4, 8, 0), ["tin-tuc"], [SENTENCES[3], SENTENCES[8]])
    arts = sorted(arts + [copied, stat], key=lambda a: a.date, reverse=True)
    for i, a in enumerate(arts):
        a.aid = 1000 + i
    spec = Spec(per_page=10, list_style="list",
                art_url=lambda a, c: "/%s/" % a.slug,
                cat_url=lambda c, p: "/category/%s/" % c + ("page/%d/" % (p + 1) if p else ""),
                list_date=lambda d: d.strftime("%d-%m-%Y"),
                art_date=lambda d: '<div class="entry-meta"><span class="posted-on">Đăng ngày <time class="entry-date published" datetime="%s">%s</time></span></div>' % (
                    d.strftime("%Y-%m-%dT%H:%M:%S+07:00"), d.strftime("%d-%m-%Y")),
                doc_per_page=12, docs_url=lambda p: "/van-ban/" + ("page/%d/" % (p + 1) if p else ""),
                doc_url=lambda d: "/van-ban/%s-%d/" % (d.slug, d.date.year), doc_file_beside=False,
                svc_per_page=20, svc_list=lambda p: "/thu-tuc-hanh-chinh/" + ("page/%d/" % (p + 1) if p else ""),
                svc_url=lambda n: "/thu-tuc/thu-tuc-%d/" % n, svc_submit=lambda n: "/thu-tuc/thu-tuc-%d/nop-ho-so/" % n)
    menu = [("Trang chủ", "/"),
            ("Giới thiệu", "/gioi-thieu/", [("Chức năng, nhiệm vụ", "/chuc-nang-nhiem-vu/"), ("Cơ cấu tổ chức", "/co-cau-to-chuc/"), ("Liên hệ", "/lien-he/")]),
            ("Tin tức", "/category/tin-tuc/", [(cats[c][0], spec.cat_url(c, 0)) for c in cats]),
            ("Khu công nghiệp", "/quy-hoach-khu-cong-nghiep/", [("Quy hoạch các KCN", "/quy-hoach-khu-cong-nghiep/"), ("Dự án đầu tư, đấu thầu", "/du-an-dau-tu/")]),
            ("Văn bản", "/van-ban/"), ("Thủ tục hành chính", "/thu-tuc-hanh-chinh/"),
            ("Công khai", "#", [("Công khai tài chính", "/cong-khai-tai-chinh/"), ("Lịch công tác", "#")]),
            ("Hỏi đáp", "/hoi-dap/"), ("English", "/en/")]
    theme = Theme(s, menu, {"gioi-thieu.lien-he", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "dich-vu-cong.lien-ket-quoc-gia", "tuong-tac.mang-xa-hoi"},
                  "wp-site", links_block=LINKS[:4] + [("Bộ Tài chính", "https://mof.gov.vn/")], contacts=contacts_html(addr, phone, email),
                  social=[("Fanpage Ban Quản lý các KCN Sơn La", "https://www.facebook.com/bqlkcnsonla")],
                  footer_extra='<p><a href="https://dichvucong.gov.vn/" target="_blank">Cổng Dịch vụ công quốc gia</a> | <a href="/feed/">RSS</a></p>')
    docs = make_docs(rnd, "BQLKCN", "Ban Quản lý các khu công nghiệp tỉnh Sơn La", [(2024, 5, 3), (2025, 9, 6)])
    s.hot_news = [(spec.art_url(a, a.cats[0]) + "?utm_source=home&utm_medium=sidebar", a.title) for a in arts[:5]]
    write_news(s, theme, spec, [a for a in arts if a.cats != ["pho-bien-phap-luat"]], cats, rnd, True)
    write_docs(s, theme, spec, docs)
    home = "".join('<article class="post"><h2><a href="%s">%s</a></h2><span class="date">%s</span></article>' % (
        e(spec.art_url(a, "") + ("?fbclid=IwAR0x%d" % a.aid if n % 3 == 0 else "")), e(a.title), a.date.strftime("%d-%m-%Y")) for n, a in enumerate(arts[:9]))
    theme.page("/", "Trang chủ", home, items={"tin-tuc"})
    theme.page("/gioi-thieu/", "Giới thiệu", '<h1 class="page-title">Giới thiệu</h1><p>Ban Quản lý các khu công nghiệp tỉnh Sơn La quản lý Khu công nghiệp Mai Sơn và '
               'các khu công nghiệp Vân Hồ, Mường Bằng đang quy hoạch.</p>')
    theme.page("/chuc-nang-nhiem-vu/", "Chức năng, nhiệm vụ", '<h1 class="page-title">Chức năng, nhiệm vụ</h1>' + functions_body(s, "province"),
               items={"gioi-thieu.chuc-nang-nhiem-vu"})
    units = ["Văn phòng", "Phòng Quản lý đầu tư", "Phòng Quản lý quy hoạch - xây dựng và môi trường", "Phòng Quản lý doanh nghiệp và lao động"]
    theme.page("/co-cau-to-chuc/", "Cơ cấu tổ chức", '<h1 class="page-title">Cơ cấu tổ chức</h1><h2>Lãnh đạo Ban</h2>%s<h2>Các phòng</h2>%s' % (
        leaders_table([("Trần Văn Lợi", "Trưởng ban", ""), ("Vì Thị Hoa", "Phó Trưởng ban", "")]), units_list(units)), items={"gioi-thieu.co-cau-to-chuc"})
    theme.page("/lien-he/", "Liên hệ", '<h1 class="page-title">Liên hệ</h1>' + contacts_html(addr, phone, email))
    theme.page("/quy-hoach-khu-cong-nghiep/", "Quy hoạch các KCN", plans_body([
        ("Quy hoạch chi tiết Khu công nghiệp Mai Sơn (mở rộng) tỷ lệ 1/2000", "/van-ban/"),
        ("Kế hoạch phát triển các khu công nghiệp tỉnh Sơn La giai đoạn 2026-2030", "/van-ban/")]), items={"chien-luoc-quy-hoach"})
    theme.page("/du-an-dau-tu/", "Dự án đầu tư, đấu thầu", bids_body([
        ("Đầu tư xây dựng hạ tầng KCN Mai Sơn giai đoạn 2", "Lựa chọn nhà đầu tư", "07/2025"),
        ("Gói thầu tư vấn lập báo cáo đánh giá tác động môi trường KCN Vân Hồ", "Chỉ định thầu rút gọn", "04/2025")]), items={"du-an-dau-thau"})
    placeholder(theme, "/cong-khai-tai-chinh/", "Công khai tài chính", "Nội dung đang được cập nhật...")
    s.decoy("tai-chinh.bao-cao", "/cong-khai-tai-chinh/", "placeholder")
    s.decoy("tuyen-truyen-phap-luat", "/category/pho-bien-phap-luat/", "empty category")
    s.decoy("thong-ke", "/%s/" % stat.slug, "headline")
    s.decoy("chi-dao-dieu-hanh.lich-cong-tac", "/", "hash")
    theme.page("/hoi-dap/", "Hỏi đáp", qa_body([
        ("Doanh nghiệp muốn thuê đất trong KCN Mai Sơn cần liên hệ đơn vị nào?", "(15/05/2025 09:20)",
         "Doanh nghiệp liên hệ Phòng Quản lý đầu tư, Ban Quản lý các khu công nghiệp tỉnh, điện thoại 0212.3.776.868."),
        ("Thủ tục cấp giấy chứng nhận đăng ký đầu tư có nộp trực tuyến được không?", "(02/10/2025 14:11)",
         "Được, nhà đầu tư nộp hồ sơ trên Hệ thống thông tin quốc gia về đầu tư.")]), items={"hoi-dap"})
    en = Theme(s, [("Home", "/en/"), ("Tiếng Việt", "/")], {"gioi-thieu.lien-he"}, "wp-site", search=None, contacts=contacts_html(addr, phone, email),
               home="/en/", sidebar=False, name="Son La Industrial Zones Management Board")
    en.page("/en/", "Introduction", english_body(s, ["Office", "Investment Management Division", "Planning, Construction and Environment Division",
                                                     "Enterprise and Labour Division"], "56 To Hieu street, To Hieu ward, Son La", "+84 212 3776868", email),
            items={"tieng-nuoc-ngoai"})
    feed = "".join("<item><title>%s</title><link>%s</link><pubDate>%s</pubDate></item>" % (
        e(a.title), e(s.url(spec.art_url(a, "")) + "?utm_source=rss"), a.date.strftime("%a, %d %b %Y %H:%M:%S +0700")) for a in arts[:10])
    s.pages[(s.host, Site.key("/feed/"))] = (('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>%s</link>%s</channel></rss>' % (
        e(s.name), s.url("/"), feed)).encode("utf-8"), {"feed": True})
    s.headers[s.host] = [("/feed/", "Content-Type: application/rss+xml; charset=UTF-8")]
    write_services(s, theme, spec, make_procs(rnd, 18, (5, 6)))
    return s


def commune_on_platform(rnd, sid, name, short, prefix, services_host, intent, traps, variant):
    """A xã/phường as one path of the provincial platform (slug-plus-id articles, 'Ngày đăng: 15/09/2025')."""
    s = Site(sid, name, "commune", "UBND", "sonla-platform", "127.0.4.5", prefix=prefix, services_host=services_host, intent=intent, traps=traps)
    s.short, s.search_action, s.search_param = short, prefix + "tim-kiem", "keyword"
    addr, phone, email = ("Trụ sở UBND %s, tỉnh Sơn La" % short, "0212.3.8%02d.%03d" % (rnd.randint(10, 99), rnd.randint(100, 999)),
                          "ubnd.%s@sonla.gov.vn" % prefix.strip("/").replace("-", ""))
    P = lambda x: prefix + x  # noqa: E731
    cats = {"tin-tuc-su-kien": ("Tin tức - Sự kiện", None), "tin-hoat-dong": ("Tin hoạt động", None),
            "thong-tin-tuyen-truyen": ("Thông tin tuyên truyền", None), "chi-dao-dieu-hanh": ("Chỉ đạo điều hành", None)}
    if variant == "e":
        cats.pop("chi-dao-dieu-hanh")
    arts = make_articles(rnd, "UBND " + short, 70 if variant == "d" else 62, 918000 + rnd.randint(0, 900),
                         [c for c in cats if c != "thong-tin-tuyen-truyen"], years=(2024, 2025), weights=(2, 5),
                         law_cat="thong-tin-tuyen-truyen", law_count=7)
    spec = Spec(per_page=12, list_style="date-first",
                art_url=lambda a, c: P("%s/%s-%d" % (a.cats[0], a.slug, a.aid)),
                cat_url=lambda c, p: P("%s/" % c) + ("?page=%d" % (p + 1) if p else ""),
                list_date=lambda d: d.strftime("%d/%m/%Y"),
                art_date=lambda d: '<div class="post-date">Ngày đăng: %s</div>' % d.strftime("%d/%m/%Y"),
                doc_per_page=10, docs_url=lambda p: P("van-ban/") + ("?page=%d" % (p + 1) if p else ""),
                doc_url=lambda d: P("van-ban/chi-tiet?id=%d" % d.did), doc_file_beside=False,
                svc_per_page=12, svc_list=lambda p: "/thu-tuc-hanh-chinh?donvi=%s" % sid + ("&page=%d" % (p + 1) if p else ""),
                svc_url=lambda n: "/thu-tuc-hanh-chinh/chi-tiet?ma=2.00%04d" % (1300 + n), svc_submit=lambda n: "/nop-ho-so?ma=2.00%04d" % (1300 + n))
    return s, spec, cats, arts, addr, phone, email, P


def site_phuong_chieng_an(rnd):
    intent = {"van-ban", "thu-tuc-hanh-chinh", "dich-vu-cong.lien-ket-quoc-gia", "tuyen-truyen-phap-luat", "gioi-thieu.chuc-nang-nhiem-vu",
              "gioi-thieu.co-cau-to-chuc", "gioi-thieu.lien-he", "gioi-thieu.dau-moi", "tin-tuc", "chi-dao-dieu-hanh", "chi-dao-dieu-hanh.lich-cong-tac",
              "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "chuc-nang.in-luu", "hoi-dap", "gop-y", "tai-chinh.bao-cao", "tuong-tac.mang-xa-hoi"}
    traps = ["commune as one path (/phuong-chieng-an/) of the provincial platform host shared with xa-chieng-sung; slug-plus-id article URLs",
             "list dates before the summary ('15/09/2025 Sáng ngày…'); article 'Ngày đăng: 15/09/2025'",
             "an article of Sở Y tế republished with 'Nguồn: Sở Y tế tỉnh Sơn La'; articles of the former phường (2024) kept",
             "thumbnail image-only links beside each title; image-only banners",
             "'Quy hoạch - Kế hoạch' leads to 'Nội dung đang được xây dựng'",
             "own documents numbered -UBND like UBND tỉnh's: only the issuer column tells them apart; 100/QĐ-UBND of 2024 and 2025",
             "procedures on the one-stop host worded 'Toàn trình'/'Một phần'"]
    s, spec, cats, arts, addr, phone, email, P = commune_on_platform(rnd, "phuong-chieng-an", "UBND phường Chiềng An", "phường Chiềng An",
                                                                      "/phuong-chieng-an/", "127.0.5.5", intent, traps, "d")
    copied = Article(999001, "Sơn La chủ động phòng, chống dịch sốt xuất huyết mùa mưa năm 2025", dt.datetime(2025, 7, 22, 15, 0), ["tin-tuc-su-kien"],
                     [SENTENCES[17].format(org=""), SENTENCES[6]], source="Nguồn: Sở Y tế tỉnh Sơn La")
    arts = sorted(arts + [copied], key=lambda a: a.date, reverse=True)
    menu = [("Trang chủ", P("")),
            ("Giới thiệu", P("gioi-thieu"), [("Chức năng, nhiệm vụ", P("chuc-nang-nhiem-vu")), ("Cơ cấu tổ chức", P("co-cau-to-chuc")),
                                             ("Người phát ngôn", P("nguoi-phat-ngon"))]),
            ("Tin tức", P("tin-tuc-su-kien/"), [(cats[c][0], spec.cat_url(c, 0)) for c in cats]),
            ("Văn bản", P("van-ban/")), ("Bộ Thủ tục hành chính công", s.url(spec.svc_list(0), s.services_host)),
            ("Quy hoạch - Kế hoạch", P("quy-hoach-ke-hoach")), ("Công khai ngân sách", P("cong-khai-ngan-sach")),
            ("Lịch công tác", P("lich-cong-tac")), ("Góp ý cá nhân, tổ chức", P("gop-y-du-thao/")), ("Hỏi đáp", P("hoi-dap"))]
    theme = Theme(s, menu, {"gioi-thieu.lien-he", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "dich-vu-cong.lien-ket-quoc-gia", "tuong-tac.mang-xa-hoi"},
                  "portal-xa", links_block=[LINKS[0], ("UBND phường Tô Hiệu", "http://127.0.4.5:8045/phuong-to-hieu/"), LINKS[2]],
                  contacts=contacts_html(addr, phone, email), dvc_banner=DVC_BANNER,
                  banners=[("https://sonla.gov.vn/", "Sơn La", "sonla.png"), ("https://www.vneid.gov.vn/", "VNeID", "vneid.png")],
                  social=[("Zalo OA UBND phường Chiềng An", "https://zalo.me/2938471650123"), ("Facebook", "https://www.facebook.com/phuongchiengan")])
    docs = make_docs(rnd, "UBND", "UBND phường Chiềng An", [(2024, 6, 4), (2025, 10, 8)])
    s.hot_news = [(spec.art_url(a, a.cats[0]), a.title) for a in arts[:4]]
    write_news(s, theme, spec, arts, cats, rnd, True, extra_items={"thong-tin-tuyen-truyen": {"tuyen-truyen-phap-luat"}, "chi-dao-dieu-hanh": {"chi-dao-dieu-hanh"}})
    write_docs(s, theme, spec, docs)
    leaders = [("Lò Văn Tươi", "Chủ tịch UBND phường", "0915.220.331"), ("Nguyễn Thị Thu", "Phó Chủ tịch UBND phường", "0983.412.770")]
    home = "".join('<div class="item"><span class="date">%s</span> <a href="%s">%s</a></div>' % (
        a.date.strftime("%d/%m/%Y"), e(spec.art_url(a, a.cats[0])), e(a.title)) for a in arts[:10])
    theme.page(P(""), "Trang chủ", home, items={"tin-tuc"})
    theme.page(P("gioi-thieu"), "Giới thiệu", '<h1 class="page-title">Giới thiệu phường Chiềng An</h1><p>Phường Chiềng An được thành lập theo Nghị quyết '
               '1681/NQ-UBTVQH15 ngày 16/6/2025 trên cơ sở sắp xếp phường Chiềng An, xã Chiềng Xôm và xã Chiềng Đen.</p>')
    theme.page(P("chuc-nang-nhiem-vu"), "Chức năng, nhiệm vụ", '<h1 class="page-title">Chức năng, nhiệm vụ</h1>' + functions_body(s, "commune"),
               items={"gioi-thieu.chuc-nang-nhiem-vu"})
    theme.page(P("co-cau-to-chuc"), "Cơ cấu tổ chức", '<h1 class="page-title">Cơ cấu tổ chức</h1>%s%s' % (
        leaders_table(leaders), units_list(["Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Văn hóa - Xã hội",
                                            "Trung tâm Phục vụ hành chính công phường"])), items={"gioi-thieu.co-cau-to-chuc"})
    theme.page(P("nguoi-phat-ngon"), "Người phát ngôn", spokesperson_body("Nguyễn Thị Thu", "Phó Chủ tịch UBND phường", "0983.412.770", "ntthu@sonla.gov.vn"),
               items={"gioi-thieu.dau-moi"})
    placeholder(theme, P("quy-hoach-ke-hoach"), "Quy hoạch - Kế hoạch", "Nội dung đang được xây dựng")
    s.decoy("chien-luoc-quy-hoach", P("quy-hoach-ke-hoach"), "placeholder")
    budget = [("Công khai dự toán ngân sách phường năm 2025", P("van-ban/chi-tiet?id=%d" % docs[0].did), "05/08/2025")]
    theme.page(P("cong-khai-ngan-sach"), "Công khai ngân sách", budget_body(s, 2025, budget), items={"tai-chinh.bao-cao"})
    theme.page(P("lich-cong-tac"), "Lịch công tác", schedule_body(dt.date(2025, 12, 8), leaders), items={"chi-dao-dieu-hanh.lich-cong-tac"})
    theme.page(P("gop-y-du-thao/"), "Góp ý dự thảo", drafts_body([("Dự thảo Quy chế làm việc của UBND phường Chiềng An nhiệm kỳ 2021-2026", "01/10/2025",
                                                                  "31/10/2025", P("gop-y-du-thao/gui?id=3"))]), items={"gop-y"})
    theme.page(P("gop-y-du-thao/gui?id=3"), "Gửi góp ý", '<h1>Gửi góp ý</h1><form method="post" action="#"><textarea name="y"></textarea><button>Gửi</button></form>',
               items={"gop-y"})
    theme.page(P("hoi-dap"), "Hỏi đáp", qa_body([("Sau sáp nhập, người dân xã Chiềng Xôm cũ làm thủ tục chứng thực ở đâu?", "(10/07/2025 08:05)",
                                                  "Tại Trung tâm Phục vụ hành chính công phường Chiềng An hoặc điểm tiếp nhận tại trụ sở xã Chiềng Xôm cũ.")]),
               items={"hoi-dap"})
    theme.page(P("tim-kiem"), "Tìm kiếm", "<h1>Tìm kiếm</h1>")
    svc = svc_theme(s, spec.svc_list(0))
    svc_home(s, svc, spec.svc_list(0), s.name)
    write_services(s, svc, spec, make_procs(rnd, 26, (8, 11)), host=s.services_host)
    return s


def site_xa_chieng_sung(rnd):
    intent = {"van-ban", "thu-tuc-hanh-chinh", "tin-tuc", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.co-cau-to-chuc", "gioi-thieu.lien-he",
              "tuyen-truyen-phap-luat", "chien-luoc-quy-hoach", "chi-dao-dieu-hanh.lich-cong-tac", "chuc-nang.tim-kiem", "hoi-dap",
              "dich-vu-cong.lien-ket-quoc-gia"}
    traps = ["commune as one path (/xa-chieng-sung/) of the provincial platform host shared with phuong-chieng-an",
             "zero-width spaces inside menu labels and inside words of some articles",
             "the organisation (units and leaders) only on the page 'Thông tin lãnh đạo'; no 'Cơ cấu tổ chức' page",
             "'Góp ý' menu entry is '#'; 'Dự án - Đầu tư' and 'Công khai tài chính' lead to 'Nội dung đang được xây dựng'",
             "two undated articles; share buttons only (no official channel), no print/save, no 'Liên kết website' block",
             "own documents numbered -UBND like UBND tỉnh's; 100/QĐ-UBND of 2024 and 2025",
             "procedures on the one-stop host with only 'Nộp hồ sơ'/'Chi tiết' buttons; the level only on each procedure page"]
    s, spec, cats, arts, addr, phone, email, P = commune_on_platform(rnd, "xa-chieng-sung", "UBND xã Chiềng Sung", "xã Chiềng Sung",
                                                                      "/xa-chieng-sung/", "127.0.5.6", intent, traps, "e")
    for a in arts[3:40:6]:
        a.title = " ".join(zw(w) if len(w) > 5 and i == 1 else w for i, w in enumerate(a.title.split(" ")))
        a.paras = [p.replace("chuyển đổi số", "chuyển đổi " + zw("số") + "").replace("hành chính", "hành " + zw("chính")) for p in a.paras]
    for a in arts[10:12]:
        a.undated = True
    menu = [("Trang chủ", P("")),
            ("Giới thiệu", P("gioi-thieu"), [("Chức năng, nhiệm vụ", P("chuc-nang-nhiem-vu")), ("Thông tin lãnh đạo", P("thong-tin-lanh-dao"))]),
            ("Tin tức", P("tin-tuc-su-kien/"), [(cats[c][0], spec.cat_url(c, 0)) for c in cats]),
            ("Văn bản", P("van-ban/")), ("Thủ tục hành chính", s.url(spec.svc_list(0), s.services_host)),
            ("Quy hoạch - kế hoạch", P("quy-hoach-ke-hoach")), ("Dự án - Đầu tư", P("du-an-dau-tu")), ("Công khai tài chính", P("cong-khai-tai-chinh")),
            ("Lịch công tác", P("lich-cong-tac")), ("Góp ý", "#"), ("Hỏi đáp", P("hoi-dap"))]
    theme = Theme(s, menu, {"gioi-thieu.lien-he", "chuc-nang.tim-kiem", "dich-vu-cong.lien-ket-quoc-gia"}, "portal-xa", zw_menu=True,
                  contacts=contacts_html(addr, phone, email), dvc_banner=DVC_BANNER)
    docs = make_docs(rnd, "UBND", "UBND xã Chiềng Sung", [(2024, 5, 4), (2025, 9, 7)])
    write_news(s, theme, spec, arts, cats, rnd, False, extra_items={"thong-tin-tuyen-truyen": {"tuyen-truyen-phap-luat"}})
    write_docs(s, theme, spec, docs)
    leaders = [("Hoàng Văn Chung", "Bí thư Đảng ủy xã", "0912.338.102"), ("Cầm Thị Lan", "Chủ tịch UBND xã", "0968.220.415"),
               ("Lường Văn Định", "Phó Chủ tịch UBND xã", "0379.115.882")]
    home = "".join('<div class="item"><a href="%s">%s</a> <span class="date">%s</span></div>' % (
        e(spec.art_url(a, a.cats[0])), e(a.title), "" if a.undated else a.date.strftime("%d/%m/%Y")) for a in arts[:10])
    theme.page(P(""), "Trang chủ", home, items={"tin-tuc"})
    theme.page(P("gioi-thieu"), "Giới thiệu", '<h1 class="page-title">Giới thiệu xã Chiềng Sung</h1><p>Xã Chiềng Sung được sắp xếp từ xã Chiềng Sung và xã '
               'Chiềng Chăn (huyện Mai Sơn cũ) theo Nghị quyết 1681/NQ-UBTVQH15.</p>')
    theme.page(P("chuc-nang-nhiem-vu"), "Chức năng, nhiệm vụ", '<h1 class="page-title">Chức năng, nhiệm vụ</h1>' + functions_body(s, "commune"),
               items={"gioi-thieu.chuc-nang-nhiem-vu"})
    theme.page(P("thong-tin-lanh-dao"), "Thông tin lãnh đạo", '<h1 class="page-title">Thông tin lãnh đạo</h1>%s<h2>Các cơ quan, bộ phận</h2>%s' % (
        leaders_table(leaders), units_list(["Văn phòng HĐND và UBND xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công xã"])),
        items={"gioi-thieu.co-cau-to-chuc"})
    theme.page(P("quy-hoach-ke-hoach"), "Quy hoạch - kế hoạch", plans_body([
        ("Kế hoạch phát triển kinh tế - xã hội năm 2026 xã Chiềng Sung", P("van-ban/chi-tiet?id=%d" % docs[0].did)),
        ("Quy hoạch chung xây dựng xã Chiềng Sung đến năm 2035", P("van-ban/"))]), items={"chien-luoc-quy-hoach"})
    placeholder(theme, P("du-an-dau-tu"), "Dự án - Đầu tư", "Nội dung đang được xây dựng")
    placeholder(theme, P("cong-khai-tai-chinh"), "Công khai tài chính", "Nội dung đang được xây dựng")
    s.decoy("du-an-dau-thau", P("du-an-dau-tu"), "placeholder")
    s.decoy("tai-chinh.bao-cao", P("cong-khai-tai-chinh"), "placeholder")
    s.decoy("gop-y", P(""), "hash")
    theme.page(P("lich-cong-tac"), "Lịch công tác", schedule_body(dt.date(2025, 12, 15), leaders[1:]), items={"chi-dao-dieu-hanh.lich-cong-tac"})
    theme.page(P("hoi-dap"), "Hỏi đáp", qa_body([("Hộ gia đình tôi muốn tách thửa đất thì nộp hồ sơ ở đâu?", "(22/09/2025 10:40)",
                                                  "Ông/bà nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.")]),
               items={"hoi-dap"})
    theme.page(P("tim-kiem"), "Tìm kiếm", "<h1>Tìm kiếm</h1>")
    svc = svc_theme(s, spec.svc_list(0))
    svc_home(s, svc, spec.svc_list(0), s.name)
    write_services(s, svc, spec, make_procs(rnd, 22, (6, 9)), button_only=True, host=s.services_host)
    return s


def site_static_xa_muong_lan(rnd):
    intent = {"van-ban", "thu-tuc-hanh-chinh", "tin-tuc", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.co-cau-to-chuc", "gioi-thieu.lien-he",
              "tuyen-truyen-phap-luat", "dieu-uoc-quoc-te", "chi-dao-dieu-hanh"}
    s = Site("static-xa-muong-lan", "UBND xã Mường Lạn", "commune", "UBND", "static", "127.0.4.6", services_host="127.0.5.7", intent=intent,
             broken=["http://127.0.4.6:8045/web.archive.org/web/20240301000000/muonglan.sonla.gov.vn/hoi-dap/index.html"],
             traps=["small static site: relative links, the same <title> on every page, slug folders",
                    "dates 'Đăng ngày 15 tháng 9 năm 2025' on articles, '15.9.2025' in lists",
                    "some articles and pages in decomposed Unicode (NFD)",
                    "HTTrack-renamed copies (index4a2b.html) of articles linked from 'Tin nổi bật'",
                    "'Hỏi đáp' menu link rewritten by an archive tool (web.archive.org/…) that 404s; the Q&A page exists but nothing links it",
                    "orphan pages: a 'Lịch công tác' page and 2025 articles in the folder, linked from nowhere",
                    "'RSS' link to an ordinary HTML page; 'Góp ý' leads to 'Đang cập nhật'; DVC banner links to '#'; no search",
                    "contacts only in the footer; border commune with an 'Điều ước quốc tế' page (Việt Nam - Lào border agreements)",
                    "own documents numbered -UBND like UBND tỉnh's; 100/QĐ-UBND of 2024 and 2025",
                    "procedures on the one-stop host worded 'Toàn trình'/'Một phần'"])
    s.short, s.search_action, s.search_param = "xã Mường Lạn", "", ""
    addr, phone, email = "Bản Nà Vạc, xã Mường Lạn, tỉnh Sơn La", "0212.3.835.226", "ubndmuonglan@sonla.gov.vn"
    cats = {"tin-tuc": ("Tin tức", None), "tuyen-truyen": ("Tuyên truyền pháp luật", None), "chi-dao-dieu-hanh": ("Chỉ đạo điều hành", None)}
    arts = make_articles(rnd, "UBND xã Mường Lạn", 64, 500, ["tin-tuc", "chi-dao-dieu-hanh"], years=(2024, 2025), weights=(1, 3),
                         law_cat="tuyen-truyen", law_count=6)
    orphans = make_articles(random.Random(11), "UBND xã Mường Lạn", 3, 400, ["tin-tuc"], years=(2025,), weights=(1,))
    spec = Spec(per_page=10, list_style="list",
                art_url=lambda a, c: "/%s/%s/" % (a.cats[0], a.slug),
                cat_url=lambda c, p: "/%s/" % c + ("trang-%d.html" % (p + 1) if p else ""),
                list_date=lambda d: "%d.%d.%d" % (d.day, d.month, d.year),
                art_date=lambda d: '<p class="ngay-dang">Đăng ngày %d tháng %d năm %d</p>' % (d.day, d.month, d.year),
                doc_per_page=20, docs_url=lambda p: "/van-ban/" + ("trang-%d.html" % (p + 1) if p else ""),
                doc_url=lambda d: "/van-ban/%s-%d.html" % (d.slug, d.date.year), doc_file_beside=False,
                svc_per_page=15, svc_list=lambda p: "/thu-tuc-hanh-chinh?donvi=muong-lan" + ("&page=%d" % (p + 1) if p else ""),
                svc_url=lambda n: "/thu-tuc-hanh-chinh/chi-tiet?ma=2.00%04d" % (2500 + n), svc_submit=lambda n: "/nop-ho-so?ma=2.00%04d" % (2500 + n))
    menu = [("Trang chủ", "/"),
            ("Giới thiệu", "/gioi-thieu/", [("Chức năng nhiệm vụ", "/gioi-thieu/chuc-nang-nhiem-vu.html"), ("Tổ chức bộ máy", "/gioi-thieu/to-chuc-bo-may.html"),
                                            ("Điều ước quốc tế", "/gioi-thieu/dieu-uoc-quoc-te.html")]),
            ("Tin tức", "/tin-tuc/", [(cats[c][0], spec.cat_url(c, 0)) for c in cats]),
            ("Văn bản", "/van-ban/"), ("Thủ tục hành chính", s.url(spec.svc_list(0), s.services_host)),
            ("Góp ý", "/gop-y/"), ("Hỏi đáp", "/web.archive.org/web/20240301000000/muonglan.sonla.gov.vn/hoi-dap/index.html"), ("RSS", "/rss.html")]
    theme = Theme(s, menu, {"gioi-thieu.lien-he"}, "static", same_title="Cổng thông tin điện tử xã Mường Lạn", search=None,
                  contacts=contacts_html(addr, phone, email),
                  banners=[("#", "Dịch vụ công trực tuyến", "dvc.png")])
    theme.relative = True
    docs = make_docs(rnd, "UBND", "UBND xã Mường Lạn", [(2024, 4, 3), (2025, 8, 6)])
    nfd_ids = {a.aid for a in arts[::4]}
    # 'Tin nổi bật' links the HTTrack copies of the newest articles, not their own URLs.
    httrack = {a.aid: spec.art_url(a, "") + "index4a2b.html" for a in arts[:4]}
    s.hot_news = [(httrack[a.aid], a.title) for a in arts[:4]]
    write_news(s, theme, spec, arts, cats, rnd, False, extra_items={"tuyen-truyen": {"tuyen-truyen-phap-luat"}, "chi-dao-dieu-hanh": {"chi-dao-dieu-hanh"}},
               body_filter=lambda a: nfd if a.aid in nfd_ids else None)
    for a in arts[:4]:
        text, f = s.pages[(s.host, Site.key(spec.art_url(a, "")))]
        s.pages[(s.host, Site.key(httrack[a.aid]))] = (text.replace(b'href="../../', b'href="../../').replace(b"<title>", b"<!-- Mirrored from muonglan.sonla.gov.vn by HTTrack Website Copier/3.x -->\n<title>", 1), f)
    orphan_spec = Spec(**{**spec.__dict__, "cat_url": lambda c, p: "/tin-cu/"})
    write_news(s, theme, orphan_spec, orphans, {"tin-tuc": ("Tin tức", None)}, rnd, False)
    s.pages.pop((s.host, Site.key("/tin-cu/")))
    write_docs(s, theme, spec, docs)
    leaders = [("Lò Văn Panh", "Chủ tịch UBND xã", ""), ("Quàng Văn Ánh", "Phó Chủ tịch UBND xã", "")]
    home = "".join('<div class="item"><a href="%s">%s</a> <span class="date">(%s)</span></div>' % (
        e(spec.art_url(a, "")), e(a.title), spec.list_date(a.date)) for a in arts[:8])
    theme.page("/", "Trang chủ", home, items={"tin-tuc"})
    theme.page("/gioi-thieu/", "Giới thiệu", nfd('<h1 class="page-title">Giới thiệu xã Mường Lạn</h1><p>Xã Mường Lạn là xã biên giới, giáp nước CHDCND Lào, '
                                                   'không thực hiện sắp xếp năm 2025.</p>'))
    theme.page("/gioi-thieu/chuc-nang-nhiem-vu.html", "Chức năng nhiệm vụ", '<h1 class="page-title">Chức năng nhiệm vụ</h1>' + functions_body(s, "commune"),
               items={"gioi-thieu.chuc-nang-nhiem-vu"}, normalize=nfd)
    theme.page("/gioi-thieu/to-chuc-bo-may.html", "Tổ chức bộ máy", '<h1 class="page-title">Tổ chức bộ máy</h1>%s%s' % (
        leaders_table(leaders), units_list(["Văn phòng HĐND và UBND xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công xã",
                                            "Đồn Biên phòng Mường Lạn (phối hợp)"])), items={"gioi-thieu.co-cau-to-chuc"})
    theme.page("/gioi-thieu/dieu-uoc-quoc-te.html", "Điều ước quốc tế", treaties_body([
        ("Hiệp ước bổ sung Hiệp ước hoạch định biên giới quốc gia giữa Việt Nam và Lào", "16/3/2007", "Có hiệu lực"),
        ("Hiệp định về Quy chế quản lý biên giới và cửa khẩu biên giới trên đất liền giữa Việt Nam và Lào", "16/3/2016", "Có hiệu lực từ 05/7/2016")]),
        items={"dieu-uoc-quoc-te"})
    placeholder(theme, "/gop-y/", "Góp ý", "Đang cập nhật")
    s.decoy("gop-y", "/gop-y/", "placeholder")
    s.decoy("dich-vu-cong.lien-ket-quoc-gia", "/", "hash banner")
    theme.page("/rss.html", "RSS", '<h1>RSS</h1><p>Kênh tin RSS của Cổng thông tin điện tử xã Mường Lạn.</p><ul><li><a href="/tin-tuc/">Tin tức</a></li></ul>')
    # Present in the folder, linked from nowhere: must not count.
    theme.page("/web.archive.org/hoi-dap-goc.html", "Hỏi đáp", qa_body([("Đăng ký khai sinh cho con ở đâu?", "(05/05/2025 09:00)", "Tại UBND xã.")]),
               items={"hoi-dap"})
    s.decoy("hoi-dap", "/web.archive.org/hoi-dap-goc.html", "orphan page (the menu's archive link 404s)")
    s.decoy("chi-dao-dieu-hanh.lich-cong-tac", "/lich-cong-tac/", "orphan page")
    theme.page("/lich-cong-tac/index.html", "Lịch công tác", schedule_body(dt.date(2025, 12, 15), leaders), items={"chi-dao-dieu-hanh.lich-cong-tac"})
    svc = svc_theme(s, spec.svc_list(0))
    svc_home(s, svc, spec.svc_list(0), s.name)
    write_services(s, svc, spec, make_procs(rnd, 20, (7, 6)), host=s.services_host)
    return s


BUILDERS = [site_liferay_so_xay_dung, site_vnpt_so_y_te, site_wp_ban_quan_ly_kcn, site_phuong_chieng_an, site_xa_chieng_sung, site_static_xa_muong_lan]


# ---------------------------------------------------------------- writing

def yaml_str(text):
    return '"%s"' % text.replace("\\", "\\\\").replace('"', '\\"')


def expected_yaml(site, d):
    lines = ["id: %s" % site.id, "platform: %s" % site.platform, "year: %d" % YEAR, "tier: %s" % site.tier, "code: %s" % site.code,
             "rules: nd-42-2022", "status: ok", "sections:"]
    lines += ["  %s: %s" % (i, d["sections"][i]) for i in ITEMS]
    n = d["news"]
    lines.append("news: {count: %d, undated: %d, partial: false, articles: %d, dated: %d}" % (n["count"], n["undated"], n["articles"], n["dated"]))
    lines.append("documents: {count: %d, own: %d}" % (d["documents"]["count"], d["documents"]["own"]))
    sv = d["services"]
    lines.append("services: {level3: %d, level4: %d, total: %d}" % (sv["level3"], sv["level4"], sv["total"]))
    lines.append("notes: %s" % yaml_str("; ".join(site.traps)))
    # Where an appraiser sees each item (present: the nearest page carrying it; absent: the decoy, if any).
    lines.append("evidence:")
    lines += ["  %s: %s" % (i, yaml_str(d["proof"][i])) for i in ITEMS]
    return "\n".join(lines) + "\n"


def targets_yaml(sites):
    out = ["# Targets of the held-out 2025 corpus (Nghị định 42/2022 items): serve with",
           "#   portal-audit serve fixtures/holdout-2026 --targets fixtures/holdout-2026/targets.yaml",
           "# Portals on 127.0.4.N:8045 (two communes share 127.0.4.5, one path each), procedures on 127.0.5.N:8045.",
           "# Generated by tools/holdout/generate.py.", "targets:"]
    for s in sites:
        out += ["  - id: %s" % s.id, "    name: %s" % s.name, "    tier: %s" % s.tier, "    code: %s" % s.code, "    portal: %s" % s.url(s.prefix)]
        if s.services_host:
            out.append("    services: [%s]" % s.url("/", s.services_host))
    return "\n".join(out) + "\n"


def write_all(root, sites, derived):
    os.makedirs(root, exist_ok=True)
    for s in sites:
        for (host, key), (data, _) in sorted(s.pages.items()):
            sub = "site" if host == s.host else "services"
            path = os.path.join(root, s.id, sub, key.lstrip("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        for host, rows in s.headers.items():
            with open(os.path.join(root, s.id, "site" if host == s.host else "services", "_headers.tsv"), "w", encoding="utf-8") as fh:
                fh.write("".join("%s\t%s\n" % r for r in rows))
        with open(os.path.join(root, s.id, "expected.yaml"), "w", encoding="utf-8") as fh:
            fh.write(expected_yaml(s, derived[s.id]))
    os.makedirs(os.path.join(root, "_platform", "site"), exist_ok=True)
    with open(os.path.join(root, "_platform", "site", "index.html"), "w", encoding="utf-8") as fh:
        fh.write('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Hệ thống cổng thông tin điện tử xã, phường tỉnh Sơn La</title></head>'
                 '<body><h1>Cổng thông tin điện tử các xã, phường tỉnh Sơn La</h1><ul>%s</ul></body></html>\n' % "".join(
                     '<li><a href="%s">%s</a></li>' % (s.prefix, e(s.name)) for s in sites if s.prefix != "/"))
    with open(os.path.join(root, "targets.yaml"), "w", encoding="utf-8") as fh:
        fh.write(targets_yaml(sites))
    with open(os.path.join(root, "SUMMARY.md"), "w", encoding="utf-8") as fh:
        fh.write(summary(sites, derived))


def summary(sites, derived):
    rows = ["# Held-out corpus 2025: figures derived by tools/holdout/generate.py (do not edit)", "",
            "| id | tier | files / reachable | news 2025 (undated) | documents 2025 / own | services một phần/toàn trình/total | absent items |",
            "|---|---|---|---|---|---|---|"]
    for s in sites:
        d = derived[s.id]
        rows.append("| `%s` | %s | %d / %d | %d (+%d) | %d / %d | %d/%d/%d | %s |" % (
            s.id, s.tier, d["files"], d["reachable"], d["news"]["count"], d["news"]["undated"], d["documents"]["count"], d["documents"]["own"],
            d["services"]["level3"], d["services"]["level4"], d["services"]["total"],
            ", ".join(i for i in ITEMS if d["sections"][i] == "absent")))
    rows += ["", "Decoys (an item the site shows only as a decoy, expected absent):", ""]
    for s in sites:
        for item, url, kind in s.decoys:
            rows.append("- `%s` %s: %s at %s" % (s.id, item, kind, url))
    return "\n".join(rows) + "\n"


def build():
    rnd = random.Random(SEED)
    sites = [b(random.Random(rnd.randint(0, 10 ** 9))) for b in BUILDERS]
    derived = {s.id: derive(s) for s in sites}
    for s in sites:
        n = len([k for k in s.pages if k[0] == s.host])
        if not 100 <= n <= 400:
            raise SystemExit("%s: %d portal pages, want 100-400" % (s.id, n))
    return sites, derived


def main(argv):
    sites, derived = build()
    if "--check" in argv:
        tmp = tempfile.mkdtemp()
        try:
            write_all(tmp, sites, derived)
            diff = compare_trees(tmp, OUT)
        finally:
            shutil.rmtree(tmp)
        if diff:
            print("fixtures/holdout-2026 differs from the generator: %s" % ", ".join(diff[:10]), file=sys.stderr)
            return 1
        return 0
    for s in sites:
        shutil.rmtree(os.path.join(OUT, s.id), ignore_errors=True)
    shutil.rmtree(os.path.join(OUT, "_platform"), ignore_errors=True)
    write_all(OUT, sites, derived)
    for s in sites:
        d = derived[s.id]
        print("%-22s pages %4d reachable %4d news %3d (+%d undated) docs %2d/%2d services %d/%d/%d absent %d" % (
            s.id, d["files"], d["reachable"], d["news"]["count"], d["news"]["undated"], d["documents"]["count"], d["documents"]["own"],
            d["services"]["level3"], d["services"]["level4"], d["services"]["total"], sum(1 for v in d["sections"].values() if v == "absent")))
    return 0


HAND_WRITTEN = {"README.md", "floors.yaml"}


def compare_trees(a, b):
    """Files that differ, are missing or are extra under the generated folders (README.md and floors.yaml are written by hand)."""
    out = []
    for base, _, files in os.walk(a):
        for f in files:
            rel = os.path.relpath(os.path.join(base, f), a)
            other = os.path.join(b, rel)
            if not os.path.exists(other) or not filecmp.cmp(os.path.join(base, f), other, shallow=False):
                out.append(rel)
    for base, _, files in os.walk(b):
        for f in files:
            rel = os.path.relpath(os.path.join(base, f), b)
            if rel not in HAND_WRITTEN and not os.path.exists(os.path.join(a, rel)):
                out.append("extra " + rel)
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
