import Dashboard
import Foundation
import Intl
import MailroomCore

/// A vendor card as text for the terminal, and as `field,value` rows for CSV.
enum VendorCardText {
    static func lines(_ card: VendorCard, timeZone: TimeZone, sectorName: (Sector?) -> String) -> [String] {
        let summary = card.summary
        let day = { (date: Date?) in date.map { DateText.day($0, in: timeZone) } ?? "-" }
        var lines = ["\(summary.name) (\(summary.id))" + (summary.sector.map { " · \(sectorName($0))" } ?? "")]
        if !card.domains.isEmpty { lines.append("Domains: \(card.domains.joined(separator: ", "))") }
        lines.append("Contact: first \(day(summary.firstContact)), last \(day(summary.lastContact))")
        let counts = Category.allCases.filter { $0 != .personal }.map { "\($0.rawValue) \(summary.messages[$0])" }
        lines.append("Messages: \(summary.messages.total) (\(counts.joined(separator: ", ")))")
        if summary.hidden > 0 || !card.refusedCategories.isEmpty {
            let what = card.refusedCategories.isEmpty ? "" : " (refused: \(card.refusedCategories.joined(separator: ", ")))"
            lines.append("Hidden by refusals: \(summary.hidden)\(what)")
        }
        let spend = summary.spend.isEmpty ? "" : ", spend \(summary.spend.map(\.text).joined(separator: " + "))"
        lines.append("Orders: \(summary.orders)\(spend)")
        if let order = card.lastOrder {
            let total = order.total.map { " \($0.text)" } ?? ""
            lines.append("  last order \(order.row.number) on \(day(order.row.date))\(total) \(order.row.status ?? "")")
        }
        lines.append("Support: \(card.supportConversations) conversation(s), \(card.openSupport.count) open")
        for conversation in card.openSupport {
            lines.append("  open since \(day(conversation.lastMessage)): \(conversation.subject ?? "(no subject)") (\(conversation.messages) messages)")
        }
        if !card.accountEvents.isEmpty {
            lines.append("Account and security (90 days):")
            for event in card.accountEvents { lines.append("  \(day(event.row.date))  \(event.row.subject ?? "(no subject)")") }
        }
        let news = card.newsletters
        if news.total > 0 {
            let ratio = news.readRatio.map { "\(Int(($0 * 100).rounded()))% read" } ?? "read state unknown"
            lines.append("Newsletters: \(news.perMonth)/month over 12 months, \(ratio) (\(news.read) read, \(news.unread) unread, \(news.unknown) unknown)")
            if let hint = news.hint { lines.append("  hint: \(hint)") }
        }
        if !card.deadlines.isEmpty {
            lines.append("Deadlines:")
            for deadline in card.deadlines { lines.append("  \(deadline.day)  \(deadline.row.kind.rawValue)  order \(deadline.row.orderNumber)") }
        }
        if !card.recentMessages.isEmpty {
            lines.append("Recent messages:")
            let listing = Listing(
                columns: [.init("DATE", csv: "date"), .init("CATEGORY", csv: "category"), .init("SUBJECT", csv: "subject")],
                rows: card.recentMessages.map { [day($0.row.date), $0.row.category?.rawValue ?? "", $0.row.subject ?? ""] })
            lines += listing.table(width: TerminalWidth.current().map { $0 - 2 }).dropFirst().map { "  " + $0 }
        }
        return lines
    }

    /// The card's figures as `field,value` rows.
    static func listing(_ card: VendorCard, timeZone: TimeZone, sectorName: (Sector?) -> String) -> Listing {
        let summary = card.summary
        let instant = { (date: Date?) in date.map(DateText.instant) ?? "" }
        var rows: [[String]] = [
            ["id", summary.id.rawValue], ["name", summary.name], ["domain", summary.domain ?? ""],
            ["domains", card.domains.joined(separator: " ")], ["sector", summary.sector?.rawValue ?? ""],
            ["sector_name", sectorName(summary.sector)],
            ["messages_total", "\(summary.messages.total)"],
        ]
        for category in Category.allCases where category != .personal {
            rows.append(["messages_\(category.rawValue)", "\(summary.messages[category])"])
        }
        rows += [
            ["orders", "\(summary.orders)"], ["spend", summary.spend.map(\.text).joined(separator: "; ")],
            ["first_contact", instant(summary.firstContact)], ["last_contact", instant(summary.lastContact)],
            ["hidden", "\(summary.hidden)"], ["refused_categories", card.refusedCategories.joined(separator: " ")],
            ["last_order", card.lastOrder?.row.number ?? ""], ["support_conversations", "\(card.supportConversations)"],
            ["open_support", "\(card.openSupport.count)"], ["account_events_90_days", "\(card.accountEvents.count)"],
            ["newsletters_per_month", card.newsletters.perMonth],
            ["newsletters_read_ratio", card.newsletters.readRatio.map { String(format: "%.2f", $0) } ?? ""],
            ["newsletters_hint", card.newsletters.hint ?? ""], ["upcoming_deadlines", "\(card.deadlines.count)"],
        ]
        return Listing(columns: [.init("FIELD", csv: "field"), .init("VALUE", csv: "value")], rows: rows)
    }
}
