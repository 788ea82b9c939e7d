import ArgumentParser

@main
struct PortalAudit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-audit",
        abstract: "Audits the web portals of Vietnamese state agencies and ranks their IT use.",
        subcommands: [Rank.self, Score.self]
    )
}
