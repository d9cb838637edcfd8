import Mustache

// The template rows answer name lookups directly: Mustache's default, Mirror reflection per
// variable, took most of the report's time (about 85% on 100,000 messages).

extension ReportRows.VendorLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "name": self.name
        case "domain": domain
        case "sector": sector
        case "sectorName": sectorName
        case "categories": categories
        case "search": search
        case "total": total
        case "orders": orders
        case "account": account
        case "support": support
        case "newsletters": newsletters
        case "notifications": notifications
        case "orderCount": orderCount
        case "spend": spend
        case "spendValue": spendValue
        case "lastContact": lastContact
        case "hidden": hidden
        default: nil
        }
    }
}

extension ReportRows.OrderLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "vendorName": vendorName
        case "vendorPage": vendorPage
        case "number": number
        case "status": status
        case "total": total
        case "totalValue": totalValue
        case "hasItems": hasItems
        case "items": items
        case "tracking": tracking
        default: nil
        }
    }
}

extension ReportRows.ItemLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "quantity": quantity
        case "name": self.name
        case "hasPrice": hasPrice
        case "price": price
        default: nil
        }
    }
}

extension ReportRows.DeadlineLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "kind": kind
        case "vendorName": vendorName
        case "vendorPage": vendorPage
        case "order": order
        case "total": total
        default: nil
        }
    }
}

extension ReportRows.MessageLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "category": category
        case "from": from
        case "subject": subject
        default: nil
        }
    }
}

extension ReportRows.SpendCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "currency": currency
        case "amount": amount
        default: nil
        }
    }
}

extension ReportRows.SpendChart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "currency": currency
        case "chart": chart
        default: nil
        }
    }
}

extension BarChart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "width": width
        case "height": height
        case "bars": bars
        case "path": path
        case "labelled": labelled
        case "maximum": maximum
        case "summary": summary
        case "baseline": baseline
        default: nil
        }
    }
}

extension BarChart.Bar: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "x": x
        case "y": y
        case "width": width
        case "height": height
        case "title": title
        case "label": label
        case "hasLabel": hasLabel
        case "labelX": labelX
        case "baseY": baseY
        default: nil
        }
    }
}
