/// Aho–Corasick over lower-cased UTF-8 bytes, built once from the vocabulary
/// of health.yaml: which terms occur anywhere in a text, in one pass whatever
/// the number of terms. It does not look at word boundaries: the exact search
/// then runs for the terms it names alone, and most pages name none.
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
    let termCount: Int

    init(_ terms: [[UInt8]]) {
        termCount = terms.count
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for term in terms {
            for byte in term where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        // The trie: -1 where no term continues.
        var table = [Int32](repeating: -1, count: classCount)
        var outputs: [[Int]] = [[]]
        for (index, term) in terms.enumerated() where !term.isEmpty {
            var state = 0
            for byte in term {
                let slot = state * classCount + Int(classes[Int(byte)])
                if table[slot] < 0 {
                    table[slot] = Int32(outputs.count)
                    outputs.append([])
                    table += [Int32](repeating: -1, count: classCount)
                }
                state = Int(table[slot])
            }
            outputs[state].append(index)
        }
        // Breadth first: each state's missing transitions are its fallback's.
        var fallback = [Int](repeating: 0, count: outputs.count)
        var queue: [Int] = []
        for symbol in 0..<classCount {
            if table[symbol] < 0 {
                table[symbol] = 0
            } else {
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

    /// For each term, whether it occurs in `bytes` (lower-cased UTF-8).
    func occurring(in bytes: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var found = [Bool](repeating: false, count: termCount)
        classes.withUnsafeBufferPointer { classes in
            steps.withUnsafeBufferPointer { steps in
                var row = 0
                for byte in bytes {
                    let step = Int(steps[row &+ Int(classes[Int(byte)])])
                    if step >= 0 {
                        row = step
                    } else {
                        row = ~step
                        for term in outputs[row / classCount] { found[term] = true }
                    }
                }
            }
        }
        return found
    }
}
