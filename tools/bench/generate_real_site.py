#!/usr/bin/env python3
"""Generates a real-shaped agency portal for the crawl benchmark: a Liferay
Sở portal as shared/reference/portal-structures.md and fixtures/platforms
describe it, sized like the 48k-page Liferay mirror of issue 16.

- page sizes 5-200 KB, about 48 KB on average: full pages carry Liferay's
  inline scripts, a three-level Vietnamese menu, side blocks and a footer;
  document details open in Liferay's light pop-up template;
- news categories listed 15 to a page with Liferay's pager
  (`?_101_INSTANCE_<x>_cur=N&p_p_id=101_INSTANCE_<x>&p_p_lifecycle=0`),
  dates before the summaries ("27/07/2022 | 04:04 PM");
- articles at `/<category>/-/view_content/<id>-<slug>` with "Lượt xem",
  tables of figures ("4.798.809", "95,3"), images, attached files (.pdf,
  .docx: links a crawler records without downloading) and related articles;
- legal documents (`/web/guest/van-ban`, "Số/Ký hiệu | Ngày ban hành | Trích
  yếu | Cơ quan ban hành | Tải về") and their details;
- online services ("STT | Tên thủ tục | Mức độ | Lĩnh vực", "Nộp hồ sơ");
- the intro pages of the menu, a site map, and a search form at
  /web/guest/tim-kiem.

Pages are files named by their path and query (nginx and `portal-audit
serve` both answer them). Deterministic: the same PAGES gives the same site.
Prints the number of pages and their average size.

usage: generate_real_site.py PAGES OUT_DIR
"""
import math
import os
import random
import sys

SITE = "Sở Thông tin và Truyền thông tỉnh Sơn La"
PORTLET = "101_INSTANCE_aB3cD4eF"
NEWS_PER_PAGE = 15
ROWS_PER_PAGE = 20
# Page sizes: a log-normal clipped to 5-200 KB whose mean, with the clip, is about 48 KB.
SIZE_MU, SIZE_SIGMA = math.log(48_000), 0.68
SIZE_MIN, SIZE_MAX = 5_000, 200_000

CATEGORIES = [  # slug, label, share of the articles
    ("tin-tuc", "Tin tức - Sự kiện", 30), ("chuyen-doi-so", "Chuyển đổi số", 10),
    ("thong-bao", "Thông báo", 8), ("chi-dao-dieu-hanh", "Chỉ đạo điều hành", 8),
    ("cai-cach-hanh-chinh", "Cải cách hành chính", 7), ("pho-bien-giao-duc-phap-luat", "Phổ biến, giáo dục pháp luật", 7),
    ("bao-chi-xuat-ban", "Báo chí - Xuất bản", 6), ("buu-chinh-vien-thong", "Bưu chính - Viễn thông", 6),
    ("cong-nghe-thong-tin", "Công nghệ thông tin", 7), ("an-toan-thong-tin", "An toàn thông tin", 5),
    ("thi-dua-khen-thuong", "Thi đua - Khen thưởng", 3), ("hoat-dong-doan-the", "Hoạt động đoàn thể", 3),
]
# Intro pages of the menu: slug, label, menu group.
INTRO = [
    ("chuc-nang-nhiem-vu", "Chức năng, nhiệm vụ", "gioi-thieu"), ("co-cau-to-chuc", "Cơ cấu tổ chức", "gioi-thieu"),
    ("lanh-dao-so", "Lãnh đạo Sở", "gioi-thieu"), ("phong-ban-chuyen-mon", "Phòng ban chuyên môn", "co-cau-to-chuc"),
    ("don-vi-su-nghiep", "Đơn vị sự nghiệp", "co-cau-to-chuc"),
    ("qua-trinh-hinh-thanh-va-phat-trien", "Quá trình hình thành và phát triển", "gioi-thieu"),
    ("quy-hoach-ke-hoach", "Chiến lược, định hướng, quy hoạch, kế hoạch phát triển", "thong-tin"),
    ("du-an-dau-thau", "Thông tin về dự án, hạng mục đầu tư, đấu thầu, mua sắm công", "thong-tin"),
    ("thong-ke", "Thống kê", "thong-tin"), ("lich-cong-tac", "Lịch công tác", "thong-tin"),
    ("danh-ba-dien-thoai", "Danh bạ điện thoại", "thong-tin"), ("hoi-dap", "Hỏi đáp", None),
    ("lien-he", "Liên hệ", None), ("so-do-cong", "Sơ đồ cổng", None), ("tim-kiem", "Tìm kiếm", None),
]
GROUPS = [("gioi-thieu", "Giới thiệu"), ("tin-tuc-su-kien", "Tin tức sự kiện"), ("van-ban-group", "Văn bản"),
          ("thu-tuc-hanh-chinh-group", "Thủ tục hành chính"), ("thong-tin", "Thông tin")]
LEADERS = [("Giám đốc Sở", "Nguyễn Văn Hùng"), ("Phó Giám đốc Sở", "Lò Thị Mai"), ("Phó Giám đốc Sở", "Cầm Văn Đoàn"),
           ("Chánh Văn phòng", "Hoàng Thị Thu Hà"), ("Chánh Thanh tra", "Đinh Công Bằng")]
WORDS = ("Sơn La tỉnh huyện xã phường cán bộ công chức viên chức triển khai kế hoạch năm chuyển đổi số dịch vụ công "
         "trực tuyến người dân doanh nghiệp hội nghị tổng kết công tác thông tin truyền thông ứng dụng nông thôn mới "
         "Mộc Châu Thuận Châu Mai Sơn Yên Châu Sông Mã Quỳnh Nhai Bắc Yên Phù Yên Sốp Cộp Vân Hồ đồng chí Phó Chủ tịch "
         "UBND tỉnh chỉ đạo kiểm tra hướng dẫn thực hiện nghị quyết văn bản quy phạm pháp luật cải cách hành chính an "
         "toàn thông tin phát triển kinh tế hạ tầng số bưu chính viễn thông báo chí xuất bản phát thanh truyền hình "
         "đề án chương trình mục tiêu nâng cao chất lượng hiệu quả quản lý nhà nước phối hợp các sở ban ngành đoàn thể "
         "địa bàn đồng bào dân tộc thiểu số vùng cao biên giới tuyên truyền phổ biến giáo dục chính sách").split()
DOC_KINDS = [("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("CV", "Công văn"), ("TB", "Thông báo"), ("BC", "Báo cáo"),
             ("HD", "Hướng dẫn"), ("TTr", "Tờ trình")]
ISSUERS = [("STTTT", SITE), ("UBND", "UBND tỉnh Sơn La"), ("BTTTT", "Bộ Thông tin và Truyền thông")]
FIELDS = ["Báo chí", "Xuất bản, In và Phát hành", "Bưu chính", "Viễn thông và Internet", "Công nghệ thông tin",
          "Phát thanh, truyền hình và thông tin điện tử"]

# Liferay's inline bootstrap script, as every full page of the mirror carries it.
LIFERAY_SCRIPT = """<script type="text/javascript">
// <![CDATA[
var Liferay = { Browser: { acceptsGzip: function() { return true; }, getMajorVersion: function() { return 11.0; },
getRevision: function() { return ""; }, getVersion: function() { return "11.0"; }, isAir: function() { return false; },
isChrome: function() { return false; }, isFirefox: function() { return false; }, isGecko: function() { return true; },
isIe: function() { return false; }, isIphone: function() { return false; }, isLinux: function() { return true; } },
Data: { NAV_SELECTOR: "#navigation", isCustomizationView: function() { return false; }, notices: [null] },
ThemeDisplay: { getLayoutId: function() { return "%(layout)s"; }, getLayoutURL: function() { return "/web/guest/%(page)s"; },
getCompanyId: function() { return "10154"; }, getDoAsUserIdEncoded: function() { return ""; },
getPlid: function() { return "%(plid)s"; }, getScopeGroupId: function() { return "10180"; },
getLanguageId: function() { return "vi_VN"; }, getPathContext: function() { return ""; },
getPathImage: function() { return "/image"; }, getPathThemeImages: function() { return "/so-tttt-theme/images"; },
getSessionId: function() { return ""; }, isSignedIn: function() { return false; } },
PropsValues: { NTLM_AUTH_ENABLED: false } };
var themeDisplay = Liferay.ThemeDisplay;
Liferay.AUI = { getAvailableLangPath: function() { return "available_languages.jsp?browserId=other&themeId=sotttt_WAR_sottttheme&colorSchemeId=01&languageId=vi_VN&b=6205&t=1607302112000"; },
getCombine: function() { return true; }, getComboPath: function() { return "/combo/?browserId=other&minifierType=&languageId=vi_VN&b=6205&t=1607302112000&"; },
getFilter: function() { return "min"; }, getJavaScriptRootPath: function() { return "/html/js"; } };
Liferay.authToken = "Xr7Qm2Lp";
Liferay.currentURL = "\\x2fweb\\x2fguest\\x2f%(page)s";
Liferay.currentURLEncoded = "%%2Fweb%%2Fguest%%2F%(page)s";
// ]]>
</script>
<script src="/html/js/barebone.jsp?browserId=other&amp;themeId=sotttt_WAR_sottttheme&amp;colorSchemeId=01&amp;minifierType=js&amp;minifierBundleId=javascript.barebone.files&amp;languageId=vi_VN&amp;b=6205&amp;t=1607302112000" type="text/javascript"></script>
<link href="/so-tttt-theme/css/main.css?browserId=other&amp;themeId=sotttt_WAR_sottttheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=6205&amp;t=1607302112000" rel="stylesheet" type="text/css">
<style type="text/css">
#p_p_id_%(portlet)s_ .portlet-borderless-container { border-width: 0; } .aui .lfr-pagination-buttons { margin: 10px 0; }
.aui .asset-publisher .asset-title { font-weight: bold; font-size: 14px; } .aui #navigation li ul { display: none; }
.aui #navigation li:hover ul { display: block; } .aui .metadata-publish-date { color: #777; font-size: 11px; }
</style>"""
LIFERAY_TAIL = """<script type="text/javascript">
// <![CDATA[
Liferay.Util.addInputFocus();
Liferay.Portlet.runtimePortletIds = ["73_INSTANCE_Kx9", "%(portlet)s", "3", "82"];
Liferay.Portlet.onLoad({ canEditTitle: false, columnPos: 0, isStatic: "end", namespacedId: "p_p_id_%(portlet)s_",
portletId: "%(portlet)s", refreshURL: "\\x2fc\\x2fportal\\x2frender_portlet\\x3fp_l_id\\x3d%(plid)s\\x26p_p_id\\x3d%(portlet)s" });
AUI().use("aui-base", "liferay-menu", "liferay-notice", "liferay-poller", "liferay-session", function(A) {
(function() { Liferay.Util.addInputType(); Liferay.Portlet.ready(function(portletId, node) { Liferay.Util.addInputType(node); }); })();
(function() { new Liferay.Menu(); var liferayNotices = Liferay.Data.notices; for (var i = 1; i < liferayNotices.length; i++) {
new Liferay.Notice(liferayNotices[i]); } })(); });
// ]]>
</script>
<script type="text/javascript">
var _gaq = _gaq || []; _gaq.push(["_setAccount", "UA-41231822-1"]); _gaq.push(["_trackPageview"]);
(function() { var ga = document.createElement("script"); ga.type = "text/javascript"; ga.async = true;
ga.src = ("https:" == document.location.protocol ? "https://ssl" : "http://www") + ".google-analytics.com/ga.js";
var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(ga, s); })();
</script>"""


class Portal:
    def __init__(self, total, out):
        self.rng = random.Random(2020 + total)
        self.out = out
        self.total = total
        self.written = 0
        self.bytes = 0
        self.next_id = 1_780_000

    # ------------------------------------------------------------ text
    def sentence(self, low, high):
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def paragraph(self):
        return " ".join(self.sentence(12, 30) for _ in range(self.rng.randint(2, 6)))

    def title(self):
        return self.sentence(8, 16).rstrip(".")

    def slug(self, text):
        table = str.maketrans("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
                              "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy")
        plain = text.lower().translate(table)
        return "-".join("".join(c if c.isalnum() else " " for c in plain).split()[:10])

    def date(self):
        day, month, year = self.rng.randint(1, 28), self.rng.randint(1, 12), self.rng.choice([2019, 2020, 2020, 2020, 2021])
        hour, minute = self.rng.randint(1, 12), self.rng.choice([0, 5, 15, 30, 45])
        return f"{day:02d}/{month:02d}/{year}", f"{hour:02d}:{minute:02d} {self.rng.choice(['AM', 'PM'])}"

    def number(self, value):
        return f"{value:,}".replace(",", ".")

    def size(self):
        while True:
            size = int(self.rng.lognormvariate(SIZE_MU, SIZE_SIGMA))
            if SIZE_MIN <= size <= SIZE_MAX:
                return size

    # ------------------------------------------------------------ pages
    def write(self, path, html):
        name = path.lstrip("/") or "index.html"
        if name.endswith("/"):
            name += "index.html"
        full = os.path.join(self.out, name)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = html.encode("utf-8")
        with open(full, "wb") as f:
            f.write(data)
        self.written += 1
        self.bytes += len(data)

    def menu(self):
        def entry(href, label, children=""):
            return f'<li class="{"parent" if children else ""}"><a href="{href}"><span>{label}</span></a>{children}</li>'

        def sub(items):
            return '<ul class="child-menu">' + "".join(items) + "</ul>" if items else ""

        intro = {slug: (label, group) for slug, label, group in INTRO if slug in self.intro}
        groups = []
        for group, label in GROUPS:
            children = []
            if group == "tin-tuc-su-kien":
                children = [entry(f"/web/guest/{c}", l) for c, l, _ in self.categories]
                href = f"/web/guest/{self.categories[0][0]}"
            elif group == "van-ban-group":
                if not self.documents:
                    continue
                children = [entry("/web/guest/van-ban", "Văn bản quy phạm pháp luật"),
                            entry("/web/guest/van-ban", "Văn bản chỉ đạo điều hành")]
                href = "/web/guest/van-ban"
            elif group == "thu-tuc-hanh-chinh-group":
                if not self.services:
                    continue
                children = [entry("/web/guest/thu-tuc-hanh-chinh", "Thủ tục hành chính cấp sở"),
                            entry("/web/guest/thu-tuc-hanh-chinh", "Dịch vụ công trực tuyến mức độ 3, 4")]
                href = "/web/guest/thu-tuc-hanh-chinh"
            else:
                for slug, (item, parent) in intro.items():
                    if parent != group:
                        continue
                    grandchildren = [entry(f"/web/guest/{s}", l) for s, (l, p) in intro.items() if p == slug]
                    children.append(entry(f"/web/guest/{slug}", item, sub(grandchildren)))
                if not children:
                    continue
                href = f"/web/guest/{next(s for s, (_, p) in intro.items() if p == group)}"
            groups.append(entry(href, label, sub(children)))
        for slug in ("hoi-dap", "lien-he", "so-do-cong"):
            if slug in intro:
                groups.append(entry(f"/web/guest/{slug}", intro[slug][0]))
        return ('<nav class="sort-pages modify-pages" id="navigation"><ul class="nav menu">'
                + entry("/", "Trang chủ") + "".join(groups) + "</ul></nav>")

    def side(self):
        latest = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t, _ in self.recent[:6])
        return (f'<div class="portlet-boundary portlet-journal-content"><h2 class="portlet-title-text">Tin mới</h2><ul>{latest}</ul></div>'
                '<div class="portlet-boundary"><h2 class="portlet-title-text">Liên kết website</h2><select onchange="window.open(this.value)">'
                '<option>-- Chọn liên kết --</option><option value="https://mic.gov.vn">Bộ Thông tin và Truyền thông</option>'
                '<option value="https://sonla.gov.vn">Cổng TTĐT tỉnh Sơn La</option><option value="https://dichvucong.sonla.gov.vn">'
                'Cổng dịch vụ công tỉnh Sơn La</option></select></div>'
                '<div class="portlet-boundary"><h2 class="portlet-title-text">Thống kê truy cập</h2>'
                f'<p>Đang truy cập: {self.rng.randint(20, 300)}</p><p>Tổng lượt truy cập: {self.number(self.rng.randint(1_000_000, 9_000_000))}</p></div>')

    def page(self, path, title, body, size=None):
        """A full Liferay page; `body` is extended with paragraphs up to `size` bytes when given."""
        plid = 10000 + self.written
        values = {"page": path.rsplit("/", 1)[-1].split("?")[0], "plid": plid, "layout": plid % 97, "portlet": PORTLET}
        head = (f'<!DOCTYPE html>\n<html class="aui ltr" dir="ltr" lang="vi-VN">\n<head>\n<title>{title} - {SITE}</title>\n'
                '<meta content="text/html; charset=UTF-8" http-equiv="content-type">\n'
                f'<meta name="description" content="{title}">\n<link href="/so-tttt-theme/images/favicon.ico" rel="Shortcut Icon">\n'
                + LIFERAY_SCRIPT % values + "\n</head>\n")
        top = ('<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">'
               '<a href="#main-content" id="skip-to-content">Truy cập nội dung luôn</a><div class="container-fluid" id="wrapper">'
               f'<header id="banner" role="banner"><a class="logo" href="/" title="Trang chủ"><img alt="{SITE}" src="/image/company_logo?img_id=10215&amp;t=1607302112000"></a>'
               '<form action="/web/guest/tim-kiem" method="get" name="fm" class="search"><input name="p_p_id" type="hidden" value="3">'
               '<input name="_3_keywords" placeholder="Nhập từ khóa tìm kiếm" type="text"><button type="submit">Tìm kiếm</button></form></header>'
               + self.menu_html + '<div id="content"><div class="columns-2-r" id="main-content" role="main"><div class="portlet-column-first">')
        bottom = ('</div><div class="portlet-column-last">' + self.side() + '</div></div></div>'
                  f'<footer id="footer" role="contentinfo"><p><strong>{SITE.upper()}</strong></p>'
                  '<p>Địa chỉ: Tầng 4, Tòa nhà 7 tầng, Trung tâm Lưu trữ tỉnh, phường Chiềng Lề, thành phố Sơn La, tỉnh Sơn La.</p>'
                  '<p>Điện thoại: (0212) 3856 600 - Fax: (0212) 3856 601 - Email: sotttt@sonla.gov.vn</p>'
                  '<p>Chịu trách nhiệm chính: Giám đốc Sở Thông tin và Truyền thông. Giấy phép số 05/GP-TTĐT ngày 12/3/2019.</p></footer></div>'
                  + LIFERAY_TAIL % values + "</body></html>")
        filler = []
        if size:
            room = size - sum(len(part.encode("utf-8")) for part in (head, top, body, bottom))
            while room > 0:
                text = f"<p>{self.paragraph()}</p>"
                filler.append(text)
                room -= len(text.encode("utf-8"))
        self.write(path, head + top + body.replace("<!--more-->", "".join(filler)) + bottom)

    def popup(self, path, title, body):
        """Liferay's light pop-up template (p_p_state=pop_up) of document details: 5-12 KB."""
        room = self.rng.randint(SIZE_MIN + 600, 12_000) - 900 - len(body.encode("utf-8"))
        extra = []
        while room > 0:
            extra.append(f"<p>{self.paragraph()}</p>")
            room -= len(extra[-1].encode("utf-8"))
        body += "".join(extra)
        self.write(path, f'<!DOCTYPE html>\n<html class="aui ltr" lang="vi-VN"><head><meta charset="utf-8"><title>{title} - {SITE}</title>'
                         '<link href="/so-tttt-theme/css/main.css" rel="stylesheet"></head><body class="portal-popup">'
                         f'<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/web/guest/van-ban">Văn bản</a></div>{body}'
                         '<p><a href="/web/guest/van-ban">« Quay lại danh sách văn bản</a></p></body></html>')

    def pager(self, base, param, number, count):
        def link(n, label):
            return f'<li><a href="{base}?{param.format(n=n)}">{label}</a></li>'
        items = [link(1, "Đầu"), link(max(1, number - 1), "Trước")] if number > 1 else []
        for n in range(max(1, number - 2), min(count, number + 2) + 1):
            items.append(f'<li class="active"><span>{n}</span></li>' if n == number else link(n, str(n)))
        if number < count:
            items += [link(number + 1, "Tiếp"), link(count, "Cuối")]
        return (f'<div class="lfr-pagination"><div class="lfr-pagination-config">Trang {number} / {count}</div>'
                f'<ul class="lfr-pagination-buttons pager">{"".join(items)}</ul></div>')

    def listing_path(self, base, param, number):
        return base if number == 1 else f"{base}?{param.format(n=number)}"

    # ------------------------------------------------------------ plan
    def plan(self):
        total = self.total
        intro_count = max(2, min(len(INTRO), total // 12))
        self.intro = [slug for slug, _, _ in INTRO[:intro_count]]
        self.documents = int(total * 0.12) if total >= 60 else 0
        self.services = int(total * 0.04) if total >= 100 else 0
        categories = max(1, min(len(CATEGORIES), total // 25))
        self.categories = CATEGORIES[:categories]
        fixed = 1 + intro_count
        fixed += (self.documents and math.ceil(self.documents / ROWS_PER_PAGE)) + self.documents
        fixed += (self.services and math.ceil(self.services / ROWS_PER_PAGE)) + self.services
        left = max(categories * 2, total - fixed)
        # Articles and their listings share what is left.
        articles = max(categories, int(left * NEWS_PER_PAGE / (NEWS_PER_PAGE + 1)))
        weights = sum(w for _, _, w in self.categories)
        self.per_category = [max(1, articles * w // weights) for _, _, w in self.categories]
        while sum(self.per_category) + sum(math.ceil(n / NEWS_PER_PAGE) for n in self.per_category) + fixed < total:
            self.per_category[0] += 1
        while sum(self.per_category) + sum(math.ceil(n / NEWS_PER_PAGE) for n in self.per_category) + fixed > total \
                and self.per_category[0] > 1:
            self.per_category[0] -= 1
        # A page a listing cannot absorb becomes one more intro page.
        short = total - fixed - sum(self.per_category) - sum(math.ceil(n / NEWS_PER_PAGE) for n in self.per_category)
        self.intro = [slug for slug, _, _ in INTRO[:intro_count + max(0, short)]]

    def build(self):
        self.plan()
        self.recent = []
        # Titles first: the side block and related links name real articles.
        news = []
        for (cat, label, _), count in zip(self.categories, self.per_category):
            items = []
            for _ in range(count):
                self.next_id += 1
                title = self.title()
                items.append((f"/{cat}/-/view_content/{self.next_id}-{self.slug(title)}", title, self.date()))
            news.append(items)
        self.recent = [items[0] for items in news if items]
        self.menu_html = self.menu()

        for (cat, label, _), items in zip(self.categories, news):
            for index, (url, title, (day, time)) in enumerate(items):
                self.article(cat, label, url, title, day, time, items[index + 1:index + 6])
            param = "_" + PORTLET + "_cur={n}&p_p_id=" + PORTLET + "&p_p_lifecycle=0"
            pages = max(1, math.ceil(len(items) / NEWS_PER_PAGE))
            for number in range(1, pages + 1):
                rows = "".join(
                    f'<div class="asset-abstract"><span class="metadata-entry metadata-publish-date">{d} | {t}</span>'
                    f'<h3 class="asset-title"><a href="{u}">{ti}</a></h3>'
                    f'<img class="asset-small-image" src="/documents/10180/0/{u.rsplit("/", 1)[-1][:20]}.jpg" alt="{ti}">'
                    f'<div class="asset-summary">{self.sentence(25, 45)}</div></div>'
                    for u, ti, (d, t) in items[(number - 1) * NEWS_PER_PAGE:number * NEWS_PER_PAGE])
                body = (f'<div class="portlet-boundary asset-publisher" id="p_p_id_{PORTLET}_"><h1 class="portlet-title-text">{label}</h1>'
                        f'{rows}{self.pager("/web/guest/" + cat, param, number, pages)}</div>')
                self.page(self.listing_path(f"/web/guest/{cat}", param, number), label, body)

        if self.documents:
            self.legal_documents()
        if self.services:
            self.online_services()
        for slug in self.intro:
            self.intro_page(slug)
        self.home(news)

    def article(self, cat, label, url, title, day, time, related):
        parts = [f'<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/web/guest/{cat}">{label}</a></div>',
                 f'<h1 class="header-title">{title}</h1>',
                 f'<div class="metadata-entry"><span class="metadata-publish-date">{day} | {time.lstrip("0")}</span>'
                 f' - Lượt xem: {self.number(self.rng.randint(15, 12_000))}</div>',
                 f'<div class="journal-content-article"><p><strong>{self.sentence(20, 35)}</strong></p>',
                 f'<p style="text-align:center"><img alt="{title}" src="/documents/10180/{self.next_id}/anh-{self.rng.randint(1, 9)}.jpg" width="600"></p>'
                 f'<p style="text-align:center"><em>{self.sentence(8, 14)}</em></p>',
                 "<!--more-->"]
        if self.rng.random() < 0.35:
            rows = "".join(f"<tr><td>{n}</td><td>{self.rng.choice(['Thành phố Sơn La', 'Huyện Mộc Châu', 'Huyện Thuận Châu', 'Huyện Mai Sơn', 'Huyện Yên Châu'])}</td>"
                           f"<td>{self.number(self.rng.randint(1_000, 4_900_000))}</td><td>{self.rng.randint(40, 99)},{self.rng.randint(0, 9)}</td></tr>"
                           for n in range(1, self.rng.randint(5, 25)))
            parts.append('<table border="1" cellpadding="3" class="table"><thead><tr><th>STT</th><th>Đơn vị</th>'
                         f'<th>Số lượng</th><th>Tỷ lệ (%)</th></tr></thead><tbody>{rows}</tbody></table>')
        if self.rng.random() < 0.3:
            name = self.slug(title)[:40]
            parts.append(f'<p>Tệp đính kèm: <a href="/documents/10180/{self.next_id}/{name}.pdf">{name}.pdf</a>'
                         f' | <a href="/documents/10180/{self.next_id}/{name}.docx">{name}.docx</a></p>')
        parts.append(f'<p style="text-align:right"><strong>{self.rng.choice(["Thu Hà", "Minh Tuấn", "Văn Long", "Phòng TTBCXB"])}</strong></p></div>')
        if related:
            parts.append('<div class="related-assets"><h3>Tin liên quan</h3><ul>'
                         + "".join(f'<li><a href="{u}">{t}</a> <span>({d})</span></li>' for u, t, (d, _) in related) + "</ul></div>")
        parts.append(f'<div class="taglib-social-bookmarks"><a href="https://www.facebook.com/sharer.php?u=https://sotttt.sonla.gov.vn{url}">Chia sẻ</a>'
                     ' <a href="javascript:window.print()">In bài viết</a></div>')
        self.page(url, title, "".join(parts), self.size())

    def legal_documents(self):
        param = "_vanban_WAR_portlet_cur={n}"
        entries = []
        for index in range(self.documents):
            kind, kind_name = self.rng.choice(DOC_KINDS)
            issuer, issuer_name = self.rng.choice(ISSUERS)
            day, _ = self.date()
            number = f"{self.rng.randint(1, 3500)}/{kind}-{issuer}"
            summary = "V/v " + self.sentence(10, 22).rstrip(".").lower()
            doc_id = 3000 + index
            entries.append((doc_id, number, day, summary, issuer_name))
            rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in [
                ("Số ký hiệu", number), ("Ngày ban hành", day), ("Ngày hiệu lực", day), ("Loại văn bản", kind_name),
                ("Cơ quan ban hành", issuer_name), ("Người ký", self.rng.choice(LEADERS)[1]), ("Trích yếu", summary)])
            self.popup(f"/van-ban/-/vanban/{doc_id}/chi-tiet", number,
                       f'<h1>{kind_name} {number}</h1><table class="vanban-detail">{rows}</table>'
                       f'<p>{self.paragraph()}</p><p>Tải về: <a href="/uploads/vb/{doc_id}.pdf">{doc_id}.pdf</a></p>')
        pages = math.ceil(len(entries) / ROWS_PER_PAGE)
        for number in range(1, pages + 1):
            rows = "".join(f'<tr><td><a href="/van-ban/-/vanban/{i}/chi-tiet">{n}</a></td><td>{d}</td><td>{s}</td><td>{o}</td>'
                           f'<td><a href="/uploads/vb/{i}.pdf">Tải về</a></td></tr>'
                           for i, n, d, s, o in entries[(number - 1) * ROWS_PER_PAGE:number * ROWS_PER_PAGE])
            body = ('<h1 class="portlet-title-text">Văn bản</h1><form action="/web/guest/van-ban" method="get">'
                    '<input name="_vanban_WAR_portlet_keywords" type="text"><button>Tìm văn bản</button></form>'
                    '<table class="vanban table"><tr><th>Số/Ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th><th>Cơ quan ban hành</th>'
                    f'<th>Tải về</th></tr>{rows}</table>{self.pager("/web/guest/van-ban", param, number, pages)}')
            self.page(self.listing_path("/web/guest/van-ban", param, number), "Văn bản", body)

    def online_services(self):
        param = "_dvc_WAR_portlet_cur={n}"
        entries = []
        for index in range(self.services):
            level = self.rng.choice([2, 3, 3, 4, 4])
            name = self.rng.choice(["Cấp giấy phép", "Sửa đổi, bổ sung giấy phép", "Cấp lại giấy phép", "Gia hạn giấy phép",
                                    "Thông báo thay đổi", "Cho phép họp báo"]) + " " + self.sentence(4, 9).rstrip(".").lower()
            field = self.rng.choice(FIELDS)
            service_id = 700 + index
            entries.append((service_id, name, level, field))
            self.page(f"/thu-tuc-hanh-chinh/-/thutuc/{service_id}", name,
                      f'<h1>{name}</h1><table class="table"><tr><td>Lĩnh vực</td><td>{field}</td></tr>'
                      f'<tr><td>Mức độ</td><td>Mức độ {level}</td></tr><tr><td>Cơ quan thực hiện</td><td>{SITE}</td></tr>'
                      f'<tr><td>Thời hạn giải quyết</td><td>{self.rng.randint(3, 20)} ngày làm việc</td></tr></table>'
                      f'<h3>Trình tự thực hiện</h3><!--more--><h3>Thành phần hồ sơ</h3><ul>'
                      + "".join(f"<li>{self.sentence(6, 14)}</li>" for _ in range(self.rng.randint(2, 6))) + "</ul>",
                      self.size())
        pages = math.ceil(len(entries) / ROWS_PER_PAGE)
        for number in range(1, pages + 1):
            rows = "".join(
                f'<tr><td>{(number - 1) * ROWS_PER_PAGE + k + 1}</td><td><a href="/thu-tuc-hanh-chinh/-/thutuc/{i}">{n}</a></td>'
                f'<td>Mức độ {lv}</td><td>{f}</td><td>{SITE}</td><td>'
                + (f'<a class="btn" href="https://dichvucong.sonla.gov.vn/nop-ho-so?ma={i}">Nộp hồ sơ</a>' if lv >= 3
                   else f'<a href="/thu-tuc-hanh-chinh/-/thutuc/{i}">Chi tiết</a>') + "</td></tr>"
                for k, (i, n, lv, f) in enumerate(entries[(number - 1) * ROWS_PER_PAGE:number * ROWS_PER_PAGE]))
            body = ('<h1 class="portlet-title-text">Thủ tục hành chính cấp sở</h1><table class="table"><tr><th>STT</th>'
                    '<th>Tên dịch vụ công/Thủ tục hành chính</th><th>Mức độ</th><th>Lĩnh vực</th><th>Cơ quan thực hiện</th><th></th></tr>'
                    f'{rows}</table>{self.pager("/web/guest/thu-tuc-hanh-chinh", param, number, pages)}')
            self.page(self.listing_path("/web/guest/thu-tuc-hanh-chinh", param, number), "Thủ tục hành chính", body)

    def intro_page(self, slug):
        label = next(l for s, l, _ in INTRO if s == slug)
        if slug == "lanh-dao-so":
            body = "".join(f'<div class="leader"><img src="/documents/10180/0/lanh-dao-{n}.jpg" alt="{name}"><h3>{name}</h3>'
                           f'<p>Chức vụ: {role}</p><p>Điện thoại: (0212) 3856 {600 + n}</p><p>Email: {self.slug(name).replace("-", "")}@sonla.gov.vn</p>'
                           f'<p>{self.paragraph()}</p></div>' for n, (role, name) in enumerate(LEADERS))
        elif slug == "tim-kiem":
            body = ('<form action="/web/guest/tim-kiem" method="get"><input name="_3_keywords" type="text">'
                    '<select name="_3_type"><option value="all">Tất cả</option><option value="news">Tin tức</option>'
                    '<option value="vanban">Văn bản</option></select><button type="submit">Tìm kiếm</button></form>'
                    '<p>Nhập từ khóa để tìm kiếm tin bài, văn bản trên cổng.</p>')
        elif slug == "so-do-cong":
            links = [("/", "Trang chủ")] + [(f"/web/guest/{s}", l) for s, l, _ in INTRO if s in self.intro]
            links += [(f"/web/guest/{c}", l) for c, l, _ in self.categories]
            if self.documents:
                links.append(("/web/guest/van-ban", "Văn bản"))
            if self.services:
                links.append(("/web/guest/thu-tuc-hanh-chinh", "Thủ tục hành chính"))
            body = '<ul class="sitemap">' + "".join(f'<li><a href="{u}">{l}</a></li>' for u, l in links) + "</ul>"
        elif slug == "lien-he":
            body = ('<form action="/web/guest/lien-he" method="post"><input name="ho-ten" placeholder="Họ và tên">'
                    '<input name="email" placeholder="Email"><textarea name="noi-dung"></textarea><button>Gửi</button></form>'
                    '<p>Địa chỉ: Tầng 4, Tòa nhà 7 tầng, phường Chiềng Lề, thành phố Sơn La</p>')
        else:
            body = "<!--more-->"
        self.page(f"/web/guest/{slug}", label, f'<h1 class="portlet-title-text">{label}</h1>{body}',
                  None if slug in ("tim-kiem", "so-do-cong", "lien-he") else self.size())

    def home(self, news):
        blocks = []
        for (cat, label, _), items in zip(self.categories, news):
            lis = "".join(f'<li><span class="metadata-publish-date">{d}</span> <a href="{u}">{t}</a></li>' for u, t, (d, _) in items[:6])
            blocks.append(f'<div class="portlet-boundary"><h2 class="portlet-title-text"><a href="/web/guest/{cat}">{label}</a></h2>'
                          f'<ul>{lis}</ul><a class="more" href="/web/guest/{cat}">Xem thêm</a></div>')
        if self.documents:
            blocks.append('<div class="portlet-boundary"><h2 class="portlet-title-text">Văn bản mới</h2>'
                          '<marquee direction="up"><a href="/web/guest/van-ban">Xem tất cả văn bản</a></marquee></div>')
        self.page("/", "Trang chủ", "".join(blocks))


def main():
    total, out = int(sys.argv[1]), sys.argv[2]
    portal = Portal(total, out)
    portal.build()
    print(portal.written, round(portal.bytes / max(1, portal.written) / 1024, 1))


if __name__ == "__main__":
    main()
