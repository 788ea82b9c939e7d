/// Aho–Corasick over UTF-8 bytes as written, built once from the lower-case
/// vocabulary of health.yaml: which terms occur anywhere in the lower case of
/// a text, in one pass whatever the number of terms, without lower-casing the
/// text. Each scalar of a term is also reached by the bytes of the scalars
/// that lower-case to it (`CaseVariants`), so the automaton reads "NỔ HŨ" as
/// "nổ hũ". It does not look at word boundaries: the exact search then runs
/// on the lowered text for the terms it names alone, and most pages name none.
struct TermAutomaton: Sendable {
    /// Byte → input class; 0 for the bytes of no term, which lead back to the root.
    private let classes: [UInt8]
    private let classCount: Int
    /// The complete transition table, `row + class` → the next state's row
    /// (`state * classCount`), bitwise inverted when a term ends there: the
    /// scan's step per byte is one load and one sign test, no multiplication.
    private let steps: [Int32]
    /// The terms (indices) that end at each state, through its fallbacks too.
    private let outputs: [[Int]]
    /// The most bytes a term takes in any spelling.
    private let longest: Int
    let termCount: Int

    /// - Parameter terms: lower-case terms; an empty one never occurs.
    init(_ terms: [String]) {
        termCount = terms.count
        // Each scalar of each term, with the scalars written for it.
        let spellings: [[[[UInt8]]]] = terms.map { term in
            term.unicodeScalars.map { scalar in ([scalar] + CaseVariants.variants(of: scalar)).map { Array(String($0).utf8) } }
        }
        longest = spellings.map { $0.map { $0.map(\.count).max() ?? 0 }.reduce(0, +) }.max() ?? 0
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for byte in spellings.joined().compactMap(\.first).joined() where classes[Int(byte)] == 0 {
            classes[Int(byte)] = UInt8(classCount)
            classCount += 1
        }
        // A one-byte spelling of a one-byte scalar ("A" for "a") leads where
        // the scalar does from every state: it is the same input class.
        for forms in spellings.joined() where forms[0].count == 1 {
            for form in forms.dropFirst() where form.count == 1 && classes[Int(form[0])] == 0 {
                classes[Int(form[0])] = classes[Int(forms[0][0])]
            }
        }
        for byte in spellings.joined().joined().joined() where classes[Int(byte)] == 0 {
            classes[Int(byte)] = UInt8(classCount)
            classCount += 1
        }
        // The trie of the terms' lower case: the spellings of one scalar all
        // lead to the same state, so it is a graph where they differ. -1 where
        // no term continues.
        var table = [Int32](repeating: -1, count: classCount)
        var outputs: [[Int]] = [[]]
        func newState() -> Int32 {
            outputs.append([])
            table += [Int32](repeating: -1, count: classCount)
            return Int32(outputs.count - 1)
        }
        for (index, term) in spellings.enumerated() where !term.isEmpty {
            var state: Int32 = 0
            for forms in term {
                var next: Int32 = -1
                for form in forms {
                    var at = state
                    for (offset, byte) in form.enumerated() {
                        let slot = Int(at) * classCount + Int(classes[Int(byte)])
                        if offset < form.count - 1 {
                            if table[slot] < 0 { table[slot] = newState() }
                            at = table[slot]
                        } else {
                            // UTF-8 is prefix-free: a whole scalar's bytes end on the scalar's state.
                            if next < 0 { next = table[slot] >= 0 ? table[slot] : newState() }
                            table[slot] = next
                        }
                    }
                }
                state = next
            }
            outputs[Int(state)].append(index)
        }
        // Breadth first, so a state's fallback (reached by fewer bytes) is
        // complete before it: each state's missing transitions are its
        // fallback's. A state reached on several paths is done once.
        var fallback = [Int](repeating: -1, count: outputs.count)
        fallback[0] = 0
        var queue: [Int] = []
        for symbol in 0..<classCount {
            if table[symbol] < 0 {
                table[symbol] = 0
            } else if fallback[Int(table[symbol])] < 0 {
                fallback[Int(table[symbol])] = 0
                queue.append(Int(table[symbol]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for symbol in 0..<classCount {
                let slot = state * classCount + symbol
                let viaFallback = table[fallback[state] * classCount + symbol]
                if table[slot] < 0 {
                    table[slot] = viaFallback
                } else {
                    let child = Int(table[slot])
                    guard fallback[child] < 0 else { continue }
                    fallback[child] = Int(viaFallback)
                    outputs[child] += outputs[Int(viaFallback)]
                    queue.append(child)
                }
            }
        }
        self.classes = classes
        self.classCount = classCount
        self.steps = table.map { state in
            let row = state * Int32(classCount)
            return outputs[Int(state)].isEmpty ? row : ~row
        }
        self.outputs = outputs
    }

    /// For each term, whether it occurs in the lower case of `bytes` (valid UTF-8).
    ///
    /// Each step waits on the state the step before loaded, so the text is
    /// read as two halves walked side by side: two loads in flight at a time.
    /// The second half starts `longest - 1` bytes early, so a term across the
    /// cut is read whole by it.
    func occurring(in bytes: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var found = [Bool](repeating: false, count: termCount)
        classes.withUnsafeBufferPointer { classes in
            steps.withUnsafeBufferPointer { steps in
                /// The next row from `row` on `byte`; the terms ending there are marked.
                func step(_ row: inout Int, _ byte: UInt8) {
                    let next = Int(steps[row &+ Int(classes[Int(byte)])])
                    if next >= 0 {
                        row = next
                    } else {
                        row = ~next
                        for term in outputs[row / classCount] { found[term] = true }
                    }
                }
                let half = bytes.count / 2
                var first = 0, second = max(0, half - (longest - 1))
                var firstRow = 0, secondRow = 0
                while first < half {
                    step(&firstRow, bytes[first])
                    step(&secondRow, bytes[second])
                    first += 1
                    second += 1
                }
                while second < bytes.count {
                    step(&secondRow, bytes[second])
                    second += 1
                }
            }
        }
        return found
    }
}
