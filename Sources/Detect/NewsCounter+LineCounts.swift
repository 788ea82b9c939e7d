extension NewsCounter {
    /// The spaces and the scalars of a line, counted on its bytes in one pass.
    static func spacesAndScalars(_ line: String) -> (spaces: Int, scalars: Int) {
        var line = line
        return line.withUTF8 { spacesAndScalars(UnsafeRawBufferPointer($0)) }
    }

    /// Eight bytes at a time: every line of an article's content is counted.
    static func spacesAndScalars(_ bytes: UnsafeRawBufferPointer) -> (spaces: Int, scalars: Int) {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let space: UInt64 = 0x2020_2020_2020_2020
        var spaces = 0
        var continuations = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // A byte is a space when its XOR with 0x20 is zero: the classic exact zero-byte test.
            let x = word ^ space
            spaces &+= (~(((x & lowBits) &+ lowBits) | x | lowBits)).nonzeroBitCount
            // Continuation bytes (10xxxxxx): bit 7 set, bit 6 (shifted into bit 7's place) clear.
            continuations &+= (word & ~(word << 1) & highBits).nonzeroBitCount
            offset &+= 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x20 { spaces &+= 1 }
            if byte & 0xC0 == 0x80 { continuations &+= 1 }
            offset &+= 1
        }
        return (spaces, bytes.count - continuations)
    }
}
