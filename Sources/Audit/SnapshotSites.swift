import Crawl
import Foundation
import SiteServer

/// Serves recorded portals over HTTP the way the internet serves the real
/// ones: each target's portal on its own loopback address
/// (`<folder>/<id>/site`), its service listing host on another
/// (`<folder>/<id>/services`).
public enum SnapshotSites {
    public struct Binding: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var root: URL
    }

    /// Which folder answers on which address; `port` replaces the targets' port when given.
    public static func bindings(folder: URL, targets: [CrawlTarget], port: Int? = nil) throws -> [Binding] {
        var result = [Binding]()
        var taken = Set<String>()
        for target in targets {
            let hosts = [(target.portal, "site")] + target.services.map { ($0, "services") }
            for (address, subfolder) in hosts {
                guard let url = ParsedURL(address) else { continue }
                let bound = port ?? url.port ?? 80
                guard taken.insert("\(url.host):\(bound)").inserted else { continue }
                let root = folder.appendingPathComponent(target.id).appendingPathComponent(subfolder)
                result.append(Binding(host: url.host, port: bound, root: root))
            }
        }
        return result
    }

    /// Starts one server per binding. A folder that does not exist is an
    /// agency whose portal is down: nothing listens on its address. Tests
    /// stop a night at a known request through `holds`.
    public static func start(_ bindings: [Binding], latencyMilliseconds: Int = 0, holds: HoldSwitch? = nil) throws -> [SiteServer] {
        var servers = [SiteServer]()
        do {
            for binding in bindings where FileManager.default.fileExists(atPath: binding.root.path) {
                let site = try StaticSite(root: binding.root, latencyMilliseconds: latencyMilliseconds)
                var handler = site.handler
                if let holds { handler = { holds.apply(to: site.respond(to: $0)) } }
                servers.append(try SiteServer.start(host: binding.host, port: binding.port, handler: handler))
            }
        } catch {
            servers.forEach { $0.stop() }
            throw error
        }
        return servers
    }
}
