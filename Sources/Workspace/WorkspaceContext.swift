import Hummingbird
import NIOCore

/// The request context of the workspace: the client's address, for the login rate limit.
struct WorkspaceContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "?"
    }
}
