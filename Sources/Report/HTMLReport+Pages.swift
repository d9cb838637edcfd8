import Dashboard
import Foundation
import Intl
import MailroomCore
import Store

/// The context of each page: pre-formatted text the templates escape and print.
extension HTMLReport {
    func overviewPage(_ summaries: [VendorSummary]) throws(ReportError) -> [String: Any] {
        let counts = try run { () throws(DashboardError) in try dashboard.categoryCounts(Scope()) }
        let months = Self.lastMonths(24, now: dashboard.now, timeZone: dashboard.timeZone)
        let activity = try run { () throws(DashboardError) in try dashboard.monthlyActivity(Scope()) }
        let spend = try run { () throws(DashboardError) in try dashboard.monthlySpend(Scope()) }
        let deadlines = try run { () throws(DashboardError) in try dashboard.upcomingDeadlines(Scope(), days: 90) }
        let hidden = try run { () throws(DashboardError) in try dashboard.hiddenCounts(Scope()) }

        var perMonth: [String: Int64] = [:]
        for count in activity { perMonth[count.month, default: 0] += Int64(count.count) }
        var categoryRows: [(label: String, value: Int64, text: String)] = Category.allCases.map {
            ($0.rawValue, Int64(counts[$0] ?? 0), "\(counts[$0] ?? 0)")
        }
        if let unclassified = counts[Category?.none], unclassified > 0 { categoryRows.append(("unclassified", Int64(unclassified), "\(unclassified)")) }
        var totals: [String: Int64] = [:]
        for summary in summaries { for money in summary.spend { totals[money.currency, default: 0] += money.minor } }
        let currencies = Set(spend.map { (entry: MonthlySpend) in entry.currency }).sorted()
        let spendCharts = currencies.map { currency in
            let values = months.map { month -> (label: String, value: Int64, text: String) in
                let minor = spend.first { $0.month == month && $0.currency == currency }?.spendMinor ?? 0
                return (month, minor, Money(minor: minor, currency: currency).text)
            }
            return ReportRows.SpendChart(currency: currency, chart: BarChart(values, summary: "Spend in \(currency) per month"))
        }

        var context = layout(title: "Overview", root: "", current: "overview")
        context["vendorCount"] = summaries.count
        context["messageCount"] = counts.values.reduce(0, +)
        context["orderCount"] = summaries.reduce(0) { $0 + $1.orders }
        context["spend"] = totals.keys.sorted().map { ReportRows.SpendCard(currency: $0, amount: Money(minor: totals[$0] ?? 0, currency: $0).amount) }
        context["hiddenCount"] = hidden.values.reduce(0, +)
        context["categoryChart"] = BarChart(categoryRows, summary: "Messages per category", height: 180, labelEvery: 1)
        context["categories"] = categoryRows.map { ["name": $0.label, "count": $0.text] }
        context["spendCharts"] = spendCharts
        context["activityChart"] = BarChart(months.map { ($0, perMonth[$0] ?? 0, "\(perMonth[$0] ?? 0) messages") },
                                            summary: "Messages per month over the last 24 months")
        context["hasDeadlines"] = !deadlines.isEmpty
        context["deadlines"] = deadlines.map { ReportRows.deadline($0, page: vendorPageLink) }
        context["topVendors"] = summaries.prefix(10).map { summary -> [String: Any] in
            ["page": vendorPageLink(summary.id.rawValue), "name": summary.name, "sector": dashboard.sectorName(summary.sector),
             "total": summary.messages.total, "lastContact": day(summary.lastContact)]
        }
        return context
    }

    func vendorsPage(_ summaries: [VendorSummary]) -> [String: Any] {
        var context = layout(title: "Vendors", root: "", current: "vendors")
        context["vendorCount"] = summaries.count
        context["sectors"] = Set(summaries.compactMap(\.sector)).sorted { $0.rawValue < $1.rawValue }.map { sector in
            ["id": sector.rawValue, "name": dashboard.sectorName(sector)]
        }
        context["categoryNames"] = Category.allCases.filter { $0 != .personal }.map(\.rawValue)
        context["vendors"] = summaries.map { summary in
            let sends = Category.allCases.filter { $0 != .personal && summary.messages[$0] > 0 }.map(\.rawValue)
            return ReportRows.VendorLine(
                page: vendorPageLink(summary.id.rawValue), name: summary.name, domain: summary.domain ?? "",
                sector: summary.sector?.rawValue ?? "", sectorName: dashboard.sectorName(summary.sector), categories: sends.joined(separator: " "),
                search: TextFolding.fold([summary.name, summary.id.rawValue, summary.domain ?? ""].joined(separator: " ")),
                total: summary.messages.total, orders: summary.messages.orders, account: summary.messages.account,
                support: summary.messages.support, newsletters: summary.messages.newsletters,
                notifications: summary.messages.notifications, orderCount: summary.orders,
                spend: summary.spend.map(\.text).joined(separator: ", "),
                spendValue: String(summary.spend.map(\.minor).max() ?? 0), lastContact: day(summary.lastContact),
                hidden: summary.hidden)
        }
        return context
    }

    func vendorPage(_ card: VendorCard, orders: [OrderItem], messages: [MessageItem]) -> [String: Any] {
        let summary = card.summary
        var context = layout(title: summary.name, root: "../", current: "vendor")
        context["id"] = summary.id.rawValue
        context["name"] = summary.name
        if let sector = summary.sector { context["sector"] = dashboard.sectorName(sector) }
        context["domains"] = card.domains
        context["total"] = summary.messages.total
        context["ordersMail"] = summary.messages.orders
        context["accountMail"] = summary.messages.account
        context["supportMail"] = summary.messages.support
        context["newsletterMail"] = summary.messages.newsletters
        context["notificationMail"] = summary.messages.notifications
        context["orderCount"] = summary.orders
        context["spend"] = summary.spend.map { ReportRows.SpendCard(currency: $0.currency, amount: $0.amount) }
        context["firstContact"] = day(summary.firstContact)
        context["lastContact"] = day(summary.lastContact)
        context["hidden"] = summary.hidden
        if !card.refusedCategories.isEmpty { context["refused"] = card.refusedCategories.joined(separator: ", ") }
        let months = Self.monthRange(card.monthly.map(\.month), until: dashboard.now, timeZone: dashboard.timeZone)
        let byMonth = Dictionary(card.monthly.map { ($0.month, $0.messages.total) }, uniquingKeysWith: +)
        context["activityChart"] = BarChart(months.map { ($0, Int64(byMonth[$0] ?? 0), "\(byMonth[$0] ?? 0) messages") },
                                            summary: "Messages from \(summary.name) per month")
        context["showVendor"] = false
        context["hasOrders"] = !orders.isEmpty
        context["orderRows"] = ReportRows.html(orders.map { ReportRows.order($0, timeZone: dashboard.timeZone, page: vendorPageLink) },
                                               showVendor: false, root: "../")
        if summary.orders > orders.count {
            context["ordersNote"] = "The newest \(orders.count) of \(summary.orders) orders; `mailroom orders --vendor \(summary.id)` lists them all."
        }
        context["hasDeadlines"] = !card.deadlines.isEmpty
        context["deadlines"] = card.deadlines.map { ReportRows.deadline($0, page: vendorPageLink) }
        context["supportConversations"] = card.supportConversations
        context["openCount"] = card.openSupport.count
        context["openSupport"] = card.openSupport.map { conversation -> [String: Any] in
            ["subject": conversation.subject ?? "(no subject)", "messages": conversation.messages, "lastMessage": day(conversation.lastMessage)]
        }
        context["accountEvents"] = card.accountEvents.map { ["date": day($0.row.date), "subject": $0.row.subject ?? "(no subject)"] }
        let news = card.newsletters
        context["newsletterTotal"] = news.total
        context["perMonth"] = news.perMonth
        context["readText"] = news.readRatio.map { "\(Int(($0 * 100).rounded()))% of those with a known state were read (\(news.read) read, \(news.unread) unread)" }
            ?? "whether they were read is unknown (imported mail has no flags)"
        if let hint = news.hint { context["hint"] = hint }
        context["hasMessages"] = !messages.isEmpty
        context["messageRows"] = ReportRows.html(messages.map { ReportRows.message($0, timeZone: dashboard.timeZone) })
        return context
    }

    func ordersPage(_ summaries: [VendorSummary]) throws(ReportError) -> [String: Any] {
        let orders = try run { () throws(DashboardError) in try dashboard.orders(Scope(), limit: orderPageLimit + 1) }
        let total = orders.count > orderPageLimit ? summaries.reduce(0) { $0 + $1.orders } : orders.count
        var context = layout(title: "Orders", root: "", current: "orders")
        context["orderCount"] = total
        context["truncated"] = orders.count > orderPageLimit
        context["shown"] = orderPageLimit
        context["showVendor"] = true
        context["hasOrders"] = !orders.isEmpty
        context["orderRows"] = ReportRows.html(orders.prefix(orderPageLimit).map { ReportRows.order($0, timeZone: dashboard.timeZone, page: vendorPageLink) },
                                               showVendor: true, root: "")
        return context
    }

    func refusedPage() throws(ReportError) -> [String: Any] {
        let items = try run { () throws(DashboardError) in try dashboard.refusalItems() }
        let hidden = try run { () throws(DashboardError) in try dashboard.hiddenCounts(Scope()) }
        var context = layout(title: "Refused partners", root: "", current: "refused")
        context["hiddenCount"] = hidden.values.reduce(0, +)
        context["hasRules"] = !items.isEmpty
        context["rules"] = items.map { item -> [String: Any] in
            let target: String = switch item.rule.target {
            case .vendor(let id): dashboard.vendor(id)?.name ?? id.rawValue
            case .sector(let sector): "the \(dashboard.sectorName(sector)) sector"
            }
            return ["action": item.rule.action.rawValue, "target": target, "category": item.rule.category?.rawValue ?? "all mail",
                    "messages": item.messages, "since": day(item.rule.createdAt), "undo": item.undo]
        }
        return context
    }

    /// The last `count` calendar months up to the one holding `now`, oldest first (`2026-03`).
    static func lastMonths(_ count: Int, now: Date, timeZone: TimeZone) -> [String] {
        let (year, month, _) = DateText.civil(now, in: timeZone)
        let current = year * 12 + month - 1
        return (0..<count).reversed().map { offset in
            let index = current - offset
            return DateText.pad(index / 12, 4) + "-" + DateText.pad(index % 12 + 1, 2)
        }
    }

    /// Every month from the first of `months` to the one holding `until` (at most 10 years back).
    static func monthRange(_ months: [String], until: Date, timeZone: TimeZone) -> [String] {
        let all = lastMonths(120, now: until, timeZone: timeZone)
        guard let first = months.min(), let start = all.firstIndex(where: { $0 >= first }) else { return Array(all.suffix(12)) }
        return Array(all[min(start, max(all.count - 12, 0))...])
    }
}
