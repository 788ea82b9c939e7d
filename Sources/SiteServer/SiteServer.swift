import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A request as the site handler sees it.
public struct SiteRequest: Sendable {
    public var method: String
    /// Path and query exactly as sent, e.g. `/tin-tuc?page=2`.
    public var uri: String
    public var headers: [(name: String, value: String)]

    public var path: String { String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
    public var query: String? {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]) : nil
    }
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// What the server answers; the body kinds model the servers a crawler meets.
public struct SiteResponse: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        /// Chunks written one after another, each after its delay (slow drips).
        case chunks([(delayMilliseconds: Int, bytes: [UInt8])])
        /// Headers are never sent; the connection stays open (a stalled server).
        case stall
        /// Sends the head and part of the body, then drops the connection.
        case resetAfter([UInt8])
    }

    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Body
    /// Delay before anything is sent (latency).
    public var delayMilliseconds: Int
    /// When set, nothing is sent before the gate opens (a request held at a known point).
    public var gate: ResponseGate?

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Body = .bytes([]), delayMilliseconds: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delayMilliseconds = delayMilliseconds
    }

    public static func html(_ text: String, status: Int = 200, charset: String? = "utf-8") -> SiteResponse {
        let type = charset.map { "text/html; charset=\($0)" } ?? "text/html"
        return SiteResponse(status: status, headers: [("Content-Type", type)], body: .bytes(Array(text.utf8)))
    }

    public static func text(_ text: String, status: Int = 200, type: String = "text/plain; charset=utf-8") -> SiteResponse {
        SiteResponse(status: status, headers: [("Content-Type", type)], body: .bytes(Array(text.utf8)))
    }

    public static let notFound = SiteResponse.text("not found", status: 404)
}

public typealias SiteHandler = @Sendable (SiteRequest) -> SiteResponse

/// An HTTP/1.1 server on loopback, one per host address, used by the tests,
/// the offline demo (`portal-audit serve`) and the benchmarks.
public final class SiteServer: Sendable {
    public let host: String
    public let port: Int
    private let channel: Channel
    private let accessLog: AccessLogSlot

    public var baseURL: String { "http://\(host):\(port)" }

    /// Starts listening; port 0 picks a free port. Every server of the
    /// process shares NIO's event loops (one per core): the benchmark serves
    /// 500 portals, which must not cost 500 threads.
    public static func start(host: String = "127.0.0.1", port: Int = 0, accessLog: AccessLog? = nil,
                             handler: @escaping SiteHandler) throws -> SiteServer {
        let slot = AccessLogSlot(accessLog)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(handler: handler, accessLog: slot))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
        let channel = try bootstrap.bind(host: host, port: port).wait()
        return SiteServer(host: host, port: channel.localAddress?.port ?? port, channel: channel, accessLog: slot)
    }

    private init(host: String, port: Int, channel: Channel, accessLog: AccessLogSlot) {
        self.host = host
        self.port = port
        self.channel = channel
        self.accessLog = accessLog
    }

    /// Writes every later answer to `log` (nil stops). For servers started by
    /// code that does not take a log (the snapshot servers of `serve`), set
    /// before their address is announced.
    public func logAccess(to log: AccessLog?) {
        accessLog.log.withLock { $0 = log }
    }

    public func stop() {
        try? channel.close().wait()
    }

    /// Blocks until the server is closed.
    public func wait() throws {
        try channel.closeFuture.wait()
    }
}

/// The access log a server and its connections share; settable while serving.
private final class AccessLogSlot: Sendable {
    let log: Mutex<AccessLog?>

    init(_ log: AccessLog?) {
        self.log = Mutex(log)
    }
}

private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let handler: SiteHandler
    private let accessLog: AccessLogSlot
    private var head: HTTPRequestHead?

    init(handler: @escaping SiteHandler, accessLog: AccessLogSlot) {
        self.handler = handler
        self.accessLog = accessLog
    }

    /// What the access log says of an answer.
    private struct Answer: Sendable {
        var request: HTTPRequestHead
        var status: Int
        var bytes: Int
    }

    /// One access-log line for this answer, if the server keeps a log.
    private func logAnswer(_ answer: Answer, context: ChannelHandlerContext) {
        guard let log = accessLog.log.withLock({ $0 }) else { return }
        let local = context.channel.localAddress
        log.record(host: local?.ipAddress ?? "?", port: local?.port ?? 0, method: answer.request.method.rawValue,
                   uri: answer.request.uri, status: answer.status, bytes: answer.bytes)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            let request = SiteRequest(method: head.method.rawValue, uri: head.uri,
                                      headers: head.headers.map { (name: $0.name, value: $0.value) })
            var response = handler(request)
            let keepAlive = head.isKeepAlive
            let gate = response.gate
            response.gate = nil
            let delay = response.delayMilliseconds
            let ready = response
            // Later work reaches the handler and context through their own loop only.
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let send: @Sendable () -> Void = {
                let (handler, context) = bound.value
                guard context.channel.isActive else { return }
                handler.send(ready, keepAlive: keepAlive, head: head, context: context)
            }
            let sendAfterDelay: @Sendable () -> Void = {
                if delay > 0 {
                    bound.eventLoop.scheduleTask(in: .milliseconds(Int64(delay)), send)
                } else {
                    bound.eventLoop.execute(send)
                }
            }
            if let gate {
                gate.whenOpen(sendAfterDelay)
            } else if delay > 0 {
                sendAfterDelay()
            } else {
                send()
            }
        }
    }

    private func send(_ response: SiteResponse, keepAlive: Bool, head request: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        let isHead = request.method == .HEAD
        switch response.body {
        case .stall:
            return
        case .bytes(let bytes):
            if !headers.contains(name: "Content-Length") { headers.add(name: "Content-Length", value: String(bytes.count)) }
            writeHead(response.status, headers, keepAlive: keepAlive, version: request.version, context: context)
            if !isHead { context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil) }
            logAnswer(Answer(request: request, status: response.status, bytes: isHead ? 0 : bytes.count), context: context)
            finish(keepAlive: keepAlive, context: context)
        case .chunks(let chunks):
            let total = chunks.reduce(0) { $0 + $1.bytes.count }
            if !headers.contains(name: "Content-Length") { headers.add(name: "Content-Length", value: String(total)) }
            writeHead(response.status, headers, keepAlive: keepAlive, version: request.version, context: context)
            context.flush()
            let answer = Answer(request: request, status: response.status, bytes: total)
            if chunks.isEmpty { logAnswer(answer, context: context) }
            writeChunks(chunks[...], keepAlive: keepAlive, context: context, answer: answer)
        case .resetAfter(let bytes):
            headers.replaceOrAdd(name: "Content-Length", value: String(bytes.count * 4 + 1024))
            writeHead(response.status, headers, keepAlive: false, version: request.version, context: context)
            logAnswer(Answer(request: request, status: response.status, bytes: bytes.count), context: context)
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
            context.close(promise: nil)
        }
    }

    private func writeChunks(_ chunks: ArraySlice<(delayMilliseconds: Int, bytes: [UInt8])>, keepAlive: Bool, context: ChannelHandlerContext,
                             answer: Answer) {
        guard let first = chunks.first else {
            finish(keepAlive: keepAlive, context: context)
            return
        }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: .milliseconds(Int64(first.delayMilliseconds))) {
            let (handler, context) = bound.value
            guard context.channel.isActive else { return }
            // Logged before the last bytes: a client has its answer once Content-Length bytes arrived.
            if chunks.count == 1 { handler.logAnswer(answer, context: context) }
            context.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: first.bytes)))), promise: nil)
            handler.writeChunks(chunks.dropFirst(), keepAlive: keepAlive, context: context, answer: answer)
        }
    }

    private func writeHead(_ status: Int, _ headers: HTTPHeaders, keepAlive: Bool, version: HTTPVersion, context: ChannelHandlerContext) {
        var headers = headers
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
    }

    private func finish(keepAlive: Bool, context: ChannelHandlerContext) {
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { bound.value.close(promise: nil) }
        }
    }
}
