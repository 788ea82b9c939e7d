import Fetch
import Foundation
import Glibc
import SiteServer
import XCTest

/// Starts a loopback server for the test and stops it at teardown.
func startServer(_ test: XCTestCase, handler: @escaping SiteHandler) throws -> SiteServer {
    let server = try SiteServer.start(handler: handler)
    test.addTeardownBlock { server.stop() }
    return server
}

/// Runs `body` with a fetcher without politeness delays (tests set them explicitly) and short retries.
func withTestFetcher<Result>(_ adjust: (inout FetchConfiguration) -> Void = { _ in },
                             isolation: isolated (any Actor)? = #isolation,
                             _ body: (Fetcher) async throws -> Result) async rethrows -> Result {
    var configuration = FetchConfiguration()
    configuration.perHostDelayMilliseconds = 0
    configuration.perHostConnections = 4
    configuration.retryBackoffSeconds = 0.05
    adjust(&configuration)
    return try await Fetcher.withFetcher(configuration: configuration, body)
}

/// One fetch with a fetcher of its own.
func fetchOnce(_ request: FetchRequest, _ adjust: (inout FetchConfiguration) -> Void = { _ in }) async -> FetchResult {
    await withTestFetcher(adjust) { await $0.fetch(request) }
}

func hostKey(_ server: SiteServer) -> String { "\(server.host):\(server.port)" }

/// gzip bytes made by the system's gzip tool.
func gzipped(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-c", "-n"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread { input.fileHandleForWriting.write(data); try? input.fileHandleForWriting.close() }
    writer.start()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
}

/// Encodes UTF-8 text to windows-1258 (decomposing tone marks) with glibc iconv.
func windows1258(_ text: String) -> [UInt8] {
    let converter = iconv_open("WINDOWS-1258", "UTF-8")!
    defer { iconv_close(converter) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let written = input.withUnsafeMutableBytes { inBuffer in
        output.withUnsafeMutableBytes { outBuffer -> Int in
            var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            var outLeft = outBuffer.count
            precondition(iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, "text not encodable")
            return outBuffer.count - outLeft
        }
    }
    return Array(output[..<written])
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { return error }; return nil }
    var success: Success? { try? get() }
}
