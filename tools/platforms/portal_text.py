"""What the pages say: headlines, people, documents and procedures, written the
way Sơn La agencies' portals word them (menus and blocks seen on real .gov.vn
sites), independent of any detector's rule files."""
import datetime

DISTRICTS = ["Mộc Châu", "Mai Sơn", "Thuận Châu", "Sông Mã", "Yên Châu", "Phù Yên", "Bắc Yên", "Quỳnh Nhai",
             "Mường La", "Sốp Cộp", "Vân Hồ"]
SURNAMES = ["Nguyễn", "Lò", "Cầm", "Hoàng", "Lường", "Quàng", "Trần", "Đinh", "Vì", "Phạm", "Lê", "Tòng"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Hồng", "Quốc", "Ngọc"]
GIVEN = ["Hùng", "Thủy", "Tiến", "Hương", "Chiến", "Lan", "Dũng", "Hạnh", "Bình", "Thắng", "Mai", "Sơn", "Tuấn",
         "Phương", "Khánh", "Yến"]

# Headline patterns as agencies title their own news; {s} = the agency's field of work.
HEADLINES = [
    "Hội nghị tổng kết công tác {s} năm {py}, triển khai nhiệm vụ năm {y}",
    "Sơ kết công tác {s} 6 tháng đầu năm {y}",
    "Tập huấn nghiệp vụ {s} cho cán bộ cấp xã tại huyện {d}",
    "Đoàn công tác kiểm tra tình hình thực hiện nhiệm vụ {s} tại huyện {d}",
    "Triển khai nhiệm vụ trọng tâm về {s} tại huyện {d}",
    "Lãnh đạo {a} thăm, tặng quà các gia đình chính sách tại xã {x}",
    "Hội nghị giao ban công tác {s} quý {q}",
    "Ký kết chương trình phối hợp về {s} giữa {a} và UBND huyện {d}",
    "Chi bộ {a} tổ chức Hội nghị sơ kết công tác xây dựng Đảng năm {y}",
    "Hội thi tìm hiểu pháp luật về {s} năm {y}",
    "Tuyên dương tập thể, cá nhân tiêu biểu trong phong trào thi đua {s}",
    "Công bố quyết định bổ nhiệm Phó Trưởng phòng {p}",
    "Khảo sát mô hình điểm về {s} tại xã {x}, huyện {d}",
    "Hướng dẫn thực hiện Kế hoạch cải cách hành chính năm {y}",
    "Ra mắt Tổ công nghệ số cộng đồng tại huyện {d}",
    "Hưởng ứng Ngày Pháp luật Việt Nam 9/11",
    "Góp ý dự thảo Kế hoạch phát triển {s} giai đoạn {ny} - {ny5}",
    "Kiểm tra công tác {s} tại xã {x}, huyện {d}",
    "Trao giấy chứng nhận cho các đơn vị đạt chuẩn về {s}",
    "Hội nghị trực tuyến toàn quốc về {s}",
]
LAW_HEADLINES = [
    "Những điểm mới của Luật Xử lý vi phạm hành chính sửa đổi năm {y}",
    "Tuyên truyền pháp luật về phòng, chống ma túy tới đồng bào vùng cao xã {x}",
    "Hỏi - đáp pháp luật về hòa giải ở cơ sở",
    "Phổ biến Nghị định số 15/2020/NĐ-CP về xử phạt vi phạm hành chính trong lĩnh vực bưu chính, viễn thông",
    "Đưa pháp luật về bản: tuyên truyền tại xã {x}, huyện {d}",
    "Giới thiệu Luật Đầu tư công năm 2019",
    "Cuộc thi trực tuyến tìm hiểu Hiến pháp nước CHXHCN Việt Nam",
    "Tuyên truyền phòng, chống tảo hôn và hôn nhân cận huyết thống",
]
COMMUNES = ["Chiềng Sinh", "Chiềng Mung", "Mường Bú", "Tà Xùa", "Chiềng Khương", "Phiêng Khoài", "Hua La", "Nà Nghịu",
            "Mường Giàng", "Long Hẹ"]

BODY = [
    "Tham dự hội nghị có đại diện lãnh đạo các phòng, ban, đơn vị trực thuộc và cán bộ, công chức làm công tác chuyên môn.",
    "Theo báo cáo, trong thời gian qua đơn vị đã chủ động tham mưu, triển khai đồng bộ các nhiệm vụ được giao, bám sát chỉ đạo của Tỉnh ủy, UBND tỉnh.",
    "Bên cạnh những kết quả đạt được, công tác vẫn còn một số tồn tại, hạn chế như nguồn lực còn hạn chế, địa bàn rộng, giao thông đi lại khó khăn.",
    "Phát biểu kết luận, đồng chí lãnh đạo đề nghị các đơn vị tiếp tục quán triệt, nâng cao trách nhiệm của người đứng đầu.",
    "Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc đã được tặng giấy khen.",
    "Đoàn đã kiểm tra hồ sơ, sổ sách, làm việc trực tiếp với cán bộ phụ trách và người dân tại cơ sở.",
    "Qua đó nhằm nâng cao nhận thức, ý thức chấp hành pháp luật của cán bộ, đảng viên và nhân dân các dân tộc trên địa bàn.",
]


def person(rng):
    return "%s %s %s" % (rng.choice(SURNAMES), rng.choice(MIDDLE), rng.choice(GIVEN))


def headline(rng, subject, agency, year, law=False):
    pattern = rng.choice(LAW_HEADLINES if law else HEADLINES)
    return pattern.format(s=subject, a=agency, d=rng.choice(DISTRICTS), x=rng.choice(COMMUNES), q=rng.randint(1, 4),
                          p=rng.choice(["Văn phòng", "Kế hoạch - Tài chính", "Thanh tra"]), y=year, py=year - 1,
                          ny=year + 1, ny5=year + 5)


def body_paragraphs(rng, n=3):
    return [rng.choice(BODY) for _ in range(n)]


def random_date(rng, year, month_lo=1, month_hi=12):
    month = rng.randint(month_lo, month_hi)
    day = rng.randint(1, 28)
    return datetime.datetime(year, month, day, rng.randint(7, 17), rng.choice([0, 5, 15, 30, 45]))


WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
SHORT_WEEKDAYS = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def ampm(dt, vietnamese=False):
    hour = dt.hour % 12 or 12
    suffix = ("SA" if dt.hour < 12 else "CH") if vietnamese else ("AM" if dt.hour < 12 else "PM")
    return hour, suffix


DOC_KINDS = [("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("TB", "Thông báo"), ("BC", "Báo cáo"), ("HD", "Hướng dẫn"),
             ("TTr", "Tờ trình")]
DOC_SUBJECTS = [
    "ban hành Quy chế làm việc của cơ quan",
    "kiện toàn Ban biên tập Trang thông tin điện tử",
    "triển khai nhiệm vụ trọng tâm năm 2020",
    "thực hiện công tác cải cách hành chính năm 2020",
    "kết quả thực hiện nhiệm vụ quý III năm 2020",
    "phê duyệt danh mục thủ tục hành chính được tiếp nhận trực tuyến mức độ 3, 4",
    "tổ chức Hội nghị tổng kết công tác năm",
    "phòng, chống dịch bệnh COVID-19 trên địa bàn",
    "công bố danh mục thủ tục hành chính mới ban hành",
    "thành lập Tổ kiểm tra liên ngành",
    "giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội",
    "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức",
]
OTHER_ISSUERS = [
    ("UBND tỉnh Sơn La", "UBND"),
    ("HĐND tỉnh Sơn La", "NQ-HĐND"),
    ("Chính phủ", "NĐ-CP"),
]
