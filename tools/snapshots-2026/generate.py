#!/usr/bin/env python3
"""Writes snapshots-2026/: commune sub-sites of one shared provincial platform
(one host, a path per commune), as Sơn La's platform serves them after
1/7/2025. Standard library only, no randomness: the output is reproducible.
The figures in each expected.yaml are written by reading these pages, not
taken from this script."""
import os
import shutil

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'snapshots-2026')
HOST = 'http://127.0.2.1:8043'

# id, path, name, kind, traits
COMMUNES = [
    ('xa-muong-bu', 'xa-muong-bu', 'Mường Bú', 'xã', 'clean'),
    ('xa-chieng-hoa', 'xa-chieng-hoa', 'Chiềng Hoa', 'xã', 'injected-hidden'),
    ('phuong-to-hieu', 'phuong-to-hieu', 'Tô Hiệu', 'phường', 'stale'),
    ('xa-ngoc-chien', 'xa-ngoc-chien', 'Ngọc Chiến', 'xã', 'injected-offscreen-broken-link'),
    ('xa-muong-la', 'xa-muong-la', 'Mường La', 'xã', 'clean-siblings'),
]

NEWS_TITLES = [
    'Hội nghị triển khai nhiệm vụ chuyển đổi số',
    'Ra quân xây dựng nông thôn mới',
    'Tổng kết công tác giảm nghèo bền vững',
    'Kiểm tra sản xuất vụ đông',
    'Tuyên truyền phòng, chống ma túy tại các bản',
    'Đón nhận bằng công nhận bản văn hóa',
    'Hội nghị tiếp xúc cử tri',
    'Triển khai cấp căn cước cho người dân',
]


def slug(text):
    table = str.maketrans('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
                          'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')
    out = ''.join(c if c.isalnum() else '-' for c in text.lower().translate(table))
    return '-'.join(p for p in out.split('-') if p)


def news_dates(trait):
    """Publication dates (day, month, year), newest first."""
    if trait == 'stale':
        return [(15, 8, 2025), (2, 7, 2025), (20, 5, 2025), (11, 3, 2025), (28, 11, 2024)]
    if trait == 'injected-offscreen-broken-link':
        return [(19, 12, 2025), (3, 12, 2025), (14, 10, 2025), (9, 9, 2025)]
    return [(22, 12, 2025), (16, 12, 2025), (8, 12, 2025), (25, 11, 2025), (10, 10, 2025), (5, 8, 2025), (12, 12, 2024)]


def documents(trait):
    """(number, issued, summary)"""
    year = 2025
    rows = [('215/QĐ-UBND', (18, 12, year), 'Quyết định ban hành kế hoạch chuyển đổi số năm 2026'),
            ('198/KH-UBND', (2, 12, year), 'Kế hoạch tổ chức các hoạt động mừng Đảng, mừng Xuân'),
            ('142/TB-UBND', (15, 9, year), 'Thông báo lịch tiếp công dân quý IV'),
            ('12/QĐ-UBND', (8, 7, year), 'Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số xã')]
    if trait == 'stale':
        rows = [('88/KH-UBND', (10, 7, year), 'Kế hoạch phòng, chống thiên tai năm 2025'),
                ('31/QĐ-UBND', (3, 7, year), 'Quyết định thành lập các tổ công tác'),
                ('210/QĐ-UBND', (20, 12, 2024), 'Quyết định giao dự toán ngân sách năm 2025')]
    return rows


def d(date):
    return '%02d/%02d/%04d' % date


def page(commune, title, main, sidebar_news):
    cid, path, name, kind, trait = commune
    base = '/' + path
    unit = '%s %s' % (kind.upper(), name.upper())
    style = ''
    injected_head = ''
    injected_body = ''
    if trait == 'injected-hidden':
        # The shape the national cyber-security centre reports: a hidden block of
        # gambling links added to the template, invisible to readers.
        injected_body = ('<div class="tx-link" style="display:none">'
                         '<a href="https://nohu-club.example/">nổ hũ đổi thưởng</a> '
                         '<a href="https://taixiu-online.example/">tài xỉu online uy tín</a> '
                         '<a href="https://www.fb88-vn.example/">nhà cái FB88</a></div>')
    if trait == 'injected-offscreen-broken-link':
        injected_body = ('<p class="seo" style="position:absolute;left:-9999px">Soi cầu lô đề hôm nay, '
                         '<a href="https://soicau-mienbac.example/">soi cầu miền Bắc</a></p>')
    siblings = ''
    if trait == 'clean-siblings':
        siblings = ('<div class="block"><h3 class="block-title">Các xã, phường khác</h3><ul>'
                    + ''.join('<li><a href="/%s/">%s %s</a></li>' % (c[1], c[3].capitalize(), c[2]) for c in COMMUNES if c[0] != cid)
                    + '</ul></div>')
    menu = ''.join('<li><a href="%s%s">%s</a></li>' % (base, href, label) for href, label in [
        ('/', 'Trang chủ'), ('/gioi-thieu', 'Giới thiệu'), ('/tin-tuc/', 'Tin tức - Sự kiện'), ('/van-ban/', 'Văn bản'),
        ('/lich-cong-tac', 'Lịch công tác'), ('/thu-tuc-hanh-chinh', 'Thủ tục hành chính'), ('/lien-he', 'Liên hệ')])
    latest = ''.join('<li><a href="%s">%s</a></li>' % (href, text) for href, text in sidebar_news)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/>'
            '<title>%s | Cổng thông tin điện tử %s %s</title>%s%s</head><body>'
            '<div class="top-bar"><a href="/">Hệ thống cổng thông tin điện tử tỉnh Sơn La</a></div>'
            '<header class="header"><a href="%s/" class="logo"><img src="/uploads/quoc-huy.png" alt="Quốc huy"/>'
            '<span>CỔNG THÔNG TIN ĐIỆN TỬ<br/><b>%s</b></span></a>'
            '<form class="search" action="%s/tim-kiem" method="get"><input type="text" name="q" placeholder="Tìm kiếm..."/>'
            '<input type="submit" value="Tìm kiếm"/></form></header>'
            '<nav class="main-nav"><ul class="nav">%s</ul></nav>'
            '<div class="container"><div class="row"><div class="col-md-8 main">%s</div>'
            '<div class="col-md-4 sidebar"><div class="block"><h3 class="block-title">Tin mới nhất</h3><ul>%s</ul></div>%s</div></div></div>'
            '%s<footer class="footer"><p><strong>ỦY BAN NHÂN DÂN %s</strong></p>'
            '<p>Địa chỉ: Trụ sở UBND %s %s, tỉnh Sơn La</p>'
            '<p>Điện thoại: (0212) 38%s - Email: ubnd%s@sonla.gov.vn</p>'
            '<p>Chịu trách nhiệm chính: Chủ tịch UBND %s %s</p></footer></body></html>') % (
        title, kind, name, style, injected_head, base, unit, base, menu, main, latest, siblings, injected_body, unit,
        kind, name, '%05d' % (sum(map(ord, cid)) % 100000), cid.replace('-', ''), kind, name)


def write(folder, rel, text):
    target = os.path.join(folder, rel)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, 'w', encoding='utf-8') as handle:
        handle.write(text)


def commune_site(commune):
    cid, path, name, kind, trait = commune
    folder = os.path.join(ROOT, cid, 'site', path)
    base = '/' + path
    dates = news_dates(trait)
    articles = []
    for index, date in enumerate(dates):
        title = '%s %s %s' % (NEWS_TITLES[index % len(NEWS_TITLES)], kind, name)
        article_id = 930000 + sum(map(ord, cid)) * 10 + index
        articles.append((title, date, '%s/tin-tuc/%s-%d' % (base, slug(title), article_id)))
    sidebar = [(href, title) for title, _, href in articles[:4]]

    listing = '<h2 class="cat-title">Tin tức - Sự kiện</h2><div class="news-list">' + ''.join(
        '<div class="post-item"><h3 class="post-title"><a href="%s">%s</a></h3>'
        '<p class="post-sapo"><span class="date">%s</span> %s</p></div>' % (href, title, d(date), title + '.')
        for title, date, href in articles) + '</div>'
    write(folder, 'tin-tuc/index.html', page(commune, 'Tin tức - Sự kiện', listing, sidebar))
    for title, date, href in articles:
        body = ('<h1 class="post-title">%s</h1><div class="post-meta"><span class="post-date">%s 08:30</span></div>'
                '<div class="post-content"><p><strong>Ngày %d/%d, UBND %s %s tổ chức %s.</strong></p>'
                '<p>Các đại biểu đã thảo luận, đóng góp nhiều ý kiến sát với thực tiễn của địa phương.</p>'
                '<p>Lãnh đạo UBND %s yêu cầu các bản tiếp tục triển khai, báo cáo kết quả đúng thời hạn.</p></div>') % (
            title, d(date), date[0], date[1], kind, name, title[0].lower() + title[1:], kind)
        write(folder, href[len(base) + 1:], page(commune, title, body, sidebar))

    home = ('<h2 class="cat-title">Tin nổi bật</h2><div class="news-list">' + ''.join(
        '<div class="post-item"><h3 class="post-title"><a href="%s">%s</a></h3><span class="date">%s</span></div>' % (href, title, d(date))
        for title, date, href in articles[:3]) + '</div>')
    write(folder, 'index.html', page(commune, 'Trang chủ', home, sidebar))

    intro = ('<h1>Giới thiệu %s %s</h1><p>%s %s được thành lập từ ngày 01/7/2025 theo Nghị quyết số 1681/NQ-UBTVQH15 '
             'ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của tỉnh Sơn La.</p>'
             '<h2>Chức năng, nhiệm vụ</h2><p>UBND %s thực hiện chức năng quản lý nhà nước ở địa phương.</p>'
             '<h2>Lãnh đạo</h2><p>Chủ tịch UBND %s; các Phó Chủ tịch UBND %s.</p>') % (kind, name, kind.capitalize(), name, kind, kind, kind)
    write(folder, 'gioi-thieu', page(commune, 'Giới thiệu', intro, sidebar))

    rows = ''.join('<tr><td>%d</td><td><a href="%s/van-ban/%s">%s</a></td><td>%s</td><td>%s</td></tr>' % (
        i + 1, base, slug(number), number, d(date), summary) for i, (number, date, summary) in enumerate(documents(trait)))
    table = ('<h2 class="cat-title">Văn bản</h2><table class="table"><thead><tr><th>STT</th><th>Số ký hiệu</th>'
             '<th>Ngày ban hành</th><th>Trích yếu</th></tr></thead><tbody>%s</tbody></table>') % rows
    write(folder, 'van-ban/index.html', page(commune, 'Văn bản', table, sidebar))
    for number, date, summary in documents(trait):
        detail = ('<h1>%s</h1><table class="table"><tr><th>Số ký hiệu</th><td>%s</td></tr><tr><th>Ngày ban hành</th><td>%s</td></tr>'
                  '<tr><th>Cơ quan ban hành</th><td>UBND %s %s</td></tr><tr><th>Trích yếu</th><td>%s</td></tr></table>') % (
            summary, number, d(date), kind, name, summary)
        write(folder, 'van-ban/' + slug(number), page(commune, summary, detail, sidebar))

    week = [(22, 12, 2025), (23, 12, 2025), (24, 12, 2025)] if trait != 'stale' else [(4, 8, 2025), (5, 8, 2025)]
    schedule = '<h1>Lịch công tác tuần</h1><table class="table"><tbody>' + ''.join(
        '<tr><td>%s</td><td>Sáng: Chủ tịch UBND %s làm việc tại trụ sở.</td></tr>' % (d(day), kind) for day in week) + '</tbody></table>'
    write(folder, 'lich-cong-tac', page(commune, 'Lịch công tác', schedule, sidebar))

    procedures = ('<h1>Thủ tục hành chính</h1><p>Thủ tục hành chính cấp xã được giải quyết trên '
                  '<a href="https://dichvucong.gov.vn/">Cổng Dịch vụ công quốc gia</a>.</p>')
    if trait == 'injected-offscreen-broken-link':
        # A link to a page the platform no longer serves: a broken internal link.
        procedures += '<p><a href="%s/thu-tuc-hanh-chinh/bieu-mau-cu">Biểu mẫu (cũ)</a></p>' % base
    write(folder, 'thu-tuc-hanh-chinh', page(commune, 'Thủ tục hành chính', procedures, sidebar))

    contact = ('<h1>Liên hệ</h1><p>UBND %s %s, tỉnh Sơn La</p><p>Điện thoại: (0212) 3800 000</p>'
               '<p>Email: ubnd%s@sonla.gov.vn</p>') % (kind, name, cid.replace('-', ''))
    write(folder, 'lien-he', page(commune, 'Liên hệ', contact, sidebar))


def platform():
    folder = os.path.join(ROOT, '_platform', 'site')
    links = ''.join('<li><a href="/%s/">%s %s</a></li>' % (c[1], c[3].capitalize(), c[2]) for c in COMMUNES)
    write(folder, 'index.html',
          '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/><title>Hệ thống cổng thông tin điện tử xã, phường tỉnh Sơn La</title></head>'
          '<body><h1>Hệ thống cổng thông tin điện tử các xã, phường tỉnh Sơn La</h1><ul>%s</ul></body></html>' % links)
    write(folder, 'robots.txt', 'User-agent: *\nDisallow: /admin/\n')


def targets():
    lines = ['# The commune sub-sites of snapshots-2026/, on one shared platform host (127.0.2.1:8043),',
             '# one path per commune: each is a target of its own, scoped to its path.', 'targets:']
    for cid, path, name, kind, _ in COMMUNES:
        lines += ['  - id: %s' % cid, '    name: UBND %s %s' % (kind, name), '    tier: commune', '    portal: %s/%s/' % (HOST, path)]
    write(ROOT, 'targets.yaml', '\n'.join(lines) + '\n')


if __name__ == '__main__':
    for cid, *_ in COMMUNES:
        shutil.rmtree(os.path.join(ROOT, cid, 'site'), ignore_errors=True)
    shutil.rmtree(os.path.join(ROOT, '_platform'), ignore_errors=True)
    for commune in COMMUNES:
        commune_site(commune)
    platform()
    targets()
