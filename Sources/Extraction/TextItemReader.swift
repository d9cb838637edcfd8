import Foundation
import Intl

/// Line items in plain text: `2 x Tiramisu maison   9,00 €`, `BILLY Bibliothèque   2 x 59,99 €`,
/// `Standard   1   £12.99`, `Tente de camping   x1   129,99 €`, a name line followed by
/// `Qty: 1   £89.99`, and `Article : …` / `Quantité : 1` / `Prix de l'article : 18,00 €` blocks.
enum TextItemReader {
    static func items(in lines: [TextLine], summary: OrderSummary, resolver: CurrencyResolver) -> [ItemCandidate] {
        let lines = withLabelledCountsApart(withoutFormerPrices(lines))
        var items: [ItemCandidate] = []
        // Items named with a quantity but no price (a shipping notice's parcel content).
        var unpriced: [ItemCandidate] = []
        let summaryLines = Set(summary.lines.map(\.line))
        var pendingName: PendingName?
        var pending: ItemCandidate?
        var labelled: ItemCandidate?
        // Blank lines set items apart in plain text (not in rendered HTML).
        let paragraphs = lines.dropFirst().contains(where: \.startsParagraph)
        var paragraph = 0
        // An item line that named its item ("Veste  49 €") may be followed by its details.
        var detailsMayFollow = false
        var itemIndent = 0

        // "£30.00" opening a paragraph over the name and count lines of its item (prices written first).
        var leadingPrice: Amount?
        // Whether the list writes each price over its item's name (found at its first price).
        var pricesFirst = false

        func flushPending() {
            if var item = pending, !item.hasPrice, let held = leadingPrice {
                item.price = held
                pending = item
                leadingPrice = nil
            }
            if let item = pending {
                if item.hasPrice { items.append(item) } else { unpriced.append(item) }
            }
            pending = nil
        }

        // The line that closed the last item.
        var itemCount = 0
        var lastItemLine = -1
        // The line of the lone price that closed the last item; the last line that ended a block.
        var pricedBy = -1
        var sealedBy = -1
        // A count written under its label (`Quantité :` over `2`, a definition list's rendering).
        var countUnderLabel = -1
        // The last extra's line folded into its dish (`+ Supplément bacon   1,50 €`).
        var addOnLine = -1
        for (index, line) in lines.enumerated() {
            let folded = line.folded
            if line.startsParagraph { paragraph += 1 }
            if index == countUnderLabel { continue }
            if items.count != itemCount { (itemCount, lastItemLine) = (items.count, index - 1) }
            // "82344710  Perceuse visseuse sans fil DEXTER 18V   1   79,90 €" over "          2Ah": a fixed-width
            // table's name wrapped onto the next line, starting in the name's own column.
            if lastItemLine == index - 1, pendingName == nil, pending == nil, line.amounts.isEmpty, let last = items.indices.last,
                let wrapped = wrappedName(line, under: lines[index - 1], name: items[last].name)
            {
                items[last].name = wrapped
                continue
            }
            // "1x Le Bartholomé   14,90 €" over "   + Supplément bacon   1,50 €": an extra ordered with the dish,
            // its price folded into the dish's.
            if pendingName == nil, pending == nil, lastItemLine == index - 1 || addOnLine == index - 1, let last = items.indices.last,
                let extra = addOnPrice(line), let dish = withAddOn(OrderSummary.amount(extra, resolver: resolver), items[last])
            {
                items[last] = dish
                addOnLine = index
                continue
            }
            // "    Vendu par X · dont éco-participation 1,00 €" indented under its item line: a detail.
            if detailsMayFollow, lastItemLine == index - 1 || !line.hasDigit, indent(line) >= itemIndent + 2 { continue }
            // "(Used - Trade Paper)" under a name: its variant, not the next item's name.
            if pendingName != nil || pending != nil, line.amounts.isEmpty, isBracketedLine(line.text) { continue }
            // "EUR 26,60 L'amica geniale" over "e/o · 2 copie": a count in the last segment of the
            // detail line right under an item line that stated none is that item's.
            if pendingName == nil, pending == nil, lastItemLine == index - 1, line.hasDigit, let last = items.indices.last,
                !items[last].quantityStated, !line.amounts.contains(where: { !$0.isBare }), let (count, _) = lastSegmentCount(line.text)
            {
                items[last].quantity = count
                items[last].quantityStated = true
                continue
            }
            // "You may also like": what follows is no part of the order.
            if ItemRegions.isRecommendationHeading(line) { break }
            // "Article : Veste en jean", "Room: Deluxe Double Room".
            // "Article | Chemise en lin" (a two-column table without colons) too.
            // "[2] Livre : Petit Pays": a numbered entry of a list names its item, whatever its label.
            // "Item number: 296612004512", "Numéro d'article : 4410": the label of a reference, no name.
            if line.amounts.isEmpty, let (label, value) = labelValue(line.text) ?? cellLabelValue(line),
                (ItemVocabulary.itemNameLabels.contains(label.lastWordOrSelf) || ItemVocabulary.itemNameLabels.contains(label.firstWordOrSelf))
                    && !labelsReference(label) || isNumberedEntry(line.text)
            {
                let value = numberedEntryValue(line.text) ?? value
                if let current = labelled, current.price != nil || current.unitPrice != nil { items.append(current) }
                labelled = ItemCandidate(name: cleanName(stripSize(value)), quantity: 1)
                continue
            }
            // "Quantity: 1   Unit price: £32.95   Total: £32.95" under its name line.
            // "Réf. CA-70028P60 - Prix unitaire : 6,90 € - Qté : 2 - Total : 13,80 €": after the item's reference.
            if line.hasDigit, var detail = detailLine(line, resolver: resolver) ?? afterReferenceSegment(line).flatMap({ detailLine($0, resolver: resolver) }) {
                if var current = labelled {
                    current.quantity = detail.quantity
                    current.unitPrice = detail.unitPrice ?? current.unitPrice
                    current.lineTotal = detail.lineTotal ?? current.lineTotal
                    current.price = detail.price ?? current.price
                    labelled = current
                } else if let name = pending?.name ?? pendingName?.text {
                    detail.name = name
                    items.append(detail)
                    pending = nil
                    pendingName = nil
                }
                continue
            }
            // "Kong Classic Dog Toy, LargeQty: 1": the count's label glued to the name.
            if line.hasDigit, line.amounts.isEmpty, labelled == nil, let (count, name) = gluedQuantityLabel(line.text) {
                flushPending()
                pending = ItemCandidate(name: cleanName(name), quantity: count)
                pendingName = nil
                continue
            }
            // "- Sciarpa in lana, 2 pz.", "Cocotte en fonte - Qté 1": a name and its count on one line, the
            // price (if any) to come. Under a name, a variant's line with its count ("Noir - Qté 1") is none;
            // over a line counting it ("1 ud x 2,85 €"), "Huevos frescos L, 12 unidades" ends with its pack's size;
            // so does "1x Denkmit Spülmaschinentabs, 60 St", counted first.
            if line.amounts.isEmpty, labelled == nil, line.hasDigit, let (count, name) = separatedTrailingCount(line.text), leadingQuantity(name) == nil,
                !countFollows(lines, after: index) || (index + 1 < lines.count && separatedTrailingCount(lines[index + 1].text) != nil),
                !countedPriceFollows(lines, after: index, resolver: resolver), !isChargeName(name, counted: true),
                pendingName == nil || (name.spaceSeparatedWords().count >= 2 && !opensWithAttribute(name) && !isVariantLine(name) && !isColourSizeLine(name))
            {
                flushPending()
                var item = ItemCandidate(name: name, quantity: count)
                item.quantityStated = true
                pending = item
                pendingName = nil
                continue
            }
            var labelledCount = labelledQuantity(folded)
            // "2 pcs" alone on its line under a name: its count, with its unit word; "x2", "× 3" with its sign.
            if labelledCount == nil, pendingName != nil || pending != nil, line.hasDigit, line.text.utf8.count <= 12 {
                labelledCount = countedQuantity(line.text) ?? markedQuantity(line.text)
            }
            // "Woolpower Socks" / "Grey · 40-44" / "2" / "229 kr": a bare count on its line, right over the price.
            if labelledCount == nil, pendingName != nil, line.hasDigit, let count = bareCount(line.text), index + 1 < lines.count,
                lonePrice(lines[index + 1]) != nil
            {
                labelledCount = count
            }
            // "ABRIGO LANA MEZCLA" / "Talla M · 1 ud.": a variant's line under the name, its count in its last segment.
            if labelledCount == nil, pendingName != nil, pending == nil, line.amounts.isEmpty, line.hasDigit,
                let (count, variant) = lastSegmentCount(line.text), variant.spaceSeparatedWords().count <= 4
            {
                labelledCount = count
            }
            if labelledCount == nil, let count = countBelowLabel(lines, at: index) {
                labelledCount = count
                countUnderLabel = index + 1
            }
            if let quantity = labelledCount, line.amounts.isEmpty, countColumn(line) == nil {
                if labelled != nil { labelled?.quantity = quantity; continue }
                // "Duracell AA, pack of 12" / "£8.49" / "Qty: 2": the count right under the price that closed the item.
                if pending == nil, pendingName == nil, pricedBy == index - 1, let last = items.indices.last, !items[last].quantityStated,
                    nameBeforeLabels(line.text) == nil
                {
                    items[last].quantity = quantity
                    items[last].quantityStated = true
                    continue
                }
                // "Pull en laine Quantité: 1": the name is on the count's line, not above it; under
                // a name, "Taille 4 ans - Qté : 1" opens with an attribute's word: the name's variant.
                // "ASOS DESIGN wool mix coat in camel" over "CAMEL UK 10 Qty: 1": its variant in capitals.
                // "Cream / Size: M / Qty: 1" under its name: the variant's segments before the count's, no name.
                if let name = nameBeforeLabels(line.text),
                    pendingName.map({ !opensWithAttribute(name) && !isCapitalsVariant(name, under: $0.text) && !endsWithSeparator(name) }) ?? true
                {
                    flushPending()
                    pending = ItemCandidate(name: name, quantity: quantity)
                    pendingName = nil
                    continue
                }
                if pending != nil { pending?.quantity = quantity; continue }
                if let name = pendingName { pending = ItemCandidate(name: name.text, quantity: quantity); pendingName = nil; continue }
            }
            if summaryLines.contains(index) {
                // The summary closes the item list; an item's own price line is no summary.
                if SummaryLabel.isItemPrice(folded: folded), let amount = line.amounts.first {
                    let price = OrderSummary.amount(amount, resolver: resolver)
                    if labelled != nil { labelled?.price = price; continue }
                    // "Price paid: $8.00" under the name: that item's price, not the order's.
                    if pending != nil { pending?.price = price; flushPending(); continue }
                    if let name = pendingName {
                        items.append(ItemCandidate(name: name.text, quantity: name.quantity ?? 1, price: price))
                        pendingName = nil
                        continue
                    }
                }
                // "Prix : 6,50 €" / "Quantité : 3" / "Total : 19,50 €": the line's total closes the item
                // still open (more items may follow).
                if var item = pending, labelled == nil, let amount = line.amounts.first, isLineTotal(amount, of: item, rightAfter: true) {
                    item.lineTotal = OrderSummary.amount(amount, resolver: resolver)
                    if item.unitPrice == nil { (item.unitPrice, item.price) = (item.price, nil) }
                    pending = item
                    flushPending()
                    continue
                }
                // "Total : 26,97 €" under an item's count and unit price is that item's line total.
                if pending == nil, let last = items.last, let amount = line.amounts.first,
                    isLineTotal(amount, of: last, rightAfter: lastItemLine == index - 1)
                {
                    items[items.count - 1].lineTotal = OrderSummary.amount(amount, resolver: resolver)
                    // Its price times its count made that total: the price is the unit's.
                    if items[items.count - 1].unitPrice == nil {
                        items[items.count - 1].unitPrice = items[items.count - 1].price
                        items[items.count - 1].price = nil
                    }
                    continue
                }
                // "dont éco-participation 1,00 €", "inkl. 0,15 € Pfand" under an item: what its price includes,
                // a detail of that item, not the summary closing the list (the order's own "dont TVA" comes after it).
                // "zzgl. Pfand 2x 3,30 € 6,60 €": what is charged on top of it, likewise.
                if !items.isEmpty || pending != nil, let first = Words(folded, maximumCount: 1).items.first, OrderSummary.opensItemCharge(first),
                    lastItemLine >= index - 3 || pricedBy >= index - 3 || pending != nil
                {
                    continue
                }
                // "Dostawa: InPost · 9,99 zł" after one seller's items: a charge's line that a counted
                // item follows within a few lines (the next seller's) does not close the list.
                // "Promocja 2+1: -7,49 zł" right under an item's line: that item's discount, more items after it.
                let itemDiscount = lastItemLine == index - 1 && summaryLine(summary, at: index, onlyOf: [.discount])
                if !items.isEmpty, chargeOnly(summary, at: index) || itemDiscount,
                    countedItemFollows(lines, after: index, resolver: resolver)
                        || (openingCount(items[items.count - 1].name) != nil && countOpenedItemFollows(lines, after: index, resolver: resolver))
                {
                    flushPending()
                    pendingName = nil
                    continue
                }
                if !items.isEmpty || pending != nil { flushPending(); break }
                continue
            }
            // "1 @ FREE" under a name: a gift's count, priced zero.
            if line.amounts.isEmpty, line.hasDigit, labelled == nil, pending != nil || pendingName != nil, let (count, free) = countedFreePrice(line) {
                let name = pending?.name ?? pendingName?.text ?? ""
                pending = nil
                pendingName = nil
                var gift = ItemCandidate(name: name, quantity: count, price: free)
                gift.quantityStated = true
                gift.namedAbove = true
                items.append(gift)
                continue
            }
            // "Each: Free", "Prix unitaire : Offert" under a counted name: a gift, priced zero.
            if line.amounts.isEmpty, pending != nil || labelled != nil, let free = freeItemPrice(line) {
                if labelled != nil { labelled?.price = free } else { pending?.price = free; flushPending() }
                continue
            }
            if let amount = line.amounts.first, SummaryLabel.isItemPrice(folded: Words.prefixFolded(line, before: amount)) || isPriceLabelOnly(line, before: amount) {
                let price = OrderSummary.amount(amount, resolver: resolver)
                if labelled != nil { labelled?.price = price; continue }
                if pending != nil { pending?.price = price; flushPending(); continue }
                // "Einzelpreis: 89,00 €" under the name, the count on a later line (`Anzahl: 1`).
                if let name = pendingName {
                    pending = ItemCandidate(name: name.text, quantity: name.quantity ?? 1, price: price)
                    pendingName = nil
                    continue
                }
            }
            // "Quantity: 2" over "$34.00 each": the unit price alone on its line closes the counted item.
            if pending != nil, let amount = eachPrice(line) {
                pending?.unitPrice = OrderSummary.amount(amount, resolver: resolver)
                flushPending(); pricedBy = index; continue
            }
            // "€118.00 x 3 nights   €354.00": a stay priced by the night, named above.
            if pending == nil, labelled == nil, line.amounts.count <= 2, let stay = nightlyRate(lines, at: index, resolver: resolver) {
                pendingName = nil
                items.append(stay)
                detailsMayFollow = false
                continue
            }
            // A price alone on its line closes the item named above it: `1× Pizza` / `Extra: olives` / `12,90 €`.
            if let amount = lonePrice(line) ?? (pending != nil || pendingName != nil ? struckOutPrice(line) ?? priceBeforeRate(line) : nil) {
                let price = OrderSummary.amount(amount, resolver: resolver)
                if pending == nil, index > 0, labelsSummaryAmount(lines[index - 1]) {
                    // "Total de la commande" over "118,98 €": the summary's amount, which closes
                    // the list when items came before it and no counted item follows (a seller's
                    // subtotal between two sellers' items does not).
                    pendingName = nil
                    let following = (index + 1)..<min(lines.count, index + 41)
                    if !items.isEmpty, !following.contains(where: { next in
                        (lines[next].hasDigit && labelledQuantity(lines[next].folded) != nil) || countBelowLabel(lines, at: next) != nil
                    }) {
                        break
                    }
                } else if paragraphs
                    ? line.startsParagraph && (pending.map({ !$0.hasPrice && leadingPrice != nil }) ?? (pendingName.map { $0.paragraph != paragraph } ?? true))
                    // Without blank lines: the first price over a name and its count, no counted item
                    // waiting above it, sets the list's order (prices first); then each price opens its block.
                    : (pricesFirst ? pending.map({ !$0.hasPrice && leadingPrice != nil }) ?? true : pending == nil && pendingName?.quantity == nil),
                    namesItemBelow(lines, after: index)
                {
                    pricesFirst = true
                    // "£30.00" / "ASOS DESIGN oversized t-shirt" / "Black M Qty 3": a paragraph opened by its
                    // price, its item's name and count under it; the item above took the price opening its own.
                    if var item = pending, let held = leadingPrice {
                        item.price = held
                        items.append(item)
                        pending = nil
                    }
                    pendingName = nil
                    leadingPrice = price
                    pricedBy = index
                } else if pending != nil {
                    pending?.price = price
                    flushPending()
                    pricedBy = index
                } else if let name = pendingName {
                    // "Consigne bouteilles (4 × 0,20 €)" over "0,80 €": a deposit's price, no item.
                    if !SummaryLabel.isDeposit(folded: TextFolding.fold(name.text)) {
                        items.append(ItemCandidate(name: name.text, quantity: name.quantity ?? 1, price: price))
                    }
                    pendingName = nil
                    pricedBy = index
                } else if pricedBy == index - 1, let last = items.indices.last {
                    items[last] = readingSecondPrice(price, of: items[last])
                }
                continue
            }
            // "Eason Gift Card €50" over "Quantity 1" and the price: a name holding an amount.
            var parsed = read(line, resolver: resolver)
            var nameBeforeCount = false
            if let read = parsed, !read.name.isEmpty, !read.quantityStated, countFollows(lines, after: index) {
                parsed = nil
                nameBeforeCount = true
            }
            guard let candidate = parsed else {
                // "Vendeur    GameZone_Lille" under "Numéro de commande    2948…": the fields table goes on.
                if line.amounts.isEmpty, continuesFields(lines, at: index) {
                    pendingName?.sealed = true
                    detailsMayFollow = false
                    sealedBy = index
                    continue
                }
                // A title with its own colon: first in its paragraph, or over a count line.
                // Or over a line set in under it ("The Wager: A Tale of…" over "  David Grann, Paperback  1 @ £12.99").
                let titled = line.text.utf8.contains(0x3A) && ((paragraphs ? line.startsParagraph : countFollows(lines, after: index))
                    || (index + 1 < lines.count && indent(lines[index + 1]) >= indent(line) + 2 && indent(line) == 0))
                // "Cadeau : Trousse de toilette" right under a closed item, over its count: a title too.
                let opensItem = titled && pendingName == nil && lastItemLine == index - 1 && countFollows(lines, after: index)
                // "Pattern: The Calder Cardigan (printed) × 1": a title counted at its end, its label one word.
                let countedTitle = titled && trailingTimesQuantity(line.text.trimmedSpaces()) != nil
                let title = titled ? PendingName(title: line, minimumLabelWords: opensItem || countedTitle ? 1 : 2) : nil
                if line.amounts.isEmpty || isNameWithAmount(line) || nameBeforeCount, var name = title ?? PendingName(line, departsBelow: isDashRoute(line.text) && departureFollows(lines, after: index)) {
                    // A new name starts a new item; a counted or route name ("2× Menu", "Paris → Lyon")
                    // outlives the detail lines under it.
                    flushPending()
                    name.paragraph = paragraph
                    name.indent = indent(line)
                    name.line = index
                    name.opensParagraph = line.startsParagraph
                    name.afterItem = lastItemLine == index - 1 || sealedBy == index - 1
                    let newParagraph = paragraphs && (line.startsParagraph || pendingName.map { $0.paragraph != paragraph } ?? true)
                    name.opensBlock = newParagraph || (!detailsMayFollow && (pendingName?.sealed ?? true))
                    // "Nike Sportswear" over "AIR MAX 90 - Sneaker low" over "Farbe: weiß · Menge: 1": the
                    // brand's line, then the name, its details under it.
                    let underBrand = pendingName.map {
                        !$0.strong && !$0.sealed && $0.quantity == nil && !name.strong
                            && isBrandLine($0.text, over: name.text, then: index + 1 < lines.count ? lines[index + 1].text : nil)
                    } ?? false
                    // "Intermezzo" over "  Sally Rooney | Hardback": the name's details, set in under it.
                    let detail = pendingName.map { isIndentedDetail(line, at: index, under: $0) } ?? false
                    if !detail, underBrand || name.replaces(pendingName, paragraphs: paragraphs) {
                        // A counted name followed by another name had no price: a parcel's line.
                        if let counted = pendingName, let count = counted.quantity {
                            unpriced.append(ItemCandidate(name: counted.text, quantity: count))
                        }
                        pendingName = name
                    }
                } else if sealsBlock(line) {
                    // A line that is neither a name nor an item's detail ends the block above.
                    sealedBy = index
                    pendingName?.sealed = true
                    detailsMayFollow = false
                }
                continue
            }
            // "Qté : 2" over "2 x 9,99 €": the count line's item priced by the line repeating its count.
            if candidate.name.isEmpty, candidate.quantityStated, var item = pending, !item.hasPrice, item.quantity == candidate.quantity {
                item.unitPrice = candidate.unitPrice
                item.lineTotal = candidate.lineTotal
                item.price = candidate.price
                items.append(item)
                pending = nil
                pricedBy = index
                continue
            }
            flushPending()
            if candidate.name.isEmpty {
                // "29,98 €" over "2 × 14,99 €": the line's total over the count and unit price.
                if pendingName == nil, pricedBy == index - 1, let last = items.indices.last,
                    let read = readingCountedPrice(candidate, of: items[last])
                {
                    items[last] = read
                    continue
                }
                // "2 x 11,99 €" over "2 x 9,99 €": a struck-out unit price, then the one paid.
                if pendingName == nil, pricedBy == index - 1, let last = items.indices.last, candidate.quantityStated,
                    candidate.quantity == items[last].quantity, candidate.lineTotal == nil, items[last].lineTotal == nil,
                    let paid = candidate.unitPrice ?? candidate.price, let former = items[last].unitPrice ?? items[last].price,
                    let a = paid.number.minorUnits(digits: 3), let b = former.number.minorUnits(digits: 3), a < b
                {
                    items[last].unitPrice = candidate.unitPrice ?? items[last].unitPrice
                    items[last].price = candidate.unitPrice == nil ? paid : nil
                    pricedBy = index
                    continue
                }
                // "Qty: 1   £89.99" or "Größe: 39 | Menge: 1 | 119,95 €" under its name line.
                guard let name = pendingName else { continue }
                var item = candidate
                item.name = name.text
                item.namedAbove = true
                items.append(item)
                pendingName = nil
                detailsMayFollow = false
                continue
            }
            var item = candidate
            // "Bougie Figuier × 2" over "Grand modèle 300 g    48,00 €": the price line of the counted name.
            if let counted = pendingName, let count = counted.quantity, !item.quantityStated, !isRoute(counted.text) {
                item.name = counted.text
                item.quantity = count
            } else if let named = pendingName, named.line == index - 1, named.quantity == nil, named.text.hasSuffix(","), indent(line) == named.indent {
                // "Perceuse-visseuse sans fil DEXTER 18V," over "2 batteries    1    79,90 €": the name wrapped onto its item's line.
                item.name = named.text + " " + item.name
            } else if let named = pendingName, !named.sealed, isDetailLabelled(item.name) || isReferenceToken(item.name) || isIndentedDetail(line, at: index, under: named) {
                // "Espresso Nordlicht, 1000 g" over "Mahlgrad: ganze Bohne    2    49,80 €": the variant's line prices the name above.
                item.name = named.text
            } else if let route = pendingName, route.strong, route.quantity == nil, !paragraphs || route.paragraph == paragraph,
                isFareDetail(item.name), !isRoute(item.name)
            {
                // "TGV Paris → Lyon" over "Départ 17:00 - Voiture 14" over "1 adulte - Tarif Second   49,00 €":
                // the fare's line prices the journey named above it.
                item.name = route.text
            }
            items.append(item)
            pendingName = nil
            detailsMayFollow = true
            itemIndent = indent(line)
        }
        flushPending()
        if let counted = pendingName, let count = counted.quantity { unpriced.append(ItemCandidate(name: counted.text, quantity: count)) }
        // "AVE Madrid → Barcelona, Básico" over the traveller's seat, then only "Importe total: 45,30 €": a
        // journey the mail prices nowhere but in its total; the order's amount prices it.
        if items.isEmpty, unpriced.isEmpty, labelled == nil, let route = pendingName, route.strong, route.quantity == nil {
            unpriced.append(ItemCandidate(name: route.text, quantity: 1))
        }
        // A ticket's labelled fields (`Ticket type: …`) beside priced item lines describe them.
        if let current = labelled, current.hasPrice || items.isEmpty { items.append(current) }
        // "Hors forfait   0,00 EUR" under a plan's line, "Échantillon offert   0,00 €" under bought
        // items: nothing bought, no item.
        items = ItemVocabulary.withoutFreeExtras(items)
        // "Consigne bouteille verre" over "3 x 0,20 € = 0,60 €": a deposit named over its count is no goods either.
        items.removeAll { $0.name.utf8.count <= 60 && SummaryLabel.isDeposit(folded: TextFolding.fold($0.name)) }
        // A count opening every name: one space before a capital (`1 Pizza …`, `1 Cookies x4`), or in a
        // count column of three items or more (`2 AH Halfvolle melk`).
        items = withCountColumn(withClosingCounts(withOpeningCounts(items)))
        // "In this shipment:" over "(1) Cats in Space T-Shirt — Navy, M": a parcel's list without prices or counts.
        // The list stands when it holds more than the counted lines read without it.
        if items.isEmpty {
            let parcel = parcelContents(lines)
            if parcel.count > unpriced.count { return parcel }
        }
        return items.isEmpty ? unpriced : withoutChangedTail(items)
    }
}

extension String {
    var firstWordOrSelf: String { split(separator: " ").first.map(String.init) ?? self }
    var lastWordOrSelf: String { split(separator: " ").last.map(String.init) ?? self }
}

extension Words {
    /// The folded text of a line before an amount.
    static func prefixFolded(_ line: TextLine, before token: MoneyToken) -> String {
        TextFolding.fold(line.slice(from: 0, to: token.range.lowerBound))
    }
}
