"""How each platform family writes its URLs, dates, pagers and page chrome.

A theme turns logical places (a static page, a category listing, an article,
the documents table, a procedure) into the URLs that platform really uses, and
wraps content in that platform's markup. Ground truth never depends on the
theme: it rides on the pages as facts.
"""
import posixpath
from webkit import esc, slugify
from portal_text import WEEKDAYS, SHORT_WEEKDAYS, EN_MONTHS, ampm


def wp_month(dt):
    names = ["Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai"]
    return "Tháng %s %d, %d" % (names[dt.month - 1], dt.day, dt.year)


class Theme:
    family = "base"
    html_class = ""
    absolute = False
    relative = False

    def __init__(self, site):
        self.site = site

    # -- URLs ---------------------------------------------------------------
    def home(self):
        return "/"

    def href(self, here, target):
        """How a link to `target` (a root path, or a full URL) is written on page `here`."""
        if target.startswith(("http://", "https://", "#", "javascript:", "mailto:")):
            return target
        if self.absolute:
            return self.site.origin + target
        if self.relative:
            here_dir = posixpath.dirname(here.split("?")[0]) if not here.endswith("/") else here.rstrip("/")
            path, _, query = target.partition("?")
            rel = posixpath.relpath(path, here_dir or "/")
            if rel == ".":
                rel = "./"
            if path.endswith("/") and not rel.endswith("/"):
                rel += "/"
            return rel + ("?" + query if query else "")
        return target

    def a(self, here, target, label, cls=None, extra=""):
        c = ' class="%s"' % cls if cls else ""
        return '<a href="%s"%s%s>%s</a>' % (esc(self.href(here, target)), c, extra, label)

    # -- dates --------------------------------------------------------------
    def article_date(self, dt):
        return '<div class="date">Ngày đăng: %s</div>' % dt.strftime("%d/%m/%Y")

    def list_date(self, dt):
        return '<span class="date">(%s)</span>' % dt.strftime("%d/%m/%Y")

    def related_date(self, dt):
        return "(%s)" % dt.strftime("%d/%m/%Y")

    # -- chrome ---------------------------------------------------------------
    def pager(self, here, cat, page, last):
        out = []
        if page > 1:
            out.append(self.a(here, self.site.listing_url(cat, page - 1), "« Trang trước"))
        for n in range(max(1, page - 2), min(last, page + 2) + 1):
            out.append("<span class=\"current\">%d</span>" % n if n == page else self.a(here, self.site.listing_url(cat, n), str(n)))
        if page < last:
            out.append(self.a(here, self.site.listing_url(cat, page + 1), "Trang sau »"))
        return '<div class="pagination">%s</div>' % " ".join(out)

    def head(self, title, extra=""):
        return ('<!DOCTYPE html>\n<html lang="vi"%s>\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n%s</head>\n'
                % (' class="%s"' % self.html_class if self.html_class else "", esc(title), extra))

    def page_title(self, title):
        return "%s - %s" % (title, self.site.spec["name"])

    def wrap(self, here, title, main, extra_head=""):
        s = self.site
        return (self.head(self.page_title(title), extra_head) + "<body>\n" + self.header(here) + s.menu_html(here) +
                '<div id="main">\n<div id="content">\n' + main + "\n</div>\n" + s.sidebar_html(here) +
                "</div>\n" + s.footer_html(here) + "</body>\n</html>\n")

    def header(self, here):
        s = self.site
        return ('<div id="header"><a href="%s"><img src="/images/logo.png" alt="Trang chủ %s"></a>'
                '<div class="site-name">%s</div></div>\n' % (esc(self.href(here, "/")), esc(s.spec["name"]), esc(s.spec["name"].upper())))


class WordPress(Theme):
    family = "wordpress"

    def page(self, slug, pid):
        return "/%s/" % slug

    def listing(self, cat, n):
        return "/category/%s/" % cat if n == 1 else "/category/%s/page/%d/" % (cat, n)

    def article(self, art, cat):
        return "/%s/" % art["slug"]

    def docs(self, n):
        return "/van-ban/" if n == 1 else "/van-ban/page/%d/" % n

    def doc(self, d):
        return None

    def article_date(self, dt):
        return ('<div class="entry-meta"><span class="posted-on">Đăng ngày <time class="entry-date published" datetime="%s">%s</time>'
                '</span> <span class="byline">bởi <span class="author vcard">Ban biên tập</span></span></div>'
                % (dt.strftime("%Y-%m-%dT%H:%M:%S+07:00"), dt.strftime("%d/%m/%Y")))

    def list_date(self, dt):
        return '<time class="entry-date" datetime="%s">%s</time>' % (dt.strftime("%Y-%m-%dT%H:%M:%S+07:00"), wp_month(dt))

    def pager(self, here, cat, page, last):
        out = []
        if self.site.spec.get("older_newer"):
            # Themes that only offer "older posts / newer posts": the last page is as far as the chain is long.
            if page < last:
                out.append('<div class="nav-previous">%s</div>' % self.a(here, self.site.listing_url(cat, page + 1), "&larr; Bài cũ hơn"))
            if page > 1:
                out.append('<div class="nav-next">%s</div>' % self.a(here, self.site.listing_url(cat, page - 1), "Bài mới hơn &rarr;"))
            return '<nav class="navigation posts-navigation"><div class="nav-links">%s</div></nav>' % "".join(out)
        if page > 1:
            out.append(self.a(here, self.site.listing_url(cat, page - 1), "&laquo; Trước", "prev page-numbers"))
        for n in sorted({1, page - 1, page, page + 1, last}):
            if 1 <= n <= last:
                out.append('<span aria-current="page" class="page-numbers current">%d</span>' % n if n == page
                           else self.a(here, self.site.listing_url(cat, n), str(n), "page-numbers"))
        if page < last:
            out.append(self.a(here, self.site.listing_url(cat, page + 1), "Sau &raquo;", "next page-numbers"))
        return '<nav class="navigation pagination"><div class="nav-links">%s</div></nav>' % "\n".join(out)

    def header(self, here):
        return ('<header id="masthead" class="site-header"><div class="site-branding"><a href="/" rel="home">'
                '<img src="/wp-content/uploads/2019/05/logo.png" alt="%s"></a><p class="site-description">Trang thông tin điện tử</p></div></header>\n'
                % esc(self.site.spec["name"]))


class Joomla(Theme):
    family = "joomla"

    def page(self, slug, pid):
        return "/index.php?option=com_content&view=article&id=%d:%s&catid=8&Itemid=%d" % (pid, slug, 100 + pid % 50)

    def listing(self, cat, n):
        c = self.site.cat_index(cat)
        base = "/index.php?option=com_content&view=category&id=%d&Itemid=%d" % (9 + c, 120 + c)
        return base if n == 1 else base + "&limitstart=%d" % ((n - 1) * self.site.spec["per_page"])

    def article(self, art, cat):
        c = self.site.cat_index(cat)
        return "/index.php?option=com_content&view=article&id=%d:%s&catid=%d&Itemid=%d" % (art["id"], art["slug"], 9 + c, 120 + c)

    def docs(self, n):
        return "/index.php?option=com_vanban&view=list&Itemid=140" + ("" if n == 1 else "&limitstart=%d" % ((n - 1) * 10))

    def doc(self, d):
        return "/index.php?option=com_vanban&view=detail&id=%d&Itemid=140" % d["id"]

    def article_date(self, dt):
        return ('<dl class="article-info muted"><dt class="article-info-term">Chi tiết</dt>'
                '<dd class="published"><span class="icon-calendar"></span> Ngày đăng: %s, %d Tháng %d %d %s</dd></dl>'
                % (WEEKDAYS[dt.weekday()], dt.day, dt.month, dt.year, dt.strftime("%H:%M")))

    def list_date(self, dt):
        return '<span class="list-date small">%s</span>' % dt.strftime("%d-%m-%Y")

    def pager(self, here, cat, page, last):
        out = ['<li class="pagination-start">%s</li>' % self.a(here, self.site.listing_url(cat, 1), "Bắt đầu")]
        if page > 1:
            out.append('<li class="pagination-prev">%s</li>' % self.a(here, self.site.listing_url(cat, page - 1), "Lùi"))
        for n in range(1, last + 1):
            out.append('<li>%s</li>' % (("<span>%d</span>" % n) if n == page else self.a(here, self.site.listing_url(cat, n), str(n))))
        if page < last:
            out.append('<li class="pagination-next">%s</li>' % self.a(here, self.site.listing_url(cat, page + 1), "Tiếp"))
            out.append('<li class="pagination-end">%s</li>' % self.a(here, self.site.listing_url(cat, last), "Cuối"))
        return ('<div class="pagination"><p class="counter pull-right">Trang %d / %d</p><ul>%s</ul></div>'
                % (page, last, "".join(out)))


class DotNetNuke(Theme):
    family = "dotnetnuke"

    def page(self, slug, pid):
        return "/tabid/%d/default.aspx" % (50 + pid)

    def listing(self, cat, n):
        tab = 200 + self.site.cat_index(cat)
        if self.site.spec.get("postback"):
            return "/tabid/%d/default.aspx" % tab
        return "/Default.aspx?tabid=%d" % tab + ("" if n == 1 else "&page=%d" % n)

    def article(self, art, cat):
        tab = 200 + self.site.cat_index(cat)
        if self.site.spec.get("query_articles"):
            return "/Default.aspx?tabid=%d&ArticleId=%d" % (tab, art["id"])
        return "/tabid/%d/ArticleId/%d/%s.aspx" % (tab, art["id"], art["slug"])

    def docs(self, n):
        return "/tabid/90/default.aspx" if n == 1 else "/tabid/90/default.aspx?page=%d" % n

    def doc(self, d):
        return None

    def article_date(self, dt):
        if self.site.spec.get("query_articles"):
            return '<span id="dnn_ctr455_ViewArticle_lblDate" class="NormalBold">%s | %s</span>' % (dt.strftime("%H:%M"), dt.strftime("%d/%m/%Y"))
        return ('<span id="dnn_ctr455_ViewArticle_lblDate" class="ArticleDate">Cập nhật lúc %dh%02d, %s, %d/%d/%d</span>'
                % (dt.hour, dt.minute, WEEKDAYS[dt.weekday()], dt.day, dt.month, dt.year))

    def list_date(self, dt):
        return '<span class="ngay">%s</span>' % dt.strftime("%d/%m/%Y")

    def pager(self, here, cat, page, last):
        if self.site.spec.get("postback"):
            links = ['<a href="javascript:__doPostBack(\'dnn$ctr455$ListArticle$rptPager$ctl%02d$lnkPage\',\'\')">%d</a>' % (n, n)
                     for n in range(1, last + 1)]
            links.append('<a href="javascript:__doPostBack(\'dnn$ctr455$ListArticle$lnkNext\',\'\')">Trang sau</a>')
            return '<div class="pager" id="dnn_ctr455_ListArticle_divPager">%s</div>' % " ".join(links)
        out = [self.a(here, self.site.listing_url(cat, n), str(n)) if n != page else "<b>%d</b>" % n for n in range(1, last + 1)]
        if page < last:
            out.append(self.a(here, self.site.listing_url(cat, page + 1), "Trang sau"))
        out.append('<a href="javascript:__doPostBack(\'dnn$ctr455$ListArticle$lnkLast\',\'\')">Trang cuối</a>')
        return '<div class="pager">%s</div>' % " ".join(out)

    def header(self, here):
        return ('<div id="dnn_HeaderPane"><a id="dnn_dnnLOGO_hypLogo" href="/"><img id="dnn_dnnLOGO_imgLogo" src="/Portals/0/logo.png" alt="%s"></a></div>\n'
                % esc(self.site.spec["name"]))


class Static(Theme):
    """A generated site in slug folders, linked relatively, one <title> for all pages."""
    family = "static"
    relative = True

    def page(self, slug, pid):
        return "/%s/" % slug

    def listing(self, cat, n):
        return "/%s/" % cat if n == 1 else "/%s/trang-%d.html" % (cat, n)

    def article(self, art, cat):
        return "/%s/%s/" % (self.site.spec["article_root"], art["slug"])

    def docs(self, n):
        return "/van-ban/" if n == 1 else "/van-ban/trang-%d.html" % n

    def doc(self, d):
        return None

    def page_title(self, title):
        return self.site.spec["name"]  # the same <title> on every page

    def article_date(self, dt):
        if self.site.spec.get("date_style") == "words":
            return '<p class="meta">Ngày %d tháng %d năm %d</p>' % (dt.day, dt.month, dt.year)
        return '<p class="meta"><i class="icon-clock"></i> %s</p>' % dt.strftime("%d.%m.%Y")

    def list_date(self, dt):
        return '<span class="meta">%s</span>' % dt.strftime("%d.%m.%Y")


class Liferay(Theme):
    family = "liferay"
    html_class = "aui ltr"

    def home(self):
        return "/web/guest/trang-chu"

    def page(self, slug, pid):
        return "/web/guest/%s" % slug

    def listing(self, cat, n):
        base = "/web/guest/%s" % cat
        return base if n == 1 else base + "?p_p_id=101_INSTANCE_abc&p_p_lifecycle=0&_101_INSTANCE_abc_cur=%d" % n

    def article(self, art, cat):
        return "/%s/-/view_content/%d-%s" % (cat, art["id"], art["slug"])

    def docs(self, n):
        return "/web/guest/van-ban" + ("" if n == 1 else "?_vanban_WAR_portlet_cur=%d" % n)

    def doc(self, d):
        return "/van-ban/-/vanban/%d/chi-tiet" % d["id"]

    def article_date(self, dt):
        h, suffix = ampm(dt)
        if self.site.spec.get("liferay") == 7:
            text = "%d/%d/%d | %d:%02d %s" % (dt.day, dt.month, dt.year, h, dt.minute, suffix)
        else:
            text = "%s | %02d:%02d %s" % (dt.strftime("%d/%m/%Y"), h, dt.minute, suffix)
        return '<div class="publish-date"><span class="date">%s</span></div>' % text

    def list_date(self, dt):
        h, suffix = ampm(dt)
        return '<span class="metadata-entry metadata-publish-date">%s | %02d:%02d %s</span>' % (dt.strftime("%d/%m/%Y"), h, dt.minute, suffix)

    def pager(self, here, cat, page, last):
        out = []
        if page > 1:
            out.append('<li>%s</li>' % self.a(here, self.site.listing_url(cat, 1), "Đầu"))
            out.append('<li>%s</li>' % self.a(here, self.site.listing_url(cat, page - 1), "Trước"))
        if page < last:
            out.append('<li>%s</li>' % self.a(here, self.site.listing_url(cat, page + 1), "Tiếp"))
            out.append('<li>%s</li>' % self.a(here, self.site.listing_url(cat, last), "Cuối"))
        per = self.site.spec["per_page"]
        return ('<div class="taglib-page-iterator"><div class="search-results">Hiển thị %d - %d of %d kết quả.</div>'
                '<ul class="lfr-pagination-buttons pager">%s</ul></div>' % ((page - 1) * per + 1, page * per, last * per, "".join(out)))

    def header(self, here):
        return ('<a href="#main-content" id="skip-to-content">Truy cập nội dung luôn</a>\n'
                '<header id="banner"><a class="logo" href="/web/guest/trang-chu" title="Trang chủ"><img alt="%s" src="/image/company_logo"></a></header>\n'
                % esc(self.site.spec["name"]))


class OracleWebCenter(Theme):
    """Oracle WebCenter/ADF: absolute links everywhere, dDocName article ids, _afrLoop state."""
    family = "oracle-webcenter"
    absolute = True

    def page(self, slug, pid):
        return "/webcenter/portal/%s/pages_%s" % (self.site.spec["wc"], slug)

    def listing(self, cat, n):
        base = "/webcenter/portal/%s/pages_%s" % (self.site.spec["wc"], cat)
        return base if n == 1 else base + "?page=%d" % n

    def article(self, art, cat):
        return "/webcenter/portal/%s/r/%s/chi-tiet?dDocName=%sUCM%06d" % (self.site.spec["wc"], cat, slugify(self.site.spec["code"]).upper(), art["id"])

    def docs(self, n):
        return "/webcenter/portal/%s/pages_van-ban" % self.site.spec["wc"] + ("" if n == 1 else "?page=%d" % n)

    def doc(self, d):
        return None

    def article_date(self, dt):
        if self.site.spec.get("english_label"):
            return '<div class="af_panelGroupLayout"><span class="x2ed">Publish date: %s</span></div>' % dt.strftime("%d/%m/%Y %H:%M")
        return ('<div class="af_panelGroupLayout"><span class="x2ed">%s, %s</span></div>'
                % (WEEKDAYS[dt.weekday()], dt.strftime("%d/%m/%Y - %H:%M")))

    def list_date(self, dt):
        return '<span class="x2ee">%s</span>' % dt.strftime("%Y-%m-%d")

    def head(self, title, extra=""):
        return Theme.head(self, title, extra + '<script src="/webcenter/portal/adf/jsLibs/Common.js"></script>\n')

    def header(self, here):
        # Shared WebCenter chrome: the top bar links to other hosts of the provincial system.
        return (Theme.header(self, here) + '<div class="topbar"><a href="http://sonla.gov.vn/">Cổng TTĐT tỉnh Sơn La</a> | '
                '<a href="http://mof.gov.vn/webcenter/portal/btc">Bộ Tài chính</a> | <a href="http://dichvucong.sonla.gov.vn/">'
                'Dịch vụ công tỉnh Sơn La</a> | <a href="http://mail.sonla.gov.vn/">Thư điện tử công vụ</a></div>\n')


class VNPT(Theme):
    """VNPT eGov template: Default.aspx?sname=…&sid=…&pageid=…&catid=…&id=… and table cells of dates."""
    family = "vnpt-egov"

    def q(self, **kw):
        kw.setdefault("sname", self.site.spec["sname"])
        kw.setdefault("sid", self.site.spec["sid"])
        return "/Default.aspx?" + "&".join("%s=%s" % kv for kv in kw.items())

    def page(self, slug, pid):
        return self.q(pageid=str(pid + 400))

    def listing(self, cat, n):
        c = self.site.cat_index(cat)
        args = dict(pageid=str(27 + c), catid=str(60 + c), catname=cat)
        if n > 1:
            args["p"] = str(n)
        return self.q(**args)

    def article(self, art, cat):
        c = self.site.cat_index(cat)
        return self.q(pageid=str(27 + c), catid=str(60 + c), id=str(art["id"]), catname=cat, title=art["slug"])

    def docs(self, n):
        return self.q(pageid="2", mid="7", **({"p": str(n)} if n > 1 else {}))

    def doc(self, d):
        return self.q(pageid="2", mid="7", vbid=str(d["id"]))

    def article_date(self, dt):
        h, suffix = ampm(dt, vietnamese=True)
        return '<div class="ngaydang">(Ngày đăng :%s %02d:%02d:00 %s)</div>' % (dt.strftime("%d/%m/%Y"), h, dt.minute, suffix)

    def list_date(self, dt):
        return dt.strftime("%d/%m/%Y")


class Viettel(Theme):
    """Viettel-built eGov portal: /Pages/chi-tiet-tin.aspx?newsid=N&catid=M, "Ngày đăng:" labels, weekday prefixes."""
    family = "viettel-egov"

    def page(self, slug, pid):
        return "/Pages/%s.aspx" % slug

    def listing(self, cat, n):
        return "/Pages/danh-sach-tin.aspx?catid=%d" % (30 + self.site.cat_index(cat)) + ("" if n == 1 else "&trang=%d" % n)

    def article(self, art, cat):
        return "/Pages/chi-tiet-tin.aspx?newsid=%d&catid=%d" % (art["id"], 30 + self.site.cat_index(cat))

    def docs(self, n):
        return "/Pages/van-ban.aspx" + ("" if n == 1 else "?trang=%d" % n)

    def doc(self, d):
        return "/Pages/chi-tiet-van-ban.aspx?vbid=%d" % d["id"]

    def article_date(self, dt):
        return ('<div class="news-date"><span class="label">Ngày đăng:</span> %s, %s - %s | Lượt xem: %d</div>'
                % (SHORT_WEEKDAYS[dt.weekday()], dt.strftime("%d/%m/%Y"), dt.strftime("%H:%M"), 40 + dt.day * 7))

    def list_date(self, dt):
        return dt.strftime("%d/%m/%Y")


def english_date(dt):
    return "%s %d, %d" % (EN_MONTHS[dt.month - 1], dt.day, dt.year)


THEMES = {cls.family: cls for cls in (WordPress, Joomla, DotNetNuke, Static, Liferay, OracleWebCenter, VNPT, Viettel)}
