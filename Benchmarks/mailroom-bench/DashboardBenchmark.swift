import Dashboard
import Foundation
import MailroomCore
import Report
import Store

/// `mailroom-bench dashboard [MESSAGES] [VENDORS]`: a store of synthetic rows (100,000 messages
/// from 500 vendors by default, with IMAP flags, orders and refusals) written through the store's
/// own writers, then the time of `vendors`, `vendor NAME` and `report` (targets: 300 ms, 100 ms,
/// 5 s). Figures are printed, never asserted.
struct DashboardBenchmark {
    var messages = 100_000
    var vendorCount = 500
    /// The fixed "now" of the synthetic mailbox: 2026-11-23 12:00 UTC.
    let now = Date(timeIntervalSince1970: 1_795_435_200)
    var random = SplitMix64(seed: 2026)

    static let words = ["Nova", "Atelier", "Maison", "Brico", "Vélo", "Café", "Lumen", "Pixel", "Terra", "Océan", "Alpin",
                        "Jardin", "Studio", "Ferme", "Kiosque", "Marché", "Boréal", "Zéphyr", "Quai", "Orbit"]
    static let suffixes = ["Shop", "Direct", "Services", "Club", "Market", "& Co", "Online", "Express", "Store", "Lab"]
    static let categories: [(Category, Int)] = [(.orders, 20), (.account, 10), (.support, 8), (.newsletters, 40), (.notifications, 22)]

    mutating func vendors() -> [StoredVendor] {
        (0..<vendorCount).map { index in
            let name = "\(Self.words[index % Self.words.count]) \(Self.suffixes[(index / Self.words.count) % Self.suffixes.count]) \(index / 200 + 1)"
            let domain = "vendor\(index).example"
            return StoredVendor(id: VendorID("vendor-\(index)"), name: name, sector: Sector.allCases[index % Sector.allCases.count],
                                domain: domain)
        }
    }

    mutating func pick<T>(_ weighted: [(T, Int)]) -> T {
        var roll = Int(random.next() % UInt64(weighted.reduce(0) { $0 + $1.1 }))
        for (value, weight) in weighted {
            if roll < weight { return value }
            roll -= weight
        }
        return weighted[0].0
    }

    /// Fills a fresh store at `path`; returns the seconds it took.
    mutating func build(at path: String) throws -> Double {
        let started = Date()
        let store = try MailStore(path: path)
        let vendors = vendors()
        // Vendor popularity falls off like 1/rank, so a few vendors write most of the mail.
        let weights = vendors.indices.map { (index: $0, weight: max(1, 2_000 / ($0 + 1))) }
        var batch: [NewMessage] = []
        var copies: [MailStore.SyntheticCopy] = []
        var orders: [MailStore.SyntheticOrder] = []
        for number in 0..<messages {
            let personal = random.next() % 50 == 0
            let vendor = personal ? nil : vendors[pick(weights.map { ($0.index, $0.weight) })]
            let category = personal ? Category.personal : pick(Self.categories)
            let date = now.addingTimeInterval(-Double(random.next() % (3 * 365 * 86_400)))
            let messageID = "<m\(number)@\(vendor?.domain ?? "people.example")>"
            var header = "Message-ID: \(messageID)\r\nSubject: x\r\n"
            if category == .support && number % 3 == 0 { header += "In-Reply-To: <m\(number - 1)@\(vendor?.domain ?? "")>\r\n" }
            let subject = Self.subject(category, number: number)
            batch.append(NewMessage(
                location: .file(path: "synthetic/\(number).eml", position: 0), messageID: messageID,
                contentHash: "synthetic-\(number)", date: date, fromName: vendor?.name ?? "Camille",
                fromAddress: "\(category.rawValue)@\(vendor?.domain ?? "people.example")", subject: subject,
                size: 4_000 + Int(random.next() % 40_000), rawHeader: Data(header.utf8), warnings: [],
                parts: [StoredPart(section: "1", kind: .plain, charset: "utf-8",
                                   text: "Bonjour, \(subject). Merci de votre confiance, à bientôt.", renderedText: nil)],
                attachments: [], vendor: vendor, category: category))
            if random.next() % 10 < 6 {
                let seen = category == .newsletters ? random.next() % 4 == 0 : random.next() % 10 < 8
                copies.append(MailStore.SyntheticCopy(messageID: messageID, account: "personal", mailbox: "INBOX",
                                                      uidValidity: 1, uid: Int64(number + 1), flags: seen ? "\\Seen" : ""))
            }
            if category == .orders, let vendor, number % 2 == 0 {
                orders.append(order(vendor: vendor, number: number, date: date, messageID: messageID))
            }
            if batch.count == 2_000 {
                _ = try store.insert(batch, now: now)
                batch.removeAll(keepingCapacity: true)
            }
        }
        _ = try store.insert(batch, now: now)
        try store.addSyntheticIMAPCopies(copies)
        try store.insertSyntheticOrders(orders)
        // A few refusals, as a person would have: two vendors, a sector's newsletters, one exception.
        try store.setRefusal(.vendor(VendorID("vendor-3")), category: nil, action: .refuse, now: now)
        try store.setRefusal(.vendor(VendorID("vendor-7")), category: .newsletters, action: .refuse, now: now)
        try store.setRefusal(.sector(.media), category: .newsletters, action: .refuse, now: now)
        try store.setRefusal(.vendor(VendorID("vendor-8")), category: .newsletters, action: .accept, now: now)
        return Date().timeIntervalSince(started)
    }

    mutating func order(vendor: StoredVendor, number: Int, date: Date, messageID: String) -> MailStore.SyntheticOrder {
        let currency = pick([("EUR", 8), ("USD", 1), ("GBP", 1)])
        let items = (0...Int(random.next() % 3)).map { index in
            (name: "Article \(number)-\(index)", quantity: 1 + Int(random.next() % 3), unitPriceMinor: Int64(500 + random.next() % 20_000))
        }
        let total = items.reduce(Int64(0)) { $0 + $1.unitPriceMinor * Int64($1.quantity) }
        var order = MailStore.SyntheticOrder(vendor: vendor.id, number: "ORD-\(number)", date: date, currency: currency,
                                             totalMinor: total, status: pick([("delivered", 6), ("shipped", 2), ("processing", 1), ("cancelled", 1)]))
        order.items = items
        order.tracking = number % 3 == 0 ? [(carrier: "Colissimo", number: "6A\(100_000_000 + number)")] : []
        order.returnUntil = date.addingTimeInterval(30 * 86_400)
        order.warrantyUntil = date.addingTimeInterval(2 * 365 * 86_400)
        order.messageIDs = [messageID]
        return order
    }

    static func subject(_ category: Category, number: Int) -> String {
        switch category {
        case .orders: "Votre commande ORD-\(number) est confirmée"
        case .account: "Nouvelle connexion à votre compte"
        case .support: "Votre demande \(number % 997) : réponse de notre équipe"
        case .newsletters: "Les nouveautés de la semaine \(number % 52)"
        case .notifications: "Votre colis arrive bientôt"
        case .personal: "Dîner samedi ?"
        }
    }

    /// Builds the store, then times each query `rounds` times and prints the median.
    mutating func run(rounds: Int = 5) throws {
        // MAILROOM_BENCH_STORE keeps the synthetic store at that path (and reuses it when present).
        let kept = ProcessInfo.processInfo.environment["MAILROOM_BENCH_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        let directory = kept.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("mailroom-bench-dashboard-\(getpid())")
        defer { if kept == nil { try? FileManager.default.removeItem(at: directory) } }
        let path = kept ?? directory.appendingPathComponent("store.sqlite").path
        let buildSeconds = FileManager.default.fileExists(atPath: path) ? 0 : try build(at: path)
        let store = try MailStore(path: path)
        print("dashboard on \(messages) messages from \(vendorCount) vendors (store built in \(String(format: "%.1f", buildSeconds)) s)")
        let utc = TimeZone(identifier: "UTC") ?? .gmt
        // The median wall time of `rounds` runs, and the CPU time of that run (user + system, all
        // threads): on a machine shared with other work the CPU time is the steadier figure.
        func cpuMilliseconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3
        }
        var cpu = 0.0
        func median(_ body: () throws -> Void) rethrows -> Double {
            var times: [(wall: Double, cpu: Double)] = []
            for _ in 0..<rounds {
                let started = DispatchTime.now().uptimeNanoseconds
                let cpuStarted = cpuMilliseconds()
                try body()
                times.append((Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6, cpuMilliseconds() - cpuStarted))
            }
            let middle = times.sorted { $0.wall < $1.wall }[times.count / 2]
            cpu = middle.cpu
            return middle.wall
        }
        var listed = 0
        let vendors = try median {
            let dashboard = try Dashboard(store: store, now: now, timeZone: utc)
            listed = try dashboard.vendorSummaries(Scope()).count
        }
        print(String(format: "  vendors             %8.1f ms  cpu %8.1f ms  (%d vendors listed; target 300 ms)", vendors, cpu, listed))
        for query in ["Nova Shop 1", "vendor12.example", "zephyr services 2"] {
            let card = try median {
                let dashboard = try Dashboard(store: store, now: now, timeZone: utc)
                _ = try dashboard.card(try dashboard.findVendor(query), scope: Scope())
            }
            print(String(format: "  vendor %-20@ %6.1f ms  cpu %8.1f ms  (target 100 ms)", "\"\(query)\"" as NSString, card, cpu))
        }
        let reportDirectory = directory.appendingPathComponent("report")
        var pages = 0
        let report = try median {
            let dashboard = try Dashboard(store: store, now: now, timeZone: utc)
            pages = try HTMLReport(dashboard: dashboard).write(to: reportDirectory).pages
        }
        let bytes = (FileManager.default.enumerator(atPath: reportDirectory.path)?.allObjects as? [String] ?? [])
            .compactMap { try? FileManager.default.attributesOfItem(atPath: reportDirectory.appendingPathComponent($0).path)[.size] as? Int }
            .reduce(0, +)
        print(String(format: "  report              %8.1f ms  cpu %8.1f ms  (%d pages, %.1f MB, %d threads; target 5000 ms)", report, cpu, pages,
                     Double(bytes) / 1e6, ProcessInfo.processInfo.activeProcessorCount))
        // Where the report's time goes: the read model of every vendor page, without HTML.
        let cards = try median {
            let dashboard = try Dashboard(store: store, now: now, timeZone: utc)
            let vendors = try dashboard.vendorSummaries(Scope()).compactMap { dashboard.vendor($0.id) }
            _ = try dashboard.cards(vendors, scope: Scope(), orders: 100, messages: 20)
        }
        print(String(format: "    pages data alone  %8.1f ms  cpu %8.1f ms  (every vendor page's card, orders, messages; two reading threads, no HTML)", cards, cpu))
        print(String(format: "  peak RSS            %8.1f MB", peakResidentMegabytes()))
    }
}
