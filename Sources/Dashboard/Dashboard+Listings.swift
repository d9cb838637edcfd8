import Foundation
import MailroomCore
import Store

extension Dashboard {
    /// Messages in `scope`, newest first, at most `limit`.
    public func messages(_ scope: Scope, limit: Int?) throws(DashboardError) -> [MessageItem] {
        try Self.run { () throws(StoreError) in try store.messages(filter(scope), limit: limit) }.map(MessageItem.init)
    }

    /// Messages in `scope` holding every word of `text`, best match first, at most `limit`.
    public func search(_ text: String, scope: Scope, limit: Int?) throws(DashboardError) -> [MessageItem] {
        try Self.run { () throws(StoreError) in try store.search(text, filter(scope), limit: limit) }.map(MessageItem.init)
    }

    /// Orders in `scope` (by order date), newest first, optionally of one status.
    public func orders(_ scope: Scope, status: String? = nil, limit: Int? = nil) throws(DashboardError) -> [OrderItem] {
        try Self.run { () throws(StoreError) in try store.orders(filter(scope), status: status, limit: limit) }.map(OrderItem.init)
    }

    /// Deadlines from the start of today (in the dashboard's time zone) for `days` days,
    /// soonest first. A `scope` window narrows that range.
    public func upcomingDeadlines(_ scope: Scope, days: Int) throws(DashboardError) -> [DeadlineItem] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Deadlines are days stored as their midnight UTC: today's counts from its UTC midnight.
        let today = DateText.parseDay(DateText.day(now, in: timeZone), in: DateText.utc) ?? calendar.startOfDay(for: now)
        var from = today
        var to = today.addingTimeInterval(TimeInterval(days) * 86_400)
        if let since = scope.since, since > from { from = since }
        if let until = scope.until, until < to { to = until }
        guard from < to else { return [] }
        return try Self.run { () throws(StoreError) in try store.deadlines(filter(scope), from: from, to: to) }.map(DeadlineItem.init)
    }
}
