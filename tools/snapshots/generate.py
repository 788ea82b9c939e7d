#!/usr/bin/env python3
"""Generate the recorded agency portals under snapshots/ (deterministic, stdlib only).

Usage: python3 tools/snapshots/generate.py [--out DIR]

Each agency of agencies.py becomes snapshots/<id>/site/ (and services/ when its
procedures live on a separate host), plus expected.yaml. The expected figures
are not written by hand: every page carries ground-truth facts (article, legal
document, procedure, Decree 43 item), and a crawl of the generated files from
the home page, resolving URLs exactly as Sources/SiteServer/StaticSite.swift
does, decides what is reachable and therefore what the audit must measure.
"""
import datetime as dt
import html
import os
import random
import re
import shutil
import sys
import unicodedata
from urllib.parse import urljoin, urlsplit, unquote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import agencies as A  # noqa: E402
import content as C  # noqa: E402
from site_model import Site, agency_code, crawl_site, measure  # noqa: E402
from skins import make_skin  # noqa: E402

SEED = 20201231
YEAR = 2020
PORT = 8043
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

ITEMS = ["gioi-thieu.co-cau-to-chuc", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.lich-su",
         "gioi-thieu.lanh-dao", "gioi-thieu.lien-he", "gioi-thieu.dia-phuong", "tin-tuc",
         "chi-dao-dieu-hanh", "chi-dao-dieu-hanh.khen-thuong-xu-phat", "chi-dao-dieu-hanh.lich-cong-tac",
         "tuyen-truyen-phap-luat", "chien-luoc-quy-hoach", "van-ban", "du-an-dau-thau", "thu-tuc-hanh-chinh",
         "danh-ba", "gop-y", "hoi-dap", "khoa-hoc", "thong-ke", "tieng-nuoc-ngoai",
         "chuc-nang.tim-kiem", "chuc-nang.so-do-cong", "chuc-nang.lien-ket", "chuc-nang.rss"]


def applicable_items(tier):
    skip = "gioi-thieu.dia-phuong" if tier == "province" else "gioi-thieu.lich-su"
    return [i for i in ITEMS if i != skip]


# Labels as real menus phrase them, with their case, accent and wording quirks.
LABELS = {
    "gioi-thieu.co-cau-to-chuc": ["Cơ cấu tổ chức", "Tổ chức bộ máy", "Sơ đồ tổ chức", "CƠ CẤU TỔ CHỨC"],
    "gioi-thieu.chuc-nang-nhiem-vu": ["Chức năng nhiệm vụ", "Chức năng, nhiệm vụ, quyền hạn", "Chuc nang nhiem vu"],
    "gioi-thieu.lich-su": ["Lịch sử hình thành", "Quá trình hình thành và phát triển", "Lịch sử phát triển"],
    "gioi-thieu.lanh-dao": ["Lãnh đạo {short}", "Ban lãnh đạo", "Lãnh đạo đơn vị"],
    "gioi-thieu.lien-he": ["Liên hệ", "Thông tin liên hệ", "LIÊN HỆ"],
    "gioi-thieu.dia-phuong": ["Điều kiện tự nhiên", "Giới thiệu chung về huyện", "Tổng quan địa phương"],
    "chi-dao-dieu-hanh": ["Chỉ đạo điều hành", "Ý kiến chỉ đạo, điều hành", "Chi dao dieu hanh"],
    "chi-dao-dieu-hanh.khen-thuong-xu-phat": ["Khen thưởng, xử phạt", "Thông tin khen thưởng - xử phạt", "Khen thưởng - Kỷ luật"],
    "chi-dao-dieu-hanh.lich-cong-tac": ["Lịch công tác", "Lịch làm việc", "Lịch công tác lãnh đạo", "LỊCH CÔNG TÁC TUẦN"],
    "tuyen-truyen-phap-luat": ["Tuyên truyền pháp luật", "Phổ biến, giáo dục pháp luật", "Thông tin tuyên truyền"],
    "chien-luoc-quy-hoach": ["Chiến lược, định hướng, quy hoạch, kế hoạch phát triển", "Quy hoạch - Kế hoạch",
                             "CHiến lược - Quy hoạch", "Quy hoạch, kế hoạch"],
    "van-ban": ["Văn bản", "Văn bản pháp quy", "Hệ thống văn bản", "Văn bản chỉ đạo điều hành", "VĂN BẢN"],
    "du-an-dau-thau": ["Thông tin về dự án, hạng mục đầu tư, đấu thầu, mua sắm công", "Dự án - Đấu thầu",
                       "Đấu thầu, mua sắm công"],
    "thu-tuc-hanh-chinh": ["Thủ tục hành chính", "Bộ Thủ tục hành chính", "Dịch vụ công", "TTHC - Dịch vụ công"],
    "danh-ba": ["Danh bạ điện thoại, email", "Danh bạ thư điện tử", "Danh bạ"],
    "gop-y": ["Góp ý dự thảo", "Lấy ý kiến dự thảo văn bản", "Góp ý cá nhân, tổ chức", "Gop y du thao"],
    "hoi-dap": ["Hỏi đáp", "Hỏi - Đáp", "Hỏi đáp trực tuyến", "HỎI ĐÁP"],
    "khoa-hoc": ["Chương trình, đề tài khoa học", "Đề tài khoa học", "Khoa học - Công nghệ"],
    "thong-ke": ["Thông tin thống kê", "Số liệu thống kê", "Báo cáo thống kê"],
    "chuc-nang.so-do-cong": ["Sơ đồ cổng", "Sơ đồ trang", "Sơ đồ website", "Site map"],
    "chuc-nang.lien-ket": ["Liên kết website", "Liên kết", "LIÊN KẾT WEBSITE"],
}
# URL slugs, including the real quirk of dropping "đ" entirely.
SLUGS = {
    "gioi-thieu.co-cau-to-chuc": ["co-cau-to-chuc", "to-chuc-bo-may", "so-do-to-chuc"],
    "gioi-thieu.chuc-nang-nhiem-vu": ["chuc-nang-nhiem-vu", "chuc-nang-nhiem-vu-quyen-han"],
    "gioi-thieu.lich-su": ["lich-su-hinh-thanh", "qua-trinh-hinh-thanh"],
    "gioi-thieu.lanh-dao": ["lanh-ao-so", "lanh-dao", "ban-lanh-dao"],
    "gioi-thieu.lien-he": ["lien-he", "thong-tin-lien-he"],
    "gioi-thieu.dia-phuong": ["dieu-kien-tu-nhien", "gioi-thieu-chung", "tong-quan"],
    "chi-dao-dieu-hanh": ["chi-dao-dieu-hanh", "chi-ao-ieu-hanh", "y-kien-chi-dao"],
    "chi-dao-dieu-hanh.khen-thuong-xu-phat": ["khen-thuong-xu-phat", "thong-tin-khen-thuong"],
    "chi-dao-dieu-hanh.lich-cong-tac": ["lich-cong-tac", "lich-lam-viec"],
    "tuyen-truyen-phap-luat": ["tuyen-truyen-pho-bien-phap-luat", "pho-bien-giao-duc-phap-luat", "tuyen-truyen"],
    "chien-luoc-quy-hoach": ["quy-hoach-ke-hoach", "chien-luoc-dinh-huong", "quy-hoach"],
    "van-ban": ["van-ban", "van-ban-phap-quy", "he-thong-van-ban"],
    "du-an-dau-thau": ["du-an-dau-thau", "dau-thau-mua-sam-cong", "du-an-au-thau"],
    "thu-tuc-hanh-chinh": ["thu-tuc-hanh-chinh", "dich-vu-cong", "tthc"],
    "danh-ba": ["danh-ba", "danh-ba-email", "danh-ba-dien-thoai"],
    "gop-y": ["gop-y-du-thao", "lay-y-kien-du-thao", "gop-y"],
    "hoi-dap": ["hoi-dap", "hoi-ap", "hoi-dap-truc-tuyen"],
    "khoa-hoc": ["de-tai-khoa-hoc", "khoa-hoc-cong-nghe"],
    "thong-ke": ["thong-ke", "so-lieu-thong-ke"],
    "chuc-nang.so-do-cong": ["so-do-cong", "so-do-trang", "sitemap"],
}
NEWS_CATEGORIES_PROVINCE = [("tin-hoat-dong", "Tin hoạt động"), ("tin-tuc-su-kien", "Tin tức - Sự kiện"),
                            ("thong-bao", "Thông báo"), ("tin-trong-tinh", "Tin trong tỉnh"),
                            ("tin-chuyen-nganh", "Tin chuyên ngành")]
NEWS_CATEGORIES_DISTRICT = [("tin-tuc-su-kien", "Tin tức - Sự kiện"), ("kinh-te-xa-hoi", "Kinh tế - Xã hội"),
                            ("van-hoa-xa-hoi", "Văn hóa - Xã hội"), ("thong-bao", "Thông báo"),
                            ("quoc-phong-an-ninh", "Quốc phòng - An ninh")]


def slugify(text, drop_d=False):
    text = text.replace("đ", "" if drop_d else "d").replace("Đ", "" if drop_d else "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class Agency:
    """One agency: identity, options and the generated content model."""

    def __init__(self, index, ident, name, tier):
        self.id, self.name, self.tier = ident, name, tier
        self.n = 2 + index
        self.host = f"127.0.0.{self.n}"
        self.services_host = f"127.0.1.{self.n}"
        self.opt = dict(A.OPTIONS[ident])
        self.platform = self.opt["platform"]
        self.status = self.opt.get("status", "ok")
        self.rng = random.Random(f"{SEED}:{ident}")
        self.short = self._short_name()
        self.code = A.CODES.get(ident, "UBND")

    def _short_name(self):
        if self.tier == "district":
            return "huyện" if "huyện" in self.name else "thành phố"
        if self.name.startswith("Sở"):
            return "Sở"
        if self.name.startswith("Ban"):
            return "Ban"
        return "Văn phòng" if self.id == "van-phong-ubnd-tinh" else "Thanh tra"

    @property
    def locality(self):
        return self.name.replace("UBND ", "")

    @property
    def expected_platform(self):
        return {"slugid": "slug-id", "dnn": "dotnetnuke", "other-pages": "other",
                "other-article": "other"}.get(self.platform, self.platform)

    def option(self, key, default=None):
        return self.opt.get(key, default)

    def placement(self, item):
        """menu | block | footer | sitemap | absent — where the only link to the item sits."""
        if item in self.opt.get("absent", []):
            return "absent"
        return self.opt.get("place", {}).get(item) or DEFAULT_PLACE.get(item, "menu")


DEFAULT_PLACE = {"chi-dao-dieu-hanh.lich-cong-tac": "block", "chien-luoc-quy-hoach": "block",
                 "du-an-dau-thau": "block", "danh-ba": "menu", "chuc-nang.lien-ket": "block"}


# ----------------------------------------------------------------------------
# Content model


class Article:
    def __init__(self, key, title, date, summary, paragraphs, views):
        self.key, self.title, self.date = key, title, date
        self.summary, self.paragraphs, self.views = summary, paragraphs, views
        self.slug = slugify(title)
        self.urls = {}  # category slug -> URL


class Category:
    def __init__(self, slug, label):
        self.slug, self.label = slug, label
        self.articles = []
        self.pages = []  # URLs of list pages


class Doc:
    def __init__(self, key, number, kind, date, summary, issuer, signer):
        self.key, self.number, self.kind, self.date = key, number, kind, date
        self.summary, self.issuer, self.signer = summary, issuer, signer


class Service:
    def __init__(self, name, field, level):
        self.name, self.field, self.level = name, field, level


def person(rng):
    return f"{rng.choice(C.FAMILY)} {rng.choice(C.MIDDLE)} {rng.choice(C.GIVEN)}"


def random_date(rng, year):
    start = dt.datetime(year, 1, 2, 7, 0)
    return start + dt.timedelta(days=rng.randrange(0, 360), minutes=rng.randrange(0, 11 * 60))


def build_news(ag):
    rng = ag.rng
    pool = NEWS_CATEGORIES_DISTRICT if ag.tier == "district" else NEWS_CATEGORIES_PROVINCE
    small = ag.option("small")
    ncat = 2 if small else rng.choice([2, 3, 3])
    cats = [Category(s, l) for s, l in rng.sample(pool, ncat)]
    topics = C.TOPICS.get(ag.id, C.DISTRICT_TOPICS)
    forms = C.DISTRICT_TITLE_FORMS if ag.tier == "district" else C.TITLE_FORMS
    base_id = {"liferay": 2_100_000, "slugid": 480_000, "sharepoint": 800, "dnn": 3_400,
               "nukeviet": 1_200, "other-pages": 61_000, "other-article": 9_000}[ag.platform]
    next_id = base_id + rng.randrange(100, 900)
    seen_titles = set()
    articles = []
    undated_left = ag.option("undated", 0)
    for cat in cats:
        count = rng.randrange(6, 10) if small else rng.randrange(9, 19)
        for _ in range(count):
            year = rng.choices([2019, 2020, 2021], weights=[2, 6, 1.5])[0]
            date = random_date(rng, year)
            while True:
                form, topic = rng.choice(forms), rng.choice(topics)
                title = form.format(t=topic, d=rng.choice(C.DISTRICTS), c=rng.choice(C.COMMUNES),
                                    period=rng.choice(["6 tháng đầu năm", "quý I", "năm " + str(year)]),
                                    m=date.month, y=year, A=ag.short, b=rng.choice(C.BANS),
                                    H=ag.locality[0].upper() + ag.locality[1:],
                                    hs="thành phố" if "thành phố" in ag.locality else "huyện")
                title = title[0].upper() + title[1:]
                if title not in seen_titles:
                    seen_titles.add(title)
                    break
            if undated_left and rng.random() < 0.25:
                date, undated_left = None, undated_left - 1
            leader = person(rng)
            fill = dict(agency=ag.name, t=topic, p=leader, c=rng.choice(C.COMMUNES), d=rng.choice(C.DISTRICTS))
            if date:
                when = ("Sáng" if date.hour < 12 else "Chiều") + f" ngày {date.day}/{date.month}, "
                opening = rng.choice(C.OPENINGS).format(when=when, **fill)
            else:
                opening = rng.choice(C.UNDATED_OPENINGS).format(**fill)
            paragraphs = [opening] + [s.format(p=leader, n=rng.randrange(120, 900), k=rng.randrange(5, 15), m=rng.randrange(15, 25))
                                      for s in rng.sample(C.SENTENCES, rng.randrange(3, 6))]
            art = Article(next_id, title, date, opening, paragraphs, rng.randrange(40, 4000))
            next_id += rng.randrange(1, 40)
            cat.articles.append(art)
            articles.append(art)
    if undated_left:  # make sure the configured number of undated items exists
        for art in rng.sample([a for a in articles if a.date], undated_left):
            art.date = None
            art.summary = art.paragraphs[0] = f"Trong thời gian qua, {ag.name} tích cực triển khai các nhiệm vụ chuyên môn."
    far = dt.datetime(1900, 1, 1)
    for cat in cats:
        cat.articles.sort(key=lambda a: a.date or far, reverse=True)
        if ag.option("unsorted"):
            # Real lists drift: a few items are pinned or re-ordered by hand.
            for _ in range(4):
                i, j = rng.randrange(len(cat.articles)), rng.randrange(len(cat.articles))
                cat.articles[i], cat.articles[j] = cat.articles[j], cat.articles[i]
    if ag.option("two_cats"):
        # Three articles of the first category are listed again under the second.
        shared = [a for a in cats[0].articles[:6] if a.date and a.date.year == YEAR][:3]
        for art in shared:
            cats[1].articles.append(art)
        cats[1].articles.sort(key=lambda a: a.date or far, reverse=True)
    return cats


def build_docs(ag):
    rng = ag.rng
    if ag.option("docs") == "ticker":
        count = 6
    else:
        count = rng.randrange(8, 13) if ag.option("small") else rng.randrange(14, 32)
    docs, numbers = [], set()
    for i in range(count):
        year = rng.choices([2019, 2020, 2021], weights=[2, 6, 1])[0]
        date = random_date(rng, year)
        abbr, kind = rng.choice(C.DOC_TYPES)
        while True:
            num = rng.randrange(2, 3200)
            if ag.tier == "district":
                issuer_code, issuer = "UBND", ag.name
            elif rng.random() < 0.3:
                issuer_code, issuer = "UBND", "UBND tỉnh Sơn La"
            else:
                issuer_code, issuer = ag.code, ag.name
            if abbr == "QĐ" and rng.random() < 0.25:
                number = f"{num % 60 + 1}/{year}/QĐ-UBND"
                issuer = "UBND tỉnh Sơn La" if ag.tier == "province" else ag.name
            elif abbr in ("QĐ", "KH", "TB", "HD", "BC", "CT", "TTr"):
                number = f"{num}/{abbr}-{issuer_code}"
            if number not in numbers:
                numbers.add(number)
                break
        summary = f"{kind} {rng.choice(C.DOC_SUBJECTS)}"
        docs.append(Doc(7000 + i * 7 + rng.randrange(7), number, kind, date, summary, issuer, person(rng)))
    docs.sort(key=lambda d: d.date, reverse=True)
    return docs


def build_services(ag):
    rng = ag.rng
    objects = C.PROCEDURES.get(ag.id, C.DISTRICT_PROCEDURES)
    names = [f"{v} {o}" for o in objects for v in C.PROCEDURE_VERBS]
    rng.shuffle(names)
    limit = 8 if ag.option("small") else rng.randrange(12, 36)
    out = []
    for name in names[:limit]:
        level = rng.choices([2, 3, 4], weights=[5, 3, 2])[0]
        if ag.option("wording") == "button" and level == 4:
            level = 3  # without any wording a level-4 service can only be seen as level 3
        field = rng.choice(["Lĩnh vực chung", "Hành chính tư pháp", "Đầu tư", "Cấp phép", "Quản lý chuyên ngành"])
        out.append(Service(name[0].upper() + name[1:], field, level))
    return out


# ----------------------------------------------------------------------------
# Item pages: the content that confirms each Decree 43 item


def leaders(ag):
    rng = random.Random(f"{SEED}:leaders:{ag.id}")
    title = {"Sở": "Giám đốc Sở", "Ban": "Trưởng ban", "Văn phòng": "Chánh Văn phòng",
             "Thanh tra": "Chánh Thanh tra"}.get(ag.short, "Chủ tịch UBND")
    deputy = {"Sở": "Phó Giám đốc Sở", "Ban": "Phó Trưởng ban", "Văn phòng": "Phó Chánh Văn phòng",
              "Thanh tra": "Phó Chánh Thanh tra"}.get(ag.short, "Phó Chủ tịch UBND")
    return [(person(rng), title)] + [(person(rng), deputy) for _ in range(rng.randrange(2, 4))]


def contact(ag):
    rng = random.Random(f"{SEED}:contact:{ag.id}")
    street = rng.choice(["đường Tô Hiệu", "đường Chu Văn Thịnh", "đường 3/2", "đường Lò Văn Giá", "Khu Quảng trường Tây Bắc"])
    town = "thành phố Sơn La" if ag.tier == "province" or ag.id == "thanh-pho-son-la" else \
        "thị trấn " + ag.locality.split(" ", 1)[-1].replace("huyện ", "")
    address = f"Số {rng.randrange(2, 120)}, {street}, {town}, tỉnh Sơn La"
    phone = f"(0212) 3852 {rng.randrange(100, 999)}"
    fax = f"(0212) 3852 {rng.randrange(100, 999)}"
    if ag.tier == "district":
        mailbox = "ubnd" + slugify(ag.locality.replace("huyện ", "")).replace("-", "")
    else:
        mailbox = slugify(ag.code).replace("-", "")
    email = f"{mailbox}@sonla.gov.vn"
    return address, phone, fax, email


def departments(ag):
    return C.DISTRICT_DEPARTMENTS if ag.tier == "district" else C.DEPARTMENTS


def item_page_content(ag, item):
    """Title and HTML body of the page that carries a Decree 43 item."""
    rng = random.Random(f"{SEED}:{ag.id}:{item}")
    name = ag.name
    p = lambda s: f"<p>{s}</p>"  # noqa: E731
    if item == "gioi-thieu.co-cau-to-chuc":
        rows = "".join(f"<li><strong>{d}</strong> – Trưởng phòng: {person(rng)}</li>" for d in departments(ag))
        return "Cơ cấu tổ chức", (p(f"Cơ cấu tổ chức của {name} gồm lãnh đạo và các phòng, đơn vị sau:") +
                                  f"<ul class=\"org-list\">{rows}</ul>" +
                                  "<p><img src=\"/images/so-do-to-chuc.png\" alt=\"Sơ đồ tổ chức\" width=\"600\"/></p>")
    if item == "gioi-thieu.chuc-nang-nhiem-vu":
        return "Chức năng, nhiệm vụ, quyền hạn", (
            "<h3>1. Vị trí và chức năng</h3>" +
            p(f"{name} là cơ quan chuyên môn thuộc UBND, có chức năng tham mưu, giúp UBND thực hiện chức năng "
              "quản lý nhà nước về lĩnh vực được giao; chịu sự chỉ đạo, quản lý về tổ chức, biên chế và công tác.") +
            "<h3>2. Nhiệm vụ và quyền hạn</h3><ol>" +
            "".join(f"<li>{s}</li>" for s in [
                "Trình UBND dự thảo quyết định, chỉ thị; kế hoạch dài hạn, 05 năm và hằng năm.",
                "Tổ chức thực hiện các văn bản quy phạm pháp luật sau khi được ban hành.",
                "Hướng dẫn, kiểm tra việc thực hiện nhiệm vụ chuyên môn đối với cấp dưới.",
                "Thực hiện công tác thông tin, báo cáo định kỳ và đột xuất."]) + "</ol>")
    if item == "gioi-thieu.lich-su":
        year = rng.choice([1955, 1976, 1992, 2004, 2008])
        return "Lịch sử hình thành và phát triển", (
            p(f"{name} được thành lập năm {year} trên cơ sở hợp nhất các phòng, ban chuyên môn của tỉnh.") +
            p("Qua các thời kỳ, cơ quan đã nhiều lần kiện toàn tổ chức, từng bước trưởng thành và lớn mạnh.") +
            p("Trải qua quá trình hình thành và phát triển, đơn vị đã được Đảng, Nhà nước tặng nhiều phần thưởng cao quý."))
    if item == "gioi-thieu.lanh-dao":
        rows = "".join(
            f"<tr><td><img src=\"/images/lanh-dao-{i + 1}.jpg\" alt=\"{n}\" width=\"90\"/></td>"
            f"<td><strong>{n}</strong><br/>{t}<br/>Năm sinh: {rng.randrange(1965, 1982)}<br/>"
            f"Trình độ: Thạc sĩ<br/>Điện thoại: (0212) 3856 {rng.randrange(100, 999)}<br/>"
            f"Nhiệm vụ: {'phụ trách chung' if i == 0 else 'phụ trách lĩnh vực được phân công'}</td></tr>"
            for i, (n, t) in enumerate(leaders(ag)))
        return "Lãnh đạo", f"<table class=\"leaders\">{rows}</table>"
    if item == "gioi-thieu.lien-he":
        address, phone, fax, email = contact(ag)
        return "Liên hệ", (f"<h3>{name.upper()}</h3><p>Địa chỉ: {address}</p><p>Điện thoại: {phone} – Fax: {fax}</p>"
                           f"<p>Email: <a href=\"mailto:{email}\">{email}</a></p>")
    if item == "gioi-thieu.dia-phuong":
        return "Điều kiện tự nhiên", (
            p(f"{ag.locality[0].upper() + ag.locality[1:]} nằm ở phía {rng.choice(['Đông', 'Tây', 'Nam', 'Bắc'])} tỉnh Sơn La, "
              f"diện tích tự nhiên {rng.randrange(300, 2000)} km², gồm {rng.randrange(8, 20)} xã, thị trấn.") +
            p("Địa hình chủ yếu là đồi núi, khí hậu nhiệt đới gió mùa, có mùa đông lạnh khô.") +
            p("Trên địa bàn có nhiều di tích lịch sử, danh thắng và lễ hội truyền thống của đồng bào Thái, Mông, Mường.") +
            "<p><img src=\"/images/ban-do-hanh-chinh.jpg\" alt=\"Bản đồ hành chính\" width=\"600\"/></p>")
    if item == "chi-dao-dieu-hanh":
        lines = "".join(f"<li>Ý kiến chỉ đạo của {t.lower()} {n} về {rng.choice(C.DOC_SUBJECTS[1:6]).replace('về ', '')}"
                        "</li>" for n, t in leaders(ag))
        return "Chỉ đạo điều hành", p("Ý kiến chỉ đạo, điều hành của thủ trưởng đơn vị:") + f"<ul>{lines}</ul>"
    if item == "chi-dao-dieu-hanh.khen-thuong-xu-phat":
        return "Khen thưởng, xử phạt", (
            p(f"Công khai danh sách tập thể, cá nhân được khen thưởng năm học, năm công tác của {name}.") +
            "<ul><li>Tặng Bằng khen của UBND tỉnh cho 05 tập thể, 12 cá nhân.</li>"
            "<li>Xử phạt vi phạm hành chính 03 trường hợp, tổng số tiền 27.500.000 đồng.</li></ul>")
    if item == "tuyen-truyen-phap-luat":
        return "Tuyên truyền, phổ biến pháp luật", (
            p("Hướng dẫn thực hiện pháp luật, chế độ, chính sách trong lĩnh vực quản lý của đơn vị.") +
            "<ul><li>Luật Tiếp cận thông tin và các văn bản hướng dẫn.</li>"
            "<li>Luật Xử lý vi phạm hành chính; Nghị định 43/2011/NĐ-CP.</li>"
            "<li>Tài liệu tuyên truyền bằng tiếng Thái, tiếng Mông.</li></ul>")
    if item == "chien-luoc-quy-hoach":
        return "Chiến lược, định hướng, quy hoạch, kế hoạch phát triển", (
            p("Quy hoạch phát triển ngành giai đoạn 2021 - 2030, tầm nhìn đến năm 2050.") +
            p("Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025 và kế hoạch năm 2021.") +
            "<ul><li>Chiến lược phát triển đến năm 2030</li><li>Kế hoạch đầu tư công trung hạn</li></ul>")
    if item == "du-an-dau-thau":
        rows = "".join(f"<tr><td>{i + 1}</td><td>Gói thầu số {rng.randrange(1, 20):02d}: "
                       f"{rng.choice(['Mua sắm trang thiết bị', 'Xây lắp công trình', 'Tư vấn giám sát'])}</td>"
                       f"<td>{rng.randrange(300, 9000):,} triệu đồng</td><td>Đấu thầu rộng rãi</td></tr>"
                       for i in range(4)).replace(",", ".")
        return "Thông tin dự án, đấu thầu, mua sắm công", (
            p("Thông tin về dự án, hạng mục đầu tư, đấu thầu, mua sắm công:") +
            "<table class=\"table\"><tr><th>STT</th><th>Tên gói thầu</th><th>Giá gói thầu</th>"
            f"<th>Hình thức lựa chọn nhà thầu</th></tr>{rows}</table>")
    if item == "danh-ba":
        rows = "".join(f"<tr><td>{d}</td><td>(0212) 3852 {rng.randrange(100, 999)}</td>"
                       f"<td>{slugify(d).replace('-', '')[:10]}.{ag.code.lower()}@sonla.gov.vn</td></tr>"
                       for d in departments(ag))
        return "Danh bạ thư điện tử", (p("Danh mục địa chỉ thư điện tử chính thức của đơn vị và cán bộ có thẩm quyền:") +
                                       f"<table class=\"table\"><tr><th>Đơn vị</th><th>Điện thoại</th><th>Email</th></tr>{rows}</table>")
    if item == "gop-y":
        return "Lấy ý kiến góp ý dự thảo văn bản", (
            p("Đề nghị các tổ chức, cá nhân tham gia góp ý các dự thảo sau, ý kiến gửi về hộp thư của đơn vị.") +
            "<ul><li>Dự thảo Quyết định ban hành Quy chế phối hợp (hạn góp ý: 30/11/2020)</li>"
            "<li>Dự thảo Kế hoạch thực hiện năm 2021 (hạn góp ý: 15/12/2020)</li></ul>")
    if item == "hoi-dap":
        qa = "".join(f"<div class=\"qa\"><p class=\"q\"><strong>Hỏi:</strong> Ông/bà {person(rng)} ở xã "
                     f"{rng.choice(C.COMMUNES)} hỏi về thủ tục {rng.choice(['cấp đổi giấy tờ', 'hưởng chế độ', 'đăng ký'])} "
                     f"({rng.randrange(1, 28):02d}/{rng.randrange(1, 12):02d}/2020 {rng.randrange(7, 17):02d}:{rng.randrange(60):02d})</p>"
                     "<p class=\"a\"><strong>Trả lời:</strong> Căn cứ quy định hiện hành, đề nghị ông/bà liên hệ "
                     "bộ phận một cửa để được hướng dẫn.</p></div>" for _ in range(4))
        return "Hỏi đáp", qa
    if item == "khoa-hoc":
        rows = "".join(f"<tr><td>{i + 1}</td><td>Nghiên cứu ứng dụng {rng.choice(['giống cây trồng', 'công nghệ sinh học', 'chuyển đổi số', 'vật liệu mới'])} "
                       f"tại tỉnh Sơn La</td><td>{person(rng)}</td><td>2019 - 2021</td></tr>" for i in range(4))
        return "Chương trình, đề tài khoa học", ("<table class=\"table\"><tr><th>STT</th><th>Tên đề tài</th>"
                                                 f"<th>Chủ nhiệm</th><th>Thời gian</th></tr>{rows}</table>")
    if item == "thong-ke":
        rows = "".join(f"<tr><td>{k}</td><td>{rng.randrange(50, 5000):,}</td></tr>".replace(",", ".")
                       for k in ["Hồ sơ tiếp nhận", "Hồ sơ giải quyết đúng hạn", "Hồ sơ trực tuyến", "Văn bản đi"])
        return "Thông tin thống kê", ("<p>Số liệu thống kê năm 2020:</p><table class=\"table\"><tr><th>Chỉ tiêu</th>"
                                      f"<th>Số lượng</th></tr>{rows}</table>")
    raise KeyError(item)


ENGLISH = {
    "province": "The {name} is a specialised agency of the People's Committee of Son La Province.",
    "district": "The People's Committee of the district is the local state administration body of Son La Province.",
}


# ----------------------------------------------------------------------------
# Site assembly


def build_site(ag):
    """Content model plus every page of one portal, with ground-truth facts."""
    site = Site(ag, make_skin(ag))
    skin = site.skin
    cats = build_news(ag)
    docs = build_docs(ag)
    services = build_services(ag)
    site.cats, site.docs, site.services = cats, docs, services
    rng = ag.rng
    items = applicable_items(ag.tier)

    # Item pages
    for item in items:
        place = ag.placement(item)
        if place == "absent" or item in ("tin-tuc", "van-ban", "thu-tuc-hanh-chinh", "tieng-nuoc-ngoai",
                                         "chi-dao-dieu-hanh.lich-cong-tac") or item.startswith("chuc-nang."):
            continue
        slug = rng.choice([s for s in SLUGS[item] if ag.short == "Sở" or s != "lanh-ao-so"])
        label = rng.choice(LABELS[item]).format(short=ag.short)
        title, body = item_page_content(ag, item)
        url = skin.page_url(slug, item)
        site.add_page(url, title, f"<h2 class=\"page-title\">{title}</h2>{body}", facts=[("item", item)], group=item)
        site.links[item] = (label, url)

    # News
    for cat in cats:
        skin.add_category(site, cat)
    site.links["tin-tuc"] = (cats[0].label, cats[0].pages[0])

    # Documents
    if ag.placement("van-ban") != "absent":
        label = rng.choice(LABELS["van-ban"])
        url = skin.add_documents(site, docs, detail=ag.option("docs") == "detail")
        site.links["van-ban"] = (label, url)

    # Procedures
    if ag.placement("thu-tuc-hanh-chinh") != "absent":
        label = rng.choice(LABELS["thu-tuc-hanh-chinh"])
        slug = rng.choice(SLUGS["thu-tuc-hanh-chinh"])
        if ag.option("services") == "host":
            url = skin.page_url(slug, "thu-tuc-hanh-chinh")
            seed = f"http://{ag.services_host}:{PORT}/dvc/"
            body = (f"<h2 class=\"page-title\">Thủ tục hành chính</h2><p>Bộ thủ tục hành chính thuộc thẩm quyền giải quyết của {ag.name} được công khai và tiếp "
                    f"nhận trực tuyến trên Cổng Dịch vụ công tỉnh Sơn La.</p><p><a href=\"{seed}\" class=\"btn-dvc\">"
                    "Tra cứu thủ tục hành chính, nộp hồ sơ trực tuyến</a></p>")
            site.add_page(url, "Thủ tục hành chính", body, facts=[("item", "thu-tuc-hanh-chinh")], group="thu-tuc-hanh-chinh")
            build_services_host(site, services)
        else:
            url = skin.add_services(site, services, slug)
        site.links["thu-tuc-hanh-chinh"] = (label, url)

    # Schedule
    if ag.placement("chi-dao-dieu-hanh.lich-cong-tac") != "absent":
        label = rng.choice(LABELS["chi-dao-dieu-hanh.lich-cong-tac"])
        url = add_schedule(site, rng.choice(SLUGS["chi-dao-dieu-hanh.lich-cong-tac"]))
        site.links["chi-dao-dieu-hanh.lich-cong-tac"] = (label, url)

    # English version
    if "tieng-nuoc-ngoai" in items and ag.placement("tieng-nuoc-ngoai") != "absent":
        url = skin.english_url()
        body = ("<h2>Introduction</h2><p>" + ENGLISH[ag.tier].format(name=slugify(ag.name).replace("-", " ").title()) +
                "</p><p>Functions and duties: advising the Provincial People's Committee on state management.</p>"
                f"<p>Address: {contact(ag)[0]}. Tel: {contact(ag)[1]}. Email: {contact(ag)[3]}</p>")
        site.add_raw_page(url, skin.english_page(body), facts=[("item", "tieng-nuoc-ngoai")])
        site.links["tieng-nuoc-ngoai"] = ("English", url)

    # RSS
    if ag.placement("chuc-nang.rss") != "absent":
        site.links["chuc-nang.rss"] = ("RSS", skin.rss_url())

    # Site map page (and/or sitemap.xml)
    if ag.placement("chuc-nang.so-do-cong") not in ("absent", "xml"):
        label = rng.choice(LABELS["chuc-nang.so-do-cong"])
        url = skin.page_url(rng.choice(SLUGS["chuc-nang.so-do-cong"]), "chuc-nang.so-do-cong")
        site.links["chuc-nang.so-do-cong"] = (label, url)
    if ag.placement("chuc-nang.lien-ket") != "absent":
        site.links["chuc-nang.lien-ket"] = (rng.choice(LABELS["chuc-nang.lien-ket"]), None)

    site.build_navigation()
    if "chuc-nang.so-do-cong" in site.links:
        site.add_page(site.links["chuc-nang.so-do-cong"][1], "Sơ đồ cổng",
                      f"<h2 class=\"page-title\">{site.links['chuc-nang.so-do-cong'][0]}</h2>{site.sitemap_html()}",
                      facts=[("item", "chuc-nang.so-do-cong")])
    skin.add_home(site)
    for art in {a.key: a for c in cats for a in c.articles}.values():
        skin.add_article(site, art)
    site.render_all()
    add_stylesheets(site)
    if "chuc-nang.rss" in site.links:
        site.add_file(site.links["chuc-nang.rss"][1], rss_feed(site), facts=[("item", "chuc-nang.rss")])
    add_robots_and_sitemap(site)
    return site


def add_schedule(site, slug):
    """A week of the leaders' schedule; on one portal an endless-looking day-by-day calendar."""
    ag, skin = site.ag, site.skin
    rng = random.Random(f"{SEED}:lich:{ag.id}")
    url = skin.page_url(slug, "chi-dao-dieu-hanh.lich-cong-tac")
    people = leaders(ag)
    weekday = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]

    def day_rows(day):
        return "".join(f"<tr><td>{weekday[day.weekday()]}<br/>({day:%d/%m/%Y})</td><td>{rng.choice(['07h30', '08h00', '14h00'])}</td>"
                       f"<td>Đồng chí {n}, {t}: {rng.choice(['dự họp giao ban', 'làm việc tại cơ quan', 'đi kiểm tra cơ sở', 'tiếp công dân'])}</td>"
                       f"<td>{rng.choice(['Phòng họp số 1', 'Hội trường UBND tỉnh', 'Tại cơ sở'])}</td></tr>"
                       for n, t in people[:2])

    head = "<table class=\"lich-cong-tac\"><tr><th>Ngày</th><th>Giờ</th><th>Nội dung</th><th>Địa điểm</th></tr>"
    start = dt.date(2020, 11, 30)
    if ag.option("calendar_trap"):
        days = [start + dt.timedelta(days=i) for i in range(61)]
        for i, day in enumerate(days[:60]):
            nxt = f"{url}?ngay={days[i + 1]:%Y-%m-%d}"
            prev = f"{url}?ngay={days[i - 1]:%Y-%m-%d}" if i else url
            body = (f"<h2 class=\"page-title\">Lịch công tác lãnh đạo</h2><p class=\"lich-nav\"><a href=\"{html.escape(prev)}\">« Ngày trước</a> | "
                    f"<strong>Lịch công tác ngày {day:%d/%m/%Y}</strong> | <a href=\"{html.escape(nxt)}\">Ngày sau »</a></p>"
                    f"{head}{day_rows(day)}</table>")
            page_url = url if i == 0 else f"{url}?ngay={day:%Y-%m-%d}"
            site.add_page(page_url, "Lịch công tác", body, facts=[("item", "chi-dao-dieu-hanh.lich-cong-tac")],
                          group="chi-dao-dieu-hanh.lich-cong-tac", calendar=True)
    else:
        rows = "".join(day_rows(start + dt.timedelta(days=i)) for i in range(5))
        body = f"<h2 class=\"page-title\">Lịch công tác</h2><h3>Lịch công tác tuần 49 (từ ngày 30/11/2020 đến ngày 04/12/2020)</h3>{head}{rows}</table>"
        site.add_page(url, "Lịch công tác", body, facts=[("item", "chi-dao-dieu-hanh.lich-cong-tac")],
                      group="chi-dao-dieu-hanh.lich-cong-tac")
    return url


def build_services_host(site, services):
    """The provincial one-stop portal's listing filtered to this agency, on its own host."""
    ag = site.ag
    per_page = 10
    pages = [services[i:i + per_page] for i in range(0, len(services), per_page)]
    style = ag.rng.choice(["query", "path"])

    def page_url(p):
        if p == 1:
            return "/dvc/"
        return f"/dvc/?page={p}" if style == "query" else f"/dvc/trang-{p}.html"

    for p, chunk in enumerate(pages, start=1):
        table = site.skin.services_table(chunk, start=(p - 1) * per_page + 1, wording=ag.option("wording"))
        nav = " ".join(f"<a href=\"{page_url(q)}\">{q}</a>" if q != p else f"<span class=\"current\">{q}</span>"
                       for q in range(1, len(pages) + 1))
        if p < len(pages):
            nav += f" <a href=\"{page_url(p + 1)}\" class=\"next\">Trang sau »</a>"
        body = (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>Cổng Dịch vụ công tỉnh Sơn La"
                f"</title></head><body><header><h1>CỔNG DỊCH VỤ CÔNG TỈNH SƠN LA</h1><nav><a href=\"/dvc/\">Thủ tục hành chính"
                f"</a> | <a href=\"https://dichvucong.gov.vn/\">Cổng Dịch vụ công Quốc gia</a></nav></header><main>"
                f"<h2>Danh sách thủ tục hành chính – Cơ quan: {ag.name}</h2>"
                f"<p>Tìm thấy {len(services)} thủ tục</p>{table}<div class=\"pagination\">{nav}</div></main>"
                "<footer>Trung tâm Phục vụ hành chính công tỉnh Sơn La – Số 56, đường Tô Hiệu, thành phố Sơn La</footer>"
                "</body></html>")
        facts = [("service", s.name, s.level) for s in chunk]
        site.add_service_file(page_url(p), body.encode("utf-8"), facts)


def rss_feed(site):
    ag = site.ag
    arts = sorted((a for a in site.reachable_articles_hint() if a.date), key=lambda a: a.date, reverse=True)[:10]
    items = "".join(
        f"<item><title>{html.escape(a.title)}</title><link>http://{ag.host}:{PORT}{html.escape(a.urls[next(iter(a.urls))])}</link>"
        f"<pubDate>{a.date:%a, %d %b %Y %H:%M:%S} +0700</pubDate><description>{html.escape(a.summary)}</description></item>"
        for a in arts)
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{html.escape(ag.name)}</title>"
            f"<link>http://{ag.host}:{PORT}/</link><description>Tin tức - {html.escape(ag.name)}</description>"
            f"<language>vi-vn</language>{items}</channel></rss>").encode("utf-8")


STYLESHEET = re.compile(r"<link href=\"([^\"]+\.css)\" rel=\"stylesheet\"|<link rel=\"stylesheet\" href=\"([^\"]+\.css)\"")


def add_stylesheets(site):
    """The theme's stylesheet, so that no <link> of a page is dead."""
    found = set()
    for key, data in site.files.items():
        for pair in STYLESHEET.findall(data.decode("utf-8", "replace")):
            found.add(pair[0] or pair[1])
    for url in sorted(found):
        site.add_file(url, b"body{font-family:Arial,Helvetica,sans-serif;font-size:13px}a{color:#0b4f9c}\n")


def add_robots_and_sitemap(site):
    ag = site.ag
    robots = ag.option("robots")
    if robots:
        text = "User-agent: *\nDisallow: /admin/\nDisallow: /c/portal/login\n"
        if robots == "delay":
            text += "Crawl-delay: 1\n"
        if ag.option("sitemap_xml"):
            text += f"Sitemap: http://{ag.host}:{PORT}/sitemap.xml\n"
        site.add_file("/robots.txt", text.encode("utf-8"), facts=[])
    # sitemap.xml is written after the crawl (it lists only reachable pages).


def finish_sitemap_xml(site, reachable_urls):
    ag = site.ag
    if not ag.option("sitemap_xml"):
        return
    urls = sorted(u for u in reachable_urls if not u.endswith((".rss", ".xml", ".pdf", ".doc", ".txt")))
    body = "".join(f"<url><loc>http://{ag.host}:{PORT}{html.escape(u)}</loc></url>" for u in urls)
    xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
           f"{body}</urlset>")
    site.add_file("/sitemap.xml", xml.encode("utf-8"), facts=[("item", "chuc-nang.so-do-cong")])


# ----------------------------------------------------------------------------
# Output


def all_agencies():
    out = []
    for index, (ident, name) in enumerate(A.PROVINCE + A.DISTRICT):
        tier = "province" if index < len(A.PROVINCE) else "district"
        out.append(Agency(index, ident, name, tier))
    return out


def build_all():
    """Every agency with its site (None when nothing answers) and measured expectations."""
    result = []
    for ag in all_agencies():
        if ag.status == "unreachable":
            result.append((ag, None, None))
            continue
        if ag.status == "blocked":
            site = Site(ag, make_skin(ag))
            site.block_everything()
            result.append((ag, site, None))
            continue
        site = build_site(ag)
        reach = crawl_site(site.files, site.headers, ag.host, PORT)
        finish_sitemap_xml(site, reach.urls)
        site.finish_headers()
        reach = crawl_site(site.files, site.headers, ag.host, PORT)
        m = measure(site, reach, YEAR)
        check_intent(ag, m)
        result.append((ag, site, m))
    return result


def check_intent(ag, m):
    """The measured result must be what the agency table asked for."""
    for item in applicable_items(ag.tier):
        wanted = ag.placement(item) != "absent"
        if wanted != (item in m["present"]):
            raise AssertionError(f"{ag.id}: {item} should be {'present' if wanted else 'absent'}")
    if m["news"]["partial"] != (ag.option("pager") == "js"):
        raise AssertionError(f"{ag.id}: news partial is {m['news']['partial']}")
    if ag.option("undated", 0) != m["news"]["undated"]:
        raise AssertionError(f"{ag.id}: {m['news']['undated']} undated items")


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def expected_yaml(ag, m):
    lines = [f"id: {ag.id}", f"platform: {ag.expected_platform if ag.status == 'ok' else 'other'}",
             f"year: {YEAR}", f"status: {ag.status}", "sections:"]
    for item in applicable_items(ag.tier):
        state = "inconclusive" if m is None else ("present" if item in m["present"] else "absent")
        lines.append(f"  {item}: {state}")
    if m is None:
        # Nothing could be read: no count is complete.
        lines += ["news: {count: 0, undated: 0, partial: true}", "documents: {count: 0}",
                  "services: {level3: 0, level4: 0, total: 0}"]
    else:
        n, d, s = m["news"], m["documents"], m["services"]
        own = "null" if m["documents_own"] is None else m["documents_own"]
        lines += [f"news: {{count: {n['count']}, undated: {n['undated']}, partial: {str(n['partial']).lower()}}}",
                  f"documents: {{count: {d}, own: {own}}}",
                  f"services: {{level3: {s['level3']}, level4: {s['level4']}, total: {s['total']}}}"]
    lines.append(f"notes: {yaml_str(ag.opt.get('notes', ''))}")
    return "\n".join(lines) + "\n"


def targets_yaml(agencies):
    lines = ["# Targets that audit the bundled snapshots: `portal-audit serve snapshots/` answers on these",
             "# loopback addresses (one per agency, port 8043; separate service hosts on 127.0.1.N).",
             "targets:"]
    for ag in agencies:
        lines += [f"  - id: {ag.id}", f"    name: {ag.name}", f"    tier: {ag.tier}",
                  f"    portal: http://{ag.host}:{PORT}/", f"    code: {agency_code(ag)}"]
        if ag.option("services") == "host" and ag.status == "ok":
            lines.append(f"    services: [http://{ag.services_host}:{PORT}/dvc/]")
    return "\n".join(lines) + "\n"


README = """# Recorded portals of the 32 agencies (Sơn La, audit year 2020)

Generated by `python3 tools/snapshots/generate.py` (standard library, fixed seed: the
output is byte-for-byte reproducible) and verified by `python3 tools/snapshots/check.py`.
Do not edit the files by hand: change the generator and run both scripts.

## Layout

- `targets.yaml` — the targets file that audits these snapshots. Each agency has its own
  loopback address `127.0.0.N:8043` (N = 2..33); agencies whose procedures live on the
  provincial one-stop portal have a second host `127.0.1.N:8043` listed under `services:`.
- `<id>/site/` — the portal's files. URL path → file: `/a/b` is `a/b`, `/a/?page=2` is
  `a/index.html?page=2`, `/x?b=1` is the file `x?b=1` (the server falls back to `x` when no
  such file exists, which is how tracking parameters and print variants reach the same page).
  Query strings are written with their parameters in sorted order, so a crawler that sorts
  parameters still finds the file. `_headers.tsv` sets per-URL headers (`/\tStatus: 302`,
  `/\tLocation: …`, `Content-Type`, `Status: 403`), as `Sources/SiteServer/StaticSite.swift` reads it.
- `<id>/services/` — the files of the separate services host, same mapping (seed `/dvc/`).
- `<id>/expected.yaml` — what the audit must measure. The figures are not hand-written: the
  generator attaches ground-truth facts to every page (article id and date, document number
  and issue date, procedure name and level, Decree 43 item) and crawls the generated files
  from the home page exactly as the static server answers, so only what is reachable by
  links counts. `sections` lists every item of decree-43-items.md applicable to the tier
  (`gioi-thieu.lich-su` for every province-tier agency, `gioi-thieu.dia-phuong` for
  districts). `inconclusive` appears only for the blocked and the unreachable agency.

## Counting rules the figures follow

- news: distinct articles (by id; the same article under two categories or behind
  `utm_*`/`fbclid`/`print` parameters counts once) with a publication date in 2020;
  `undated` counts articles with no date at all; `partial: true` when a category's pager is
  `javascript:__doPostBack` only and the older pages cannot be reached (count = reachable).
- documents: distinct numbers (e.g. `125/QĐ-UBND`) with Ngày ban hành in 2020, from document
  tables, the home "Văn bản mới" block (numbers and dates) and document detail pages.
  A "Văn bản mới" ticker of bare titles is not a document listing. `own`: those the agency
  issued itself, told from the issuer a reached page prints (a "Cơ quan ban hành" column, a
  detail page), else from the code ending the number (`code:` in targets.yaml); `null` when a
  document's issuer cannot be told — a district's `-UBND` numbers are also the province's.
- services: distinct procedure names on the listings; level from the wording ("Mức độ 3",
  "mức 4", "DVC mức độ 4", "Một phần" = 3, "Toàn trình" = 4) or, without wording, a
  "Nộp hồ sơ"/"Nộp trực tuyến" button = level 3; `total` includes level 2.
- an item is present when a reachable page (menu, home block, footer or only the site-map
  page) carries it and its content confirms it (contacts with address, phone and e-mail —
  every footer carries them, so `gioi-thieu.lien-he` is present wherever the site answers;
  a search form with a text input; an RSS file; an English page; a site-map page or
  `/sitemap.xml`). Absent items leave no link, block, heading or page (check.py verifies
  that no link or heading of a reachable page names them).

## Agencies

| id | hosts | platform | status | news 2020 | documents 2020 | services L3/L4/total | hard cases |
|---|---|---|---|---|---|---|---|
{rows}
"""


def readme(built):
    rows = []
    for ag, _, m in built:
        if m:
            n, s = m["news"], m["services"]
            news = str(n["count"]) + (f" (+{n['undated']} undated)" if n["undated"] else "") + (" partial" if n["partial"] else "")
            figures = f"{news} | {m['documents']} | {s['level3']}/{s['level4']}/{s['total']}"
        else:
            figures = "– | – | –"
        hosts = f"127.0.0.{ag.n}" + (f", 127.0.1.{ag.n}" if ag.option("services") == "host" and ag.status == "ok" else "")
        platform = ag.expected_platform if ag.status == "ok" else "–"
        rows.append(f"| `{ag.id}` | {hosts} | {platform} | {ag.status} | {figures} | {ag.opt.get('notes', '')} |")
    return README.format(rows="\n".join(rows))


def write_tree(base, files):
    for rel, data in sorted(files.items()):
        path = os.path.join(base, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)


def main(argv):
    out = os.path.join(REPO, "snapshots")
    if "--out" in argv:
        out = argv[argv.index("--out") + 1]
    built = build_all()
    for ag, site, m in built:
        target = os.path.join(out, ag.id)
        if os.path.isdir(target):
            shutil.rmtree(target)
        os.makedirs(target)
        if site is not None:
            write_tree(os.path.join(target, "site"), site.files)
            if site.service_files:
                write_tree(os.path.join(target, "services"), site.service_files)
        with open(os.path.join(target, "expected.yaml"), "w", encoding="utf-8") as fh:
            fh.write(expected_yaml(ag, m))
    with open(os.path.join(out, "targets.yaml"), "w", encoding="utf-8") as fh:
        fh.write(targets_yaml([a for a, _, _ in built]))
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(readme(built))
    for ag, site, m in built:
        if m:
            print(f"{ag.id:42s} {len(site.files):4d} files  news {m['news']['count']:3d}  docs {m['documents']:3d}  "
                  f"services {m['services']['total']:3d}  present {len(m['present'])}")


if __name__ == "__main__":
    main(sys.argv)
