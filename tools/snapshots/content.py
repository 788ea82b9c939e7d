"""Vietnamese content pools for the snapshot generator: names, topics, procedures.

Kept apart from the generator so the wording can be reviewed on its own.
"""

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Lò", "Cầm", "Quàng", "Lường", "Vì",
          "Tòng", "Đinh", "Bùi", "Hà", "Mùa", "Giàng", "Sồng", "Đặng", "Vũ", "Lù"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Hồng", "Quang", "Xuân", "Ngọc", "Thu"]
GIVEN = ["Hùng", "Lan", "Dũng", "Hoa", "Tuấn", "Phong", "Thắm", "Chiến", "Hạnh", "Thủy",
         "Quý", "Thành", "Nam", "Mai", "Lực", "Pằn", "Bun", "Sáy", "Khoa", "Hiền", "Tiến", "Yến"]

DISTRICTS = ["Mộc Châu", "Sông Mã", "Sốp Cộp", "Mai Sơn", "Phù Yên", "Yên Châu",
             "Quỳnh Nhai", "Bắc Yên", "Thuận Châu", "Mường La", "Vân Hồ"]
COMMUNES = ["Chiềng Sinh", "Chiềng Mung", "Mường Bon", "Tà Xùa", "Phiêng Pằn", "Nà Nghịu",
            "Chiềng Hắc", "Lóng Sập", "Mường Giàng", "Tông Lạnh", "Huổi Một", "Chiềng Đông",
            "Hua Păng", "Mường Do", "Tú Nang", "Nậm Ty"]

# Topics for news titles per agency. They avoid the words that name the
# Decree 43 items, so that an item marked absent is not hinted at by a title.
TOPICS = {
    "van-phong-ubnd-tinh": ["cải cách hành chính", "phiên họp thường kỳ UBND tỉnh", "tiếp công dân định kỳ",
                            "phòng, chống dịch Covid-19", "giải ngân vốn đầu tư công"],
    "so-noi-vu": ["tuyển dụng công chức", "sắp xếp đơn vị hành chính cấp xã", "công tác tôn giáo",
                  "đào tạo, bồi dưỡng cán bộ", "văn thư, lưu trữ"],
    "so-thong-tin-va-truyen-thong": ["chuyển đổi số", "chính quyền điện tử", "an toàn thông tin mạng",
                                     "phát triển hạ tầng viễn thông", "báo chí, xuất bản"],
    "ban-dan-toc": ["chính sách dân tộc", "Chương trình 135", "người có uy tín",
                    "hỗ trợ đồng bào vùng cao", "giảm nghèo bền vững"],
    "so-khoa-hoc-va-cong-nghe": ["sở hữu trí tuệ", "tiêu chuẩn đo lường chất lượng", "ứng dụng tiến bộ kỹ thuật",
                                 "đổi mới sáng tạo", "an toàn bức xạ"],
    "so-y-te": ["phòng, chống dịch Covid-19", "tiêm chủng mở rộng", "an toàn thực phẩm",
                "khám chữa bệnh bảo hiểm y tế", "y tế cơ sở"],
    "so-giao-thong-van-tai": ["an toàn giao thông", "bảo trì đường bộ", "đăng kiểm phương tiện",
                              "vận tải hành khách", "Quốc lộ 6"],
    "so-van-hoa-the-thao-va-du-lich": ["Ngày hội văn hóa các dân tộc", "du lịch cộng đồng", "thể thao quần chúng",
                                       "bảo tồn di sản", "Lễ hội Hoa ban"],
    "so-cong-thuong": ["xúc tiến tiêu thụ xoài, nhãn", "quản lý thị trường", "khuyến công",
                       "điện nông thôn", "thương mại điện tử"],
    "so-xay-dung": ["nhà ở xã hội", "vật liệu xây dựng", "chất lượng công trình",
                    "phát triển đô thị", "cấp phép xây dựng"],
    "so-tai-chinh": ["dự toán ngân sách", "quản lý giá", "tài sản công", "quyết toán vốn", "thu ngân sách"],
    "so-ke-hoach-va-dau-tu": ["thu hút đầu tư", "đăng ký doanh nghiệp", "hỗ trợ doanh nghiệp nhỏ và vừa",
                              "kinh tế tập thể", "chỉ số PCI"],
    "so-tai-nguyen-va-moi-truong": ["cấp giấy chứng nhận quyền sử dụng đất", "bảo vệ môi trường", "tài nguyên nước",
                                    "khoáng sản", "biến đổi khí hậu"],
    "so-nong-nghiep-va-phat-trien-nong-thon": ["xây dựng nông thôn mới", "phòng chống thiên tai", "trồng rừng",
                                               "chăn nuôi, thú y", "cây ăn quả"],
    "so-tu-phap": ["hộ tịch", "trợ giúp pháp lý", "công chứng", "lý lịch tư pháp", "hòa giải ở cơ sở"],
    "so-lao-dong-thuong-binh-va-xa-hoi": ["giải quyết việc làm", "giáo dục nghề nghiệp", "người có công",
                                          "bảo trợ xã hội", "đưa người lao động đi làm việc ở nước ngoài"],
    "ban-quan-ly-cac-khu-cong-nghiep": ["Khu công nghiệp Mai Sơn", "thu hút nhà đầu tư", "môi trường khu công nghiệp",
                                        "hỗ trợ doanh nghiệp", "lao động trong khu công nghiệp"],
    "thanh-tra-tinh": ["tiếp công dân", "giải quyết khiếu nại, tố cáo", "phòng, chống tham nhũng",
                       "thanh tra hành chính", "kê khai tài sản, thu nhập"],
    "so-ngoai-vu": ["hợp tác với các tỉnh Bắc Lào", "công tác biên giới", "người Việt Nam ở nước ngoài",
                    "đón đoàn khách quốc tế", "hội nhập quốc tế"],
    "so-giao-duc-va-dao-tao": ["kỳ thi tốt nghiệp THPT", "trường chuẩn quốc gia", "dạy học trực tuyến",
                               "giáo dục mầm non", "học sinh bán trú"],
}
DISTRICT_TOPICS = ["xây dựng nông thôn mới", "phòng, chống dịch Covid-19", "sản xuất vụ đông",
                   "chuyển đổi cây trồng", "giảm nghèo bền vững", "an ninh trật tự", "Đại hội Đảng bộ",
                   "chăm lo Tết cho hộ nghèo"]

TITLE_FORMS = [
    "Hội nghị sơ kết công tác {t} {period}",
    "Sơn La: đẩy mạnh {t} tại huyện {d}",
    "Đoàn công tác kiểm tra {t} tại xã {c}",
    "Triển khai {t} giai đoạn 2021 - 2025",
    "Tập huấn {t} cho cán bộ cấp xã",
    "Kết quả {t} {period}",
    "Giao ban công tác {t} tháng {m}",
    "{A} làm việc với huyện {d} về {t}",
    "Hướng dẫn thực hiện {t} trên địa bàn tỉnh",
    "Nâng cao hiệu quả {t} ở vùng cao",
    "Ra quân hưởng ứng {t} năm {y}",
    "Xã {c} chủ động {t}",
]
DISTRICT_TITLE_FORMS = [
    "{H}: kết quả {t} {period}",
    "Xã {c} ra quân {t}",
    "Lãnh đạo {hs} kiểm tra {t} tại xã {c}",
    "Hội nghị triển khai {t} năm {y}",
    "Bản {b} đổi thay nhờ làm tốt {t}",
    "{H} tổng kết {t} {period}",
    "Nhân rộng mô hình {t} ở xã {c}",
    "Sôi nổi phong trào {t} tại thị trấn",
]
BANS = ["Nà Sành", "Co Líu", "Pá Khôm", "Huổi Lè", "Phiêng Ban", "Tà Làng", "Nà Lốc", "Bó Hặc"]

SENTENCES = [
    "Tham dự có đại diện lãnh đạo các sở, ngành, UBND các huyện, thành phố.",
    "Đồng chí {p} phát biểu chỉ đạo, đề nghị các đơn vị tập trung hoàn thành chỉ tiêu đề ra.",
    "Theo báo cáo, năm qua toàn tỉnh đã triển khai đồng bộ nhiều giải pháp, đạt kết quả tích cực.",
    "Bên cạnh kết quả đạt được, vẫn còn một số khó khăn, vướng mắc cần tháo gỡ kịp thời.",
    "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, sát với thực tiễn.",
    "Đoàn đã đi kiểm tra thực tế tại một số điểm và trao đổi với người dân địa phương.",
    "Hội nghị thống nhất giao các phòng chuyên môn tham mưu triển khai trong thời gian tới.",
    "Người dân phấn khởi, đồng tình ủng hộ các chủ trương của cấp ủy, chính quyền.",
    "Kết thúc buổi làm việc, đồng chí {p} ghi nhận nỗ lực của cán bộ, công chức, viên chức.",
    "Tổng kinh phí thực hiện trên {n} triệu đồng, từ nguồn ngân sách nhà nước và xã hội hóa.",
    "Đến nay, đã có {k}/{m} xã hoàn thành kế hoạch, đạt tỷ lệ trên 80%.",
    "Đơn vị đề nghị tỉnh quan tâm bố trí nguồn lực để tiếp tục thực hiện trong năm tới.",
    "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng, mang lại hiệu quả thiết thực.",
    "Công tác phối hợp giữa các cấp, các ngành ngày càng chặt chẽ, đồng bộ.",
    "Dịp này, {n} lượt người dân được hướng dẫn, hỗ trợ trực tiếp tại cơ sở.",
    "Đồng chí {p} yêu cầu các đơn vị rút kinh nghiệm, khắc phục những hạn chế đã chỉ ra.",
]

OPENINGS = [
    "{when}{agency} tổ chức hội nghị triển khai công tác {t}.",
    "{when}đồng chí {p} chủ trì buổi làm việc của {agency} về {t}.",
    "{when}tại xã {c}, {agency} phối hợp với UBND huyện {d} tổ chức tuyên dương điển hình về {t}.",
    "{when}{agency} đã làm việc với các đơn vị liên quan để rà soát kết quả {t}.",
    "{when}đoàn công tác của {agency} đã đi kiểm tra thực tế {t} tại huyện {d}.",
]
UNDATED_OPENINGS = [
    "Thực hiện kế hoạch công tác, {agency} đã triển khai nhiều hoạt động về {t} trên địa bàn xã {c}.",
    "Trong thời gian qua, {agency} tích cực triển khai {t} tại các địa phương.",
]

DEPARTMENTS = ["Văn phòng", "Phòng Kế hoạch - Tài chính", "Phòng Tổ chức cán bộ",
               "Phòng Quản lý chuyên ngành", "Phòng Nghiệp vụ", "Trung tâm trực thuộc"]
DISTRICT_DEPARTMENTS = ["Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Tài chính - Kế hoạch",
                        "Phòng Tư pháp", "Phòng Tài nguyên và Môi trường", "Phòng Văn hóa và Thông tin",
                        "Phòng Giáo dục và Đào tạo", "Phòng Lao động - Thương binh và Xã hội",
                        "Phòng Kinh tế - Hạ tầng", "Phòng Nông nghiệp và PTNT", "Phòng Dân tộc",
                        "Thanh tra huyện", "Phòng Y tế"]

# Objects of the administrative procedures each agency handles; crossed with
# the verbs they give distinct procedure names.
PROCEDURE_VERBS = ["Cấp", "Cấp lại", "Điều chỉnh", "Gia hạn", "Cấp đổi"]
PROCEDURES = {
    "van-phong-ubnd-tinh": ["giấy phép tổ chức hội nghị, hội thảo quốc tế", "văn bản chấp thuận chủ trương đầu tư",
                            "giấy xác nhận ưu đãi đầu tư", "quyết định công nhận ban vận động"],
    "so-noi-vu": ["giấy phép thành lập hội", "quyết định công nhận quỹ xã hội", "chứng chỉ hành nghề lưu trữ",
                  "đăng ký hoạt động tôn giáo", "quyết định công nhận ban vận động thành lập hội"],
    "so-thong-tin-va-truyen-thong": ["giấy phép xuất bản bản tin", "giấy phép hoạt động in", "giấy phép thiết lập trang thông tin điện tử tổng hợp",
                                     "giấy chứng nhận đăng ký hoạt động cơ sở in", "giấy phép triển lãm tranh, ảnh"],
    "ban-dan-toc": ["xác nhận người có uy tín", "hỗ trợ đất sản xuất cho hộ dân tộc thiểu số"],
    "so-khoa-hoc-va-cong-nghe": ["giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "giấy phép tiến hành công việc bức xạ",
                                 "chứng chỉ nhân viên bức xạ", "giấy chứng nhận doanh nghiệp khoa học và công nghệ"],
    "so-y-te": ["chứng chỉ hành nghề khám bệnh, chữa bệnh", "giấy phép hoạt động phòng khám đa khoa", "chứng chỉ hành nghề dược",
                "giấy chứng nhận đủ điều kiện kinh doanh dược", "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
                "giấy phép hoạt động phòng chẩn trị y học cổ truyền"],
    "so-giao-thong-van-tai": ["giấy phép lái xe", "giấy phép kinh doanh vận tải bằng xe ô tô", "phù hiệu xe taxi",
                              "giấy phép thi công công trình trên đường bộ", "giấy phép lưu hành xe quá tải trọng",
                              "giấy chứng nhận đăng ký xe máy chuyên dùng"],
    "so-van-hoa-the-thao-va-du-lich": ["giấy phép kinh doanh karaoke", "giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
                                       "thẻ hướng dẫn viên du lịch nội địa", "giấy phép tổ chức biểu diễn nghệ thuật",
                                       "quyết định công nhận cơ sở lưu trú du lịch"],
    "so-cong-thuong": ["giấy phép bán lẻ sản phẩm rượu", "giấy chứng nhận đủ điều kiện kinh doanh khí", "giấy phép hoạt động điện lực",
                       "giấy phép sử dụng vật liệu nổ công nghiệp", "giấy phép bán buôn sản phẩm thuốc lá",
                       "giấy xác nhận đăng ký tổ chức hội chợ, triển lãm"],
    "so-xay-dung": ["giấy phép xây dựng công trình cấp II", "chứng chỉ hành nghề hoạt động xây dựng hạng II",
                    "chứng chỉ năng lực hoạt động xây dựng", "thẩm định báo cáo nghiên cứu khả thi"],
    "so-tai-chinh": ["mã số đơn vị có quan hệ với ngân sách", "quyết toán vốn đầu tư dự án hoàn thành", "thẩm định giá tài sản công"],
    "so-ke-hoach-va-dau-tu": ["giấy chứng nhận đăng ký doanh nghiệp", "đăng ký thành lập chi nhánh", "giấy chứng nhận đăng ký đầu tư",
                              "đăng ký thay đổi nội dung đăng ký doanh nghiệp", "đăng ký liên hiệp hợp tác xã",
                              "đăng ký địa điểm kinh doanh"],
    "so-tai-nguyen-va-moi-truong": ["giấy chứng nhận quyền sử dụng đất", "giấy phép khai thác nước mặt", "giấy phép thăm dò khoáng sản",
                                    "giấy phép xả nước thải vào nguồn nước", "sổ đăng ký chủ nguồn thải chất thải nguy hại"],
    "so-nong-nghiep-va-phat-trien-nong-thon": ["giấy chứng nhận cơ sở đủ điều kiện sản xuất thức ăn chăn nuôi", "chứng chỉ hành nghề thú y",
                                               "giấy phép vận chuyển thuốc bảo vệ thực vật", "giấy chứng nhận đủ điều kiện buôn bán phân bón",
                                               "giấy chứng nhận kiểm dịch động vật"],
    "so-tu-phap": ["phiếu lý lịch tư pháp", "thẻ công chứng viên", "giấy đăng ký hoạt động văn phòng công chứng",
                   "thẻ tư vấn viên pháp luật", "giấy đăng ký hoạt động của tổ chức hành nghề luật sư",
                   "chứng chỉ hành nghề đấu giá"],
    "so-lao-dong-thuong-binh-va-xa-hoi": ["giấy phép lao động cho người nước ngoài", "giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp",
                                          "giấy phép hoạt động dịch vụ việc làm", "trợ cấp ưu đãi người có công",
                                          "giấy chứng nhận đủ điều kiện cơ sở trợ giúp xã hội"],
    "ban-quan-ly-cac-khu-cong-nghiep": ["giấy chứng nhận đăng ký đầu tư trong khu công nghiệp", "giấy phép lao động trong khu công nghiệp"],
    "thanh-tra-tinh": ["tiếp nhận đơn khiếu nại", "tiếp nhận đơn tố cáo"],
    "so-ngoai-vu": ["văn bản cho phép sử dụng thẻ ABTC", "văn bản đồng ý đón đoàn nước ngoài"],
    "so-giao-duc-va-dao-tao": ["bằng tốt nghiệp trung học phổ thông", "giấy phép hoạt động giáo dục", "văn bằng, chứng chỉ bản sao",
                               "quyết định cho phép thành lập trường tư thục", "giấy chứng nhận trường đạt chuẩn quốc gia"],
}
DISTRICT_PROCEDURES = ["giấy chứng nhận đăng ký hộ kinh doanh", "giấy khai sinh", "trích lục kết hôn",
                       "giấy phép xây dựng nhà ở riêng lẻ", "giấy phép bán lẻ rượu", "giấy chứng nhận quyền sử dụng đất lần đầu",
                       "giấy xác nhận tình trạng hôn nhân", "bản sao chứng thực"]

ISSUERS_PROVINCE = {"UBND": "UBND tỉnh Sơn La", "HĐND": "HĐND tỉnh Sơn La"}
DOC_TYPES = [("QĐ", "Quyết định"), ("KH", "Kế hoạch"), ("TB", "Thông báo"), ("HD", "Hướng dẫn"),
             ("BC", "Báo cáo"), ("CT", "Chỉ thị"), ("TTr", "Tờ trình")]
DOC_SUBJECTS = ["về việc ban hành Quy chế làm việc", "triển khai nhiệm vụ trọng tâm năm 2020",
                "về việc kiện toàn Ban chỉ đạo", "về tăng cường công tác phòng, chống dịch Covid-19",
                "về việc phê duyệt kế hoạch bồi dưỡng cán bộ", "về việc giao chỉ tiêu kế hoạch",
                "về thực hiện chế độ báo cáo định kỳ", "về việc tổ chức lớp tập huấn nghiệp vụ",
                "về việc công bố danh mục thủ tục hành chính", "về việc thành lập Tổ công tác",
                "về công tác chuẩn bị Tết Nguyên đán", "về kết quả kiểm tra chuyên ngành",
                "về việc điều chỉnh dự toán", "về việc phân công nhiệm vụ lãnh đạo"]
