"""The 32 agencies of the Sơn La 2020 decision and the shape of each recorded portal.

Every entry says which platform the portal runs, which Decree 43 items it
lacks or hides (footer only, site-map only) and which hard cases it carries.
The generator turns this table into files; expected figures are measured from
those files, never written by hand.
"""

PROVINCE = [
    ("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh"),
    ("so-noi-vu", "Sở Nội vụ"),
    ("so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông"),
    ("ban-dan-toc", "Ban Dân tộc"),
    ("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ"),
    ("so-y-te", "Sở Y tế"),
    ("so-giao-thong-van-tai", "Sở Giao thông vận tải"),
    ("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch"),
    ("so-cong-thuong", "Sở Công Thương"),
    ("so-xay-dung", "Sở Xây dựng"),
    ("so-tai-chinh", "Sở Tài chính"),
    ("so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư"),
    ("so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường"),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("so-tu-phap", "Sở Tư pháp"),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội"),
    ("ban-quan-ly-cac-khu-cong-nghiep", "Ban Quản lý các khu công nghiệp tỉnh"),
    ("thanh-tra-tinh", "Thanh tra tỉnh"),
    ("so-ngoai-vu", "Sở Ngoại vụ"),
    ("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo"),
]
DISTRICT = [
    ("huyen-moc-chau", "UBND huyện Mộc Châu"),
    ("thanh-pho-son-la", "UBND thành phố Sơn La"),
    ("huyen-song-ma", "UBND huyện Sông Mã"),
    ("huyen-sop-cop", "UBND huyện Sốp Cộp"),
    ("huyen-mai-son", "UBND huyện Mai Sơn"),
    ("huyen-phu-yen", "UBND huyện Phù Yên"),
    ("huyen-yen-chau", "UBND huyện Yên Châu"),
    ("huyen-quynh-nhai", "UBND huyện Quỳnh Nhai"),
    ("huyen-bac-yen", "UBND huyện Bắc Yên"),
    ("huyen-thuan-chau", "UBND huyện Thuận Châu"),
    ("huyen-muong-la", "UBND huyện Mường La"),
    ("huyen-van-ho", "UBND huyện Vân Hồ"),
]

# Short codes used in document numbers (e.g. 125/QĐ-SNV).
CODES = {
    "van-phong-ubnd-tinh": "VPUB", "so-noi-vu": "SNV", "so-thong-tin-va-truyen-thong": "STTTT",
    "ban-dan-toc": "BDT", "so-khoa-hoc-va-cong-nghe": "SKHCN", "so-y-te": "SYT",
    "so-giao-thong-van-tai": "SGTVT", "so-van-hoa-the-thao-va-du-lich": "SVHTTDL", "so-cong-thuong": "SCT",
    "so-xay-dung": "SXD", "so-tai-chinh": "STC", "so-ke-hoach-va-dau-tu": "SKHĐT",
    "so-tai-nguyen-va-moi-truong": "STNMT", "so-nong-nghiep-va-phat-trien-nong-thon": "SNN",
    "so-tu-phap": "STP", "so-lao-dong-thuong-binh-va-xa-hoi": "SLĐTBXH", "ban-quan-ly-cac-khu-cong-nghiep": "BQLKCN",
    "thanh-tra-tinh": "TTr", "so-ngoai-vu": "SNgV", "so-giao-duc-va-dao-tao": "SGDĐT",
}

# Options (all optional):
#   platform   liferay | slugid | sharepoint | dnn | nukeviet | other-pages | other-article
#   absent     Decree 43 items the portal does not carry at all
#   place      item -> menu | block | footer | sitemap (where the only link to it sits);
#              chuc-nang.so-do-cong -> xml: no site map page, only /sitemap.xml
#   pager      numbered | next | relnext | js | telerik     next: label of the "next" link
#   services   portal | host | none      wording: explicit | short | dvc | toan-trinh | button
#   docs       table | detail | ticker
#   encoding   utf8 | cp1258-meta | header-only;  entities, nfd: text transforms of the whole site
#   status     ok | blocked | unreachable
OPTIONS = {
    "van-phong-ubnd-tinh": dict(platform="liferay", absent=["khoa-hoc"], calendar_trap=True, robots="basic",
                                sitemap_xml=True, services="portal", wording="explicit", pager="numbered",
                                docs="table", vip_services=True,
                                notes="Liferay; / redirects to /web/guest/trang-chu; lịch công tác is a calendar trap "
                                      "(60 pages ?ngay=2020-MM-DD, each linking the next day); robots.txt and sitemap.xml; "
                                      "level-4 procedures repeated in a home block (dedupe by name)"),
    "so-noi-vu": dict(platform="liferay", absent=["tieng-nuoc-ngoai", "khoa-hoc"], pager="numbered", docs="detail",
                      services="portal", wording="short",
                      notes="Liferay; 'Hiển thị 1 - 10 of 23 kết quả.' style totals; documents with detail pages and PDFs; "
                            "wording 'mức 3'/'mức 4'; no English version"),
    "so-thong-tin-va-truyen-thong": dict(platform="liferay", absent=[], tracking_dups=True, robots="basic",
                                         sitemap_xml=True, pager="next", next_label="Tiếp", services="portal",
                                         wording="dvc", docs="table",
                                         notes="Liferay, every item present; the same articles linked with utm_source "
                                               "and fbclid tracking parameters (count once); pager 'Tiếp'; 'DVC mức độ N'"),
    "ban-dan-toc": dict(platform="nukeviet", absent=["du-an-dau-thau", "khoa-hoc", "thong-ke", "tieng-nuoc-ngoai",
                                                     "chuc-nang.rss", "gop-y"],
                        pager="numbered", services="portal", wording="button", docs="table",
                        notes="NukeViet; six items missing; procedures without level wording, only a 'Nộp hồ sơ' "
                              "button (level 3 inferred)"),
    "so-khoa-hoc-va-cong-nghe": dict(platform="nukeviet", absent=["tieng-nuoc-ngoai"], undated=3, pager="next",
                                     next_label="Trang sau", services="portal", wording="dvc", docs="detail",
                                     sitemap_xml=True,
                                     notes="NukeViet; three news items without any date (undated); document detail pages"),
    "so-y-te": dict(platform="sharepoint", absent=["tieng-nuoc-ngoai", "khoa-hoc"], pager="next",
                    next_label="Trang sau", services="host", wording="explicit", docs="detail", robots="basic",
                    notes="SharePoint (/Pages/chi-tiet-tin-tuc.aspx?ItemID=N, Lists/VanBan/View_Detail.aspx); "
                          "services on a separate host, numbering continues across pages"),
    "so-giao-thong-van-tai": dict(platform="dnn", absent=["khoa-hoc", "thong-ke", "chuc-nang.rss"], pager="js",
                                  services="portal", wording="button", docs="table",
                                  notes="DotNetNuke; news pager is javascript:__doPostBack only, so older items are "
                                        "unreachable (partial); 'Nộp hồ sơ' buttons only"),
    "so-van-hoa-the-thao-va-du-lich": dict(platform="other-pages", absent=["khoa-hoc"], unsorted=True, pager="numbered",
                                           services="portal", wording="explicit", docs="table",
                                           notes="/portal/pages/YYYY-MM-DD/<Slug>-<id>.aspx; news lists not sorted by "
                                                 "date; dates without leading zeros"),
    "so-cong-thuong": dict(platform="nukeviet", absent=["gop-y", "tieng-nuoc-ngoai"], entities=True, pager="numbered",
                           services="portal", wording="explicit", docs="table",
                           notes="NukeViet; every non-ASCII letter written as an HTML entity (TH&Ocirc;NG TIN, &#7899;)"),
    "so-xay-dung": dict(platform="sharepoint", absent=["van-ban", "chuc-nang.rss", "khoa-hoc"], docs="ticker",
                        pager="numbered", services="portal", wording="short",
                        notes="SharePoint; documents only as a 'Văn bản mới' ticker of titles without numbers, "
                              "so van-ban is absent and documents count 0"),
    "so-tai-chinh": dict(platform="liferay", absent=["khoa-hoc"], place={"gioi-thieu.lien-he": "footer",
                                                                         "danh-ba": "footer", "hoi-dap": "footer"},
                         pager="numbered", services="portal", wording="explicit", docs="table", robots="basic",
                         notes="Liferay; liên hệ, danh bạ and hỏi đáp linked only from the footer"),
    "so-ke-hoach-va-dau-tu": dict(platform="liferay", absent=[], place={"khoa-hoc": "sitemap", "thong-ke": "sitemap",
                                                                        "gop-y": "sitemap"},
                                  pager="next", next_label="next", services="portal", wording="explicit", docs="detail",
                                  print_links=True,
                                  notes="Liferay; khoa học, thống kê and góp ý reachable only from the site map page; "
                                        "English leftover pager label 'next'; print variants ?print=true of every article"),
    "so-tai-nguyen-va-moi-truong": dict(platform="sharepoint", absent=["tieng-nuoc-ngoai"], pager="numbered",
                                        services="portal", wording="short", docs="detail", sitemap_xml=True,
                                        notes="SharePoint; sitemap.xml; wording 'Mức 2/3/4'"),
    "so-nong-nghiep-va-phat-trien-nong-thon": dict(platform="other-article", absent=["danh-ba", "tieng-nuoc-ngoai"],
                                                   undated=2, pager="numbered", services="portal", wording="explicit",
                                                   docs="table", absolute_links=True,
                                                   notes="/Article/<id>/<Slug>.html; absolute links; two undated news items"),
    "so-tu-phap": dict(platform="liferay", absent=["khoa-hoc"], pager="numbered", services="host",
                       wording="toan-trinh", docs="table",
                       notes="Liferay; services on a separate host worded 'Toàn trình' / 'Một phần'"),
    "so-lao-dong-thuong-binh-va-xa-hoi": dict(platform="dnn", absent=["tieng-nuoc-ngoai", "khoa-hoc"], pager="telerik",
                                              services="host", wording="explicit", docs="table", robots="basic",
                                              notes="DotNetNuke; Telerik pager (.rgPageNext) with real hrefs; services "
                                                    "on a separate host"),
    "ban-quan-ly-cac-khu-cong-nghiep": dict(platform="dnn", absent=["khoa-hoc", "thong-ke", "danh-ba", "gop-y",
                                                                    "chuc-nang.rss", "chuc-nang.so-do-cong",
                                                                    "tieng-nuoc-ngoai", "gioi-thieu.lich-su", "chuc-nang.tim-kiem"],
                                            pager="telerik", services="portal", wording="explicit", docs="table",
                                            small=True,
                                            notes="DotNetNuke; small site missing nine items incl. search, site map and RSS"),
    "thanh-tra-tinh": dict(platform="nukeviet", absent=["du-an-dau-thau", "khoa-hoc", "thong-ke", "tieng-nuoc-ngoai",
                                                        "chuc-nang.rss"],
                           encoding="cp1258-meta", pager="numbered", services="portal", wording="explicit", docs="table",
                           notes="windows-1258 bytes, charset only in <meta>; served as 'text/html' without charset"),
    "so-ngoai-vu": dict(platform="nukeviet", absent=["khoa-hoc", "thong-ke", "du-an-dau-thau"], robots="delay",
                        pager="numbered", services="portal", wording="explicit", docs="table", small=True,
                        notes="NukeViet; small; robots.txt with Crawl-delay: 1 and Disallow: /admin/"),
    "so-giao-duc-va-dao-tao": dict(platform="sharepoint", absent=["khoa-hoc"], pager="numbered", services="host",
                                   wording="dvc", docs="detail", robots="basic",
                                   notes="SharePoint; services on a separate host"),
    "huyen-moc-chau": dict(platform="liferay", absent=["khoa-hoc"], pager="numbered", services="host",
                           wording="explicit", docs="table",
                           notes="Liferay district portal; English version; services on a separate host"),
    "thanh-pho-son-la": dict(platform="slugid", absent=["khoa-hoc"], two_cats=True, sitemap_xml=True, pager="numbered",
                             services="portal", wording="explicit", docs="table",
                             notes="slug-plus-id; the same articles listed under two categories with two URLs "
                                   "(same id, count once); sitemap.xml"),
    "huyen-song-ma": dict(platform="slugid", absent=["khoa-hoc", "tieng-nuoc-ngoai", "chuc-nang.rss"],
                          encoding="header-only", pager="next", next_label="Trang sau", services="portal",
                          wording="short", docs="table",
                          notes="slug-plus-id; no <meta charset>: the charset is only in the HTTP header"),
    "huyen-sop-cop": dict(platform="other-article", absent=["van-ban", "khoa-hoc", "thong-ke", "gop-y", "danh-ba",
                                                            "tieng-nuoc-ngoai", "chuc-nang.so-do-cong", "chuc-nang.rss",
                                                            "du-an-dau-thau", "chuc-nang.tim-kiem"],
                          docs="ticker", pager="next", next_label="Tiếp", services="portal", wording="button", small=True,
                          notes="/Article/<id>/<Slug>.html; many items missing; documents only as a ticker without "
                                "numbers (van-ban absent)"),
    "huyen-mai-son": dict(platform="slugid", absent=["khoa-hoc"], unsorted=True, pager="page-n", services="portal",
                          wording="explicit", docs="table", robots="basic", print_links=True,
                          notes="slug-plus-id; unsorted news lists; /page-N pagination; print variants ?print=true"),
    "huyen-phu-yen": dict(platform="nukeviet", absent=["khoa-hoc", "tieng-nuoc-ngoai", "chuc-nang.lien-ket"], undated=2,
                          pager="numbered", services="portal", wording="explicit", docs="table",
                          notes="NukeViet district portal; undated news items; no links block"),
    "huyen-yen-chau": dict(platform="slugid", absent=["tieng-nuoc-ngoai", "thong-ke"], nfd=True, pager="numbered",
                           services="portal", wording="dvc", docs="table",
                           notes="slug-plus-id; the whole site in Unicode NFD (combining marks)"),
    "huyen-quynh-nhai": dict(platform="other-pages", absent=["khoa-hoc"], place={"gioi-thieu.dia-phuong": "sitemap",
                                                                                 "danh-ba": "sitemap",
                                                                                 "chi-dao-dieu-hanh.lich-cong-tac": "sitemap"},
                             pager="relnext", services="portal", wording="explicit", docs="table",
                             notes="/portal/pages/…; địa phương, danh bạ and lịch công tác only on the site map page; "
                                   "pager with rel=next"),
    "huyen-bac-yen": dict(platform="slugid", status="blocked",
                          notes="every URL answers 403 (web application firewall): status blocked, items inconclusive"),
    "huyen-thuan-chau": dict(platform="slugid", absent=["khoa-hoc", "tieng-nuoc-ngoai"], pager="numbered",
                             services="host", wording="explicit", docs="table", sitemap_xml=True, robots="basic",
                             place={"chuc-nang.so-do-cong": "xml"},
                             notes="slug-plus-id ('Lượt xem'); services on a separate host; no site map page, only "
                                   "/sitemap.xml (announced in robots.txt)"),
    "huyen-muong-la": dict(platform="dnn", absent=["khoa-hoc", "tieng-nuoc-ngoai"], place={"gioi-thieu.lien-he": "footer",
                                                                                           "gop-y": "footer"},
                           pager="telerik", services="portal", wording="short", docs="table",
                           notes="DotNetNuke; liên hệ and góp ý only in the footer; Telerik pager with real hrefs"),
    "huyen-van-ho": dict(platform="other-pages", status="unreachable",
                         notes="no server answers (connection refused): status unreachable, items inconclusive"),
}
