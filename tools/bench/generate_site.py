#!/usr/bin/env python3
"""Generates a large, realistic agency portal for the crawl benchmark.

Pages follow the slug-plus-id platform of shared/reference/portal-structures.md
(/<category>/<title-slug>-<id>): a home page, category listings paginated as
/<category>/page-N, and articles of 20-60 KB with the menu, blocks and footer
a real Sở portal carries. Deterministic: the same N gives the same site.

usage: generate_site.py PAGES OUT_DIR
"""
import os
import random
import sys

CATEGORIES = [
    ("tin-tuc-su-kien", "Tin tức - Sự kiện"), ("chi-dao-dieu-hanh", "Chỉ đạo điều hành"),
    ("tuyen-truyen-phap-luat", "Tuyên truyền pháp luật"), ("cai-cach-hanh-chinh", "Cải cách hành chính"),
    ("chuyen-doi-so", "Chuyển đổi số"), ("kinh-te-xa-hoi", "Kinh tế - Xã hội"),
    ("van-hoa-the-thao", "Văn hóa - Thể thao"), ("quoc-phong-an-ninh", "Quốc phòng - An ninh"),
    ("nong-nghiep-nong-thon", "Nông nghiệp - Nông thôn"), ("giao-duc-dao-tao", "Giáo dục - Đào tạo"),
]
WORDS = ("Sơn La tỉnh huyện xã cán bộ công chức triển khai kế hoạch năm chuyển đổi số dịch vụ công trực tuyến "
         "người dân doanh nghiệp hội nghị tổng kết công tác thông tin truyền thông ứng dụng nông thôn mới "
         "Mộc Châu Thuận Châu Mai Sơn đồng chí Phó Chủ tịch UBND tỉnh chỉ đạo kiểm tra hướng dẫn thực hiện "
         "nghị quyết văn bản quy phạm pháp luật cải cách hành chính an toàn thông tin phát triển kinh tế").split()
PER_PAGE = 20


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def slug(rng):
    return "-".join(rng.choice(["trien-khai", "ke-hoach", "hoi-nghi", "chuyen-doi-so", "son-la", "nam-2020",
                                "cong-tac", "tong-ket", "dich-vu-cong", "nong-thon-moi"]) for _ in range(5))


def chrome(title, body):
    menu = "".join(f'<li><a href="/{c}">{label}</a></li>' for c, label in CATEGORIES)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} - Sở Thông tin và Truyền thông tỉnh Sơn La</title>
<link rel="stylesheet" href="/static/site.css"><script src="/static/site.js"></script></head>
<body><div id="header"><a href="/"><img src="/static/logo.png" alt="Sở Thông tin và Truyền thông"></a>
<form action="/tim-kiem" method="get"><input type="text" name="q" placeholder="Tìm kiếm"><button>Tìm</button></form></div>
<ul id="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>{menu}
<li><a href="/lien-he">Liên hệ</a></li></ul>
<div id="content">{body}</div>
<div id="footer"><p>SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH SƠN LA</p><p>Địa chỉ: Tầng 4, Tòa nhà 7 tầng, Trung tâm Lưu trữ tỉnh, phường Chiềng Lề, thành phố Sơn La.</p>
<p>Điện thoại: (0212) 3856 600 - Email: sotttt@sonla.gov.vn</p></div></body></html>"""


def main():
    total, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(2020)
    articles = max(1, total - 1 - len(CATEGORIES) * 2)
    per_category = [articles // len(CATEGORIES)] * len(CATEGORIES)
    per_category[0] += articles - sum(per_category)
    written = 0
    next_id = 1_000_000

    def write(path, html):
        nonlocal written
        full = os.path.join(out, path.lstrip("/"))
        if full.endswith("/"):
            full += "index.html"
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(html)
        written += 1

    listings_needed = sum((n + PER_PAGE - 1) // PER_PAGE for n in per_category)
    # Fewer articles so listings + articles + home stay at the requested total.
    scale = (total - 1 - listings_needed) / max(1, articles)
    per_category = [max(1, int(n * scale)) for n in per_category]

    home_blocks = []
    for (cat, label), count in zip(CATEGORIES, per_category):
        items = []
        for index in range(count):
            next_id += 1
            day, month = rng.randint(1, 28), rng.randint(1, 12)
            title = sentence(rng, 12)
            url = f"/{cat}/{slug(rng)}-{next_id}"
            paragraphs = "".join(f"<p>{sentence(rng, rng.randint(30, 60))}</p>" for _ in range(rng.randint(60, 170)))
            body = (f'<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/{cat}">{label}</a></div>'
                    f'<h1 class="title">{title}</h1><div class="meta">{day:02d}/{month:02d}/2020 | {rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM'
                    f' - Lượt xem: {rng.randint(10, 5000)}</div><div class="body">{paragraphs}</div>')
            write(url, chrome(title, body))
            items.append((url, title, f"{day:02d}/{month:02d}/2020"))
        pages = [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]
        for number, chunk in enumerate(pages, start=1):
            lis = "".join(f'<li><span class="date">{date}</span> <a href="{u}">{t}</a><p>{sentence(rng, 25)}</p></li>' for u, t, date in chunk)
            pager = "".join(f'<a href="/{cat}/page-{n}">{n}</a> ' for n in range(max(1, number - 3), min(len(pages), number + 3) + 1))
            if number < len(pages):
                pager += f'<a rel="next" href="/{cat}/page-{number + 1}">Trang sau</a>'
            path = f"/{cat}" if number == 1 else f"/{cat}/page-{number}"
            write(path if number > 1 else f"/{cat}/index.html", chrome(label, f'<h2 class="portlet-title">{label}</h2><ul class="news-list">{lis}</ul><div class="pager">{pager}</div>'))
        home_blocks.append(f'<div class="block"><h2>{label}</h2><ul>' + "".join(f'<li><a href="{u}">{t}</a></li>' for u, t, _ in items[:5]) + "</ul></div>")
    write("/index.html", chrome("Trang chủ", "".join(home_blocks)))
    print(written)


if __name__ == "__main__":
    main()
