import ArgumentParser

@main
struct PortalAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal-audit",
        abstract: "Audits the web portals of Vietnamese state agencies and ranks their IT use.",
        subcommands: [CrawlCommand.self, ServeCommand.self, Rank.self, Score.self, AuditCommand.self, HistoryCommand.self,
                      FlagsCommand.self, ReportCommand.self, WebCommand.self, UserCommand.self]
    )
}
