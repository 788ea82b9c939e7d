#!/usr/bin/env python3
"""Generate fixtures/platforms/: portals of fictional Sơn La agencies built the
way real platform families build them, with expected.yaml derived from the
ground truth of the pages reachable by links from each home page.

Usage: python3 tools/platforms/generate.py [OUT_DIR]   (default fixtures/platforms)
       python3 tools/platforms/generate.py --check       (exit 1 unless fixtures/platforms is what the generator writes)

Every run re-crawls the written files from each home page as the static server
answers them and stops on a link that leads nowhere (except the broken links a
site is meant to have), so expected.yaml always describes the files on disk.

Standard library only, fixed seed: the output is byte-for-byte reproducible.
"""
import os
import random
import shutil
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webkit import Page, SiteFiles, ZWSP, crawl, esc, header_path, measure, slugify  # noqa: E402
from themes import THEMES, english_date  # noqa: E402
from portal_text import (COMMUNES, DOC_KINDS, DOC_SUBJECTS, OTHER_ISSUERS, body_paragraphs,  # noqa: E402
                         headline, person, random_date)
from sites import SITES, PORT, YEAR  # noqa: E402

SEED = 20201231
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

ITEMS_ALL = ["gioi-thieu.co-cau-to-chuc", "gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.lich-su", "gioi-thieu.lanh-dao",
             "gioi-thieu.lien-he", "gioi-thieu.dia-phuong", "tin-tuc", "chi-dao-dieu-hanh",
             "chi-dao-dieu-hanh.khen-thuong-xu-phat", "chi-dao-dieu-hanh.lich-cong-tac", "tuyen-truyen-phap-luat",
             "chien-luoc-quy-hoach", "van-ban", "du-an-dau-thau", "thu-tuc-hanh-chinh", "danh-ba", "gop-y", "hoi-dap",
             "khoa-hoc", "thong-ke", "tieng-nuoc-ngoai", "chuc-nang.tim-kiem", "chuc-nang.so-do-cong",
             "chuc-nang.lien-ket", "chuc-nang.rss"]


def items_for(tier):
    skip = "gioi-thieu.dia-phuong" if tier == "province" else "gioi-thieu.lich-su"
    return [i for i in ITEMS_ALL if i != skip]


# Menu labels as agencies write them; the site's spec picks one by index.
LABELS = {
    "gioi-thieu.co-cau-to-chuc": ["Cơ cấu tổ chức", "Tổ chức bộ máy", "Sơ đồ tổ chức"],
    "gioi-thieu.chuc-nang-nhiem-vu": ["Chức năng, nhiệm vụ", "Vị trí, chức năng", "Chức năng nhiệm vụ và quyền hạn"],
    "gioi-thieu.lich-su": ["Quá trình hình thành và phát triển", "Lịch sử hình thành", "Lịch sử phát triển"],
    "gioi-thieu.lanh-dao": ["Lãnh đạo Sở", "Ban Giám đốc", "Lãnh đạo đơn vị"],
    "gioi-thieu.dia-phuong": ["Giới thiệu chung", "Điều kiện tự nhiên", "Tổng quan về huyện"],
    "chi-dao-dieu-hanh": ["Chỉ đạo điều hành", "Chỉ đạo - Điều hành", "Ý kiến chỉ đạo"],
    "chi-dao-dieu-hanh.khen-thuong-xu-phat": ["Thi đua - Khen thưởng", "Khen thưởng, xử phạt", "Thông tin khen thưởng"],
    "chi-dao-dieu-hanh.lich-cong-tac": ["Lịch công tác", "Lịch làm việc của lãnh đạo", "Lịch công tác tuần"],
    "chien-luoc-quy-hoach": ["Quy hoạch - Kế hoạch", "Chiến lược, quy hoạch, kế hoạch", "Kế hoạch phát triển"],
    "van-ban": ["Văn bản", "Văn bản pháp quy", "Hệ thống văn bản"],
    "du-an-dau-thau": ["Dự án - Đấu thầu", "Thông tin đấu thầu", "Mua sắm công"],
    "thu-tuc-hanh-chinh": ["Thủ tục hành chính", "Dịch vụ công trực tuyến", "Bộ TTHC"],
    "danh-ba": ["Danh bạ điện thoại", "Danh bạ thư điện tử", "Danh bạ"],
    "gop-y": ["Văn bản dự thảo", "Dự thảo văn bản", "Lấy ý kiến góp ý"],
    "hoi-dap": ["Hỏi đáp", "Hỏi - Đáp", "Hỏi đáp trực tuyến"],
    "khoa-hoc": ["Khoa học công nghệ", "Đề tài khoa học", "Nghiên cứu khoa học"],
    "thong-ke": ["Thống kê", "Số liệu thống kê", "Báo cáo thống kê"],
    "chuc-nang.so-do-cong": ["Sơ đồ cổng", "Sơ đồ trang", "Sitemap"],
    "gioi-thieu.lien-he": ["Liên hệ", "Thông tin liên hệ", "Liên hệ"],
    "tuyen-truyen-phap-luat": ["Phổ biến, giáo dục pháp luật", "Tuyên truyền pháp luật", "Pháp luật và đời sống"],
}
PAGE_IDS = {item: 11 + n for n, item in enumerate(ITEMS_ALL)}
# Headlines that name an item although the article is ordinary news (a decoy for that item).
DECOY_HEADLINES = {
    "thong-ke": "Hội nghị triển khai công tác thống kê năm 2020 của ngành",
    "hoi-dap": "Đối thoại, giải đáp vướng mắc của doanh nghiệp về thủ tục hành chính",
    "khoa-hoc": "Hội thảo khoa học về bảo tồn văn hóa các dân tộc thiểu số",
    "danh-ba": "Cập nhật danh bạ các cơ quan, đơn vị phục vụ chuyển đổi số",
    "du-an-dau-thau": "Tập huấn đấu thầu qua mạng cho các chủ đầu tư",
    "chi-dao-dieu-hanh.lich-cong-tac": "Lãnh đạo Sở làm việc tại huyện Vân Hồ theo lịch công tác tháng 10",
}
PLACEHOLDERS = ["Nội dung đang được cập nhật...", "Đang cập nhật", "Chuyên mục đang được xây dựng. Mời quý vị quay lại sau."]


class Site:
    def __init__(self, spec):
        self.spec = spec
        self.rng = random.Random("%d-%s" % (SEED, spec["id"]))
        self.origin = "http://127.0.2.%d:%d" % (spec["n"], PORT)
        self.services_origin = "http://127.0.3.%d:%d" % (spec["n"], PORT) if spec.get("services_host") else None
        self.theme = THEMES[spec["platform"]](self)
        self.files = SiteFiles()
        self.svc_files = SiteFiles() if self.services_origin else None
        self.tier = spec["tier"]
        self.present = set(spec["present"]) | {"tin-tuc", "gioi-thieu.lien-he"}
        self.decoys = dict(spec.get("decoys", {}))
        self.cats = [dict(slug=s, label=l, kind="news") for s, l in spec["cats"]]
        law = "tuyen-truyen-phap-luat"
        if law in self.present or self.decoys.get(law) == "empty":
            self.cats.append(dict(slug=spec.get("law_slug", "pho-bien-giao-duc-phap-luat"), kind="law",
                                  label=LABELS[law][spec.get("label_pick", 0) % 3]))
        self.make_people()
        self.make_articles()
        self.make_documents()
        self.make_services()

    # -- content ----------------------------------------------------------------
    def cat_index(self, slug):
        return next(i for i, c in enumerate(self.cats) if c["slug"] == slug)

    def make_people(self):
        r = self.rng
        if self.tier == "province":
            titles = ["Giám đốc", "Phó Giám đốc", "Phó Giám đốc"] if self.spec["name"].startswith("Sở") else ["Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban"]
        else:
            titles = ["Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện", "Phó Chủ tịch UBND huyện"]
        self.leaders = [(t, person(r)) for t in titles]
        self.units = ["Văn phòng", "Thanh tra", "Phòng Kế hoạch - Tài chính", "Phòng " + self.spec["subject"].capitalize(),
                      "Phòng Tổ chức cán bộ"]

    def make_articles(self):
        s, r = self.spec, self.rng
        arts = []
        next_id = 1200 + s["n"] * 37
        main = [c for c in self.cats if c["kind"] == "news"]
        law = [c for c in self.cats if c["kind"] == "law"]

        def add(date, cat, law_article=False):
            nonlocal next_id
            year = date.year if date else YEAR
            title = headline(r, s["subject"], s["short"], year, law=law_article)
            next_id += r.randint(1, 9)
            arts.append(dict(id=next_id, title=title, date=date, cats=[cat["slug"]], body=body_paragraphs(r, 3)))

        law_2020 = s.get("law2020", 3) if law and law[0]["slug"] and "tuyen-truyen-phap-luat" in self.present else 0
        for i in range(s["news2020"]):
            if i < law_2020:
                add(random_date(r, YEAR), law[0], law_article=True)
            else:
                add(random_date(r, YEAR), main[i % len(main)])
        for i in range(s["news_other"]):
            year = r.choice([YEAR - 1, YEAR + 1, YEAR - 1])
            add(random_date(r, year, 1, 12 if year != YEAR + 1 else 6), main[i % len(main)])
        for i in range(s.get("undated", 0)):
            add(None, main[0])
        for i in range(s.get("old", 0)):
            add(random_date(r, r.choice([2015, 2016, 2017, 2018])), main[0])
        # Decoy headlines: an ordinary 2020 article whose title names an absent item.
        decoy_heads = [DECOY_HEADLINES[i] for i, kind in sorted(self.decoys.items()) if kind == "heading"]
        dated2020 = [a for a in arts if a["date"] and a["date"].year == YEAR and a["cats"][0] == main[0]["slug"]]
        for text, art in zip(decoy_heads, dated2020):
            art["title"] = text
        slugs = {}
        for a in arts:
            base = slugify(a["title"])
            slugs[base] = slugs.get(base, 0) + 1
            a["slug"] = base if slugs[base] == 1 else "%s-%d" % (base, slugs[base])
        # The same article filed under a second category.
        if s.get("multi_cat") and len(main) > 1:
            for a in [a for a in arts if a["date"] and a["date"].year == YEAR][:s["multi_cat"]]:
                other = main[1]["slug"] if a["cats"][0] != main[1]["slug"] else main[0]["slug"]
                a["cats"].append(other)
        if s.get("copied"):
            a = next(a for a in arts if a["date"] and a["date"].year == YEAR)
            a["source"] = "Nguồn: Cổng Thông tin điện tử tỉnh Sơn La"
        for a in arts:
            if a["date"] is None:
                a["sort"] = random_date(r, YEAR - 1)
            else:
                a["sort"] = a["date"]
        arts.sort(key=lambda a: (a["sort"], a["id"]), reverse=True)
        self.articles = arts

    def make_documents(self):
        s, r = self.spec, self.rng
        docs = []
        own_issuer = s["issuer"]
        did = 3000 + s["n"] * 11
        for year, n_own, n_other in [(YEAR - 1, 3, 1), (YEAR, s["docs_own"], s["docs_other"]), (YEAR + 1, 3, 1)]:
            number = 100 if year != YEAR - 1 else 95
            dates = sorted(random_date(r, year, 1, 12 if year != YEAR + 1 else 5) for _ in range(n_own))
            num = number
            for i, dt in enumerate(dates):
                kind, kind_name = DOC_KINDS[i % len(DOC_KINDS)]
                # Numbers restart every year: 100/QĐ-… of 2020 and of 2021 are two documents.
                num += 0 if i == 0 else r.randint(3, 17)
                did += 1
                docs.append(dict(id=did, number="%d/%s-%s" % (num, kind, s["code"]), kind=kind_name, date=dt,
                                 issuer=own_issuer, own=True, summary="V/v " + r.choice(DOC_SUBJECTS)))
            for i in range(n_other):
                issuer, suffix = OTHER_ISSUERS[i % len(OTHER_ISSUERS)]
                dt = random_date(r, year, 1, 12 if year != YEAR + 1 else 5)
                did += 1
                if suffix == "UBND":
                    number = "%d/QĐ-UBND" % r.randint(1200, 3300)
                elif suffix == "NĐ-CP":
                    number = "%d/%d/NĐ-CP" % (r.randint(10, 160), year)
                else:
                    number = "%d/NQ-HĐND" % r.randint(10, 160)
                docs.append(dict(id=did, number=number, kind="Quyết định" if suffix == "UBND" else "Nghị quyết" if "NQ" in suffix else "Nghị định",
                                 date=dt, issuer=issuer, own=False, summary="V/v " + r.choice(DOC_SUBJECTS)))
        docs.sort(key=lambda d: (d["date"], d["id"]), reverse=True)
        self.documents = docs

    def make_services(self):
        s, r = self.spec, self.rng
        fields = s["fields"]
        out = []
        names = set()
        for level, count in ((4, s["svc"][2]), (3, s["svc"][1]), (2, s["svc"][0])):
            for i in range(count):
                field = fields[(i + level) % len(fields)]
                verb = r.choice(["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Thẩm định", "Đăng ký", "Xác nhận", "Điều chỉnh"])
                name = "%s %s" % (verb, r.choice(s["procedures"]))
                while name in names:
                    name = "%s %s" % (r.choice(["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Thu hồi", "Thay đổi nội dung"]), r.choice(s["procedures"]))
                    if name in names:
                        name += " (trường hợp %d)" % (len(names) + 1)
                names.add(name)
                out.append(dict(id=700 + len(out) * 3, name=name, level=level, field=field))
        r.shuffle(out)
        self.services = out

    # -- URLs -------------------------------------------------------------------
    def page_url(self, item):
        return self.theme.page(self.spec.get("slugs", {}).get(item, slugify(self.label(item))), PAGE_IDS.get(item, 9))

    def listing_url(self, cat, n):
        return self.theme.listing(cat, n)

    def article_url(self, art, cat=None):
        return self.theme.article(art, cat or art["cats"][0])

    def label(self, item):
        if item == "gioi-thieu.lanh-dao" and self.tier == "district":
            return "Lãnh đạo UBND huyện"
        if item == "gioi-thieu.lanh-dao" and not self.spec["name"].startswith("Sở"):
            return "Lãnh đạo Ban"
        text = LABELS[item][self.spec.get("label_pick", 0) % len(LABELS[item])]
        if self.spec.get("zwsp") and item in ("chi-dao-dieu-hanh.lich-cong-tac", "hoi-dap", "gioi-thieu.co-cau-to-chuc"):
            text = text[:2] + ZWSP + text[2:]  # pasted from a word processor
        return text

    def docs_url(self, n=1):
        return self.theme.docs(n)

    def services_url(self, n=1):
        if self.services_origin:
            return self.services_origin + "/dvc/" + ("" if n == 1 else "?trang=%d" % n)
        return self.theme.page("thu-tuc-hanh-chinh" + ("" if n == 1 else "-trang-%d" % n), 40 + n)

    def service_url(self, svc):
        if self.services_origin:
            return self.services_origin + "/dvc/thu-tuc?id=%d" % svc["id"]
        return self.theme.page("thu-tuc-%d" % svc["id"], 60 + svc["id"])

    def english_url(self):
        return self.spec["english"]

    # -- chrome ----------------------------------------------------------------
    def where(self, item):
        """The link target of an item in menus: its page, '#', a placeholder page, or None."""
        kind = self.decoys.get(item)
        if item in ("chuc-nang.tim-kiem", "chuc-nang.lien-ket", "chuc-nang.rss"):
            return None
        if item == "tieng-nuoc-ngoai":
            return self.english_url() if item in self.present else None
        if item == "gioi-thieu.lien-he" and not self.spec.get("contact_page", True):
            return None
        if item == "gioi-thieu.lanh-dao" and self.spec.get("leaders_on_structure"):
            return self.page_url("gioi-thieu.co-cau-to-chuc")
        if item in self.present:
            special = {"van-ban": self.docs_url, "thu-tuc-hanh-chinh": self.services_url, "tuyen-truyen-phap-luat": self.law_url,
                       "tin-tuc": lambda: self.listing_url(self.cats[0]["slug"], 1)}
            return special[item]() if item in special else self.page_url(item)
        if kind == "hash":
            return "#"
        if kind in ("placeholder", "empty"):
            if item == "tuyen-truyen-phap-luat":
                return self.law_url()
            return self.page_url(item)
        return None

    def law_url(self):
        law = [c for c in self.cats if c["kind"] == "law"]
        return self.listing_url(law[0]["slug"], 1) if law else None

    def menu_groups(self):
        s = self.spec
        hidden = set(s.get("footer_only", [])) | set(s.get("sitemap_only", []))
        intro = ["gioi-thieu.chuc-nang-nhiem-vu", "gioi-thieu.co-cau-to-chuc", "gioi-thieu.lanh-dao",
                 "gioi-thieu.lich-su" if self.tier == "province" else "gioi-thieu.dia-phuong"]
        if s.get("leaders_on_structure"):
            intro.remove("gioi-thieu.lanh-dao")
        groups = [("Giới thiệu", intro),
                  ("Tin tức - Sự kiện", [("cat", c) for c in self.cats]),
                  ("Văn bản", ["van-ban", "gop-y", "chi-dao-dieu-hanh"]),
                  ("Thủ tục hành chính", ["thu-tuc-hanh-chinh"]),
                  ("Thông tin", ["chien-luoc-quy-hoach", "du-an-dau-thau", "khoa-hoc", "thong-ke",
                                 "chi-dao-dieu-hanh.khen-thuong-xu-phat", "chi-dao-dieu-hanh.lich-cong-tac", "danh-ba"]),
                  ("Hỏi đáp", ["hoi-dap"])]
        out = []
        for label, entries in groups:
            kids = []
            for e in entries:
                if isinstance(e, tuple):
                    kids.append((e[1]["label"], self.listing_url(e[1]["slug"], 1)))
                    continue
                if e in hidden:
                    continue
                target = self.where(e)
                if target is not None:
                    kids.append((self.label(e), target))
            if kids:
                out.append((label, kids))
        return out

    def menu_html(self, here):
        t = self.theme
        parts = ['<ul class="nav menu"><li>%s</li>' % t.a(here, t.home(), "Trang chủ")]
        for label, kids in self.menu_groups():
            sub = "".join("<li>%s</li>" % t.a(here, target, esc(text)) for text, target in kids)
            parts.append('<li class="parent"><a href="%s">%s</a><ul class="sub-menu">%s</ul></li>'
                         % (esc(t.href(here, kids[0][1])), esc(label), sub))
        if "gioi-thieu.lien-he" not in self.spec.get("footer_only", []) and self.spec.get("contact_page", True):
            parts.append("<li>%s</li>" % t.a(here, self.page_url("gioi-thieu.lien-he"), "Liên hệ"))
        if "tieng-nuoc-ngoai" in self.present:
            parts.append('<li class="lang">%s</li>' % t.a(here, self.english_url(), '<img src="/images/flag-en.png" alt="English">'))
        parts.append("</ul>")
        return '<nav id="menu">%s</nav>\n' % "".join(parts)

    def search_html(self, here):
        if "chuc-nang.tim-kiem" not in self.present:
            return ""
        if self.spec.get("js_search"):
            return ('<div class="search-box"><input type="text" id="txtSearch" placeholder="Nhập từ khóa...">'
                    '<a href="javascript:void(0)" onclick="AdfPage.PAGE.findComponent(\'pt1:search\').queueEvent();return false;">Tìm kiếm</a></div>\n')
        return ('<form class="search-form" action="%s" method="get"><input type="text" name="q" placeholder="Tìm kiếm...">'
                '<button type="submit">Tìm kiếm</button></form>\n' % esc(self.theme.href(here, self.theme.page("tim-kiem", 99))))

    def sidebar_html(self, here):
        t, s = self.theme, self.spec
        parts = ['<div id="sidebar">', self.search_html(here)]
        if "chuc-nang.lien-ket" in self.present:
            links = [("http://sonla.gov.vn/", "Cổng TTĐT tỉnh Sơn La"), ("http://chinhphu.vn/", "Cổng TTĐT Chính phủ"),
                     ("http://dichvucong.gov.vn/", "Cổng Dịch vụ công quốc gia"), ("http://baosonla.org.vn/", "Báo Sơn La")]
            parts.append('<div class="block links"><h3>Liên kết website</h3><select onchange="window.open(this.value)">'
                         + "".join('<option value="%s">%s</option>' % (u, esc(n)) for u, n in links) + "</select><ul>"
                         + "".join('<li><a href="%s" target="_blank"><img src="/images/lk%d.png" alt="%s"></a></li>' % (u, i, esc(n))
                                   for i, (u, n) in enumerate(links)) + "</ul></div>")
        rss = s.get("rss")
        if rss:
            parts.append('<div class="block rss">%s</div>' % t.a(here, s["rss_url"], '<img src="/images/rss.png" alt="RSS"> RSS'))
        parts.append("</div>\n")
        return "".join(parts)

    def footer_html(self, here):
        t, s = self.theme, self.spec
        links = []
        for item in s.get("footer_only", []):
            if item == "gioi-thieu.lien-he":
                continue
            links.append(t.a(here, self.where(item), esc(self.label(item))))
        if "chuc-nang.so-do-cong" in self.present:
            links.append(t.a(here, self.page_url("chuc-nang.so-do-cong"), esc(self.label("chuc-nang.so-do-cong"))))
        # Relative links a generated site gets wrong (they answer 404 from deeper folders).
        links += ['<a href="%s">%s</a>' % (esc(h), esc(l)) for h, l in s.get("broken_links", [])]
        c = s["contact"]
        return ('<footer id="footer"><div class="footer-links">%s</div>\n'
                '<p><strong>%s</strong></p>\n<p>Địa chỉ: %s</p>\n<p>Điện thoại: %s - Fax: %s</p>\n<p>Email: %s</p>\n'
                '<p>Chịu trách nhiệm chính: %s - %s</p>\n'
                '<p>Giấy phép số %s do Sở Thông tin và Truyền thông tỉnh Sơn La cấp ngày %s</p>\n'
                '<p class="counter">Đang truy cập: %d | Tổng lượt truy cập: %s</p></footer>\n'
                % (" | ".join(links), esc(s["name"].upper()), esc(c[0]), c[1], c[2], c[3], esc(self.leaders[0][1]),
                   esc(self.leaders[0][0]), s.get("licence", "12/GP-STTTT"), s.get("licence_date", "15/03/2018"),
                   7 + s["n"], "{:,}".format(203117 + s["n"] * 9173).replace(",", ".")))

    # -- pages ------------------------------------------------------------------
    def emit(self, url, title, main, facts=None, files=None, extra_head=""):
        here = url
        html = self.theme.wrap(here, title, main, extra_head)
        if self.spec.get("nfd") == "all" or (self.spec.get("nfd") == "some" and self.rng.random() < 0.4):
            html = unicodedata.normalize("NFD", html)
        (files or self.files).add(url.replace(self.origin, ""), Page(html, facts))

    def item_main(self, item):
        """Title and body of a page that really carries the item."""
        r, s, name = self.rng, self.spec, self.spec["name"]
        if item == "gioi-thieu.co-cau-to-chuc":
            body = "<h2>%s</h2><p>%s gồm:</p><ul>%s</ul>" % (esc(self.label(item)), esc(name), "".join("<li>%s</li>" % u for u in self.units))
            if s.get("leaders_on_structure"):
                body += "<h3>Lãnh đạo</h3><ul>%s</ul>" % "".join(
                    "<li><b>%s</b>: Ông/Bà %s - ĐT: 0212.385%d%03d</li>" % (t, n, i, r.randint(100, 999)) for i, (t, n) in enumerate(self.leaders))
            body += "<p>Đơn vị sự nghiệp trực thuộc: Trung tâm %s.</p>" % esc(s["subject"].capitalize())
            return self.label(item), body
        if item == "gioi-thieu.chuc-nang-nhiem-vu":
            return self.label(item), ("<h2>Vị trí, chức năng, nhiệm vụ và quyền hạn</h2><p><b>1. Vị trí và chức năng:</b> %s là cơ quan chuyên môn "
                                      "thuộc UBND %s, có chức năng tham mưu, giúp UBND quản lý nhà nước về %s.</p>"
                                      "<p><b>2. Nhiệm vụ và quyền hạn:</b> Trình UBND dự thảo quyết định, chỉ thị; tổ chức thực hiện các văn bản quy phạm pháp luật...</p>"
                                      % (esc(name), "tỉnh Sơn La" if self.tier == "province" else esc(s["short"]), esc(s["subject"])))
        if item == "gioi-thieu.lich-su":
            return self.label(item), ("<h2>Quá trình hình thành và phát triển</h2><p>%s được thành lập theo Quyết định số 231/QĐ-UB ngày 12/8/1991 "
                                      "của UBND tỉnh Sơn La. Qua gần 30 năm xây dựng và trưởng thành...</p>" % esc(name))
        if item == "gioi-thieu.lanh-dao":
            rows = "".join("<div class='leader'><img src='/images/ld%d.jpg' alt='%s'><p><b>%s</b></p><p>%s</p><p>Điện thoại: 0212.385%d%03d</p>"
                           "<p>Phụ trách: chỉ đạo chung, công tác tổ chức cán bộ, tài chính.</p></div>"
                           % (i, esc(n), esc(n), esc(t), i, r.randint(100, 999)) for i, (t, n) in enumerate(self.leaders))
            return self.label(item), "<h2>%s</h2>%s" % (esc(self.label(item)), rows)
        if item == "gioi-thieu.dia-phuong":
            return self.label(item), ("<h2>Điều kiện tự nhiên, kinh tế - xã hội</h2><p>%s nằm ở phía %s tỉnh Sơn La, diện tích tự nhiên %d,%d km², "
                                      "gồm %d xã, thị trấn với các dân tộc Thái, Mông, Kinh, Mường cùng sinh sống.</p>"
                                      "<p><img src='/images/ban-do-hanh-chinh.jpg' alt='Bản đồ hành chính'></p><p>Di tích, danh thắng: ...</p>"
                                      % (esc(s["short"]), r.choice(["đông", "tây", "bắc", "nam"]), r.randint(600, 1500), r.randint(1, 9), r.randint(9, 20)))
        if item == "gioi-thieu.lien-he":
            c = s["contact"]
            return "Liên hệ", ("<h2>Thông tin liên hệ</h2><p>%s</p><p>Địa chỉ: %s</p><p>Điện thoại: %s</p><p>Email: %s</p>"
                               % (esc(s["name"]), esc(c[0]), c[1], c[3]))
        if item == "chi-dao-dieu-hanh":
            rows = "".join("<li><a href='/uploads/chidao-%d.pdf'>Ý kiến chỉ đạo của %s tại cuộc họp giao ban tháng %d/%d</a></li>"
                           % (m, esc(self.leaders[0][0]), m, YEAR) for m in range(11, 5, -1))
            return self.label(item), "<h2>%s</h2><ul class='list'>%s</ul>" % (esc(self.label(item)), rows)
        if item == "chi-dao-dieu-hanh.khen-thuong-xu-phat":
            return self.label(item), ("<h2>%s</h2><ul><li>Khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua năm 2019</li>"
                                      "<li>Công khai kết quả xử phạt vi phạm hành chính quý III/2020</li></ul>" % esc(self.label(item)))
        if item == "chi-dao-dieu-hanh.lich-cong-tac":
            rows = "".join("<tr><td>%s<br>(%02d/12/2020)</td><td>Sáng: %s họp giao ban. Chiều: làm việc tại cơ quan.</td></tr>"
                           % (d, 14 + i, esc(self.leaders[0][0])) for i, d in enumerate(["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu"]))
            return self.label(item), "<h2>Lịch công tác tuần 51 năm 2020</h2><table class='lich'><tr><th>Thứ/ngày</th><th>Nội dung</th></tr>%s</table>" % rows
        if item == "chien-luoc-quy-hoach":
            return self.label(item), ("<h2>%s</h2><ul><li><a href='/uploads/ke-hoach-5-nam.pdf'>Kế hoạch phát triển %s giai đoạn 2021 - 2025</a></li>"
                                      "<li><a href='/uploads/quy-hoach.pdf'>Quy hoạch phát triển %s tỉnh Sơn La đến năm 2030, tầm nhìn đến năm 2050</a></li></ul>"
                                      % (esc(self.label(item)), esc(s["subject"]), esc(s["subject"])))
        if item == "du-an-dau-thau":
            return self.label(item), ("<h2>Thông tin dự án, đấu thầu, mua sắm công</h2><table><tr><th>Tên gói thầu</th><th>Giá gói thầu</th><th>Hình thức lựa chọn nhà thầu</th></tr>"
                                      "<tr><td>Mua sắm trang thiết bị văn phòng năm 2020</td><td>1.250.000.000 đồng</td><td>Chào hàng cạnh tranh</td></tr>"
                                      "<tr><td>Sửa chữa, cải tạo trụ sở làm việc</td><td>3.480.000.000 đồng</td><td>Đấu thầu rộng rãi qua mạng</td></tr></table>")
        if item == "danh-ba":
            rows = "".join("<tr><td>%s</td><td>%s</td><td>0212.38%05d</td><td>%s@sonla.gov.vn</td></tr>"
                           % (esc(n), esc(t), r.randint(10000, 99999), slugify(n).replace("-", "")[:12]) for t, n in self.leaders)
            return self.label(item), "<h2>Danh bạ thư điện tử công vụ</h2><table><tr><th>Họ và tên</th><th>Chức vụ</th><th>Điện thoại</th><th>Email</th></tr>%s</table>" % rows
        if item == "gop-y":
            rows = "".join("<tr><td>%d</td><td>Dự thảo %s</td><td>%02d/%02d/2020</td><td><a href='/uploads/du-thao-%d.doc'>Tải về</a> | <a href='#gopy'>Góp ý</a></td></tr>"
                           % (i + 1, t, 10 + i, 6 + i, i) for i, t in enumerate(["Quyết định ban hành Quy chế phối hợp " + s["subject"],
                                                                                   "Nghị quyết quy định mức chi hỗ trợ " + s["subject"]]))
            return self.label(item), ("<h2>Lấy ý kiến dự thảo văn bản</h2><table><tr><th>STT</th><th>Tên dự thảo</th><th>Hạn góp ý</th><th></th></tr>%s</table>"
                                      "<form id='gopy' method='post' action='#'><textarea name='noidung'></textarea><button>Gửi góp ý</button></form>" % rows)
        if item == "hoi-dap":
            qa = "".join("<div class='qa'><p class='q'><b>Hỏi:</b> Ông/bà %s ở xã %s hỏi về thủ tục %s? <i>(%02d/%02d/2020 08:%02d)</i></p>"
                         "<p class='a'><b>Trả lời:</b> Theo quy định hiện hành, ...</p></div>"
                         % (esc(person(r)), esc(r.choice(COMMUNES)), esc(r.choice(s["procedures"])), r.randint(1, 28), r.randint(1, 12), r.randint(0, 59)) for _ in range(3))
            return self.label(item), "<h2>Hỏi đáp</h2>%s<form method='post' action='#'><input type='text' name='tieude'><textarea name='cauhoi'></textarea><button>Gửi câu hỏi</button></form>" % qa
        if item == "khoa-hoc":
            return self.label(item), ("<h2>Chương trình, đề tài khoa học</h2><table><tr><th>Tên đề tài</th><th>Chủ nhiệm</th><th>Thời gian thực hiện</th></tr>"
                                      "<tr><td>Nghiên cứu ứng dụng công nghệ thông tin trong quản lý %s</td><td>%s</td><td>2019 - 2020</td></tr></table>"
                                      % (esc(s["subject"]), esc(person(r))))
        if item == "thong-ke":
            return self.label(item), ("<h2>Số liệu thống kê</h2><table><tr><th>Chỉ tiêu</th><th>Năm 2018</th><th>Năm 2019</th></tr>"
                                      "<tr><td>Số hồ sơ tiếp nhận</td><td>1.204</td><td>1.587</td></tr><tr><td>Tỷ lệ giải quyết đúng hạn (%)</td><td>97,8</td><td>98,6</td></tr></table>")
        if item == "chuc-nang.so-do-cong":
            links = [(self.label(i) if i in LABELS else i, self.where(i)) for i in items_for(self.tier)
                     if self.where(i) and i in self.present and i not in ("tin-tuc",)]
            links = [(l, u) for l, u in links if u]
            links += [(c["label"], self.listing_url(c["slug"], 1)) for c in self.cats]
            return self.label(item), "<h2>Sơ đồ cổng</h2><ul class='sitemap'>%s</ul>" % "".join(
                "<li>%s</li>" % self.theme.a(self._here, u, esc(l)) for l, u in links)
        raise KeyError(item)

    def build(self):
        s, t = self.spec, self.theme
        facts_home = {"items": ["gioi-thieu.lien-he"] + [i for i in ("chuc-nang.tim-kiem", "chuc-nang.lien-ket") if i in self.present]}
        # Static item pages.
        for item in items_for(self.tier):
            if item in ("tin-tuc", "van-ban", "thu-tuc-hanh-chinh", "tuyen-truyen-phap-luat", "tieng-nuoc-ngoai",
                        "chuc-nang.tim-kiem", "chuc-nang.lien-ket", "chuc-nang.rss"):
                continue
            if item == "gioi-thieu.lanh-dao" and s.get("leaders_on_structure"):
                continue
            if item == "gioi-thieu.lien-he" and not s.get("contact_page", True):
                continue
            url = self.page_url(item)
            self._here = url
            if item in self.present:
                title, main = self.item_main(item)
                items = [item]
                if item == "gioi-thieu.co-cau-to-chuc" and s.get("leaders_on_structure"):
                    items.append("gioi-thieu.lanh-dao")
                self.emit(url, title, main, {"items": items})
            elif self.decoys.get(item) == "placeholder":
                self.emit(url, self.label(item), "<h2>%s</h2><p class='empty'>%s</p>" % (esc(self.label(item)), PLACEHOLDERS[s["n"] % 3]))
            elif self.decoys.get(item) == "empty":
                self.emit(url, self.label(item), "<h2>%s</h2><table class='list'><tr><th>STT</th><th>Tiêu đề</th><th>Ngày</th></tr></table>"
                                                 "<p>Không có dữ liệu.</p>" % esc(self.label(item)))
        self.plan_featured()
        self.build_listings()
        self.build_articles()
        self.build_documents()
        self.build_services()
        self.build_extras()
        self._here = t.home()
        self.emit(t.home(), "Trang chủ", self.home_main(), facts_home)
        if t.home() != "/":
            self.files.header("/", "Status: 302")
            self.files.header("/", "Location: " + t.home())

    def home_main(self):
        t, s, here = self.theme, self.spec, self.theme.home()
        latest = self.articles[:8]
        rows = []
        for a in latest:
            url = self.article_url(a)
            if s.get("raw_home_links"):
                # DNN without friendly URLs on the home module: the same article as /Default.aspx?tabid=&ArticleId=.
                url = "/Default.aspx?tabid=%d&ArticleId=%d" % (200 + self.cat_index(a["cats"][0]), a["id"])
            date = (" " + t.list_date(a["date"])) if a["date"] else ""
            rows.append("<li>%s%s</li>" % (t.a(here, url, esc(a["title"])), date))
        parts = ['<div class="block news"><h2>Tin mới</h2><ul>%s</ul></div>' % "".join(rows)]
        frows = []
        for i, (a, url) in enumerate(self.featured):
            frows.append('<li>%s</li>' % t.a(here, url, '<img src="/images/tin%d.jpg" alt="%s">' % (i, esc(a["title"]))))
        parts.append('<div class="block featured"><h2>Tin nổi bật</h2><ul>%s</ul></div>' % "".join(frows))
        if "van-ban" in self.present:
            drows = "".join("<li>%s %s</li>" % (t.a(here, self.docs_url(), esc(d["number"])), esc(d["summary"]))
                            for d in self.documents[:5])
            parts.append('<div class="block docs"><h2>Văn bản mới</h2><ul>%s</ul></div>' % drows)
        if s.get("image_links"):
            parts.append('<div class="banners">%s</div>' % "".join(
                t.a(here, self.where(i), '<img src="/images/banner-%s.png" alt="%s">' % (slugify(self.label(i)), esc(self.label(i))))
                for i in s["image_links"] if self.where(i)))
        if "thu-tuc-hanh-chinh" in self.present:
            parts.append('<div class="block dvc">%s</div>' % t.a(here, self.services_url(), '<img src="/images/dvc.png" alt="Dịch vụ công trực tuyến">'))
        return "\n".join(parts)

    def plan_featured(self):
        """The home page's "Tin nổi bật": shared links with tracking parameters, HTTrack copies."""
        s = self.spec
        self.featured = []
        for i, a in enumerate([a for a in self.articles if a["date"] and a["date"].year == YEAR][:3]):
            url = self.article_url(a)
            if s.get("tracking"):
                url += ("&" if "?" in url else "?") + ["utm_source=zalo&utm_medium=social", "fbclid=IwAR0x8Kq2Lm", "utm_source=facebook"][i]
                if "?" in self.article_url(a):
                    # Query-routed platforms answer the variant from a file of its own (the static server
                    # falls back to the bare path, which would be the home page).
                    a.setdefault("variants", []).append(url)
            if s.get("httrack") and i < 2:
                a["httrack"] = "/%s/page%04x.html" % (s["article_root"], (a["id"] * 2654435761) % 65536)
                url = a["httrack"]
            self.featured.append((a, url))

    def build_listings(self):
        s, t = self.spec, self.theme
        per = s["per_page"]
        for cat in self.cats:
            arts = [a for a in self.articles if cat["slug"] in a["cats"]]
            if s.get("unsorted") and len(arts) > 6:
                # Real category pages are not always in date order.
                arts = arts[:]
                arts[1], arts[4] = arts[4], arts[1]
                arts[2], arts[6] = arts[6], arts[2]
            last = max(1, (len(arts) + per - 1) // per)
            pages = range(1, 2) if s.get("postback") else range(1, last + 1)
            for n in pages:
                url = self.listing_url(cat["slug"], n)
                chunk = arts[(n - 1) * per:n * per]
                rows = []
                for a in chunk:
                    date = t.list_date(a["date"]) if a["date"] else ""
                    link = self.article_url(a, cat["slug"])
                    if s.get("afrloop"):
                        # ADF appends its window state to every link it renders: one more URL per article.
                        link += "&_afrLoop=%d" % (3841207 + 7919 * n + self.cat_index(cat["slug"]))
                        a.setdefault("variants", []).append(link)
                    if s["platform"] in ("vnpt-egov", "viettel-egov"):
                        rows.append("<tr><td>%s</td><td>%s</td></tr>" % (t.a(url, link, esc(a["title"])), date))
                    else:
                        rows.append('<div class="item">%s<h3>%s</h3><p>%s</p></div>'
                                    % (date, t.a(url, link, esc(a["title"])), esc(a["body"][0][:90])))
                body = ("<table class='list-news'>%s</table>" if rows and rows[0].startswith("<tr>") else "%s") % "".join(rows)
                if not chunk:
                    body = "<p>Chưa có bài viết nào trong mục này.</p>"
                facts = {}
                if chunk and cat["kind"] == "news":
                    facts["items"] = ["tin-tuc"]
                if chunk and cat["kind"] == "law":
                    facts["items"] = ["tuyen-truyen-phap-luat"]
                self.emit(url, cat["label"], "<h1 class='cat-title'>%s</h1>%s%s" % (esc(cat["label"]), body,
                                                                                   t.pager(url, cat["slug"], n, last) if last > 1 else ""), facts)

    def build_articles(self):
        s, t = self.spec, self.theme
        if s.get("httrack"):
            # More HTTrack copies than are linked: a mirror keeps every page it once fetched.
            for a in [a for a in self.articles if a["date"] and a["date"].year == YEAR][2:6]:
                a["httrack"] = "/%s/page%04x.html" % (s["article_root"], (a["id"] * 2654435761) % 65536)
        for a in self.articles:
            urls = [self.article_url(a, c) for c in a["cats"]] + a.get("variants", [])
            if s.get("raw_home_links") and a in self.articles[:8]:
                urls.append("/Default.aspx?tabid=%d&ArticleId=%d" % (200 + self.cat_index(a["cats"][0]), a["id"]))
            if "httrack" in a:
                urls.append(a["httrack"])
            urls = list(dict.fromkeys(urls))  # one URL for every category on slug-only platforms
            related = [b for b in self.articles if b is not a and b["date"] and b["cats"][0] == a["cats"][0]][:4]
            for url in urls:
                rel = "".join("<li>%s <span>%s</span></li>" % (t.a(url, self.article_url(b), esc(b["title"])), t.related_date(b["date"]))
                              for b in related)
                extra_head = ""
                if s["platform"] == "oracle-webcenter" and a["date"]:
                    extra_head = '<meta property="article:published_time" content="%s">\n' % a["date"].strftime("%Y-%m-%dT%H:%M:%S+07:00")
                date = t.article_date(a["date"]) if a["date"] else ""
                body = "".join("<p>%s</p>" % esc(p) for p in a["body"])
                if a.get("source"):
                    body += "<p class='source'><i>%s</i></p>" % esc(a["source"])
                main = ('<div class="article"><h1 class="title">%s</h1>%s<div class="summary"><b>%s</b></div><div class="body">%s</div>'
                        '<p class="author">Ban biên tập</p></div><div class="related"><h3>Tin liên quan</h3><ul>%s</ul></div>'
                        % (esc(a["title"]), date, esc(a["body"][1]), body, rel))
                self.emit(url, a["title"], main, {"article": (a["id"], a["date"])})

    def build_documents(self):
        s, t = self.spec, self.theme
        if "van-ban" not in self.present:
            return
        per = 10
        docs = self.documents
        last = (len(docs) + per - 1) // per
        show_issuer = s.get("issuer_visible", True)
        for n in range(1, last + 1):
            url = self.docs_url(n)
            chunk = docs[(n - 1) * per:n * per]
            head = "<tr><th>Số/Ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th>%s<th>Tải về</th></tr>" % ("<th>Cơ quan ban hành</th>" if show_issuer else "")
            rows = []
            for d in chunk:
                detail = t.doc(d)
                number = t.a(url, detail, esc(d["number"])) if detail else esc(d["number"])
                rows.append("<tr><td>%s</td><td>%s</td><td>%s</td>%s<td><a href='/uploads/vb/%d.pdf'>Tải về</a></td></tr>"
                            % (number, d["date"].strftime("%d/%m/%Y"), esc(d["summary"]), ("<td>%s</td>" % esc(d["issuer"])) if show_issuer else "", d["id"]))
            pager = " ".join(t.a(url, self.docs_url(k), str(k)) if k != n else "<b>%d</b>" % k for k in range(1, last + 1))
            self.emit(url, self.label("van-ban"), "<h1>%s</h1><table class='vanban'>%s%s</table><div class='pager'>%s</div>"
                      % (esc(self.label("van-ban")), head, "".join(rows), pager),
                      {"items": ["van-ban"], "documents": [(d["number"], d["date"], d["own"]) for d in chunk]})
            for d in chunk:
                detail = t.doc(d)
                if detail:
                    self.emit(detail, d["number"], "<h1>%s %s</h1><table><tr><td>Số ký hiệu</td><td>%s</td></tr><tr><td>Ngày ban hành</td><td>%s</td></tr>"
                              "<tr><td>Cơ quan ban hành</td><td>%s</td></tr><tr><td>Trích yếu</td><td>%s</td></tr></table>"
                              % (esc(d["kind"]), esc(d["number"]), esc(d["number"]), d["date"].strftime("%d/%m/%Y"), esc(d["issuer"]), esc(d["summary"])),
                              {"documents": [(d["number"], d["date"], d["own"])]})

    def build_services(self):
        s, t = self.spec, self.theme
        if "thu-tuc-hanh-chinh" not in self.present:
            return
        per = 15
        svcs = self.services
        last = (len(svcs) + per - 1) // per
        files = self.svc_files or self.files
        button_only = s.get("button_only")
        wording = s.get("level_wording", "muc-do")
        for n in range(1, last + 1):
            url = self.services_url(n)
            rows = []
            for k, v in enumerate(svcs[(n - 1) * per:n * per]):
                link = self.service_url(v)
                action = ("<a class='btn' href='%s'>Nộp hồ sơ</a>" % esc(self.svc_href(url, link))) if v["level"] >= 3 else \
                    "<a class='btn' href='%s'>Chi tiết</a>" % esc(self.svc_href(url, link))
                level_cell = "" if button_only else "<td>%s</td>" % self.level_text(v["level"], wording, short=True)
                rows.append("<tr><td>%d</td><td><a href='%s'>%s</a></td><td>%s</td>%s<td>%s</td></tr>"
                            % ((n - 1) * per + k + 1, esc(self.svc_href(url, link)), esc(v["name"]), esc(v["field"]), level_cell, action))
            head = "<tr><th>STT</th><th>Tên thủ tục hành chính</th><th>Lĩnh vực</th>%s<th></th></tr>" % ("" if button_only else "<th>Mức độ</th>")
            pager = " ".join(("<a href='%s'>%d</a>" % (esc(self.svc_href(url, self.services_url(k))), k)) if k != n else "<b>%d</b>" % k for k in range(1, last + 1))
            main = "<h1>Danh sách thủ tục hành chính - %s</h1><table class='dvc'>%s%s</table><div class='pager'>%s</div>" % (esc(s["name"]), head, "".join(rows), pager)
            facts = {"items": ["thu-tuc-hanh-chinh"], "services": [(v["name"], v["level"]) for v in svcs[(n - 1) * per:n * per]]}
            self.emit_svc(url, "Thủ tục hành chính", main, facts, files)
            for v in svcs[(n - 1) * per:n * per]:
                link = self.service_url(v)
                main = ("<h1>%s</h1><table class='tthc'><tr><td>Lĩnh vực</td><td>%s</td></tr><tr><td>Cơ quan thực hiện</td><td>%s</td></tr>"
                        "<tr><td>Mức độ dịch vụ công</td><td>%s</td></tr><tr><td>Trình tự thực hiện</td><td>Bước 1: Tổ chức, cá nhân chuẩn bị hồ sơ...</td></tr></table>%s"
                        % (esc(v["name"]), esc(v["field"]), esc(s["name"]), self.level_text(v["level"], wording),
                           "<a class='btn' href='#'>Nộp hồ sơ trực tuyến</a>" if v["level"] >= 3 else ""))
                self.emit_svc(link, v["name"], main, {"services": [(v["name"], v["level"])]}, files)

    def svc_href(self, here, target):
        if self.services_origin:
            return target.replace(self.services_origin, "")
        return self.theme.href(here, target)

    def emit_svc(self, url, title, main, facts, files):
        if self.services_origin:
            html = ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>%s - Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Sơn La</title></head>'
                    '<body><div class="top">HỆ THỐNG THÔNG TIN GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TỈNH SƠN LA</div>%s'
                    '<div class="footer">Trung tâm Phục vụ hành chính công tỉnh Sơn La</div></body></html>\n' % (esc(title), main))
            files.add(url.replace(self.services_origin, ""), Page(html, facts))
        else:
            self._here = url
            self.emit(url, title, main, facts)

    @staticmethod
    def level_text(level, wording, short=False):
        if wording == "toan-trinh":
            return {4: "Toàn trình", 3: "Một phần", 2: "Cung cấp thông tin"}[level] if short else \
                {4: "Dịch vụ công trực tuyến toàn trình", 3: "Dịch vụ công trực tuyến một phần", 2: "Cung cấp thông tin trực tuyến"}[level]
        return ("Mức độ %d" % level) if short else "Mức độ %d" % level + {4: " (nộp hồ sơ, thanh toán phí và nhận kết quả trực tuyến)",
                                                                          3: " (nộp hồ sơ trực tuyến, nhận kết quả tại Bộ phận một cửa)",
                                                                          2: " (tải mẫu đơn, tờ khai)"}[level]

    def build_extras(self):
        s, t = self.spec, self.theme
        # English version.
        if "tieng-nuoc-ngoai" in self.present:
            url = self.english_url()
            base = url if url.endswith("/") else url.rsplit("/", 1)[0] + "/"
            c = s["contact"]
            html = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>%s</title></head><body>'
                    '<nav><a href="%s">Tiếng Việt</a> | <a href="%s">Introduction</a> | <a href="%s">Contact</a></nav>'
                    '<h1>Welcome to the %s</h1><p>The %s is a specialised agency of the People\'s Committee of Son La province.</p>'
                    '<h2>News</h2><p>Provincial meeting reviews the work of 2020 (%s)</p></body></html>\n'
                    % (esc(s["english_name"]), t.href(url, "/"), t.href(url, base + "introduction"), t.href(url, base + "contact"), esc(s["english_name"]), esc(s["english_name"]),
                       english_date(self.articles[0]["sort"])))
            self.files.add(url, Page(html, {"items": ["tieng-nuoc-ngoai"]}))
            self.files.add(base + "introduction", Page('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Introduction</title></head><body>'
                                                       '<h1>Introduction</h1><p>Functions and organisation of the %s: Office, Inspectorate, Planning and Finance Division.</p></body></html>\n'
                                                       % esc(s["english_name"]), {"items": ["tieng-nuoc-ngoai"]}))
            self.files.add(base + "contact", Page('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Contact</title></head><body>'
                                                  '<h1>Contact</h1><p>Address: %s</p><p>Tel: %s</p><p>Email: %s</p></body></html>\n'
                                                  % (esc(c[0]), c[1], c[3]), {"items": ["tieng-nuoc-ngoai"]}))
        # RSS.
        rss = s.get("rss")
        if rss == "feed" or rss == "html-list":
            feed = s["feed_url"]
            items = "".join("<item><title>%s</title><link>%s%s</link><pubDate>%s</pubDate></item>"
                            % (esc(a["title"]), self.origin, esc(self.article_url(a)), a["date"].strftime("%a, %d %b %Y %H:%M:%S +0700"))
                            for a in self.articles[:10] if a["date"])
            xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>%s</title><link>%s/</link>%s</channel></rss>\n'
                   % (esc(s["name"]), self.origin, items))
            self.files.add(feed, Page(xml, {"items": ["chuc-nang.rss"]}, content_type="application/rss+xml"))
            if not feed.endswith((".rss", ".xml")):
                self.files.header(header_path(feed), "Content-Type: application/rss+xml; charset=utf-8")
        if rss in ("html-list", "html-only"):
            url = s["rss_url"]
            self._here = url
            if rss == "html-list":
                main = "<h1>RSS</h1><p>Đăng ký nhận tin qua RSS:</p><ul><li>%s</li></ul>" % t.a(url, s["feed_url"], "Tin tức - Sự kiện")
            else:
                # The "RSS" link of a real portal that leads to an ordinary HTML page: no feed behind it.
                main = "<h1>RSS</h1><p>Tin mới nhất:</p><ul>%s</ul>" % "".join(
                    "<li>%s</li>" % t.a(url, self.article_url(a), esc(a["title"])) for a in self.articles[:5])
            self.emit(url, "RSS", main)
        # Search results page behind the form.
        if "chuc-nang.tim-kiem" in self.present and not s.get("js_search"):
            url = t.page("tim-kiem", 99)
            self._here = url
            self.emit(url, "Tìm kiếm", "<h1>Kết quả tìm kiếm</h1><p>Nhập từ khóa để tìm kiếm.</p>")


def verify_traps(site, reached, m):
    """Every item the spec calls present is reachable, and every decoy is really on a reachable page."""
    wanted = site.present & set(items_for(site.tier))
    if site.spec.get("leaders_on_structure"):
        wanted.add("gioi-thieu.lanh-dao")
    if m["items"] != wanted:
        raise SystemExit("%s: items reached %s differ from the spec's %s" % (site.spec["id"], sorted(m["items"] ^ wanted), sorted(wanted)))
    pages = [unicodedata.normalize("NFC", p.html).replace(ZWSP, "") for p in reached.values()]
    for item, kind in site.decoys.items():
        if kind == "heading":
            needle = DECOY_HEADLINES[item]
        elif kind == "hash":
            needle = '<a href="#">%s</a>' % esc(site.label(item)).replace(ZWSP, "")
        elif item == "tuyen-truyen-phap-luat":
            needle = "Chưa có bài viết nào trong mục này."
        else:
            needle = "<h2>%s</h2>" % esc(site.label(item)).replace(ZWSP, "")
        if not any(needle in text for text in pages):
            raise SystemExit("%s: the %s decoy for %s is on no reachable page" % (site.spec["id"], kind, item))


def yaml_value(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def expected_for(site, reached):
    s = site.spec
    m = measure(reached, YEAR, s.get("issuer_visible", True))
    all_ids = {a["id"] for a in site.articles}
    seen_ids = set()
    for p in reached.values():
        if "article" in p.facts:
            seen_ids.add(p.facts["article"][0])
    partial = bool(s.get("postback")) and len(seen_ids) < len(all_ids)
    lines = ["id: %s" % s["id"], "platform: %s" % s["family"], "year: %d" % YEAR, "code: %s" % s["code"], "status: ok", "sections:"]
    for item in items_for(site.tier):
        lines.append("  %s: %s" % (item, "present" if item in m["items"] else "absent"))
    lines.append("news: {count: %d, undated: %d, partial: %s, articles: %d, dated: %d}"
                 % (m["news"], m["undated"], yaml_value(partial), m["articles"], m["dated_articles"]))
    own = m["own"]
    lines.append("documents: {count: %d, own: %s}" % (m["documents"], yaml_value(own)))
    if own is None:
        lines.append("documents_own_reason: \"%s\"" % s["own_reason"])
    lines.append("services: {level3: %d, level4: %d, total: %d}" % (m["level3"], m["level4"], m["total"]))
    lines.append("notes: \"%s\"" % s["notes"].replace('"', "'"))
    return "\n".join(lines) + "\n", m, partial


def tree(folder):
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as fh:
                files[os.path.relpath(path, folder)] = fh.read()
    return files


def check():
    import tempfile
    committed = os.path.join(ROOT, "fixtures", "platforms")
    with tempfile.TemporaryDirectory() as scratch:
        sys.argv = [sys.argv[0], scratch]
        main()
        fresh = {k: v for k, v in tree(scratch).items()}
        on_disk = {k: v for k, v in tree(committed).items() if k not in ("README.md", "floors.yaml")}
    differ = sorted(k for k in set(fresh) | set(on_disk) if fresh.get(k) != on_disk.get(k))
    for name in differ[:20]:
        print("differs: " + name, file=sys.stderr)
    return 1 if differ else 0


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fixtures", "platforms")
    os.makedirs(out, exist_ok=True)
    targets = ["# Targets that audit the platform corpus: `portal-audit serve fixtures/platforms --targets fixtures/platforms/targets.yaml`",
               "# answers on these loopback addresses (127.0.2.N:%d; separate service hosts on 127.0.3.N)." % PORT,
               "# Generated by tools/platforms/generate.py.", "targets:"]
    summary = []
    for spec in SITES:
        site = Site(spec)
        site.build()
        folder = os.path.join(out, spec["id"])
        if os.path.exists(folder):
            shutil.rmtree(folder)
        site.files.write(os.path.join(folder, "site"))
        hosts = {site.origin.split("//")[1]: site.files}
        seeds = [site.origin + "/"]
        if site.svc_files:
            site.svc_files.write(os.path.join(folder, "services"))
            hosts[site.services_origin.split("//")[1]] = site.svc_files
            seeds.append(site.services_origin + "/dvc/")
        reached, broken = crawl(hosts, seeds)
        allowed = set(spec.get("broken_ok", []))
        unexpected = [b for b in broken if not any(b[0].endswith(x) for x in allowed)]
        if unexpected:
            raise SystemExit("%s: broken links %s" % (spec["id"], unexpected[:5]))
        text, m, partial = expected_for(site, reached)
        verify_traps(site, reached, m)
        with open(os.path.join(folder, "expected.yaml"), "w", encoding="utf-8") as fh:
            fh.write(text)
        targets += ["  - id: %s" % spec["id"], "    name: %s" % spec["name"], "    tier: %s" % spec["tier"],
                    "    code: %s" % spec["code"], "    portal: %s/" % site.origin]
        if site.services_origin:
            targets.append("    services: [%s/dvc/]" % site.services_origin)
        summary.append((spec, m, partial, len(reached), len(site.files.pages) + (len(site.svc_files.pages) if site.svc_files else 0)))
    with open(os.path.join(out, "targets.yaml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(targets) + "\n")
    for spec, m, partial, reached, files in summary:
        print("%-34s %-16s news %3d (+%d undated%s) docs %2d own %-4s svc %d/%d/%d  pages %d/%d"
              % (spec["id"], spec["family"], m["news"], m["undated"], ", partial" if partial else "", m["documents"],
                 m["own"], m["level3"], m["level4"], m["total"], reached, files))


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    main()
