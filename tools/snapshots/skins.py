"""Platform skins: URL shapes, markup, date formats and pagers of real portal platforms.

A skin knows how one platform (Liferay, slug-plus-id, SharePoint, DotNetNuke,
NukeViet, two "other" builds) names its URLs and draws its pages; the shared
steps (lists, articles, documents, procedures, home page) live in `Skin`.
"""
import html
import random
import re
import unicodedata
import zlib

WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 56
EXTERNAL = [("Cổng TTĐT tỉnh Sơn La", "https://sonla.gov.vn/"), ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
            ("Chính phủ", "https://chinhphu.vn/"), ("Báo Sơn La", "https://baosonla.org.vn/"),
            ("Cổng Dịch vụ công tỉnh Sơn La", "https://dichvucong.sonla.gov.vn/")]
ESC = html.escape
CURRENT = ' class="rgCurrentPage"'
SUB_UL, CHILD_UL, DROP_UL = 'ul class="sub"', 'ul class="child-menu" role="menu"', 'ul class="dropdown-menu"'


def _wrap(inner, tag):
    """`<tag>inner</tag>` when there is something to wrap."""
    return f"<{tag}>{inner}</{tag.split()[0]}>" if inner else ""


def attachment(url):
    """Placeholder bytes of a linked document file (.pdf or .doc)."""
    return DOC if url.endswith(".doc") else PDF


def slug(text, drop_d=False):
    text = text.replace("đ", "" if drop_d else "d").replace("Đ", "" if drop_d else "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def title_slug(text):
    return "-".join(w.capitalize() for w in slug(text).split("-"))


def ampm(d, lead=True):
    h = d.hour % 12 or 12
    return f"{h:02d}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}" if lead else f"{h}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


class Skin:
    platform = ""
    root_redirect = False
    home_url = "/"

    def __init__(self, ag):
        self.ag = ag
        self.rng = random.Random(f"skin:{ag.id}")
        self.page_size = 5 if ag.option("small") else self.rng.choice([6, 8, 10])
        self.pager_kind = ag.option("pager", "numbered")
        self.next_label = ag.option("next_label", "Trang sau")
        self.rss_text = self.rng.random() < 0.5  # some feeds are an icon only, some say "RSS"
        self.doc_layout = self.rng.choice("ABC")
        self.service_head = self.rng.choice(["Tên thủ tục hành chính", "Tên dịch vụ công/Thủ tục hành chính", "Tên thủ tục"])

    # -- URL shapes (platform specific) -------------------------------------
    def page_url(self, slug_, item):
        raise NotImplementedError

    def list_url(self, cat, p):
        raise NotImplementedError

    def article_url(self, cat, art):
        raise NotImplementedError

    def paged(self, base, p):
        return base if p == 1 else f"{base}?page={p}"

    def doc_file_url(self, doc):
        return f"/uploads/van-ban/{slug(doc.number).lower()}.pdf"

    def doc_detail_url(self, doc):
        return None

    def english_url(self):
        return "/en/"

    def rss_url(self):
        return "/rss.xml"

    search_action = "/tim-kiem"

    # -- dates ---------------------------------------------------------------
    def list_date(self, d):
        return f"{d:%d/%m/%Y}"

    def article_date(self, d):
        return f"Ngày đăng: {d:%d/%m/%Y}"

    # -- markup pieces ---------------------------------------------------------
    def nav(self, site):
        items = []
        for label, url, children in site.menu:
            sub = "".join(f"<li><a href=\"{ESC(u)}\">{ESC(l)}</a></li>" for l, u in children)
            items.append(f"<li><a href=\"{ESC(url)}\">{ESC(label)}</a>{_wrap(sub, SUB_UL)}</li>")
        return f"<ul class=\"menu\">{''.join(items)}</ul>"

    def crumbs(self, trail):
        return " » ".join(f"<a href=\"{ESC(u)}\">{ESC(l)}</a>" if u else ESC(l) for l, u in trail)

    def block(self, title, inner, url=None):
        head = f"<a href=\"{ESC(url)}\">{ESC(title)}</a>" if url else ESC(title)
        return f"<div class=\"block\"><h3 class=\"block-title\">{head}</h3><div class=\"block-content\">{inner}</div></div>"

    def search_form(self, site):
        if site.ag.placement("chuc-nang.tim-kiem") == "absent":
            return ""
        return (f"<form class=\"search\" action=\"{self.search_action}\" method=\"get\"><input type=\"text\" name=\"q\" "
                "placeholder=\"Nhập từ khóa tìm kiếm...\"/><input type=\"submit\" value=\"Tìm kiếm\"/></form>")

    def top_links(self, site):
        out = []
        if "tieng-nuoc-ngoai" in site.links:
            out.append(f"<a href=\"{site.links['tieng-nuoc-ngoai'][1]}\" class=\"lang-en\"><img src=\"/images/en.png\" alt=\"English\"/> English</a>")
        if "chuc-nang.rss" in site.links:
            text = " RSS" if self.rss_text else ""
            out.append(f"<a href=\"{site.links['chuc-nang.rss'][1]}\" class=\"rss\"><img src=\"/images/rss.png\" alt=\"RSS\"/>{text}</a>")
        return " ".join(out)

    def footer(self, site):
        from generate import contact
        address, phone, fax, email = contact(site.ag)
        links = " | ".join(f"<a href=\"{ESC(u)}\">{ESC(l)}</a>" for l, u in site.footer_links)
        boss = site.rng.choice(["Chịu trách nhiệm chính", "Trưởng Ban biên tập"])
        return (f"<div class=\"footer-links\">{links}</div><p><strong>{ESC(site.ag.name.upper())}</strong></p>"
                f"<p>Địa chỉ: {ESC(address)}</p><p>Điện thoại: {phone} - Fax: {fax} - Email: {email}</p>"
                f"<p>{boss}: {ESC(_leader(site.ag))}</p><p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>")

    def side(self, site):
        latest = sorted((a for a in site.reachable_articles_hint() if a.date), key=lambda a: a.date, reverse=True)[:5]
        lis = "".join(f"<li><a href=\"{ESC(self.url_of(a))}\">{ESC(a.title)}</a></li>" for a in latest)
        return self.block("Tin mới nhất", f"<ul>{lis}</ul>")

    def url_of(self, art):
        return next(iter(art.urls.values()))

    def list_item(self, art, url):
        date = f"<span class=\"date\">{self.list_date(art.date)}</span> " if art.date else ""
        return (f"<div class=\"news-item\"><h3><a href=\"{ESC(url)}\">{ESC(art.title)}</a></h3>{date}"
                f"<p>{ESC(art.summary)}</p></div>")

    def pager(self, urls, p):
        n = len(urls)
        if n == 1:
            return ""
        kind = self.pager_kind
        if kind == "js":
            links = " ".join(f"<span class=\"current\">{q}</span>" if q == p else
                             f"<a href=\"javascript:__doPostBack('dnn$ctr512$ViewNews$grdNews','Page${q}')\">{q}</a>"
                             for q in range(1, n + 1))
            return f"<div class=\"pager\">{links} <a href=\"javascript:__doPostBack('dnn$ctr512$ViewNews$grdNews','Page$Next')\">Trang sau</a></div>"
        if kind == "next":
            prev = f"<a href=\"{ESC(urls[p - 2])}\">« Trang trước</a> " if p > 1 else ""
            nxt = f"<a href=\"{ESC(urls[p])}\">{self.next_label}</a>" if p < n else ""
            return f"<div class=\"pager\">{prev}<span>Trang {p}/{n}</span> {nxt}</div>"
        if kind == "relnext":
            prev = f"<a rel=\"prev\" href=\"{ESC(urls[p - 2])}\">‹ Trước</a> " if p > 1 else ""
            nxt = f"<a rel=\"next\" href=\"{ESC(urls[p])}\">Sau ›</a>" if p < n else ""
            return f"<nav class=\"paging\">{prev}{nxt}</nav>"
        if kind == "telerik":
            nums = "".join(f"<a href=\"{ESC(u)}\"{CURRENT if q == p else ''}><span>{q}</span></a>"
                           for q, u in enumerate(urls, start=1))
            nxt = f"<a class=\"rgPageNext\" title=\"Trang sau\" href=\"{ESC(urls[p])}\"></a>" if p < n else ""
            first = f"<a class=\"rgPageFirst\" title=\"Trang đầu\" href=\"{ESC(urls[0])}\"></a>"
            return (f"<div class=\"rgWrap rgPager\"><div class=\"rgWrap rgArrPart1\">{first}</div><div class=\"rgWrap rgNumPart\">"
                    f"{nums}</div><div class=\"rgWrap rgArrPart2\">{nxt}</div></div>")
        links = " ".join(f"<span class=\"active\">{q}</span>" if q == p else f"<a href=\"{ESC(u)}\">{q}</a>"
                         for q, u in enumerate(urls, start=1))
        nxt = f" <a href=\"{ESC(urls[p])}\">»</a>" if p < n else ""
        return f"<div class=\"pagination\">{links}{nxt}</div>"

    def list_header(self, cat, p, total):
        return ""

    # -- shared steps ------------------------------------------------------------
    def add_category(self, site, cat):
        size = self.page_size
        chunks = [cat.articles[i:i + size] for i in range(0, len(cat.articles), size)]
        cat.pages = [self.list_url(cat, p) for p in range(1, len(chunks) + 1)]
        for art in cat.articles:
            if not art.urls or site.ag.option("two_cats"):
                art.urls.setdefault(cat.slug, self.article_url(cat, art))
        for p, chunk in enumerate(chunks, start=1):
            if self.pager_kind == "js" and p > 1:
                continue  # only reachable through a postback: the recorded site has no URL for it
            items = "".join(self.list_item(a, a.urls.get(cat.slug) or self.url_of(a)) for a in chunk)
            body = (f"<h2 class=\"cat-title\">{ESC(cat.label)}</h2>{self.list_header(cat, p, len(cat.articles))}"
                    f"<div class=\"news-list\">{items}</div>{self.pager(cat.pages, p)}")
            site.add_page(cat.pages[p - 1], cat.label, body, facts=[("item", "tin-tuc")], group=("cat", cat.slug))

    def add_article(self, site, art):
        for cslug, url in art.urls.items():
            c = next(x for x in site.cats if x.slug == cslug)
            idx = c.articles.index(art)
            related = "" if self.pager_kind == "js" else "".join(
                f"<li><a href=\"{ESC(o.urls.get(cslug) or self.url_of(o))}\">{ESC(o.title)}</a>"
                f"{' (' + o.date.strftime('%d/%m/%Y') + ')' if o.date else ''}</li>"
                for o in c.articles[idx + 1: idx + 5])
            share = ""
            if site.ag.option("print_links"):
                share += f"<div class=\"tools\"><a href=\"{ESC(url)}?print=true\" rel=\"nofollow\">In trang</a></div>"
            if site.ag.option("tracking_dups"):
                share += (f"<div class=\"share\">Chia sẻ: <a href=\"{ESC(url)}?fbclid=IwAR2x{art.key}Qk\">Facebook</a> "
                         f"<a href=\"{ESC(url)}?utm_source=zalo&amp;utm_medium=share\">Zalo</a></div>")
            body = (self.article_body(site, art) + share +
                    (f"<div class=\"other-news\"><h4>Các tin khác</h4><ul>{related}</ul></div>" if related else ""))
            site.add_page(url, art.title, body, facts=[("article", art.key, art.date)], group=("cat", c.slug))

    def article_body(self, site, art):
        date = f"<div class=\"date\">{self.article_date(art.date)}</div>" if art.date else ""
        paras = "".join(f"<p>{ESC(x)}</p>" for x in art.paragraphs[1:])
        return (f"<h1 class=\"title\">{ESC(art.title)}</h1>{date}<p class=\"sapo\"><strong>{ESC(art.summary)}</strong></p>"
                f"{paras}<p class=\"author\" style=\"text-align:right\"><strong>{ESC(_author(art))}</strong></p>")

    def doc_table(self, site, docs, detail):
        rows = []
        for i, d in enumerate(docs, start=1):
            link = self.doc_detail_url(d) if detail else self.doc_file_url(d)
            title = f"<a href=\"{ESC(link)}\">{ESC(d.summary)}</a>"
            file = f"<a href=\"{ESC(self.doc_file_url(d))}\" title=\"Tải về\"><img src=\"/images/pdf.png\" alt=\"Tải về\"/></a>"
            cells = {"A": [d.number, f"{d.date:%d/%m/%Y}", title, ESC(d.issuer), file],
                     "B": [str(i), d.number, f"{d.date:%d/%m/%Y}", d.kind, title, f"{d.date:%d/%m/%Y}"],
                     "C": [d.number, title, f"{d.date:%d/%m/%Y}", file]}[self.doc_layout]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        head = {"A": ["Số/Ký hiệu", "Ngày ban hành", "Trích yếu", "Cơ quan ban hành", "Tải về"],
                "B": ["STT", "Số ký hiệu", "Ngày ban hành", "Loại văn bản", "Trích yếu nội dung", "Ngày hiệu lực"],
                "C": ["Số hiệu", "Tiêu đề", "Ngày ban hành", "File"]}[self.doc_layout]
        return (f"<table class=\"table table-bordered van-ban\"><thead><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table>")

    def add_documents(self, site, docs, detail):
        from generate import SLUGS
        base = self.doc_base = self.page_url(self.rng.choice(SLUGS["van-ban"]), "van-ban")
        size = 10
        chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
        urls = [self.paged(base, p) for p in range(1, len(chunks) + 1)]
        saved = self.pager_kind
        self.pager_kind = "telerik" if self.platform == "dotnetnuke" else "numbered"
        for p, chunk in enumerate(chunks, start=1):
            body = (f"<h2>Văn bản</h2><p>Tổng số: {len(docs)} văn bản</p>{self.doc_table(site, chunk, detail)}"
                    f"{self.pager(urls, p)}")
            # Layout A prints the issuer; B and C show only the number to tell it.
            shown = (lambda d: d.issuer) if self.doc_layout == "A" else (lambda d: None)
            facts = [("item", "van-ban")] + [("doc", d.number, d.date, shown(d)) for d in chunk]
            site.add_page(urls[p - 1], "Văn bản", body, facts=facts, group="van-ban")
        self.pager_kind = saved
        for d in docs:
            site.add_file(self.doc_file_url(d), attachment(self.doc_file_url(d)))
            if detail:
                body = (f"<h2>Chi tiết văn bản</h2><table class=\"detail\"><tr><td>Số/Ký hiệu</td><td>{d.number}</td></tr>"
                        f"<tr><td>Loại văn bản</td><td>{d.kind}</td></tr><tr><td>Ngày ban hành</td><td>{d.date:%d/%m/%Y}</td></tr>"
                        f"<tr><td>Ngày hiệu lực</td><td>{d.date:%d/%m/%Y}</td></tr><tr><td>Cơ quan ban hành</td><td>{ESC(d.issuer)}</td></tr>"
                        f"<tr><td>Người ký</td><td>{ESC(d.signer)}</td></tr><tr><td>Trích yếu</td><td>{ESC(d.summary)}</td></tr>"
                        f"<tr><td>Tệp đính kèm</td><td><a href=\"{ESC(self.doc_file_url(d))}\">Tải về</a></td></tr></table>")
                site.add_page(self.doc_detail_url(d), d.summary, body, facts=[("doc", d.number, d.date, d.issuer)], group="van-ban")
        return urls[0]

    def services_table(self, chunk, start, wording):
        words = {"explicit": {2: "Mức độ 2", 3: "Mức độ 3", 4: "Mức độ 4"},
                 "short": {2: "Mức 2", 3: "mức 3", 4: "mức 4"},
                 "dvc": {2: "DVC mức độ 2", 3: "DVC mức độ 3", 4: "DVC mức độ 4"},
                 "toan-trinh": {2: "—", 3: "Một phần", 4: "Toàn trình"}}.get(wording)
        level_head = "<th>Dịch vụ công trực tuyến</th>" if wording == "toan-trinh" else ("<th>Mức độ</th>" if words else "")
        rows = []
        for i, s in enumerate(chunk, start=start):
            code = f"1.00{zlib.crc32(s.name.encode()) % 9000 + 1000}"
            if s.level >= 3:
                action = (f"<a class=\"btn btn-primary\" href=\"https://dichvucong.sonla.gov.vn/dvc/nop-ho-so?ma={code}\">"
                          f"{'Nộp hồ sơ' if i % 3 else 'Nộp trực tuyến'}</a>")
            else:
                action = f"<a href=\"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}\">Chi tiết</a>"
            level = f"<td>{words[s.level]}</td>" if words else ""
            rows.append(f"<tr><td>{i}</td><td>{ESC(s.name)}</td><td>{ESC(s.field)}</td>{level}<td>{action}</td></tr>")
        return (f"<table class=\"table tthc\"><thead><tr><th>STT</th><th>{self.service_head}</th><th>Lĩnh vực</th>"
                f"{level_head}<th></th></tr></thead><tbody>{''.join(rows)}</tbody></table>")

    def add_services(self, site, services, slug_):
        base = self.page_url(slug_, "thu-tuc-hanh-chinh")
        size = 15
        chunks = [services[i:i + size] for i in range(0, len(services), size)]
        urls = [self.paged(base, p) for p in range(1, len(chunks) + 1)]
        saved, self.pager_kind = self.pager_kind, "numbered"
        for p, chunk in enumerate(chunks, start=1):
            body = (f"<h2>Thủ tục hành chính</h2><p>Danh sách thủ tục hành chính thuộc thẩm quyền giải quyết của "
                    f"{ESC(site.ag.name)}</p>{self.services_table(chunk, (p - 1) * size + 1, site.ag.option('wording'))}"
                    f"{self.pager(urls, p)}")
            facts = [("item", "thu-tuc-hanh-chinh")] + [("service", s.name, s.level) for s in chunk]
            site.add_page(urls[p - 1], "Thủ tục hành chính", body, facts=facts, group="thu-tuc-hanh-chinh")
        self.pager_kind = saved
        return urls[0]

    def home_news(self, site, art):
        url = self.url_of(art)
        if site.ag.option("tracking_dups"):
            url += "?utm_source=facebook&utm_medium=social&utm_campaign=tin-noi-bat"
        return url

    def add_home(self, site):
        from generate import item_page_content
        ag, rng = site.ag, self.rng
        parts, facts = [], [("item", "gioi-thieu.lien-he")]
        if ag.placement("chuc-nang.tim-kiem") != "absent":
            facts.append(("item", "chuc-nang.tim-kiem"))
        latest = sorted((a for a in site.reachable_articles_hint() if a.date), key=lambda a: a.date, reverse=True)[:6]
        top = "".join(f"<li><a href=\"{ESC(self.home_news(site, a))}\">{ESC(a.title)}</a> "
                      f"<span class=\"date\">{self.list_date(a.date)}</span></li>" for a in latest)
        parts.append(self.block(rng.choice(["Tin nổi bật", "Tin mới", "TIN TỨC NỔI BẬT"]), f"<ul class=\"hot\">{top}</ul>"))
        for cat in site.cats:
            lis = "".join(f"<li><a href=\"{ESC(self.url_of(a))}\">{ESC(a.title)}</a></li>" for a in cat.articles[:3])
            parts.append(self.block(cat.label, f"<ul>{lis}</ul>", cat.pages[0]))
        if ag.option("docs") == "ticker":
            lis = "".join(f"<li><a href=\"{ESC(self.doc_file_url(d))}\">{ESC(d.summary)}</a></li>" for d in site.docs)
            for d in site.docs:
                site.add_file(self.doc_file_url(d), attachment(self.doc_file_url(d)))
            parts.append(self.block("Văn bản mới", f"<marquee direction=\"up\" scrollamount=\"2\"><ul>{lis}</ul></marquee>"))
        elif "van-ban" in site.links:
            rows = "".join(f"<li><a href=\"{ESC(self.doc_file_url(d))}\">{d.number}</a> ({d.date:%d/%m/%Y}) {ESC(d.summary)}</li>"
                           for d in site.docs[:5])
            facts += [("doc", d.number, d.date, None) for d in site.docs[:5]]
            parts.append(self.block("Văn bản mới", f"<ul class=\"new-docs\">{rows}</ul>", site.links["van-ban"][1]))
        if ag.option("vip_services") and "thu-tuc-hanh-chinh" in site.links:
            top4 = [s for s in site.services if s.level == 4][:3]
            lis = "".join(f"<li>{ESC(s.name)} <em>(Mức độ 4)</em></li>" for s in top4)
            facts += [("service", s.name, 4) for s in top4]
            parts.append(self.block("Dịch vụ công trực tuyến mức độ 4", f"<ul>{lis}</ul>", site.links["thu-tuc-hanh-chinh"][1]))
        for item, label, url in site.blocks:
            if item == "chi-dao-dieu-hanh.lich-cong-tac":
                inner = "<p>Lịch công tác tuần của lãnh đạo.</p>"
            else:
                inner = f"<p>{ESC(item_page_content(ag, item)[0])}</p>"
            parts.append(self.block(label, inner + f"<p><a href=\"{ESC(url)}\">Xem tiếp »</a></p>", url))
        if "chuc-nang.lien-ket" in site.links:
            facts.append(("item", "chuc-nang.lien-ket"))
            opts = "".join(f"<option value=\"{u}\">{ESC(l)}</option>" for l, u in EXTERNAL)
            lis = "".join(f"<li><a href=\"{u}\" target=\"_blank\">{ESC(l)}</a></li>" for l, u in EXTERNAL[:3])
            parts.append(self.block(site.links["chuc-nang.lien-ket"][0],
                                    f"<select onchange=\"window.open(this.value)\"><option>-- Chọn liên kết --</option>{opts}</select><ul>{lis}</ul>"))
        counter = f"<div class=\"counter\">Lượt truy cập: {rng.randrange(100000, 5000000):,}</div>".replace(",", ".")
        site.add_page(self.home_url, "Trang chủ", "".join(parts) + counter, facts=facts, group="home")

    def english_page(self, body):
        return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>{ESC(slug(self.ag.name).replace('-', ' '))}"
                f"</title></head><body><div id=\"header\"><a href=\"/\">Tiếng Việt</a></div><div id=\"content\">{body}</div></body></html>")

    def trail(self, site, page):
        home = ("Trang chủ", self.home_url)
        if page.group == "home":
            return [("Trang chủ", None)]
        if isinstance(page.group, tuple):
            cat = next(c for c in site.cats if c.slug == page.group[1])
            return [home, ("Tin tức", site.menu[2][1] if len(site.menu) > 2 else None), (cat.label, cat.pages[0])]
        return [home, (page.title, None)]

    def meta_charset(self):
        enc = self.ag.option("encoding", "utf8")
        if enc == "header-only":
            return ""
        if enc == "cp1258-meta":
            return "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"/>"
        return "<meta charset=\"utf-8\"/>"

    def layout(self, site, page):
        side = self.side(site) if page.group != "home" else ""
        return self.frame(site, page, side)

    def absolute(self, text):
        if not self.ag.option("absolute_links"):
            return text
        return text.replace("href=\"/", f"href=\"http://{self.ag.host}:8043/")


def province_name(ag):
    """Banner name: "SỞ Y TẾ TỈNH SƠN LA", but "THANH TRA TỈNH SƠN LA" (no doubled "tỉnh")."""
    name = ag.name.upper()
    return f"{name} SƠN LA" if name.endswith("TỈNH") else f"{name} TỈNH SƠN LA"


def _leader(ag):
    from generate import leaders
    return leaders(ag)[0][0]


def _author(art):
    rng = random.Random(art.key)
    from generate import person
    return person(rng)


# ----------------------------------------------------------------------------


class Liferay(Skin):
    platform = "liferay"
    root_redirect = True
    home_url = "/web/guest/trang-chu"
    search_action = "/web/guest/tim-kiem"

    def page_url(self, slug_, item):
        return f"/web/guest/{slug_}"

    def list_url(self, cat, p):
        base = f"/web/guest/{cat.slug}"
        return base if p == 1 else f"{base}?_101_cur={p}&p_p_id=101&p_p_lifecycle=0&p_p_mode=view&p_p_state=normal"

    def paged(self, base, p):
        return base if p == 1 else f"{base}?_110_cur={p}&p_p_id=110&p_p_lifecycle=0"

    def article_url(self, cat, art):
        return f"/{cat.slug}/-/view_content/{art.key}-{art.slug}"

    def doc_detail_url(self, doc):
        # The documents portlet shows one document on its own page, keyed by a portlet parameter.
        return f"{self.doc_base}?_vanban_WAR_vbpqportlet_itemId={doc.key}&p_p_id=vanban_WAR_vbpqportlet&p_p_lifecycle=0"

    def doc_file_url(self, doc):
        return f"/documents/10181/{doc.key}/{slug(doc.number).lower()}.pdf"

    def english_url(self):
        return "/en/web/guest/home"

    def rss_url(self):
        return "/c/journal/rss/tin-tuc.rss"

    def list_date(self, d):
        return f"{d:%d/%m/%Y} | {ampm(d)}"

    def article_date(self, d):
        return f"{d:%d/%m/%Y} | {ampm(d, lead=False)}"

    def list_item(self, art, url):
        date = f"<span class=\"metadata-entry metadata-publish-date\">{self.list_date(art.date)}</span>" if art.date else ""
        return (f"<div class=\"asset-abstract\"><h3 class=\"asset-title\"><a href=\"{ESC(url)}\">{ESC(art.title)}</a></h3>"
                f"<div class=\"asset-metadata\">{date}</div><div class=\"asset-summary\">{ESC(art.summary)}</div></div>")

    def list_header(self, cat, p, total):
        size = self.page_size
        return f"<div class=\"search-results\">Hiển thị {(p - 1) * size + 1} - {min(p * size, total)} of {total} kết quả.</div>"

    def pager(self, urls, p):
        if len(urls) == 1 or self.pager_kind not in ("numbered", "next"):
            return super().pager(urls, p)
        n = len(urls)
        first = f"<li><a href=\"{ESC(urls[0])}\">Đầu</a></li>" if p > 1 else "<li class=\"disabled\"><a href=\"javascript:;\">Đầu</a></li>"
        prev = f"<li><a href=\"{ESC(urls[p - 2])}\">Trước</a></li>" if p > 1 else ""
        nxt = f"<li><a href=\"{ESC(urls[p])}\">{self.next_label if self.pager_kind == 'next' else 'Tiếp'}</a></li>" if p < n else ""
        last = f"<li><a href=\"{ESC(urls[-1])}\">Cuối</a></li>" if p < n and self.pager_kind == "numbered" else ""
        return (f"<div class=\"taglib-page-iterator\"><div class=\"lfr-pagination\"><div class=\"lfr-pagination-config\">"
                f"Trang {p} của {n}</div><ul class=\"lfr-pagination-buttons pager\">{first}{prev}{nxt}{last}</ul></div></div>")

    def block(self, title, inner, url=None):
        head = f"<a href=\"{ESC(url)}\">{ESC(title)}</a>" if url else ESC(title)
        return (f"<section class=\"portlet\"><header class=\"portlet-topper\"><h2 class=\"portlet-title\"><span class=\"portlet-title-text\">"
                f"{head}</span></h2></header><div class=\"portlet-content asset-publisher\">{inner}</div></section>")

    def nav(self, site):
        items = []
        for label, url, children in site.menu:
            sub = "".join(f"<li role=\"presentation\"><a href=\"{ESC(u)}\" role=\"menuitem\">{ESC(l)}</a></li>" for l, u in children)
            items.append(f"<li role=\"presentation\"><a aria-haspopup=\"true\" href=\"{ESC(url)}\" role=\"menuitem\"><span>{ESC(label)}</span></a>"
                         f"{_wrap(sub, CHILD_UL)}</li>")
        return f"<nav class=\"sort-pages modify-pages\" id=\"navigation\" role=\"navigation\"><ul aria-label=\"Trang web\" role=\"menubar\">{''.join(items)}</ul></nav>"

    def frame(self, site, page, side):
        ag = site.ag
        crumbs = "".join(f"<li><a href=\"{ESC(u)}\">{ESC(l)}</a></li>" if u else f"<li class=\"active\">{ESC(l)}</li>"
                         for l, u in self.trail(site, page))
        return (f"<!DOCTYPE html><html class=\"aui ltr\" dir=\"ltr\" lang=\"vi-VN\"><head><title>{ESC(page.title)} - {ESC(ag.name)}</title>"
                f"{self.meta_charset()}<link href=\"/html/themes/sonla-theme/css/main.css\" rel=\"stylesheet\" type=\"text/css\"/></head>"
                f"<body class=\"yui3-skin-sam controls-visible signed-out public-page site\"><a href=\"#main-content\" id=\"skip-to-content\">"
                f"Truy cập nội dung luôn</a><div class=\"container-fluid\" id=\"wrapper\"><header id=\"banner\" role=\"banner\">"
                f"<div id=\"heading\"><h1 class=\"site-title\"><a class=\"logo\" href=\"{self.home_url}\" title=\"Đi đến {ESC(ag.name)}\">"
                f"<img alt=\"Logo\" src=\"/image/logo.png\"/></a><span class=\"site-name\">{ESC(province_name(ag))}</span></h1></div>"
                f"<div class=\"top-links\">{self.top_links(site)}{self.search_form(site)}</div>{self.nav(site)}</header>"
                f"<div id=\"content\"><ul aria-label=\"Breadcrumb\" class=\"breadcrumb breadcrumb-horizontal\">{crumbs}</ul>"
                f"<div class=\"columns-2\" id=\"main-content\" role=\"main\"><div class=\"portlet-layout row-fluid\">"
                f"<div class=\"portlet-column span8\" id=\"column-1\">{page.body}</div><div class=\"portlet-column span4\" id=\"column-2\">"
                f"{side}</div></div></div></div><footer id=\"footer\" role=\"contentinfo\">{self.footer(site)}<p class=\"powered-by\">"
                f"Powered By <a href=\"http://www.liferay.com\" rel=\"external\">Liferay</a></p></footer></div></body></html>")


class SlugId(Skin):
    platform = "slug-id"

    def page_url(self, slug_, item):
        return f"/{slug_}"

    def list_url(self, cat, p):
        if p == 1:
            return f"/{cat.slug}/"
        return f"/{cat.slug}/page-{p}" if self.pager_kind == "page-n" else f"/{cat.slug}/?page={p}"

    def pager(self, urls, p):
        saved = self.pager_kind
        if saved == "page-n":
            self.pager_kind = "numbered"
        out = super().pager(urls, p)
        self.pager_kind = saved
        return out

    def article_url(self, cat, art):
        return f"/{cat.slug}/{art.slug}-{art.key}"

    def list_date(self, d):
        return f"{d:%d/%m/%Y}"

    def article_date(self, d):
        return f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y} {d:%H:%M}"

    def list_item(self, art, url):
        date = f"<span class=\"date\">{self.list_date(art.date)}</span> " if art.date else ""
        return (f"<div class=\"post-item\"><a class=\"thumb\" href=\"{ESC(url)}\"><img src=\"/uploads/news/{art.key}.jpg\" alt=\"\"/></a>"
                f"<h3 class=\"post-title\"><a href=\"{ESC(url)}\">{ESC(art.title)}</a></h3><p class=\"post-sapo\">{date}{ESC(art.summary)}</p></div>")

    def article_body(self, site, art):
        views = f"<div class=\"post-meta\"><span class=\"post-date\">{self.article_date(art.date)}</span>" if art.date else "<div class=\"post-meta\">"
        return (f"<h1 class=\"post-title\">{ESC(art.title)}</h1>{views} <span class=\"views\">Lượt xem: {art.views}</span></div>"
                f"<div class=\"post-content\"><p><strong>{ESC(art.summary)}</strong></p>"
                + "".join(f"<p>{ESC(x)}</p>" for x in art.paragraphs[1:]) + f"<p style=\"text-align:right\"><b>{ESC(_author(art))}</b></p></div>")

    def nav(self, site):
        # Category links are written without the trailing slash; the server answers 301 to the folder.
        items = []
        for label, url, children in site.menu:
            sub = "".join(f"<li><a href=\"{ESC(_noslash(u))}\">{ESC(l)}</a></li>" for l, u in children)
            items.append(f"<li class=\"nav-item\"><a class=\"nav-link\" href=\"{ESC(_noslash(url))}\">{ESC(label)}</a>"
                         f"{_wrap(sub, DROP_UL)}</li>")
        return f"<nav class=\"main-nav\"><ul class=\"nav\">{''.join(items)}</ul></nav>"

    def frame(self, site, page, side):
        ag = site.ag
        return (f"<!DOCTYPE html><html lang=\"vi\"><head>{self.meta_charset()}<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                f"<title>{ESC(page.title)} | Cổng thông tin điện tử {ESC(ag.locality)}</title><link rel=\"stylesheet\" href=\"/themes/default/css/style.css\"/></head>"
                f"<body><div class=\"top-bar\"><div class=\"container\"><span class=\"today\">Sơn La</span> {self.top_links(site)}</div></div>"
                f"<header class=\"header\"><div class=\"container\"><a href=\"/\" class=\"logo\"><img src=\"/uploads/logo.png\" alt=\"logo\"/>"
                f"<span>CỔNG THÔNG TIN ĐIỆN TỬ<br/><b>{ESC(ag.locality.upper())}</b></span></a>{self.search_form(site)}</div></header>"
                f"{self.nav(site)}<div class=\"container\"><div class=\"breadcrumb\">{self.crumbs(self.trail(site, page))}</div>"
                f"<div class=\"row\"><div class=\"col-md-8 main\">{page.body}</div><div class=\"col-md-4 sidebar\">{side}</div></div></div>"
                f"<footer class=\"footer\"><div class=\"container\">{self.footer(site)}</div></footer></body></html>")


def _noslash(url):
    return url[:-1] if url.endswith("/") and url != "/" and "?" not in url else url


class SharePoint(Skin):
    platform = "sharepoint"
    root_redirect = True
    home_url = "/Trang/TrangChu.aspx"
    search_action = "/_layouts/15/osssearchresults.aspx"

    def __init__(self, ag):
        super().__init__(ag)
        self.cat_ids = {}

    def page_url(self, slug_, item):
        return f"/Trang/{slug_}.aspx"

    def paged(self, base, p):
        return base if p == 1 else f"{base}?Page={p}"

    def list_url(self, cat, p):
        cid = self.cat_ids.setdefault(cat.slug, len(self.cat_ids) + 2)
        return f"/Pages/danh-sach-tin-tuc.aspx?CategoryID={cid}" + (f"&Page={p}" if p > 1 else "")

    def article_url(self, cat, art):
        return f"/Pages/chi-tiet-tin-tuc.aspx?ItemID={art.key}"

    def doc_detail_url(self, doc):
        return f"/Lists/VanBan/View_Detail.aspx?ItemID={doc.key}"

    def doc_file_url(self, doc):
        return f"/Lists/VanBan/Attachments/{doc.key}/{slug(doc.number)}.pdf"

    def english_url(self):
        return "/en/Pages/Home.aspx"

    def rss_url(self):
        return "/Rss/TinTuc.xml"

    def _sa(self, d):
        h = d.hour % 12 or 12
        return f"{d:%d/%m/%Y} {h}:{d.minute:02d}:00 {'SA' if d.hour < 12 else 'CH'}"

    def list_date(self, d):
        return f"(Ngày đăng :{self._sa(d)})"

    def article_date(self, d):
        return f"Ngày đăng: {self._sa(d)}"

    def list_item(self, art, url):
        date = f" <span class=\"ngay-dang\">{self.list_date(art.date)}</span>" if art.date else ""
        return (f"<div class=\"item-tin\"><a class=\"tieu-de\" href=\"{ESC(url)}\">{ESC(art.title)}</a>{date}"
                f"<div class=\"tom-tat\">{ESC(art.summary)}</div></div>")

    def frame(self, site, page, side):
        ag = site.ag
        return (f"<!DOCTYPE html><html dir=\"ltr\" lang=\"vi-VN\"><head>{self.meta_charset()}<meta name=\"GENERATOR\" content=\"Microsoft SharePoint\"/>"
                f"<title>{ESC(page.title)}</title><link rel=\"stylesheet\" href=\"/_layouts/15/1066/styles/Themable/corev15.css\"/></head>"
                f"<body><form method=\"post\" action=\"{ESC(page.url)}\" id=\"aspnetForm\"><div id=\"s4-workspace\"><div id=\"s4-bodyContainer\">"
                f"<div class=\"header\"><div class=\"banner\"><a href=\"{self.home_url}\"><img src=\"/PublishingImages/banner.jpg\" alt=\"{ESC(ag.name)}\"/></a>"
                f"<h1>{ESC(province_name(ag))}</h1></div><div class=\"tools\">{self.top_links(site)}</div></div>"
                f"<div class=\"menu-top\">{self.nav(site)}</div></div></div></form><div class=\"search-box\">{self.search_form(site)}</div>"
                f"<div class=\"ms-breadcrumb\">{self.crumbs(self.trail(site, page))}</div><div id=\"contentBox\"><div class=\"left-col\">{page.body}</div>"
                f"<div class=\"right-col\">{side}</div></div><div class=\"footer\">{self.footer(site)}</div></body></html>")


class Dnn(Skin):
    platform = "dotnetnuke"
    search_action = "/Default.aspx?tabid=99"

    def __init__(self, ag):
        super().__init__(ag)
        self.tabs = {}

    def tab(self, name):
        return self.tabs.setdefault(name, 52 + 3 * len(self.tabs))

    def page_url(self, slug_, item):
        return f"/Default.aspx?tabid={self.tab(slug_)}"

    def paged(self, base, p):
        tab = base.split("tabid=")[1]
        return base if p == 1 else f"/Default.aspx?page={p}&tabid={tab}"

    def list_url(self, cat, p):
        return self.paged(f"/Default.aspx?tabid={self.tab('cat:' + cat.slug)}", p)

    def article_url(self, cat, art):
        return f"/{cat.slug}/moduleId/{512 + self.tab('cat:' + cat.slug)}/ItemId/{art.key}/controller/NewsArticle/action/Detail"

    def doc_file_url(self, doc):
        return f"/Portals/0/VanBan/{slug(doc.number)}.pdf"

    def english_url(self):
        return "/en-us/Home.aspx"

    def rss_url(self):
        return "/DesktopModules/NewsArticle/Rss/rss.xml"

    def list_date(self, d):
        return f"Ngày đăng: {d:%d/%m/%Y}"

    def article_date(self, d):
        return f"Ngày đăng: {d:%d/%m/%Y} {d:%H:%M}"

    def list_item(self, art, url):
        date = f"<span class=\"ngaydang\">{self.list_date(art.date)}</span>" if art.date else ""
        return (f"<div class=\"dnn-news-item\"><a id=\"dnn_ctr512_ViewNews_lnkTitle_{art.key}\" href=\"{ESC(url)}\">{ESC(art.title)}</a><br/>"
                f"{date}<div class=\"tomtat\">{ESC(art.summary)}</div></div>")

    def frame(self, site, page, side):
        ag = site.ag
        body = page.body
        return (f"<!DOCTYPE html><html lang=\"vi-VN\"><head id=\"Head\">{self.meta_charset()}<meta name=\"GENERATOR\" content=\"DotNetNuke\"/>"
                f"<title>{ESC(ag.name)} &gt; {ESC(page.title)}</title><link href=\"/Portals/_default/Skins/SonLa/skin.css\" rel=\"stylesheet\"/></head>"
                f"<body id=\"Body\"><form method=\"post\" action=\"/Default.aspx\" id=\"Form\"><input type=\"hidden\" name=\"__VIEWSTATE\" value=\"/wEPDwUKMTY1\"/>"
                f"</form><div id=\"dnn_wrapper\"><div id=\"dnn_Header\"><a id=\"dnn_dnnLOGO_hypLogo\" href=\"/\"><img src=\"/Portals/0/logo.png\" alt=\"{ESC(ag.name)}\"/></a>"
                f"<span class=\"title\">{ESC(ag.name.upper())}</span><div id=\"dnn_dnnSEARCH_ClassicSearch\">{self.search_form(site)}</div>"
                f"<div class=\"links\">{self.top_links(site)}</div></div><div id=\"dnn_dnnMENU_RadMenu1\" class=\"RadMenu\">{self.nav(site)}</div>"
                f"<div id=\"dnn_dnnBREADCRUMB_lblBreadCrumb\">{self.crumbs(self.trail(site, page))}</div>"
                f"<div id=\"dnn_ContentPane\"><div class=\"DnnModule DnnModule-NewsArticle DnnModule-512\"><div id=\"dnn_ctr512_ContentPane\">"
                f"{body}</div></div></div><div id=\"dnn_RightPane\">{side}</div><div id=\"dnn_FooterPane\">{self.footer(site)}</div></div></body></html>")


class NukeViet(Skin):
    platform = "nukeviet"
    search_action = "/vi/seek/"

    def page_url(self, slug_, item):
        if item.startswith("gioi-thieu."):
            return f"/vi/about/{slug_}.html"
        if item in ("hoi-dap", "chi-dao-dieu-hanh.lich-cong-tac"):
            return f"/index.php?module={'faq' if item == 'hoi-dap' else 'lichcongtac'}"
        if item == "thu-tuc-hanh-chinh":
            return f"/vi/{slug_}/"
        if item == "van-ban":
            return "/vi/laws/"
        return f"/vi/page/{slug_}.html"

    def paged(self, base, p):
        if base.endswith("/"):
            return base if p == 1 else f"{base}page-{p}"
        return base if p == 1 else f"{base}?page={p}"

    def list_url(self, cat, p):
        return f"/vi/news/{cat.slug}/" + (f"page-{p}" if p > 1 else "")

    def article_url(self, cat, art):
        return f"/vi/news/{cat.slug}/{art.slug}-{art.key}.html"

    def doc_detail_url(self, doc):
        return f"/vi/laws/detail/{slug(doc.number)}-{doc.key}.html"

    def doc_file_url(self, doc):
        return f"/uploads/laws/{slug(doc.number).lower()}.pdf"

    def rss_url(self):
        return "/rss/news.rss"

    def list_date(self, d):
        return f"{d:%d/%m/%Y %H:%M}"

    def article_date(self, d):
        return f"{WEEKDAYS[d.weekday()]} - {d:%d/%m/%Y %H:%M}"

    def list_item(self, art, url):
        date = f"<ul class=\"list-inline\"><li><em class=\"fa fa-clock-o\">&nbsp;</em>{self.list_date(art.date)}</li></ul>" if art.date else ""
        return (f"<div class=\"news_column panel panel-default\"><div class=\"panel-body\"><h3><a href=\"{ESC(url)}\" title=\"{ESC(art.title)}\">"
                f"{ESC(art.title)}</a></h3>{date}<div class=\"text-muted\">{ESC(art.summary)}</div></div></div>")

    def frame(self, site, page, side):
        ag = site.ag
        return (f"<!DOCTYPE html><html lang=\"vi\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>{ESC(page.title)} - {ESC(ag.name)}</title>"
                f"{self.meta_charset()}<meta name=\"generator\" content=\"NukeViet v4.3\"/><link rel=\"stylesheet\" href=\"/themes/default/css/style.css\"/></head>"
                f"<body><div class=\"body-bg\"><div class=\"wraper\"><header><div class=\"logo\"><a href=\"/\"><img src=\"/uploads/logo.png\" alt=\"{ESC(ag.name)}\"/></a>"
                f"<h1>{ESC(ag.name.upper())}</h1><h2>TỈNH SƠN LA</h2></div><div class=\"headerSearch\">{self.search_form(site)}</div>"
                f"<div class=\"personalArea\">{self.top_links(site)}</div></header><nav class=\"second-nav\" id=\"menusite\">{self.nav(site)}</nav>"
                f"<div class=\"breadcrumbs-wrap\"><div class=\"breadcrumbs\">{self.crumbs(self.trail(site, page))}</div></div>"
                f"<section><div class=\"row\"><div class=\"col-sm-16 col-md-18\">{page.body}</div><div class=\"col-sm-8 col-md-6\">{side}</div></div></section>"
                f"<footer id=\"footer\"><div class=\"wraper\">{self.footer(site)}<div class=\"copyright\">&copy; Copyright NukeViet CMS.</div></div></footer>"
                f"</div></div></body></html>")


class OtherPages(Skin):
    platform = "other"

    def page_url(self, slug_, item):
        return f"/portal/pages/{slug_}.aspx"

    def list_url(self, cat, p):
        return self.paged(f"/portal/pages/{cat.slug}.aspx", p)

    def article_url(self, cat, art):
        day = art.date or cat.articles[0].date
        return f"/portal/pages/{day:%Y-%m-%d}/{title_slug(art.title)}-{art.key}.aspx"

    def doc_file_url(self, doc):
        return f"/portal/VanBan/{doc.date:%Y-%m}/{slug(doc.number)}.doc"

    def english_url(self):
        return "/portal/en/pages/home.aspx"

    def rss_url(self):
        return "/portal/rss/tin-tuc.xml"

    def list_date(self, d):
        return f"{d.day}/{d.month}/{d.year} {ampm(d, lead=False)}"

    def article_date(self, d):
        return f"Ngày đăng: {d.day}/{d.month}/{d.year}"

    def frame(self, site, page, side):
        ag = site.ag
        menu = "".join(f"<td><a href=\"{ESC(u)}\" class=\"menu-top\">{ESC(l)}</a></td>" for l, u, _ in site.menu)
        sub = "".join(f"<li><a href=\"{ESC(u)}\">{ESC(l)}</a></li>" for _, _, ch in site.menu for l, u in ch)
        return (f"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">"
                f"<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>{self.meta_charset()}<title>{ESC(page.title)}</title></head><body>"
                f"<table width=\"1000\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\"><tr><td class=\"banner\"><img src=\"/portal/images/banner.jpg\" alt=\"\"/>"
                f"<div class=\"ten-don-vi\">{ESC(ag.name.upper())}</div></td></tr><tr><td><table class=\"menu\"><tr>{menu}</tr></table></td></tr>"
                f"<tr><td>{self.search_form(site)} {self.top_links(site)}</td></tr><tr><td><table width=\"100%\"><tr>"
                f"<td valign=\"top\" width=\"230\" class=\"left\"><ul class=\"left-menu\">{sub}</ul></td>"
                f"<td valign=\"top\" class=\"center\"><div class=\"duong-dan\">{self.crumbs(self.trail(site, page))}</div>{page.body}</td>"
                f"<td valign=\"top\" width=\"250\" class=\"right\">{side}</td></tr></table></td></tr>"
                f"<tr><td class=\"footer\">{self.footer(site)}</td></tr></table></body></html>")


class OtherArticle(Skin):
    platform = "other"

    def __init__(self, ag):
        super().__init__(ag)
        self.page_ids = {}

    def page_url(self, slug_, item):
        pid = self.page_ids.setdefault(slug_, 100 + 7 * len(self.page_ids))
        return f"/Page/{pid}/{title_slug(slug_.replace('-', ' '))}.html"

    def paged(self, base, p):
        return base if p == 1 else base.replace(".html", f"-p{p}.html")

    def list_url(self, cat, p):
        return f"/tin-tuc/{cat.slug}/trang-{p}.html"

    def article_url(self, cat, art):
        return f"/Article/{art.key}/{title_slug(art.title)}.html"

    def english_url(self):
        return "/en/Home.html"

    def rss_url(self):
        return "/rss/tin-tuc.xml"

    def list_date(self, d):
        return f"Cập nhật: {d:%d/%m/%Y %H:%M}"

    def article_date(self, d):
        return f"Cập nhật lúc {d:%H:%M} ngày {d:%d/%m/%Y}"

    def frame(self, site, page, side):
        ag = site.ag
        out = (f"<!DOCTYPE html><html lang=\"vi\"><head>{self.meta_charset()}<title>{ESC(page.title)} - {ESC(ag.name)}</title>"
               f"<link rel=\"stylesheet\" href=\"/Content/site.css\"/></head><body><div id=\"top\">{self.top_links(site)}</div>"
               f"<div id=\"banner\"><a href=\"/\"><img src=\"/Content/images/banner.png\" alt=\"{ESC(ag.name)}\"/></a></div>"
               f"<div id=\"menu\">{self.nav(site)}{self.search_form(site)}</div><div id=\"path\">{self.crumbs(self.trail(site, page))}</div>"
               f"<div id=\"main\"><div class=\"col-main\">{page.body}</div><div class=\"col-right\">{side}</div></div>"
               f"<div id=\"footer\">{self.footer(site)}</div></body></html>")
        return self.absolute(out)


SKINS = {"liferay": Liferay, "slugid": SlugId, "sharepoint": SharePoint, "dnn": Dnn, "nukeviet": NukeViet,
         "other-pages": OtherPages, "other-article": OtherArticle}


def make_skin(ag):
    return SKINS[ag.platform](ag)
