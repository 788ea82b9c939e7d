import Crawl
import Foundation
import WebAddress
import SiteServer

/// Serves recorded portals over HTTP the way the internet serves the real
/// ones: each target's portal on its own loopback address
/// (`<folder>/<id>/site`), its service listing host on another
/// (`<folder>/<id>/services`). Sub-site targets (a commune at a path of a
/// shared platform, see `CrawlTarget.scopePaths`) share their host: requests
/// under a target's path are answered from `<folder>/<id>/site`, the rest of
/// the host from `<folder>/_platform/site`.
public enum SnapshotSites {
    public struct Binding: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var root: URL
        /// Path prefixes of sub-site targets on this host, each with its folder.
        public var subsites: [Subsite] = []
    }

    public struct Subsite: Sendable, Equatable {
        public var prefix: String
        public var root: URL
    }

    /// Which folder answers on which address; `port` replaces the targets' port when given.
    public static func bindings(folder: URL, targets: [CrawlTarget], port: Int? = nil) throws -> [Binding] {
        var result = [Binding]()
        var taken = Set<String>()
        for target in targets {
            let hosts = [(target.portal, "site")] + target.services.map { ($0, "services") }
            let prefixes = target.scopePaths
            for (address, subfolder) in hosts {
                guard let url = HTTPAddress(address) else { continue }
                let bound = port ?? url.port ?? 80
                let root = folder.appendingPathComponent(target.id).appendingPathComponent(subfolder)
                if let paths = prefixes[url.hostKey] {
                    var index = result.firstIndex { $0.host == url.host && $0.port == bound }
                    if index == nil, taken.insert("\(url.host):\(bound)").inserted {
                        result.append(Binding(host: url.host, port: bound,
                                              root: folder.appendingPathComponent("_platform").appendingPathComponent(subfolder)))
                        index = result.count - 1
                    }
                    if let index { result[index].subsites += paths.map { Subsite(prefix: $0, root: root) } }
                    continue
                }
                guard taken.insert("\(url.host):\(bound)").inserted else { continue }
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
            for binding in bindings {
                let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
                let subsites = try binding.subsites.filter { exists($0.root) }.map {
                    (prefix: $0.prefix, site: try StaticSite(root: $0.root, latencyMilliseconds: latencyMilliseconds))
                }
                guard exists(binding.root) || !subsites.isEmpty else { continue }
                let platform = exists(binding.root) ? try StaticSite(root: binding.root, latencyMilliseconds: latencyMilliseconds) : nil
                let route: @Sendable (SiteRequest) -> SiteResponse = { request in
                    let path = request.path.lowercased()
                    if let subsite = subsites.first(where: { path.hasPrefix($0.prefix) || path + "/" == $0.prefix }) {
                        return subsite.site.respond(to: request)
                    }
                    return platform?.respond(to: request) ?? .notFound
                }
                var handler: SiteHandler = route
                if let holds { handler = { holds.apply(to: route($0)) } }
                servers.append(try SiteServer.start(host: binding.host, port: binding.port, handler: handler))
            }
        } catch {
            servers.forEach { $0.stop() }
            throw error
        }
        return servers
    }
}
