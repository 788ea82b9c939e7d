import Foundation
import Synchronization
import XCTest

/// A seeded random-mutation fuzzer in plain XCTest. Seeds and every case
/// found so far live in Corpus/<name>/ and run first, as regression tests;
/// then mutants run for a bounded number of iterations and seconds.
/// RELIABILITY_SEED changes the mutations; RELIABILITY_FUZZ_TRACE=<dir>
/// writes each input there before it runs, to keep the one that crashes.
struct Fuzzer {
    let name: String
    let seeds: [[UInt8]]
    var random: SeededRandom

    /// Bytes parsers choke on: separators, quotes, escapes, NUL, bad UTF-8, Vietnamese.
    static let dictionary: [[UInt8]] = [
        [0], [0xff], [0xc3], [0xe1, 0xba], [0xed, 0xa0, 0x80], Array("\r\n".utf8), Array("\n".utf8), Array(":".utf8),
        Array("*".utf8), Array("$".utf8), Array("/".utf8), Array("%".utf8), Array("%ZZ".utf8), Array("\"".utf8),
        Array("'".utf8), Array(",".utf8), Array(";".utf8), Array("- ".utf8), Array("  ".utf8), Array("\t".utf8),
        Array("{".utf8), Array("[".utf8), Array("&".utf8), Array("<".utf8), Array("<!--".utf8), Array("]]>".utf8),
        Array("&#x0;".utf8), Array("9999999999999999999999".utf8), Array("-1".utf8), Array("0".utf8), Array("1e308".utf8),
        Array("Đ".utf8), Array("ố".utf8), Array("/NĐ-CP".utf8), Array("tháng".utf8), Array("*: &a [*a,*a,*a]".utf8),
    ]

    init(name: String, seed: UInt64) throws {
        self.name = name
        random = SeededRandom(seed: seed ^ UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
        seeds = try Self.corpus(name).map { [UInt8](try Data(contentsOf: $0)) }
        precondition(!seeds.isEmpty, "Corpus/\(name) needs at least one seed")
    }

    static func corpus(_ name: String) throws -> [URL] {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Corpus").appendingPathComponent(name)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    mutating func mutant() -> [UInt8] {
        var input = seeds[random.next(in: 0...(seeds.count - 1))]
        for _ in 0..<random.next(in: 1...4) { mutate(&input) }
        return input
    }

    private mutating func mutate(_ input: inout [UInt8]) {
        let position = input.isEmpty ? 0 : random.next(in: 0...(input.count - 1))
        switch random.next(in: 0...7) {
        case 0 where !input.isEmpty:
            input[position] ^= UInt8(1 << random.next(in: 0...7))
        case 1:
            input.insert(contentsOf: Self.dictionary[random.next(in: 0...(Self.dictionary.count - 1))], at: position)
        case 2 where !input.isEmpty:
            input.removeSubrange(position..<min(input.count, position + random.next(in: 1...64)))
        case 3 where !input.isEmpty:
            let end = min(input.count, position + random.next(in: 1...128))
            input.insert(contentsOf: input[position..<end], at: random.next(in: 0...input.count))
        case 4:
            // Long runs find quadratic work and length limits.
            let unit = Self.dictionary[random.next(in: 0...(Self.dictionary.count - 1))]
            input.insert(contentsOf: Array([[UInt8]](repeating: unit, count: random.next(in: 100...5_000)).joined()), at: position)
        case 5:
            input = Array(input.prefix(position))
        case 6:
            let other = seeds[random.next(in: 0...(seeds.count - 1))]
            let cut = other.isEmpty ? 0 : random.next(in: 0...(other.count - 1))
            input = Array(input.prefix(position)) + other[cut...]
        default:
            input.insert(UInt8(truncatingIfNeeded: random.next(in: 0...255)), at: position)
        }
    }

    /// Runs the corpus, then mutants, on a watched thread: a crash ends the
    /// process (the trace keeps the input), a hang or a slow input fails the test.
    static func run(_ name: String, iterations: Int, seconds: Double, file: StaticString = #filePath, line: UInt = #line,
                    _ body: @escaping @Sendable ([UInt8]) throws -> Void) throws -> Int {
        let seeded = try Fuzzer(name: name, seed: UInt64(ProcessInfo.processInfo.environment["RELIABILITY_SEED"] ?? "") ?? 2026)
        let trace = ProcessInfo.processInfo.environment["RELIABILITY_FUZZ_TRACE"].map { URL(fileURLWithPath: $0) }
        let state = FuzzState()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var fuzzer = seeded
            let end = Date().addingTimeInterval(seconds)
            var count = 0
            func one(_ input: [UInt8]) {
                if let trace { try? Data(input).write(to: trace.appendingPathComponent("\(name)-last")) }
                let started = Date()
                do { try body(input) } catch { state.fail("\(name): \(error)", input: input) }
                if Date().timeIntervalSince(started) > 5 { state.fail("\(name): one input took \(Date().timeIntervalSince(started)) s", input: input) }
                count += 1
            }
            fuzzer.seeds.forEach(one)
            while count < iterations + fuzzer.seeds.count && Date() < end { one(fuzzer.mutant()) }
            state.finish(count)
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds + 120) == .success else {
            XCTFail("\(name): the fuzzer hangs (input kept in the trace folder when RELIABILITY_FUZZ_TRACE is set)", file: file, line: line)
            return 0
        }
        for failure in state.failures {
            let kept = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(name)-\(abs(failure.input.hashValue)).bin")
            try? Data(failure.input).write(to: kept)
            XCTFail("\(failure.message) — input kept at \(kept.path)", file: file, line: line)
        }
        return state.count
    }
}

final class FuzzState: Sendable {
    private let recordedFailures = Mutex<[(message: String, input: [UInt8])]>([])
    private let finishedCount = Mutex(0)

    var failures: [(message: String, input: [UInt8])] { recordedFailures.withLock { $0 } }
    var count: Int { finishedCount.withLock { $0 } }

    func fail(_ message: String, input: [UInt8]) {
        recordedFailures.withLock { failures in if failures.count < 5 { failures.append((message, input)) } }
    }

    func finish(_ count: Int) { finishedCount.withLock { $0 = count } }
}
