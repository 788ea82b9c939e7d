#!/usr/bin/env python3
"""Write the second held-out corpus, fixtures/holdout-2027: four Sơn La portals of 2025 (Nghị định 42/2022).

Usage:
  python3 tools/holdout2027/generate.py [--out fixtures/holdout-2027]   # write the corpus
  python3 tools/holdout2027/generate.py --check                         # exit 1 if the committed files differ

Written blind (without reading the detectors) by a different hand from tools/holdout/generate.py, on
templates the team has not used: a Joomla-like Sở, an ASP.NET/SharePoint-like Sở, a Drupal-like phường
and a hand-made xã. Every page is written together with its facts (the article it is and its date, the
documents and procedures it lists, the Decree 42 items its own content carries, the decoys it holds);
expected.yaml is read off the facts of the pages a crawler following <a href> can reach, never from
running portal-audit. Standard library only, fixed seed, byte-for-byte reproducible.
"""
import datetime as dt
import os
import random
import sys
import unicodedata
from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SEED = 2027
PORT = 8045
YEAR = 2025
TODAY = dt.date(2025, 12, 15)  # the day the portals were "recorded": relative dates count from it
ITEMS = ["van-ban", "dieu-uoc-quoc-te", "thu-tuc-hanh-chinh", "dich-vu-cong.lien-ket-quoc-gia", "tuyen-truyen-phap-luat",
         "chien-luoc-quy-hoach", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.co-cau-to-chuc", "gioi-thieu.lien-he",
         "gioi-thieu.dau-moi", "du-an-dau-thau", "tai-chinh.bao-cao", "thong-ke", "tin-tuc", "chi-dao-dieu-hanh",
         "chi-dao-dieu-hanh.lich-cong-tac", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "chuc-nang.in-luu", "tieng-nuoc-ngoai",
         "hoi-dap", "gop-y", "tuong-tac.danh-gia", "tuong-tac.mang-xa-hoi", "du-lieu-mo"]
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
DROPPED = ("utm_", "fbclid", "gclid", "zarsrc")
ZWSP = "\u200b"


# ---------------------------------------------------------------------------------------------- model

class Page:
    """One served file and the facts a careful appraiser reads off it."""

    def __init__(self, html, article=None, docs=(), procs=(), items=(), decoys=(), nfd=False, raw=None):
        self.html = html
        self.article = article          # (article id, date or None)
        self.docs = list(docs)          # (number, issue date, own)
        self.procs = list(procs)        # (code, "level4" | "level3" | "info")
        self.items = set(items)
        self.decoys = list(decoys)      # (item, kind)
        self.nfd = nfd
        self.raw = raw                  # bytes of a non-HTML file

    def body(self):
        if self.raw is not None:
            return self.raw
        text = unicodedata.normalize("NFD", self.html) if self.nfd else self.html
        return text.encode("utf-8")


class Site:
    def __init__(self, sid, name, tier, code, platform, host, svc_host, notes):
        self.id, self.name, self.tier, self.code, self.platform = sid, name, tier, code, platform
        self.host, self.svc_host, self.notes = host, svc_host, notes
        self.pages = {}        # normalised URL -> Page
        self.dead = set()      # links meant to 404 (archive-rewritten)
        self.orphans = set()   # URLs written on purpose with no link to them
        self.traps = []        # (trap, where) for the README-like SUMMARY

    def url(self, path, services=False):
        return "http://%s:%d%s" % (self.svc_host if services else self.host, PORT, path)

    def add(self, path, page, services=False):
        key = normalise(self.url(path, services))
        if key in self.pages:
            raise SystemExit("%s: %s written twice" % (self.id, key))
        self.pages[key] = page
        return key


def normalise(url):
    """The URL key the static server answers: no fragment, query sorted, tracking parameters dropped."""
    parts = urlsplit(url)
    pairs = [p for p in parts.query.split("&") if p and not p.lower().startswith(DROPPED)]
    pairs.sort()
    path = parts.path or "/"
    return "%s://%s%s%s" % (parts.scheme, parts.netloc, path, ("?" + "&".join(pairs)) if pairs else "")


def file_of(key):
    """Where the static server finds a normalised URL: `/a/` is `a/index.html`, `/x?q` is the file `x?q`."""
    parts = urlsplit(key)
    path = parts.path
    if path.endswith("/"):
        path += "index.html"
    return path.lstrip("/") + (("?" + parts.query) if parts.query else "")


def vdate(d):
    return "%02d/%02d/%d" % (d.day, d.month, d.year)


def weekday(d):
    return WEEKDAYS[d.weekday()]


def weekday_lower(d):
    """Joomla's 'Thứ năm' / 'Chủ nhật': only the first letter capitalised."""
    name = weekday(d).lower()
    return name[0].upper() + name[1:]


def q(path, *pairs):
    """A link with its query in the order the platform writes it (the server sorts it)."""
    return escape(path + "?" + "&".join("%s=%s" % kv for kv in pairs))


# --------------------------------------------------------------------------------------------- text

SUBJECTS = {
    "STP": ["công tác phổ biến, giáo dục pháp luật", "trợ giúp pháp lý cho người dân tộc thiểu số", "công tác hộ tịch, chứng thực",
            "kiểm tra, rà soát văn bản quy phạm pháp luật", "hòa giải ở cơ sở", "thi hành pháp luật về xử lý vi phạm hành chính",
            "đăng ký biện pháp bảo đảm", "công tác bồi thường nhà nước", "xây dựng xã, phường đạt chuẩn tiếp cận pháp luật",
            "quản lý công chứng, luật sư", "Ngày Pháp luật Việt Nam", "cải cách hành chính và chuyển đổi số ngành tư pháp"],
    "SNNMT": ["sản xuất vụ Đông Xuân", "phòng, chống cháy rừng", "chuyển đổi cơ cấu cây trồng trên đất dốc", "quản lý đất đai sau sắp xếp",
              "phòng, chống dịch tả lợn châu Phi", "xây dựng nông thôn mới", "bảo vệ môi trường lưu vực sông Đà",
              "cấp giấy chứng nhận quyền sử dụng đất", "phát triển cây ăn quả ứng dụng công nghệ cao", "chi trả dịch vụ môi trường rừng",
              "quan trắc chất lượng nước", "phòng, chống thiên tai mùa mưa lũ"],
    "PTH": ["ra quân tổng vệ sinh môi trường", "tiếp công dân định kỳ", "cấp căn cước cho người dân", "thu thuế phi nông nghiệp",
            "sinh hoạt chi bộ tổ dân phố", "hiến máu tình nguyện", "trật tự đô thị và lòng đường, vỉa hè", "bầu cử trưởng tổ dân phố",
            "chăm lo Tết cho hộ nghèo", "chuyển đổi số ở tổ dân phố", "phòng, chống sốt xuất huyết", "vận hành chính quyền hai cấp"],
    "XMB": ["trồng cây ăn quả trên đất dốc", "tiêm phòng cho đàn gia súc", "sửa chữa đường liên bản", "khám sức khỏe cho người cao tuổi",
            "xóa nhà tạm, nhà dột nát", "hội nghị tiếp xúc cử tri", "phòng, chống cháy rừng", "tuyển quân năm 2025",
            "lễ hội Xên bản", "thu hoạch cà phê", "giải bóng chuyền hơi các bản", "trao quà cho học sinh nghèo vượt khó"],
}
VERBS = ["Hội nghị triển khai", "Tập huấn", "Kiểm tra", "Sơ kết", "Tổng kết", "Ra quân", "Đẩy mạnh", "Hướng dẫn",
         "Hội thảo về", "Giao ban", "Tuyên truyền", "Đoàn công tác khảo sát"]
SENTENCES = [
    "Tham dự có đại diện lãnh đạo các phòng chuyên môn, đơn vị trực thuộc và các tổ chức đoàn thể.",
    "Báo cáo nêu rõ những kết quả đạt được, đồng thời chỉ ra tồn tại, hạn chế và nguyên nhân.",
    "Các đại biểu đã tập trung thảo luận, đề xuất nhiều giải pháp sát với thực tiễn của địa phương.",
    "Phát biểu chỉ đạo, đồng chí chủ trì đề nghị các đơn vị bám sát kế hoạch, phân công rõ người, rõ việc, rõ thời gian.",
    "Kết thúc hội nghị, các đơn vị đã ký cam kết thực hiện nhiệm vụ được giao trong thời gian tới.",
    "Qua kiểm tra, đoàn ghi nhận sự cố gắng của cơ sở, song vẫn còn một số hồ sơ chưa cập nhật kịp thời.",
    "Nhiều hộ dân bày tỏ phấn khởi và cam kết cùng chính quyền thực hiện tốt chủ trương đã đề ra.",
    "Đây là hoạt động thiết thực nhằm nâng cao nhận thức và trách nhiệm của cán bộ, công chức và nhân dân.",
    "Thời gian tới, đơn vị tiếp tục phối hợp chặt chẽ với các ngành liên quan để hoàn thành chỉ tiêu năm.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách nhà nước và nguồn xã hội hóa hợp pháp khác.",
]


def body_paragraphs(rng, subject, extra=None):
    out = ["%s là nhiệm vụ trọng tâm trong thời gian qua; nội dung %s được quán triệt tới từng cơ quan, đơn vị." % (
        subject[0].upper() + subject[1:], subject)]
    out += rng.sample(SENTENCES, 4)
    if extra:
        out.insert(1, extra)
    return out


class Article:
    def __init__(self, aid, title, date, cats, paragraphs, source=None, time=(8, 15)):
        self.aid, self.title, self.date, self.cats, self.paragraphs = aid, title, date, cats, paragraphs
        self.source, self.time = source, time


def make_articles(rng, code, n, first_id, cats, share_2024=0.25):
    """n articles spread over 2025 (and some of late 2024), newest first."""
    subjects = SUBJECTS[code]
    out = []
    for i in range(n):
        in_2024 = rng.random() < share_2024
        if in_2024:
            date = dt.date(2024, rng.randint(9, 12), rng.randint(1, 28))
        else:
            date = dt.date(2025, rng.randint(1, 12), rng.randint(1, 28))
            if date > TODAY:
                date = dt.date(2025, 12, rng.randint(1, 14))
        subject = subjects[i % len(subjects)]
        title = "%s %s %s" % (rng.choice(VERBS), subject, "năm %d" % date.year if i % 3 == 0 else "đợt %d" % (i % 4 + 1))
        extra = None
        if date.year == 2024 and date.month == 12:
            # December 2024 plans name dates of 2025 in their text: not publication dates
            extra = "Kế hoạch được thực hiện từ ngày 01/01/2025 đến hết ngày 31/12/2025 trên phạm vi toàn đơn vị."
        out.append(Article(first_id + i * 7, title, date, [cats[i % len(cats)]], body_paragraphs(rng, subject, extra),
                           time=(7 + i % 10, (i * 13) % 60)))
    out.sort(key=lambda a: (a.date or dt.date(1900, 1, 1), a.aid), reverse=True)
    return out


DOC_TYPES = [("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("CV", "Công văn"), ("TB", "Thông báo"), ("BC", "Báo cáo")]
DOC_SUBJECTS = ["về việc kiện toàn Ban Chỉ đạo", "triển khai nhiệm vụ năm", "về công tác cải cách hành chính",
                "về việc phê duyệt danh mục", "thực hiện chuyển đổi số", "về phòng, chống thiên tai",
                "quy định chức năng, nhiệm vụ, quyền hạn", "về công tác thi đua, khen thưởng", "ban hành quy chế làm việc"]


def make_documents(rng, own_code, own_issuer, n):
    """Documents of 2024 and 2025 mixed: the agency's own and its superiors'. 100/… restarts every year."""
    docs = []
    others = [("UBND", "UBND tỉnh Sơn La"), ("HĐND", "HĐND tỉnh Sơn La"), ("UBND", "UBND tỉnh Sơn La")]
    for year in (2024, 2025):
        kind = DOC_TYPES[0]
        docs.append(dict(number="100/%s-%s" % (kind[0], own_code), date=dt.date(year, 4 if year == 2024 else 5, 12),
                         kind=kind[1], issuer=own_issuer, own=True, subject="%s %s năm %d" % (kind[1], DOC_SUBJECTS[0], year)))
    for i in range(n - 2):
        year = 2025 if i % 3 else 2024
        date = dt.date(year, rng.randint(1, 11), rng.randint(1, 28))
        kind = DOC_TYPES[i % len(DOC_TYPES)]
        if i % 4 == 3:
            code, issuer = others[i % len(others)]
            if code == "HĐND":
                number, kind = "%d/NQ-HĐND" % rng.randint(10, 400), ("NQ", "Nghị quyết")
            elif i % 8 == 3:
                number, kind = "%d/%d/QĐ-UBND" % (rng.randint(1, 60), year), ("QĐ", "Quyết định")
            else:
                number = "%d/%s-UBND" % (rng.randint(101, 3999), kind[0])
            own = issuer == own_issuer
        else:
            number, issuer, own = "%d/%s-%s" % (rng.randint(101, 1999), kind[0], own_code), own_issuer, True
        docs.append(dict(number=number, date=date, kind=kind[1], issuer=issuer, own=own,
                         subject="%s %s" % (kind[1], rng.choice(DOC_SUBJECTS))))
    docs.sort(key=lambda d: (d["date"], d["number"]), reverse=True)
    for i, d in enumerate(docs):
        d["id"] = 300 + i
    return docs


PROC_NAMES = ["Cấp giấy phép", "Đăng ký", "Gia hạn", "Cấp lại", "Điều chỉnh", "Thu hồi", "Xác nhận", "Công nhận", "Cấp bản sao"]
PROC_OBJECTS = ["hoạt động", "quyền sử dụng", "kết quả kiểm tra", "hồ sơ", "giấy chứng nhận", "trích lục", "văn bản chấp thuận"]


def make_procedures(rng, prefix, n, mix):
    """(code, name, level): levels drawn from `mix` in order, so the figures are fixed by the caller."""
    procs = []
    for i in range(n):
        level = mix[i % len(mix)]
        name = "%s %s %s" % (PROC_NAMES[i % len(PROC_NAMES)], rng.choice(PROC_OBJECTS), "(cấp %s)" % ("tỉnh" if prefix.startswith("1.0") else "xã"))
        procs.append(("%s%03d" % (prefix, 100 + i * 3), name, level))
    return procs


# ------------------------------------------------------------------------------------ services hosts

LEVEL_WORDS = {
    "plain": {"level4": "Dịch vụ công trực tuyến toàn trình", "level3": "Dịch vụ công trực tuyến một phần",
              "info": "Cung cấp thông tin trực tuyến"},
    "short": {"level4": "Mức độ: Toàn trình", "level3": "Mức độ: Một phần (nộp hồ sơ trực tuyến, nhận kết quả tại Bộ phận Một cửa)",
              "info": "Mức độ: Thông tin trực tuyến"},
}


def write_services(site, procs, style, per_page, agency, listing_level, button_external):
    """The agency's procedures on its one-stop host: a listing (paginated with ?page=N) and one page per procedure."""
    words = LEVEL_WORDS[style]
    pages = [procs[i:i + per_page] for i in range(0, len(procs), per_page)]
    for number, chunk in enumerate(pages, 1):
        rows = []
        for code, name, level in chunk:
            cells = ['<td>%s</td>' % code, '<td><a href="/chi-tiet-thu-tuc?ma=%s">%s</a></td>' % (code, escape(name))]
            if listing_level:
                cells.append('<td>%s</td>' % ("Toàn trình" if level == "level4" else "Một phần" if level == "level3" else "—"))
            if button_external and level != "info":
                cells.append('<td><a class="btn" href="https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=%s">Nộp hồ sơ</a></td>' % code)
            rows.append("<tr>%s</tr>" % "".join(cells))
        pager = " ".join('<a href="/thu-tuc?page=%d">%d</a>' % (k, k) if k != number else "<b>%d</b>" % k for k in range(1, len(pages) + 1))
        html = doc("Thủ tục hành chính - Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Sơn La",
                   '<h1>Danh sách thủ tục hành chính</h1><p>Cơ quan: %s</p><table class="tthc"><tr><th>Mã</th><th>Tên thủ tục</th>%s%s</tr>%s</table>'
                   '<div class="pager">Trang: %s</div><p><a href="/tra-cuu">Tra cứu hồ sơ</a></p>' % (
                       escape(agency), "<th>Mức độ</th>" if listing_level else "", "<th></th>" if button_external else "",
                       "".join(rows), pager))
        page = Page(html, procs=[(c, lv) for c, _, lv in chunk], items={"thu-tuc-hanh-chinh"})
        site.add("/thu-tuc" if number == 1 else "/thu-tuc?page=%d" % number, page, services=True)
    site.add("/", Page(doc("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Sơn La",
                           '<h1>Bộ phận Một cửa điện tử</h1><p><a href="/thu-tuc">Thủ tục hành chính của %s</a></p>'
                           '<p><a href="/tra-cuu">Tra cứu hồ sơ</a></p>' % escape(agency))), services=True)
    site.add("/tra-cuu", Page(doc("Tra cứu hồ sơ", '<h1>Tra cứu hồ sơ</h1><form action="/tra-cuu" method="get">'
                                  '<input name="ma-ho-so"><button>Tra cứu</button></form>')), services=True)
    for code, name, level in procs:
        html = doc(name, '<h1>%s</h1><table><tr><td>Mã thủ tục</td><td>%s</td></tr><tr><td>Cơ quan thực hiện</td><td>%s</td></tr>'
                         '<tr><td>Mức độ dịch vụ</td><td>%s</td></tr><tr><td>Thời hạn giải quyết</td><td>15 ngày làm việc</td></tr>'
                         '<tr><td>Phí, lệ phí</td><td>Không</td></tr></table><p><a href="/thu-tuc">Quay lại danh sách</a></p>' % (
                             escape(name), code, escape(agency), words[level]))
        site.add("/chi-tiet-thu-tuc?ma=%s" % code, Page(html, procs=[(code, level)]), services=True)


def doc(title, body, head="", lang="vi"):
    return ('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title>%s</head>\n<body>\n%s\n</body></html>\n'
            % (lang, escape(title), head, body))


def slug(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for c in text:
        if c.isalnum():
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:70]


def paragraphs_html(paragraphs):
    return "".join("<p>%s</p>" % escape(p) for p in paragraphs)


def documents_table(docs, detail_href, date_format=vdate):
    rows = "".join('<tr><td><a href="%s">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>' % (
        detail_href(d), escape(d["number"]), date_format(d["date"]), escape(d["kind"]), escape(d["issuer"]), escape(d["subject"]))
        for d in docs)
    return ('<table class="vanban"><tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Loại văn bản</th><th>Cơ quan ban hành</th>'
            '<th>Trích yếu</th></tr>%s</table>' % rows)


def document_detail(d, file_href):
    return ('<h1>%s %s</h1><table><tr><td>Số ký hiệu</td><td>%s</td></tr><tr><td>Ngày ban hành</td><td>%s</td></tr>'
            '<tr><td>Ngày hiệu lực</td><td>%s</td></tr><tr><td>Loại văn bản</td><td>%s</td></tr><tr><td>Cơ quan ban hành</td><td>%s</td></tr>'
            '<tr><td>Trích yếu</td><td>%s</td></tr><tr><td>Tệp đính kèm</td><td><a href="%s">Tải về</a></td></tr></table>' % (
                escape(d["kind"]), escape(d["number"]), escape(d["number"]), vdate(d["date"]), vdate(d["date"] + dt.timedelta(days=10)),
                escape(d["kind"]), escape(d["issuer"]), escape(d["subject"]), file_href))


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


# ------------------------------------------------------------------------------- 1. Joomla-like Sở

def build_joomla(rng):
    site = Site("joomla-so-tu-phap", "Sở Tư pháp tỉnh Sơn La", "province", "STP", "joomla", "127.0.6.2", "127.0.7.2",
                "Joomla 3-like (index.php?option=com_content&view=article&id=123:slug&catid=9&Itemid=101, category blogs paged "
                "with &start=10, module positions); publish block 'Ngày đăng: Thứ năm, 09/10/2025 14:32'; header line with today's date; "
                "'Tin mới' module with 'x ngày trước' only; one article in two categories (two URLs, catid/Itemid differ); "
                "utm_ variants of article links; a news item copied from the province portal with its 'Nguồn:' line; "
                "a link rewritten by an archive tool (/web/2024…/http://…) that now 404s; three orphan articles of 2025; "
                "December 2024 plans naming dates of 2025; 'Thống kê' menu to 'Nội dung đang được xây dựng', 'Dự án - Đấu thầu' to '#', "
                "'English' to javascript:void(0); spokesperson on the 'Liên hệ' page; documents 100/QĐ-STP of 2024 and of 2025 beside "
                "UBND/HĐND tỉnh documents; procedures worded 'Mức độ: Toàn trình/Một phần' on the one-stop host")
    art = lambda a, cat=None: q("/index.php", ("option", "com_content"), ("view", "article"), ("id", "%d:%s" % (a.aid, slug(a.title))),
                                ("catid", cat or a.cats[0]), ("Itemid", ITEMID[cat or a.cats[0]]))
    ITEMID = {9: 101, 11: 105, 14: 107}
    cat_href = lambda c, start=0: q("/index.php", ("option", "com_content"), ("view", "category"), ("layout", "blog"), ("id", c),
                                    ("Itemid", ITEMID[c]), *([("start", start)] if start else []))
    page_href = lambda aid, s, itemid: q("/index.php", ("option", "com_content"), ("view", "article"), ("id", "%d:%s" % (aid, s)),
                                         ("Itemid", itemid))
    other = lambda opt, view, itemid, *extra: q("/index.php", ("option", opt), ("view", view), *extra, ("Itemid", itemid))
    articles = make_articles(rng, "STP", 46, 1201, [9, 9, 11, 14])
    orphans = make_articles(rng, "STP", 3, 1901, [9], share_2024=0)
    copied = articles[5]
    copied.source = "Nguồn: Cổng Thông tin điện tử tỉnh Sơn La (sonla.gov.vn)"
    copied.title = "UBND tỉnh Sơn La chỉ đạo đẩy mạnh phổ biến pháp luật sau sắp xếp đơn vị hành chính"
    shared = articles[8]
    shared.cats = [9, 11]
    archived = articles[12]
    archive_link = "/web/20240315000000/http://sotuphap.sonla.gov.vn/index.php/van-ban"
    site.dead.add(normalise(site.url(archive_link)))

    menu = ('<ul class="nav menu mod-list">'
            '<li><a href="/">Trang chủ</a></li>'
            '<li class="parent"><a href="%s">Giới thiệu</a><ul><li><a href="%s">Chức năng, nhiệm vụ</a></li><li><a href="%s">Cơ cấu tổ chức</a></li></ul></li>'
            '<li><a href="%s">Tin tức - Sự kiện</a></li><li><a href="%s">Phổ biến, giáo dục pháp luật</a></li>'
            '<li><a href="%s">Chỉ đạo điều hành</a></li><li><a href="%s">Văn bản</a></li>'
            '<li><a href="http://127.0.7.2:8045/thu-tuc">Thủ tục hành chính</a></li>'
            '<li><a href="%s">Lịch công tác</a></li><li><a href="%s">Kế hoạch - Chương trình</a></li>'
            '<li><a href="%s">Công khai ngân sách</a></li><li><a href="%s">Thống kê</a></li><li><a href="#">Dự án - Đấu thầu</a></li>'
            '<li><a href="%s">Hỏi đáp</a></li><li><a href="%s">Lấy ý kiến dự thảo</a></li><li><a href="%s">Liên hệ</a></li>'
            '<li><a href="javascript:void(0)">English</a></li></ul>' % (
                page_href(12, "chuc-nang-nhiem-vu", 102), page_href(12, "chuc-nang-nhiem-vu", 102), page_href(13, "co-cau-to-chuc", 103),
                cat_href(9), cat_href(11), cat_href(14), other("com_vanban", "list", 110), page_href(40, "lich-cong-tac", 111),
                page_href(41, "ke-hoach-chuong-trinh-cong-tac", 112), page_href(42, "cong-khai-ngan-sach", 113),
                page_href(45, "thong-ke", 114), other("com_hoidap", "list", 115), page_href(44, "lay-y-kien-du-thao", 116),
                other("com_contact", "contact", 120, ("id", 1))))
    latest = [a for a in articles if a.date][:5]
    tin_moi = "".join('<li><a href="%s&amp;utm_source=home&amp;utm_medium=module">%s</a> <span class="ago">%d ngày trước</span></li>' % (
        art(a), escape(a.title), (TODAY - a.date).days) for a in latest)
    left = ('<div class="moduletable position-7"><h3>Tin mới</h3><ul class="latestnews">%s</ul></div>'
            '<div class="moduletable position-8"><h3>Liên kết website</h3><ul><li><a href="https://sonla.gov.vn/">Cổng TTĐT tỉnh Sơn La</a></li>'
            '<li><a href="https://moj.gov.vn/">Bộ Tư pháp</a></li><li><a href="https://vbpl.vn/">Cơ sở dữ liệu quốc gia về văn bản pháp luật</a></li>'
            '<li><a href="https://pbgdpl.gov.vn/">Cổng Phổ biến, giáo dục pháp luật</a></li></ul></div>'
            '<div class="moduletable position-9"><a href="https://dichvucong.gov.vn/"><img src="/images/banners/dvcqg.png" alt="Cổng Dịch vụ công quốc gia"></a>'
            '<a href="https://www.facebook.com/sotuphapsonla"><img src="/images/banners/facebook.png" alt="Fanpage Sở Tư pháp Sơn La"></a></div>'
            '<div class="moduletable"><h3>Thống kê truy cập</h3><p>Đang truy cập: 27</p><p>Tổng lượt truy cập: 1.204.551</p></div>' % tin_moi)
    search = ('<form action="/index.php" method="post" class="form-inline"><input name="searchword" placeholder="Tìm kiếm...">'
              '<input type="hidden" name="option" value="com_search"><input type="hidden" name="task" value="search"><button>Tìm</button></form>')
    footer = ('<footer id="footer"><p>SỞ TƯ PHÁP TỈNH SƠN LA</p><p>Địa chỉ: Tầng 5, Tòa nhà 7 tầng, Trung tâm hành chính tỉnh, phường Tô Hiệu, tỉnh Sơn La</p>'
              '<p>Điện thoại: 0212.3852.187 - Email: sotuphap@sonla.gov.vn</p>'
              '<p>Giấy phép số 45/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày 20/05/2019</p></footer>')

    def layout(title, main, items=(), **kw):
        html = doc(title + " - Sở Tư pháp tỉnh Sơn La",
                   '<div id="top"><span class="date">Thứ hai, 15/12/2025</span>%s</div><header><img src="/images/logo.png" alt="Sở Tư pháp tỉnh Sơn La"></header>'
                   '<nav class="position-1">%s</nav><div id="content"><main class="span9">%s</main><aside class="span3">%s</aside></div>%s' % (
                       search, menu, main, left, footer))
        return Page(html, items={"gioi-thieu.lien-he", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "dich-vu-cong.lien-ket-quoc-gia",
                                 "tuong-tac.mang-xa-hoi"} | set(items), **kw)

    def article_page(a, cat):
        others = [o for o in articles if o is not a][:4]
        extra = ""
        if a is archived:
            extra = '<p>Xem thêm văn bản liên quan <a href="%s">tại đây</a>.</p>' % archive_link
        main = ('<div class="item-page"><h2 itemprop="headline">%s</h2><div class="article-info muted"><dl>'
                '<dd class="published">Ngày đăng: %s, %s %02d:%02d</dd><dd class="hits">Lượt xem: %d</dd></dl></div>'
                '<div class="icons"><a href="javascript:window.print()"><img src="/media/system/images/printButton.png" alt="In bài viết"></a></div>'
                '<div itemprop="articleBody">%s%s%s</div></div><div class="related"><h4>Các tin khác</h4><ul>%s</ul></div>' % (
                    escape(a.title), weekday_lower(a.date), vdate(a.date), a.time[0], a.time[1], 100 + a.aid % 900,
                    paragraphs_html(a.paragraphs), extra,
                    "<p><em>%s</em></p>" % escape(a.source) if a.source else "",
                    "".join('<li><a href="%s">%s</a> (%s)</li>' % (art(o), escape(o.title), vdate(o.date)) for o in others)))
        return layout(a.title, main, items={"tin-tuc", "chuc-nang.in-luu"}, article=(a.aid, a.date))

    for a in articles:
        for cat in a.cats:
            site.add(art(a, cat).replace("&amp;", "&"), article_page(a, cat))
    for a in orphans:
        site.add(art(a).replace("&amp;", "&"), article_page(a, a.cats[0]))
        site.orphans.add(normalise(site.url(art(a).replace("&amp;", "&"))))
    cat_names = {9: "Tin tức - Sự kiện", 11: "Phổ biến, giáo dục pháp luật", 14: "Chỉ đạo điều hành"}
    cat_items = {9: {"tin-tuc"}, 11: {"tuyen-truyen-phap-luat"}, 14: {"chi-dao-dieu-hanh"}}
    for cat, name in cat_names.items():
        listed = [a for a in articles if cat in a.cats]
        chunks = [listed[i:i + 10] for i in range(0, len(listed), 10)]
        for n, chunk in enumerate(chunks):
            entries = "".join('<div class="items-row"><h2><a href="%s">%s</a></h2><dd class="published">Ngày đăng: %s, %s %02d:%02d</dd><p>%s</p>'
                              '<a class="readmore" href="%s">Xem tiếp...</a></div>' % (
                                  art(a, cat), escape(a.title), weekday_lower(a.date), vdate(a.date), a.time[0], a.time[1],
                                  escape(a.paragraphs[0][:150]), art(a, cat)) for a in chunk)
            pager = "".join('<li><a href="%s">%d</a></li>' % (cat_href(cat, k * 10), k + 1) for k in range(len(chunks)) if k != n)
            main = '<div class="blog"><h1>%s</h1>%s<div class="pagination"><ul>%s</ul><p class="counter">Trang %d / %d</p></div></div>' % (
                escape(name), entries, pager, n + 1, len(chunks))
            site.add(cat_href(cat, n * 10).replace("&amp;", "&"), layout(name, main, items=cat_items[cat]))

    static = {
        (12, "chuc-nang-nhiem-vu", 102): ("Chức năng, nhiệm vụ", "<p>Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, có chức năng "
                                          "tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về công tác xây dựng và thi hành pháp luật, "
                                          "kiểm tra, rà soát văn bản quy phạm pháp luật, phổ biến, giáo dục pháp luật, hộ tịch, chứng thực, "
                                          "bồi thường nhà nước, trợ giúp pháp lý, luật sư, công chứng và các công tác tư pháp khác.</p>"
                                          "<p>Nhiệm vụ và quyền hạn: trình UBND tỉnh dự thảo quyết định, kế hoạch dài hạn, 05 năm và hằng năm; "
                                          "hướng dẫn, kiểm tra việc thực hiện; thực hiện các nhiệm vụ khác do UBND tỉnh giao.</p>",
                                          {"gioi-thieu.chuc-nang-nhiem-vu"}),
        (13, "co-cau-to-chuc", 103): ("Cơ cấu tổ chức", "<h3>Lãnh đạo Sở</h3><ul><li>Giám đốc: Ông Lường Văn Thắng</li><li>Phó Giám đốc: Bà Cầm Thị Hoa</li></ul>"
                                      "<h3>Các phòng, đơn vị</h3><ul><li>Văn phòng Sở</li><li>Thanh tra Sở</li><li>Phòng Xây dựng, kiểm tra văn bản và "
                                      "phổ biến, giáo dục pháp luật</li><li>Phòng Hành chính tư pháp và Bổ trợ tư pháp</li><li>Trung tâm Trợ giúp pháp lý nhà nước</li>"
                                      "<li>Phòng Công chứng số 1</li><li>Trung tâm Dịch vụ đấu giá tài sản</li></ul>", {"gioi-thieu.co-cau-to-chuc"}),
        (40, "lich-cong-tac", 111): ("Lịch công tác tuần 51 (từ 15/12 đến 19/12/2025)", "<table><tr><th>Ngày</th><th>Lãnh đạo</th><th>Nội dung</th><th>Địa điểm</th></tr>"
                                     "<tr><td>Thứ Hai 15/12</td><td>Giám đốc</td><td>Giao ban tuần</td><td>Phòng họp tầng 5</td></tr>"
                                     "<tr><td>Thứ Ba 16/12</td><td>Phó Giám đốc</td><td>Kiểm tra công tác hộ tịch tại xã Mường Bám</td><td>xã Mường Bám</td></tr>"
                                     "<tr><td>Thứ Tư 17/12</td><td>Giám đốc</td><td>Họp UBND tỉnh phiên thường kỳ</td><td>Trụ sở UBND tỉnh</td></tr></table>",
                                     {"chi-dao-dieu-hanh.lich-cong-tac"}),
        (41, "ke-hoach-chuong-trinh-cong-tac", 112): ("Kế hoạch - Chương trình công tác", "<ul><li>Chương trình công tác năm 2025 của Sở Tư pháp</li>"
                                                     "<li>Kế hoạch phổ biến, giáo dục pháp luật giai đoạn 2025 - 2030</li><li>Kế hoạch cải cách hành chính năm 2025</li>"
                                                     "<li>Kế hoạch chuyển đổi số ngành Tư pháp năm 2025</li></ul>", {"chien-luoc-quy-hoach"}),
        (42, "cong-khai-ngan-sach", 113): ("Công khai ngân sách", "<table><tr><th>Nội dung</th><th>Ngày công khai</th><th>Tệp</th></tr>"
                                          "<tr><td>Công khai dự toán ngân sách năm 2025</td><td>10/01/2025</td><td><a href=\"/images/ngansach/du-toan-2025.pdf\">Tải về</a></td></tr>"
                                          "<tr><td>Công khai quyết toán ngân sách năm 2024</td><td>15/08/2025</td><td><a href=\"/images/ngansach/quyet-toan-2024.pdf\">Tải về</a></td></tr>"
                                          "</table>", {"tai-chinh.bao-cao"}),
        (44, "lay-y-kien-du-thao", 116): ("Lấy ý kiến dự thảo", "<table><tr><th>Dự thảo</th><th>Thời hạn góp ý</th><th></th></tr>"
                                         "<tr><td>Dự thảo Quyết định quy định phân cấp quản lý nhà nước về công tác hộ tịch</td><td>từ 01/12/2025 đến 31/12/2025</td>"
                                         "<td><a href=\"/images/duthao/du-thao-phan-cap-ho-tich.pdf\">Toàn văn dự thảo</a></td></tr></table>"
                                         "<form action=\"/index.php\" method=\"post\"><input type=\"hidden\" name=\"option\" value=\"com_gopy\"><label>Họ tên</label><input name=\"hoten\">"
                                         "<label>Email</label><input name=\"email\"><label>Ý kiến góp ý</label><textarea name=\"noidung\"></textarea><button>Gửi góp ý</button></form>",
                                         {"gop-y"}),
        (45, "thong-ke", 114): ("Thống kê", "<p>Nội dung đang được xây dựng</p>", set()),
    }
    for (aid, s, itemid), (title, main, items) in static.items():
        decoys = [("thong-ke", "placeholder")] if aid == 45 else []
        site.add(page_href(aid, s, itemid).replace("&amp;", "&"), layout(title, "<h1>%s</h1>%s" % (escape(title), main), items=items, decoys=decoys))
    for f in ("/images/ngansach/du-toan-2025.pdf", "/images/ngansach/quyet-toan-2024.pdf", "/images/duthao/du-thao-phan-cap-ho-tich.pdf"):
        site.add(f, Page("", raw=PDF))

    docs = make_documents(rng, "STP", "Sở Tư pháp tỉnh Sơn La", 18)
    detail = lambda d: other("com_vanban", "detail", 110, ("id", d["id"]))
    site.add(other("com_vanban", "list", 110).replace("&amp;", "&"),
             layout("Văn bản", "<h1>Văn bản</h1>" + documents_table(docs, detail), items={"van-ban"},
                    docs=[(d["number"], d["date"], d["own"]) for d in docs]))
    for d in docs:
        pdf = "/images/vanban/%d.pdf" % d["id"]
        site.add(detail(d).replace("&amp;", "&"), layout(d["number"], document_detail(d, pdf), items={"van-ban"},
                                                       docs=[(d["number"], d["date"], d["own"])]))
        site.add(pdf, Page("", raw=PDF))
    qa = "".join('<div class="cauhoi"><h4>Câu hỏi: %s</h4><p>Người hỏi: %s - Ngày gửi: %s - Trạng thái: Đã trả lời</p>'
                 '<div class="traloi"><b>Trả lời:</b> %s</div></div>' % (qq, who, day, ans) for qq, who, day, ans in [
                     ("Thủ tục đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn?", "Lò Văn Minh", "02/10/2025",
                      "Việc đăng ký khai sinh thực hiện theo Điều 15 Nghị định 123/2015/NĐ-CP; ông liên hệ UBND xã nơi cư trú."),
                     ("Chứng thực bản sao từ bản chính có cần mang bản chính không?", "Quàng Thị Hoa", "21/11/2025",
                      "Có, người yêu cầu chứng thực phải xuất trình bản chính để đối chiếu.")])
    site.add(other("com_hoidap", "list", 115).replace("&amp;", "&"),
             layout("Hỏi đáp", "<h1>Hỏi đáp</h1>%s<h3>Gửi câu hỏi</h3><form action=\"/index.php\" method=\"post\"><input name=\"hoten\">"
                              "<input name=\"email\"><textarea name=\"cauhoi\"></textarea><input type=\"hidden\" name=\"option\" value=\"com_hoidap\">"
                              "<button>Gửi</button></form>" % qa, items={"hoi-dap"}))
    site.add(other("com_contact", "contact", 120, ("id", 1)).replace("&amp;", "&"),
             layout("Liên hệ", "<h1>Liên hệ</h1><p>Sở Tư pháp tỉnh Sơn La - Tầng 5, Tòa nhà 7 tầng, Trung tâm hành chính tỉnh.</p>"
                               "<h3>Người phát ngôn, cung cấp thông tin</h3><p>Ông Hoàng Văn Dũng - Chánh Văn phòng Sở - Điện thoại: 0912.345.678 - "
                               "Email: hvdung.stp@sonla.gov.vn</p>", items={"gioi-thieu.dau-moi"}))
    home = ('<div class="tin-noi-bat"><h2>Tin nổi bật</h2>%s</div>' % "".join(
        '<div class="item"><a href="%s">%s</a></div>' % (art(a), escape(a.title)) for a in articles[:6]))
    site.add("/", layout("Trang chủ", home, items={"tin-tuc"}, decoys=[("thong-ke", "visitor counter 'Thống kê truy cập'"),
                                                                       ("du-an-dau-thau", "hash"), ("tieng-nuoc-ngoai", "javascript:void(0)")]))
    procs = make_procedures(rng, "1.0120", 14, ["level4", "level3", "level3", "info", "level4"])
    write_services(site, procs, "short", 8, "Sở Tư pháp tỉnh Sơn La", listing_level=True, button_external=False)
    site.traps += [("ids in query strings (Joomla com_content)", "all URLs"), ("'Ngày đăng: Thứ năm, 09/10/2025 14:32'", "articles and blogs"),
                   ("'x ngày trước' only in a list", "Tin mới module"), ("one post in two categories", "article %d" % shared.aid),
                   ("copied from another agency", "article %d" % copied.aid), ("archive-rewritten link that 404s", "article %d" % archived.aid),
                   ("orphan pages", "3 articles of 2025"), ("utm_ variants", "Tin mới module")]
    return site


# --------------------------------------------------------------------- 2. ASP.NET/SharePoint-like Sở

def build_sharepoint(rng):
    site = Site("sharepoint-so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường tỉnh Sơn La", "province", "SNNMT", "sharepoint",
                "127.0.6.3", "127.0.7.3",
                "ASP.NET/SharePoint-like (/Pages/tin-tuc.aspx?ItemID=4521, /SitePages/*.aspx); the same <title> on every page; news in "
                "<table> rows with dates '09-10-2025' in a cell; 'Xem tiếp' pagers driven by __doPostBack only, with a plain ?Page=2 "
                "fallback on the news list and none on 'Thông báo' (whose first page already reaches 2024, so nothing of 2025 is behind "
                "it); article dates 'Thứ Hai, 03/02/2025 - 08:15', '03.02.2025' and 'Ngày 03 tháng 02 năm 2025'; one item in the news "
                "and the 'Chỉ đạo điều hành' lists (one URL); zero-width spaces inside menu words; JavaScript-only search box (works in a "
                "browser: present); 'RSS' link to an HTML page; image-only banners without alt to other agencies (chuc-nang.lien-ket); "
                "share buttons only (no own channel); leaders with phones on 'Lãnh đạo Sở' but no named đầu mối; Lịch công tác "
                "'Đang cập nhật', Hỏi đáp 'Nội dung đang được xây dựng', an empty 'Phổ biến pháp luật' list; a headline naming 'góp ý "
                "dự thảo'; documents paged with ?Page=2, 100/QĐ-SNNMT of 2024 and of 2025; procedures listed with 'Nộp hồ sơ' buttons "
                "to dichvucong.gov.vn only")
    title = "Cổng thông tin điện tử Sở Nông nghiệp và Môi trường tỉnh Sơn La"
    news = make_articles(rng, "SNNMT", 44, 4501, ["tin-tuc"], share_2024=0.2)
    # Notices of 2025, then of late 2024: the one page the postback-only pager shows already reaches 2024.
    notices = make_articles(rng, "SNNMT", 12, 7801, ["thong-bao"], share_2024=0.0)[:8]
    notices += make_articles(rng, "SNNMT", 4, 7901, ["thong-bao"], share_2024=1.0)
    for a in notices:
        a.title = "Thông báo " + a.title[0].lower() + a.title[1:]
    news[3].title = "Lấy ý kiến góp ý dự thảo Luật Đất đai (sửa đổi) tại các xã vùng cao"
    directed = news[6]
    directed.cats = ["tin-tuc", "chi-dao"]
    directives = make_articles(rng, "SNNMT", 6, 8801, ["chi-dao"], share_2024=0.3)
    z = lambda w: w[:2] + ZWSP + w[2:]
    menu = ('<div class="ms-topnav"><a href="/">Trang chủ</a> | <a href="/SitePages/GioiThieu.aspx">%s</a> | '
            '<a href="/SitePages/CoCau.aspx">Cơ cấu tổ chức</a> | <a href="/SitePages/LanhDao.aspx">Lãnh đạo Sở</a> | '
            '<a href="/Pages/tin-tuc.aspx">%s</a> | <a href="/Pages/thong-bao.aspx">Thông báo</a> | <a href="/Pages/chi-dao-dieu-hanh.aspx">Chỉ đạo điều hành</a> | '
            '<a href="/SitePages/VanBan.aspx">Văn bản</a> | <a href="http://127.0.7.3:8045/thu-tuc">%s</a> | <a href="/SitePages/QuyHoach.aspx">Quy hoạch - Kế hoạch</a> | '
            '<a href="/SitePages/DuAn.aspx">Dự án - Đấu thầu</a> | <a href="/SitePages/NganSach.aspx">Công khai ngân sách</a> | '
            '<a href="/SitePages/ThongKe.aspx">Số liệu thống kê</a> | <a href="/Pages/pho-bien-phap-luat.aspx">Phổ biến pháp luật</a> | '
            '<a href="/SitePages/LichCongTac.aspx">Lịch công tác</a> | <a href="/SitePages/HoiDap.aspx">Hỏi đáp</a> | '
            '<a href="/SitePages/DanhGia.aspx">Đánh giá mức độ hài lòng</a> | <a href="/en/Pages/default.aspx">English</a> | '
            '<a href="/SitePages/RSS.aspx">RSS</a></div>' % (z("Giới") + " thiệu", "Tin " + z("tức"), z("Thủ") + " tục hành chính"))
    search = ('<div class="ms-srch-sb"><input type="text" id="ctl00_txtSearch" title="Tìm kiếm" '
              'onkeydown="if(event.keyCode==13){doSearch();return false;}"><a href="javascript:doSearch()" title="Tìm kiếm">Tìm</a></div>'
              '<script>function doSearch(){window.location="/_layouts/15/osssearchresults.aspx?k="+encodeURIComponent('
              'document.getElementById("ctl00_txtSearch").value);}</script>')
    right = ('<div class="banners"><a href="https://sonla.gov.vn/"><img src="/PublishingImages/banner-ubnd.jpg"></a>'
             '<a href="https://mae.gov.vn/"><img src="/PublishingImages/banner-bo-nnmt.jpg"></a>'
             '<a href="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</a><br>'
             '<a href="https://data.gov.vn/">Cổng dữ liệu quốc gia</a></div>'
             '<div class="counter">Thống kê truy cập: Hôm nay 312 - Tổng 2.018.446</div>')
    footer = ('<div class="footer">Cơ quan chủ quản: Sở Nông nghiệp và Môi trường tỉnh Sơn La<br>Địa chỉ: Tầng 3, Tòa nhà 7 tầng, '
              'Trung tâm hành chính tỉnh Sơn La. Điện thoại: 0212.3856.555. Thư điện tử: sonnmt@sonla.gov.vn</div>')
    base_items = {"gioi-thieu.lien-he", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "dich-vu-cong.lien-ket-quoc-gia", "du-lieu-mo"}

    def layout(main, items=(), **kw):
        return Page(doc(title, '<form method="post" action="./" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9k">'
                               '<div id="s4-workspace">%s%s<table width="100%%"><tr><td class="main" valign="top">%s</td><td class="right" width="240" '
                               'valign="top">%s</td></tr></table>%s</div></form>' % (search, menu, main, right, footer)),
                    items=base_items | set(items), **kw)

    def item_url(a):
        return "/Pages/%s.aspx?ItemID=%d" % ("thong-bao" if "thong-bao" in a.cats else "chi-dao-dieu-hanh" if a.cats == ["chi-dao"] else "tin-tuc", a.aid)

    def article_page(a, style):
        if style == 0:
            stamp = "%s, %s - %02d:%02d" % (weekday(a.date), vdate(a.date), a.time[0], a.time[1])
        elif style == 1:
            stamp = "Cập nhật: %02d.%02d.%d" % (a.date.day, a.date.month, a.date.year)
        else:
            stamp = "Ngày %02d tháng %02d năm %d" % (a.date.day, a.date.month, a.date.year)
        share = ('<div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=%s">Chia sẻ Facebook</a> '
                 '<a href="https://sp.zalo.me/share_inline?url=%s">Chia sẻ Zalo</a></div>' % (site.url(item_url(a)), site.url(item_url(a))))
        main = ('<div class="article"><h1 class="title">%s</h1><div class="date">%s</div><div class="ms-rtestate-field">%s</div>%s</div>' % (
            escape(a.title), stamp, paragraphs_html(a.paragraphs), share))
        return layout(main, items={"tin-tuc"} | ({"chi-dao-dieu-hanh"} if "chi-dao" in a.cats else set()), article=(a.aid, a.date),
                      decoys=[("tuong-tac.mang-xa-hoi", "share buttons only")] if a is news[0] else [])

    for i, a in enumerate(news + notices + directives):
        site.add(item_url(a), article_page(a, 2 if a in notices else i % 2))

    def listing(path, heading, entries, per_page, fallback, items=(), decoys=()):
        chunks = [entries[i:i + per_page] for i in range(0, len(entries), per_page)]
        # Without a fallback the list shows its first page only, and "Xem tiếp" hides older (2024) items behind
        # a postback; with a fallback a one-page list has no pager at all.
        more = not fallback or len(chunks) > 1
        if not fallback:
            chunks = chunks[:1]
        for n, chunk in enumerate(chunks, 1):
            rows = "".join('<tr><td class="ngay">%02d-%02d-%d</td><td><a href="%s">%s</a></td></tr>' % (
                a.date.day, a.date.month, a.date.year, item_url(a), escape(a.title)) for a in chunk)
            pager = '<a href="javascript:__doPostBack(&#39;ctl00$PlaceHolderMain$grvTin&#39;,&#39;Page$%d&#39;)">Xem tiếp</a>' % (n + 1) if more else ""
            if fallback:
                pager += " " + " ".join('<a href="%s?Page=%d">%d</a>' % (path, k, k) for k in range(1, len(chunks) + 1) if k != n)
            site.add(path if n == 1 else "%s?Page=%d" % (path, n),
                     layout('<h2>%s</h2><table class="ms-listviewtable">%s</table><div class="pager">%s</div>' % (heading, rows, pager),
                            items=items, decoys=list(decoys) if n == 1 else []))

    listing("/Pages/tin-tuc.aspx", "Tin tức - Sự kiện", news, 15, True, items={"tin-tuc"},
            decoys=[("gop-y", "headline naming 'góp ý dự thảo' (a news item)")])
    listing("/Pages/thong-bao.aspx", "Thông báo", notices, 12, False, items={"tin-tuc"})
    listing("/Pages/chi-dao-dieu-hanh.aspx", "Chỉ đạo điều hành", sorted(directives + [directed], key=lambda a: a.date, reverse=True),
            15, True, items={"chi-dao-dieu-hanh"})
    site.add("/Pages/pho-bien-phap-luat.aspx", layout('<h2>Phổ biến pháp luật</h2><table class="ms-listviewtable"><tr><th>Ngày</th>'
                                                      '<th>Tiêu đề</th></tr></table><p>Chưa có dữ liệu.</p>',
                                                      decoys=[("tuyen-truyen-phap-luat", "empty list")]))
    docs = make_documents(rng, "SNNMT", "Sở Nông nghiệp và Môi trường tỉnh Sơn La", 24)
    dash = lambda d: "%02d-%02d-%d" % (d.day, d.month, d.year)
    for n in (1, 2):
        chunk = docs[(n - 1) * 12:n * 12]
        site.add("/SitePages/VanBan.aspx" if n == 1 else "/SitePages/VanBan.aspx?Page=2",
                 layout("<h2>Văn bản</h2>%s<div class=\"pager\"><a href=\"javascript:__doPostBack('ctl00$grvVanBan','Page$2')\">Xem tiếp</a> "
                        "<a href=\"/SitePages/VanBan.aspx?Page=%d\">Trang %d</a></div>" % (
                            documents_table(chunk, lambda d: "/SitePages/VanBanChiTiet.aspx?ID=%d" % d["id"], dash), 3 - n, 3 - n),
                        items={"van-ban"}, docs=[(d["number"], d["date"], d["own"]) for d in chunk]))
    for d in docs:
        pdf = "/VanBan/%d.pdf" % d["id"]
        site.add("/SitePages/VanBanChiTiet.aspx?ID=%d" % d["id"], layout(document_detail(d, pdf), items={"van-ban"},
                                                                        docs=[(d["number"], d["date"], d["own"])]))
        site.add(pdf, Page("", raw=PDF))
    pages = {
        "GioiThieu": ("<h2>Chức năng, nhiệm vụ</h2><p>Sở Nông nghiệp và Môi trường là cơ quan chuyên môn thuộc UBND tỉnh, tham mưu, giúp UBND tỉnh "
                      "quản lý nhà nước về nông nghiệp, lâm nghiệp, thủy lợi, phòng, chống thiên tai, đất đai, tài nguyên nước, khoáng sản, "
                      "môi trường, khí tượng thủy văn và biến đổi khí hậu.</p><p>Sở có tư cách pháp nhân, con dấu và tài khoản riêng.</p>",
                      {"gioi-thieu.chuc-nang-nhiem-vu"}, []),
        "CoCau": ("<h2>Cơ cấu tổ chức</h2><ul><li>Văn phòng Sở</li><li>Thanh tra Sở</li><li>Phòng Kế hoạch - Tài chính</li><li>Phòng Quản lý đất đai</li>"
                  "<li>Chi cục Kiểm lâm</li><li>Chi cục Thủy lợi</li><li>Chi cục Trồng trọt và Bảo vệ thực vật</li><li>Trung tâm Quan trắc tài nguyên và môi trường</li></ul>",
                  {"gioi-thieu.co-cau-to-chuc"}, []),
        "LanhDao": ("<h2>Lãnh đạo Sở</h2><table><tr><td>Giám đốc</td><td>Phùng Kim Sơn</td><td>0212.3852.001</td></tr>"
                    "<tr><td>Phó Giám đốc</td><td>Lò Văn Hiệp</td><td>0212.3852.002</td></tr><tr><td>Phó Giám đốc</td><td>Đinh Thị Lan</td><td>0212.3852.003</td></tr></table>",
                    set(), [("gioi-thieu.dau-moi", "leaders list, no named information liaison")]),
        "QuyHoach": ("<h2>Quy hoạch - Kế hoạch</h2><ul><li>Kế hoạch phát triển nông nghiệp, nông thôn năm 2025</li><li>Kế hoạch sử dụng đất năm 2025 cấp tỉnh</li>"
                     "<li>Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025</li><li>Quy hoạch lâm nghiệp tỉnh Sơn La thời kỳ 2021 - 2030</li></ul>",
                     {"chien-luoc-quy-hoach"}, []),
        "DuAn": ("<h2>Dự án - Đấu thầu</h2><table><tr><th>Dự án</th><th>Chủ đầu tư</th><th>Tổng mức đầu tư</th><th>Hình thức lựa chọn nhà thầu</th></tr>"
                 "<tr><td>Sửa chữa, nâng cấp hồ chứa nước Chiềng Khoi</td><td>Sở Nông nghiệp và Môi trường</td><td>14,5 tỷ đồng</td><td>Đấu thầu rộng rãi qua mạng</td></tr>"
                 "<tr><td>Đo đạc, lập bản đồ địa chính các xã sau sắp xếp</td><td>Sở Nông nghiệp và Môi trường</td><td>22,1 tỷ đồng</td><td>Đấu thầu rộng rãi qua mạng</td></tr></table>",
                 {"du-an-dau-thau"}, []),
        "NganSach": ("<h2>Công khai ngân sách</h2><ul><li><a href=\"/VanBan/cong-khai-du-toan-2025.pdf\">Công khai dự toán ngân sách năm 2025</a></li>"
                     "<li><a href=\"/VanBan/cong-khai-quyet-toan-2024.pdf\">Công khai quyết toán ngân sách năm 2024</a></li></ul>", {"tai-chinh.bao-cao"}, []),
        "ThongKe": ("<h2>Số liệu thống kê</h2><table><tr><th>Chỉ tiêu</th><th>Đơn vị</th><th>Năm 2024</th><th>Năm 2025</th></tr>"
                    "<tr><td>Tỷ lệ che phủ rừng</td><td>%</td><td>47,1</td><td>47,6</td></tr><tr><td>Diện tích cây ăn quả</td><td>ha</td><td>86.200</td><td>88.950</td></tr>"
                    "<tr><td>Số xã đạt chuẩn nông thôn mới</td><td>xã</td><td>52</td><td>58</td></tr></table>", {"thong-ke"}, []),
        "LichCongTac": ("<h2>Lịch công tác</h2><p>Đang cập nhật</p>", set(), [("chi-dao-dieu-hanh.lich-cong-tac", "placeholder")]),
        "HoiDap": ("<h2>Hỏi đáp</h2><p>Nội dung đang được xây dựng</p>", set(), [("hoi-dap", "placeholder")]),
        "DanhGia": ("<h2>Đánh giá mức độ hài lòng về việc cung cấp thông tin</h2><form method=\"post\" action=\"/SitePages/DanhGia.aspx\">"
                    "<p>Giao diện: <label><input type=\"radio\" name=\"gd\" value=\"3\">Hài lòng</label><label><input type=\"radio\" name=\"gd\" value=\"2\">Bình thường</label>"
                    "<label><input type=\"radio\" name=\"gd\" value=\"1\">Không hài lòng</label></p><p>Nội dung thông tin: <label><input type=\"radio\" name=\"nd\" value=\"3\">Hài lòng</label>"
                    "<label><input type=\"radio\" name=\"nd\" value=\"1\">Không hài lòng</label></p><button>Gửi đánh giá</button></form>", {"tuong-tac.danh-gia"}, []),
        "RSS": ("<h2>RSS</h2><p>Các kênh tin: <a href=\"/Pages/tin-tuc.aspx\">Tin tức - Sự kiện</a>, <a href=\"/Pages/thong-bao.aspx\">Thông báo</a></p>", set(), []),
    }
    for name, (main, items, decoys) in pages.items():
        site.add("/SitePages/%s.aspx" % name, layout(main, items=items, decoys=decoys))
    for f in ("/VanBan/cong-khai-du-toan-2025.pdf", "/VanBan/cong-khai-quyet-toan-2024.pdf"):
        site.add(f, Page("", raw=PDF))
    site.add("/en/Pages/default.aspx", Page(doc(title, '<h1>Son La Department of Agriculture and Environment</h1><p><a href="/">Tiếng Việt</a></p>'
                                                     '<h2>Organisational structure</h2><p>The Department is a specialised agency of the Son La Provincial '
                                                     "People's Committee. Its units are the Office, the Inspectorate, the Planning and Finance Division, the Land "
                                                     "Management Division, the Forest Protection Sub-Department, the Irrigation Sub-Department and the "
                                                     "Environmental Monitoring Centre.</p><h2>Contact</h2><p>Address: 3rd floor, the seven-storey building, "
                                                     "Provincial Administrative Centre, Son La. Telephone: +84 212 3856 555. E-mail: sonnmt@sonla.gov.vn</p>",
                                                     lang="en"), items={"tieng-nuoc-ngoai"}))
    home = ('<div class="tin-moi"><h2>Tin mới</h2><table>%s</table></div>' % "".join(
        '<tr><td>%02d-%02d-%d</td><td><a href="%s">%s</a></td></tr>' % (a.date.day, a.date.month, a.date.year, item_url(a), escape(a.title))
        for a in news[:8]))
    site.add("/", layout(home, items={"tin-tuc"}))
    procs = make_procedures(rng, "1.0135", 16, ["level3", "level4", "level3", "info"])
    write_services(site, procs, "plain", 10, "Sở Nông nghiệp và Môi trường tỉnh Sơn La", listing_level=False, button_external=True)
    site.traps += [("ids in query strings (?ItemID=, ?ID=)", "news, notices, documents"), ("same <title> on every page", "every page"),
                   ("__doPostBack-only pager", "Thông báo (first page reaches 2024)"), ("dates in table cells '09-10-2025'", "lists"),
                   ("'Thứ Hai, 03/02/2025 - 08:15' / '03.02.2025' / 'Ngày 03 tháng 02 năm 2025'", "articles"),
                   ("zero-width spaces inside words", "menu"), ("JavaScript-only search", "every page"), ("'RSS' link to an HTML page", "menu"),
                   ("image-only links without alt", "banners to sonla.gov.vn, mae.gov.vn"), ("one post in two lists (one URL)", "item %d" % directed.aid)]
    return site


# ------------------------------------------------------------------------------ 3. Drupal-like phường

def build_drupal(rng):
    site = Site("drupal-phuong-to-hieu", "UBND phường Tô Hiệu", "commune", "UBND", "drupal", "127.0.6.4", "127.0.7.4",
                "Drupal-like (/node/123, /taxonomy/term/7 paged with ?page=1, path aliases /tin-tuc/<slug> for the same nodes on the front "
                "page); '<time datetime>' with 'Cập nhật lúc 08:15, 3/2/2025'; term lists dated in English ('February 3, 2025'); front-page "
                "'Tin mới' block with '5 ngày 3 giờ trước' only; one node in two terms (one URL); a news item of Sở Y tế re-posted with its "
                "'Nguồn:' line; an undated node in 'Văn hóa - Xã hội'; two orphan nodes of 2025; 'Quy hoạch - Kế hoạch' to 'Đang cập nhật', "
                "'Chỉ đạo điều hành' to javascript:void(0); links to the province portal and a sibling phường's host; spokesperson on 'Liên hệ'; "
                "own Zalo OA and YouTube channel; no link to dichvucong.gov.vn anywhere; documents of UBND phường (-UBND) beside UBND tỉnh's")
    terms = {7: "Tin tức - Sự kiện", 8: "Hoạt động tổ dân phố", 9: "Văn hóa - Xã hội", 10: "Phổ biến pháp luật"}
    articles = make_articles(rng, "PTH", 38, 310, [7, 7, 8, 9, 10])
    orphans = make_articles(rng, "PTH", 2, 990, [7], share_2024=0)
    copied = articles[4]
    copied.title = "Sơn La chủ động phòng, chống sốt xuất huyết trong mùa mưa"
    copied.source = "Nguồn: Sở Y tế tỉnh Sơn La"
    shared = articles[10]
    shared.cats = [7, 8]
    undated = Article(402, "Nét đẹp văn hóa Xòe Thái ở phường Tô Hiệu", None, [9],
                      body_paragraphs(rng, "giữ gìn bản sắc văn hóa dân tộc Thái"))
    articles.append(undated)
    aliases = {a.aid: "/tin-tuc/%s" % slug(a.title) for a in articles[:5] if a.date}
    menu = ('<nav id="main-menu"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu/chuc-nang-nhiem-vu">Chức năng, nhiệm vụ</a></li>'
            '<li><a href="/gioi-thieu/to-chuc-bo-may">Tổ chức bộ máy</a></li>%s<li><a href="/van-ban">Văn bản</a></li>'
            '<li><a href="http://127.0.7.4:8045/thu-tuc">Thủ tục hành chính</a></li><li><a href="/quy-hoach-ke-hoach">Quy hoạch - Kế hoạch</a></li>'
            '<li><a href="/cong-khai-ngan-sach">Công khai ngân sách</a></li><li><a href="/lich-cong-tac">Lịch công tác</a></li>'
            '<li><a href="javascript:void(0)">Chỉ đạo điều hành</a></li><li><a href="/hoi-dap">Hỏi đáp</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>'
            % "".join('<li><a href="/taxonomy/term/%d">%s</a></li>' % (t, escape(n)) for t, n in terms.items()))
    search = ('<form action="/search/node" method="get" id="search-block-form"><input type="search" name="keys" title="Nhập từ khóa">'
              '<input type="submit" value="Tìm kiếm"></form>')
    sidebar = ('<div class="block block-links"><h2>Liên kết</h2><ul><li><a href="https://sonla.gov.vn/">Cổng TTĐT tỉnh Sơn La</a></li>'
               '<li><a href="https://chiengan.sonla.gov.vn/">UBND phường Chiềng An</a></li><li><a href="https://soyte.sonla.gov.vn/">Sở Y tế tỉnh Sơn La</a></li></ul></div>'
               '<div class="block"><a href="https://zalo.me/2148675309112233445">Zalo OA UBND phường Tô Hiệu</a><br>'
               '<a href="https://www.youtube.com/@ubndphuongtohieu">Kênh YouTube UBND phường Tô Hiệu</a></div>'
               '<div class="block"><h2>Thống kê truy cập</h2><p>Online: 14</p><p>Tổng: 356.102</p></div>')
    footer = ('<footer role="contentinfo"><p>ỦY BAN NHÂN DÂN PHƯỜNG TÔ HIỆU</p><p>Địa chỉ: Số 8, đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La. '
              'Điện thoại: 0212.3852.600. Email: ubndptohieu@sonla.gov.vn</p></footer>')
    base_items = {"gioi-thieu.lien-he", "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "tuong-tac.mang-xa-hoi"}

    def layout(title, main, items=(), **kw):
        return Page(doc(title + " | UBND phường Tô Hiệu", '<div id="page"><header><a href="/" rel="home"><img src="/sites/default/files/logo.png" '
                                                         'alt="Trang chủ"></a>%s</header>%s<main role="main">%s</main><aside>%s</aside>%s</div>' % (
                                                             search, menu, main, sidebar, footer)),
                    items=base_items | set(items), **kw)

    def node(a):
        stamp = ""
        if a.date:
            stamp = ('<div class="submitted">Cập nhật lúc <time datetime="%04d-%02d-%02dT%02d:%02d:00+07:00">%02d:%02d, %d/%d/%d</time></div>' % (
                a.date.year, a.date.month, a.date.day, a.time[0], a.time[1], a.time[0], a.time[1], a.date.day, a.date.month, a.date.year))
        tags = " ".join('<a href="/taxonomy/term/%d">%s</a>' % (t, escape(terms[t])) for t in a.cats)
        main = ('<article class="node node--type-article"><h1 class="page-title"><span>%s</span></h1>%s<div class="field--name-body">%s%s</div>'
                '<div class="field--name-field-tags">%s</div></article>' % (escape(a.title), stamp, paragraphs_html(a.paragraphs),
                                                                          "<p><strong>%s</strong></p>" % escape(a.source) if a.source else "", tags))
        items = {"tin-tuc"} | ({"tuyen-truyen-phap-luat"} if 10 in a.cats else set())
        return layout(a.title, main, items=items, article=(a.aid, a.date))

    for a in articles + orphans:
        site.add("/node/%d" % a.aid, node(a))
        if a.aid in aliases:
            site.add(aliases[a.aid], node(a))
    site.orphans |= {normalise(site.url("/node/%d" % a.aid)) for a in orphans}
    english = lambda d: "%s %d, %d" % (MONTHS_EN[d.month - 1], d.day, d.year)
    for t, name in terms.items():
        listed = [a for a in articles if t in a.cats]
        chunks = [listed[i:i + 8] for i in range(0, len(listed), 8)]
        for n, chunk in enumerate(chunks):
            rows = "".join('<div class="views-row"><h3><a href="/node/%d">%s</a></h3>%s<p>%s</p></div>' % (
                a.aid, escape(a.title), '<span class="date">%s</span>' % english(a.date) if a.date else "", escape(a.paragraphs[0][:140]))
                for a in chunk)
            pager = "".join('<li><a href="/taxonomy/term/%d%s">%d</a></li>' % (t, "?page=%d" % k if k else "", k + 1) for k in range(len(chunks)) if k != n)
            items = {"tin-tuc"} | ({"tuyen-truyen-phap-luat"} if t == 10 else set())
            site.add("/taxonomy/term/%d%s" % (t, "?page=%d" % n if n else ""),
                     layout(name, '<h1>%s</h1>%s<nav class="pager"><ul>%s</ul></nav>' % (escape(name), rows, pager), items=items))
    fresh = [a for a in articles if a.date][:6]
    block = "".join('<li><a href="%s">%s</a> <em>%d ngày %d giờ trước</em></li>' % (
        aliases.get(a.aid, "/node/%d" % a.aid), escape(a.title), (TODAY - a.date).days, 3 + a.aid % 5) for a in fresh)
    site.add("/", layout("Trang chủ", '<div class="block"><h2>Tin mới</h2><ul>%s</ul></div>' % block, items={"tin-tuc"},
                         decoys=[("thong-ke", "visitor counter 'Thống kê truy cập'"), ("chi-dao-dieu-hanh", "javascript:void(0)")]))
    docs = make_documents(rng, "UBND", "UBND phường Tô Hiệu", 16)
    site.add("/van-ban", layout("Văn bản", "<h1>Văn bản</h1>" + documents_table(docs, lambda d: "/node/%d" % (600 + d["id"])), items={"van-ban"},
                                docs=[(d["number"], d["date"], d["own"]) for d in docs]))
    for d in docs:
        pdf = "/sites/default/files/van-ban/%d.pdf" % d["id"]
        site.add("/node/%d" % (600 + d["id"]), layout(d["number"], document_detail(d, pdf), items={"van-ban"}, docs=[(d["number"], d["date"], d["own"])]))
        site.add(pdf, Page("", raw=PDF))
    pages = {
        "/gioi-thieu/chuc-nang-nhiem-vu": ("Chức năng, nhiệm vụ", "<p>UBND phường là cơ quan hành chính nhà nước ở địa phương, tổ chức thi hành Hiến pháp, "
                                           "pháp luật; quyết định các vấn đề của phường theo thẩm quyền; thực hiện nhiệm vụ, quyền hạn do cơ quan "
                                           "nhà nước cấp trên phân cấp, ủy quyền theo Luật Tổ chức chính quyền địa phương năm 2025.</p>",
                                           {"gioi-thieu.chuc-nang-nhiem-vu"}, []),
        "/gioi-thieu/to-chuc-bo-may": ("Tổ chức bộ máy", "<ul><li>Văn phòng HĐND và UBND phường</li><li>Phòng Kinh tế, Hạ tầng và Đô thị</li>"
                                       "<li>Phòng Văn hóa - Xã hội</li><li>Trung tâm Phục vụ hành chính công phường</li></ul>", {"gioi-thieu.co-cau-to-chuc"}, []),
        "/quy-hoach-ke-hoach": ("Quy hoạch - Kế hoạch", "<p>Đang cập nhật</p>", set(), [("chien-luoc-quy-hoach", "placeholder")]),
        "/cong-khai-ngan-sach": ("Công khai ngân sách", "<table><tr><th>Nội dung</th><th>Tệp</th></tr><tr><td>Công khai dự toán ngân sách phường năm 2025</td>"
                                 "<td><a href=\"/sites/default/files/du-toan-2025.pdf\">Tải về</a></td></tr></table>", {"tai-chinh.bao-cao"}, []),
        "/lich-cong-tac": ("Lịch công tác", "<table><tr><th>Thời gian</th><th>Nội dung</th><th>Chủ trì</th></tr><tr><td>Thứ Hai, 15/12/2025</td>"
                           "<td>Giao ban UBND phường</td><td>Chủ tịch UBND phường</td></tr><tr><td>Thứ Tư, 17/12/2025</td><td>Tiếp công dân định kỳ</td>"
                           "<td>Phó Chủ tịch UBND phường</td></tr></table>", {"chi-dao-dieu-hanh.lich-cong-tac"}, []),
        "/hoi-dap": ("Hỏi đáp", "<div class=\"qa\"><h3>Hỏi: Thủ tục cấp lại giấy khai sinh bị mất?</h3><p>Ngày hỏi: 12/11/2025. Tình trạng: Đã trả lời.</p>"
                     "<p>Đáp: Công dân nộp tờ khai cấp bản sao trích lục hộ tịch tại Trung tâm Phục vụ hành chính công phường hoặc trực tuyến.</p></div>"
                     "<form action=\"/hoi-dap\" method=\"post\"><input name=\"name\"><textarea name=\"question\"></textarea><input type=\"submit\" value=\"Gửi câu hỏi\"></form>",
                     {"hoi-dap"}, []),
        "/lien-he": ("Liên hệ", "<p>UBND phường Tô Hiệu, số 8 đường Tô Hiệu.</p><h2>Đầu mối cung cấp thông tin</h2><p>Bà Lò Thị Thu Hà, Phó Chánh Văn phòng "
                     "HĐND và UBND phường. Điện thoại: 0915.224.668. Email: lttha.tohieu@sonla.gov.vn</p>", {"gioi-thieu.dau-moi"}, []),
    }
    for path, (title, main, items, decoys) in pages.items():
        site.add(path, layout(title, "<h1>%s</h1>%s" % (escape(title), main), items=items, decoys=decoys))
    site.add("/sites/default/files/du-toan-2025.pdf", Page("", raw=PDF))
    procs = make_procedures(rng, "2.0021", 12, ["level4", "level3", "level4", "info"])
    write_services(site, procs, "short", 12, "UBND phường Tô Hiệu", listing_level=True, button_external=False)
    site.traps += [("slug-only article URLs", "front-page aliases /tin-tuc/<slug>"), ("<time datetime> + 'Cập nhật lúc 08:15, 3/2/2025'", "nodes"),
                   ("English month names", "term lists"), ("'x ngày y giờ trước' only", "front page"), ("one post in two terms (one URL)", "node %d" % shared.aid),
                   ("copied from another agency", "node %d" % copied.aid), ("orphan pages", "2 nodes of 2025"), ("undated article", "node 402"),
                   ("absolute links to other hosts", "sidebar (province, sibling phường, Sở Y tế)")]
    return site


# ------------------------------------------------------------------------------------ 4. hand-made xã

def build_handmade(rng):
    site = Site("handmade-xa-muong-bam", "UBND xã Mường Bám", "commune", "UBND", "handmade", "127.0.6.5", "127.0.7.5",
                "Hand-made (table layout, relative links, UTF-8 in NFD on the intro page and a third of the articles); image-only menu, "
                "some images without alt; dates only inside the text ('Mường Bám, ngày 3 tháng 2 năm 2025') and '3-2-2025' in the list; "
                "zero-width spaces inside title words; functions, units and leaders on a page titled 'Giới thiệu chung'; HTTrack copies "
                "(bai-NN4a2b.html) of 'Tin nổi bật' articles; 'RSS' link to an HTML page; a link rewritten by an archive tool that 404s; "
                "an orphan article of 2025 and an orphan 'Lịch công tác'; 'Hỏi đáp' image to 'Đang cập nhật'; an image without alt to "
                "dichvucong.gov.vn; image links with alt to other agencies; documents linked straight to files, 100/QĐ-UBND of 2024 and of "
                "2025 both the xã's, UBND tỉnh's -UBND numbers beside them; December 2024 plans naming dates of 2025")
    articles = make_articles(rng, "XMB", 30, 1, ["tin"], share_2024=0.3)
    for i, a in enumerate(articles):
        a.aid = i + 1
        if i % 4 == 1:
            words = a.title.split(" ")
            words[1] = words[1][:1] + ZWSP + words[1][1:]
            a.title = " ".join(words)
    orphan = make_articles(rng, "XMB", 1, 99, ["tin"], share_2024=0)[0]
    orphan.aid = 99
    archived = articles[7]
    archive_link = "/web/20230601000000/http://muongbam.sonla.gov.vn/thongbao.html"
    site.dead.add(normalise(site.url(archive_link)))
    html_head = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    menu = ('<table class="menu" cellpadding="0" cellspacing="0"><tr>'
            '<td><a href="index.html"><img src="images/mn_trangchu.gif" alt="Trang chủ"></a></td>'
            '<td><a href="gioithieu.html"><img src="images/mn_gioithieu.gif" alt="Giới thiệu chung"></a></td>'
            '<td><a href="tintuc.html"><img src="images/mn_tintuc.gif" alt="Tin tức"></a></td>'
            '<td><a href="vanban.html"><img src="images/mn_vanban.gif"></a></td>'
            '<td><a href="http://127.0.7.5:8045/thu-tuc"><img src="images/mn_tthc.gif" alt="Thủ tục hành chính"></a></td>'
            '<td><a href="kehoach.html"><img src="images/mn_kehoach.gif"></a></td>'
            '<td><a href="ngansach.html"><img src="images/mn_ngansach.gif" alt="Công khai ngân sách"></a></td>'
            '<td><a href="hoidap.html"><img src="images/mn_hoidap.gif" alt="Hỏi đáp"></a></td>'
            '<td><a href="rss.html">RSS</a></td></tr></table>')
    links = ('<table class="lienket"><tr><td><b>LIÊN KẾT</b></td></tr><tr><td><a href="https://sonla.gov.vn/"><img src="images/lk_tinh.jpg" '
             'alt="Cổng thông tin điện tử tỉnh Sơn La"></a></td></tr><tr><td><a href="https://sotuphap.sonla.gov.vn/"><img src="images/lk_stp.jpg" '
             'alt="Sở Tư pháp tỉnh Sơn La"></a></td></tr><tr><td><a href="https://dichvucong.gov.vn/"><img src="images/dvc.jpg"></a></td></tr></table>')
    footer = ('<table class="footer" width="100%"><tr><td align="center">ỦY BAN NHÂN DÂN XÃ MƯỜNG BÁM<br>Địa chỉ: bản Nà Cài, xã Mường Bám, '
              'tỉnh Sơn La - ĐT: 0212.3710.118 - Email: muongbam@sonla.gov.vn<br>Thiết kế năm 2019</td></tr></table>')
    base_items = {"gioi-thieu.lien-he", "chuc-nang.lien-ket", "dich-vu-cong.lien-ket-quoc-gia"}

    def layout(title, main, prefix="", items=(), **kw):
        fix = lambda html: html.replace('href="', 'href="' + prefix).replace('href="' + prefix + 'http', 'href="http').replace(
            'src="', 'src="' + prefix) if prefix else html
        body = ('<table width="980" align="center" border="0"><tr><td colspan="2"><img src="images/banner.jpg" alt="UBND xã Mường Bám"></td></tr>'
                '<tr><td colspan="2">%s</td></tr><tr><td width="760" valign="top">%s</td><td width="220" valign="top">%s</td></tr>'
                '<tr><td colspan="2">%s</td></tr></table>' % (fix(menu), main, fix(links), footer))
        return Page(doc(title, body, head=html_head), items=base_items | set(items), **kw)

    def dash(d):
        return "%d-%d-%d" % (d.day, d.month, d.year)

    def article_page(a, nfd):
        dateline = "Mường Bám, ngày %d tháng %d năm %d" % (a.date.day, a.date.month, a.date.year)
        paragraphs = ["(%s) - %s" % (dateline, a.paragraphs[0])] + a.paragraphs[1:]
        extra = '<p>Xem thông báo gốc <a href="%s">tại đây</a>.</p>' % archive_link if a is archived else ""
        main = '<h3>%s</h3>%s%s<p align="right"><a href="../tintuc.html">Quay lại</a></p>' % (escape(a.title), paragraphs_html(paragraphs), extra)
        return layout(a.title, main, prefix="../", items={"tin-tuc"}, article=(a.aid, a.date), nfd=nfd)

    for i, a in enumerate(articles + [orphan]):
        page = article_page(a, nfd=i % 3 == 2)
        site.add("/tintuc/bai-%02d.html" % a.aid, page)
        if i < 4:
            copy = article_page(a, nfd=i % 3 == 2)
            site.add("/tintuc/bai-%02d4a2b.html" % a.aid, copy)
    site.orphans.add(normalise(site.url("/tintuc/bai-99.html")))
    chunks = [articles[i:i + 12] for i in range(0, len(articles), 12)]
    for n, chunk in enumerate(chunks, 1):
        rows = "".join('<tr><td width="90">%s</td><td><a href="tintuc/bai-%02d.html">%s</a></td></tr>' % (dash(a.date), a.aid, escape(a.title)) for a in chunk)
        pager = " ".join('<a href="%s">Trang %d</a>' % ("tintuc.html" if k == 1 else "tintuc%d.html" % k, k) for k in range(1, len(chunks) + 1) if k != n)
        site.add("/tintuc.html" if n == 1 else "/tintuc%d.html" % n,
                 layout("Tin tức", '<h3>TIN TỨC - SỰ KIỆN</h3><table border="1" cellspacing="0" width="100%%">%s</table><p>%s</p>' % (rows, pager),
                        items={"tin-tuc"}))
    featured = "".join('<li><a href="tintuc/bai-%02d4a2b.html">%s</a></li>' % (a.aid, escape(a.title)) for a in articles[:4])
    site.add("/", layout("UBND xã Mường Bám", '<h3>TIN NỔI BẬT</h3><ul>%s</ul>' % featured, items={"tin-tuc"}))
    intro = ("<h3>GIỚI THIỆU CHUNG</h3><p>Xã Mường Bám có diện tích tự nhiên 168 km², 21 bản, dân số hơn 14.000 người, chủ yếu là dân tộc Thái, "
             "Kinh, Khơ Mú.</p><p><b>Chức năng, nhiệm vụ:</b> UBND xã tổ chức thi hành pháp luật trên địa bàn, quản lý nhà nước về kinh tế, "
             "văn hóa, xã hội, quốc phòng, an ninh ở địa phương; thực hiện nhiệm vụ do cơ quan nhà nước cấp trên phân cấp, ủy quyền.</p>"
             "<p><b>Lãnh đạo UBND xã:</b> Chủ tịch: ông Lò Văn Pấng; Phó Chủ tịch: ông Quàng Văn Chiến; Phó Chủ tịch: bà Tòng Thị Ơn.</p>"
             "<p><b>Các cơ quan chuyên môn:</b> Văn phòng HĐND và UBND xã; Phòng Kinh tế; Phòng Văn hóa - Xã hội; Trung tâm Phục vụ hành chính công xã.</p>")
    site.add("/gioithieu.html", layout("Giới thiệu chung", intro, items={"gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.co-cau-to-chuc"}, nfd=True))
    docs = make_documents(rng, "UBND", "UBND xã Mường Bám", 14)
    rows = "".join('<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td><a href="files/vb%d.pdf">Tải</a></td></tr>' % (
        escape(d["number"]), vdate(d["date"]), escape(d["kind"]), escape(d["issuer"]), escape(d["subject"]), d["id"]) for d in docs)
    site.add("/vanban.html", layout("Văn bản", '<h3>VĂN BẢN</h3><table border="1" cellspacing="0"><tr><th>Số hiệu</th><th>Ngày ban hành</th>'
                                                '<th>Loại</th><th>Cơ quan ban hành</th><th>Trích yếu</th><th>Tệp</th></tr>%s</table>' % rows,
                                      items={"van-ban"}, docs=[(d["number"], d["date"], d["own"]) for d in docs]))
    for d in docs:
        site.add("/files/vb%d.pdf" % d["id"], Page("", raw=PDF))
    site.add("/kehoach.html", layout("Kế hoạch", "<h3>KẾ HOẠCH - CHƯƠNG TRÌNH</h3><ul><li>Kế hoạch phát triển kinh tế - xã hội năm 2025</li>"
                                                 "<li>Chương trình công tác năm 2025 của UBND xã</li><li>Kế hoạch xây dựng nông thôn mới giai đoạn 2025 - 2030</li></ul>",
                                     items={"chien-luoc-quy-hoach"}))
    site.add("/ngansach.html", layout("Công khai ngân sách", '<h3>CÔNG KHAI NGÂN SÁCH</h3><table border="1"><tr><td>Công khai dự toán ngân sách xã năm 2025</td>'
                                                             '<td><a href="files/du-toan-2025.pdf">Tải</a></td></tr></table>', items={"tai-chinh.bao-cao"}))
    site.add("/files/du-toan-2025.pdf", Page("", raw=PDF))
    site.add("/hoidap.html", layout("Hỏi đáp", "<h3>HỎI ĐÁP</h3><p>Đang cập nhật</p>", decoys=[("hoi-dap", "placeholder")]))
    site.add("/rss.html", layout("RSS", '<h3>RSS</h3><p>Tin tức: <a href="tintuc.html">tintuc.html</a></p>'))
    site.add("/lichcongtac.html", layout("Lịch công tác", "<h3>LỊCH CÔNG TÁC TUẦN</h3><table><tr><td>Thứ Hai</td><td>Giao ban</td></tr></table>",
                                         items={"chi-dao-dieu-hanh.lich-cong-tac"}, decoys=[("chi-dao-dieu-hanh.lich-cong-tac", "orphan page")]))
    site.orphans.add(normalise(site.url("/lichcongtac.html")))
    procs = make_procedures(rng, "2.0019", 10, ["level3", "level3", "level4", "info"])
    write_services(site, procs, "plain", 10, "UBND xã Mường Bám", listing_level=False, button_external=False)
    site.traps += [("image-only links (alt only / no alt)", "menu, Liên kết, DVC banner"), ("NFD diacritics", "Giới thiệu chung, every third article"),
                   ("zero-width spaces inside words", "every fourth title"), ("leaders on a page named otherwise", "Giới thiệu chung"),
                   ("HTTrack copies", "Tin nổi bật -> bai-NN4a2b.html"), ("'RSS' link to an HTML page", "menu"),
                   ("archive-rewritten link that 404s", "article %d" % archived.aid), ("orphan pages", "bai-99.html, lichcongtac.html"),
                   ("dates only inside the text, '3-2-2025' in lists", "articles, list")]
    return site


# ---------------------------------------------------------------------- crawl the written files, derive

class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href is not None:
                self.hrefs.append(href.strip())


def reachable(site):
    """Breadth-first over <a href> from the portal's home and the services seed, answered as the static server would."""
    by_file = {}
    for key, page in site.pages.items():
        by_file[(urlsplit(key).netloc, file_of(key))] = (key, page)
    hosts = {"%s:%d" % (site.host, PORT), "%s:%d" % (site.svc_host, PORT)}
    queue = [normalise(site.url("/")), normalise(site.url("/", services=True))]
    seen, order, dead_hit = set(queue), [], set()
    while queue:
        key = queue.pop(0)
        parts = urlsplit(key)
        found = by_file.get((parts.netloc, file_of(key)))
        if found is None and parts.query:
            found = by_file.get((parts.netloc, file_of(key.split("?")[0])))
        if found is None:
            if key not in site.dead:
                raise SystemExit("%s: dead link %s" % (site.id, key))
            dead_hit.add(key)
            continue
        canonical, page = found
        order.append((key, canonical, page))
        if page.raw is not None:
            continue
        parser = Links()
        parser.feed(page.html)
        for href in parser.hrefs:
            if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
                continue
            target = urljoin(key, href)
            if urlsplit(target).scheme not in ("http", "https") or urlsplit(target).netloc not in hosts:
                continue
            target = normalise(target.split("#")[0])
            if target not in seen:
                seen.add(target)
                queue.append(target)
    if dead_hit != site.dead:
        raise SystemExit("%s: archive links not reached: %s" % (site.id, sorted(site.dead - dead_hit)))
    reached = {canonical for _, canonical, _ in order}
    if reached & site.orphans:
        raise SystemExit("%s: orphan pages are linked: %s" % (site.id, sorted(reached & site.orphans)))
    return order


def derive(site):
    order = reachable(site)
    articles, docs, procs, present = {}, {}, {}, {}
    for key, _, page in order:
        if page.article:
            articles.setdefault(page.article[0], page.article[1])
        for number, date, own in page.docs:
            docs.setdefault((number, date), own)
        for code, level in page.procs:
            if procs.setdefault(code, level) != level:
                raise SystemExit("%s: procedure %s has two levels" % (site.id, code))
        for item in page.items:
            present.setdefault(item, key)
    reached = {canonical for _, canonical, _ in order}
    decoys = []
    for key, page in site.pages.items():
        for item, kind in page.decoys:
            if key not in reached and key not in site.orphans:
                raise SystemExit("%s: decoy %s at %s is not reachable" % (site.id, item, key))
            if item in present:
                raise SystemExit("%s: decoy %s at %s but the item is present at %s" % (site.id, item, key, present[item]))
            decoys.append((item, kind, key))
    news = [d for d in articles.values() if d and d.year == YEAR]
    facts = {
        "sections": {item: ("present" if item in present else "absent") for item in ITEMS},
        "evidence": {item: present.get(item) or "; ".join("%s %s" % (k, u) for i, k, u in decoys if i == item) or "nowhere" for item in ITEMS},
        "news": {"count": len(news), "undated": sum(1 for d in articles.values() if d is None), "partial": False,
                 "articles": len(articles), "dated": sum(1 for d in articles.values() if d)},
        "documents": {"count": sum(1 for (_, d) in docs if d.year == YEAR), "own": sum(1 for (_, d), own in docs.items() if d.year == YEAR and own)},
        "services": {"level3": sum(1 for v in procs.values() if v == "level3"), "level4": sum(1 for v in procs.values() if v == "level4"),
                     "total": len(procs)},
        "decoys": decoys, "files": len(site.pages), "reached": len(reached),
    }
    return facts


def expected_yaml(site, f):
    lines = ["id: %s" % site.id, "platform: %s" % site.platform, "year: %d" % YEAR, "tier: %s" % site.tier, "code: %s" % site.code,
             "rules: nd-42-2022", "status: ok", "sections:"]
    lines += ["  %s: %s" % (item, f["sections"][item]) for item in ITEMS]
    n, d, s = f["news"], f["documents"], f["services"]
    lines.append("news: {count: %d, undated: %d, partial: false, articles: %d, dated: %d}" % (n["count"], n["undated"], n["articles"], n["dated"]))
    lines.append("documents: {count: %d, own: %d}" % (d["count"], d["own"]))
    lines.append("services: {level3: %d, level4: %d, total: %d}" % (s["level3"], s["level4"], s["total"]))
    lines.append('notes: "%s"' % site.notes.replace('"', "'"))
    lines.append("evidence:")
    lines += ['  %s: "%s"' % (item, f["evidence"][item].replace('"', "'")) for item in ITEMS]
    return "\n".join(lines) + "\n"


def summary_md(sites, facts):
    lines = ["# Held-out corpus 2027: figures derived by tools/holdout2027/generate.py (do not edit)", "",
             "| id | tier | files / reachable | news 2025 (undated) | documents 2025 / own | services một phần/toàn trình/total | absent items |",
             "|---|---|---|---|---|---|---|"]
    for site in sites:
        f = facts[site.id]
        lines.append("| `%s` | %s | %d / %d | %d (+%d) | %d / %d | %d/%d/%d | %s |" % (
            site.id, site.tier, f["files"], f["reached"], f["news"]["count"], f["news"]["undated"], f["documents"]["count"],
            f["documents"]["own"], f["services"]["level3"], f["services"]["level4"], f["services"]["total"],
            ", ".join(i for i in ITEMS if f["sections"][i] == "absent")))
    lines += ["", "Decoys (an item the site shows only as a decoy, expected absent):", ""]
    for site in sites:
        lines += ["- `%s` %s: %s at %s" % (site.id, item, kind, url) for item, kind, url in facts[site.id]["decoys"]]
    lines += ["", "Traps and where:", ""]
    for site in sites:
        lines += ["- `%s` %s: %s" % (site.id, trap, where) for trap, where in site.traps]
    return "\n".join(lines) + "\n"


def targets_yaml(sites):
    lines = ["# Targets of the held-out corpus 2027 (Nghị định 42/2022 items, audit year 2025): serve with",
             "#   portal-audit serve fixtures/holdout-2027 --targets fixtures/holdout-2027/targets.yaml",
             "# Portals on 127.0.6.N:%d, procedures on 127.0.7.N:%d. Generated by tools/holdout2027/generate.py." % (PORT, PORT), "targets:"]
    for s in sites:
        lines += ["  - id: %s" % s.id, "    name: %s" % s.name, "    tier: %s" % s.tier, "    code: %s" % s.code,
                  "    portal: http://%s:%d/" % (s.host, PORT), "    services: [http://%s:%d/]" % (s.svc_host, PORT)]
    return "\n".join(lines) + "\n"


def build():
    rng = random.Random(SEED)
    sites = [build_joomla(rng), build_sharepoint(rng), build_drupal(rng), build_handmade(rng)]
    files, facts = {}, {}
    for site in sites:
        facts[site.id] = derive(site)
        for key, page in site.pages.items():
            folder = "services" if urlsplit(key).hostname == site.svc_host else "site"
            files["%s/%s/%s" % (site.id, folder, file_of(key))] = page.body()
        files["%s/expected.yaml" % site.id] = expected_yaml(site, facts[site.id]).encode("utf-8")
    files["SUMMARY.md"] = summary_md(sites, facts).encode("utf-8")
    files["targets.yaml"] = targets_yaml(sites).encode("utf-8")
    return sites, files


def on_disk(out, sites):
    found = {}
    for site in sites:
        for root, _, names in os.walk(os.path.join(out, site.id)):
            for name in names:
                path = os.path.join(root, name)
                with open(path, "rb") as fh:
                    found[os.path.relpath(path, out)] = fh.read()
    for name in ("SUMMARY.md", "targets.yaml"):
        path = os.path.join(out, name)
        if os.path.exists(path):
            with open(path, "rb") as fh:
                found[name] = fh.read()
    return found


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(os.path.dirname(os.path.dirname(here)), "fixtures", "holdout-2027")
    check = "--check" in argv
    if "--out" in argv:
        out = argv[argv.index("--out") + 1]
    sites, files = build()
    if check:
        found = on_disk(out, sites)
        differ = sorted(k for k in set(files) | set(found) if files.get(k) != found.get(k))
        for name in differ[:20]:
            print("differs: %s" % name, file=sys.stderr)
        return 1 if differ else 0
    for site in sites:
        folder = os.path.join(out, site.id)
        if os.path.isdir(folder):
            for root, dirs, names in os.walk(folder, topdown=False):
                for name in names:
                    os.remove(os.path.join(root, name))
                for name in dirs:
                    os.rmdir(os.path.join(root, name))
    for rel, data in sorted(files.items()):
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
    print("wrote %d files under %s" % (len(files), out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
