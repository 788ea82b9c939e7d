import Foundation

/// Pages built to hurt a crawler: huge, deep, compressed bombs, link floods,
/// endless URLs, broken encodings and markup where text belongs.
enum HostilePages {
    /// 50 MB of paragraphs.
    static let huge: [UInt8] = {
        let paragraph = Array("<p>Tin tức sự kiện tỉnh Sơn La — một đoạn văn rất dài để làm trang nặng 50 MB.</p>\n".utf8)
        var page = Array("<html><head><title>Trang rất lớn</title></head><body>".utf8)
        page.reserveCapacity(50_000_000 + paragraph.count)
        while page.count < 50_000_000 { page += paragraph }
        return page
    }()

    /// `depth` nested divs with a link at the bottom, left open as sloppy pages do
    /// (500 KB: under the body cap, so the bottom is reached).
    static func nested(depth: Int) -> String {
        String(repeating: "<div>", count: depth) + "<a href=\"/day-sau\">Đáy sâu</a>"
    }

    /// A page with `count` links.
    static func links(count: Int) -> String {
        var page = "<html><body>"
        page.reserveCapacity(count * 24)
        for index in 0..<count { page += "<a href=\"/l/\(index)\">\(index)</a>" }
        return page + "</body></html>"
    }

    /// Links whose URLs are `length` characters long, and a link to a page with an 8 KB path.
    static func longURLs(length: Int) -> String {
        let long = "/" + String(repeating: "dai-", count: length / 4)
        let query = "/tim?q=" + String(repeating: "x", count: length)
        return "<html><body><a href=\"\(long)\">dài</a><a href=\"\(query)\">truy vấn</a>"
            + "<a href=\"/\(String(repeating: "p", count: 8_000))\">trang có đường dẫn 8 KB</a></body></html>"
    }

    /// Declared UTF-8, but with invalid sequences and NUL bytes in title, text and links.
    static let brokenEncoding: [UInt8] = Array("<html><head><title>Ti".utf8) + [0xff, 0x00, 0xc3] + Array("êu đề</title></head><body><p>Nội".utf8)
        + [0x00, 0x00, 0xe1, 0xba] + Array(" dung <a href=\"/a".utf8) + [0x00, 0xfe] + Array("b\">liên".utf8) + [0xc0, 0xaf]
        + Array(" kết</a></p></body></html>".utf8)

    static let scriptInText = "<img src=x onerror=alert(1)><script>alert('xss')</script>"

    /// Markup and script that arrive as text: escaped in the title, raw-looking in an anchor.
    static let markupInText = """
        <html><head><title>&lt;script&gt;alert('xss')&lt;/script&gt; Sở &amp; "Ngành"</title></head><body>
        <ul class="menu"><li><a href="/tin-tuc">&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert('xss')&lt;/script&gt;</a></li></ul>
        <a href="/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;">Liên hệ</a></body></html>
        """

    /// A gzip stream that inflates to about 1 GB of zeros: fixed-Huffman
    /// deflate of one literal, then length-258 matches at distance 1
    /// (13 bits each, so 8 matches are 13 whole bytes). The gzip trailer is
    /// left zero on purpose: nothing should ever inflate that far.
    static let gzipBomb: Data = {
        let matches = 4_161_790   // 1 + 258 × matches = 1 073 741 821 bytes
        var bits = BitWriter()
        bits.write(1, count: 1)             // BFINAL
        bits.write(1, count: 2)             // BTYPE 01: fixed Huffman
        bits.writeCode(0x30, count: 8)      // literal 0
        bits.writeMatch()                   // 11 + 13 bits: byte-aligned from here
        var group = BitWriter()
        for _ in 0..<8 { group.writeMatch() }
        let groups = (matches - 1) / 8
        var tail = BitWriter()
        for _ in 0..<((matches - 1) % 8) { tail.writeMatch() }
        tail.writeCode(0, count: 7)         // end of block
        var data = Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
        data.append(contentsOf: bits.bytes)
        let pattern = group.bytes
        data.reserveCapacity(data.count + groups * pattern.count + 32)
        for _ in 0..<groups { data.append(contentsOf: pattern) }
        data.append(contentsOf: tail.bytes)
        data.append(contentsOf: [UInt8](repeating: 0, count: 8))
        return data
    }()

    struct BitWriter {
        private(set) var bytes: [UInt8] = []
        private var used = 8

        /// Header fields and extra bits: least significant bit first.
        mutating func write(_ value: Int, count: Int) {
            for bit in 0..<count { put((value >> bit) & 1) }
        }

        /// Huffman codes: most significant bit first.
        mutating func writeCode(_ code: Int, count: Int) {
            for bit in (0..<count).reversed() { put((code >> bit) & 1) }
        }

        /// Length 258 (symbol 285, code 11000101) at distance 1 (code 00000).
        mutating func writeMatch() {
            writeCode(0xC5, count: 8)
            writeCode(0, count: 5)
        }

        private mutating func put(_ bit: Int) {
            if used == 8 { bytes.append(0); used = 0 }
            bytes[bytes.count - 1] |= UInt8(bit) << used
            used += 1
        }
    }
}
