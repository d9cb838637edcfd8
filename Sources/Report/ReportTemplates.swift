/// The report's Mustache templates. `{{name}}` escapes `& < > " '` (every value from mail goes
/// through it; see `ReportEscaping`, which the layout and each partial select); the only
/// unescaped values (`{{{…}}}`) are the constant style sheet and script, and the rows of the
/// orders and messages tables, which `ReportRows.html` writes escaping every value the same way.
enum ReportTemplates {
    static let all: [String: String] = [
        "layout": layout, "chart": chart, "deadlines": deadlines, "messages": messages, "orders": orders,
        "overview": overview, "vendors": vendors, "vendor": vendor, "orderPage": orderPage, "refused": refused,
    ]

    static let layout = """
        {{%CONTENT_TYPE:MAILROOM_HTML}}<!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="{{csp}}">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{title}} · Mailroom</title>
        <style>{{{style}}}</style>
        </head>
        <body>
        <header class="site"><strong>Mailroom</strong>
        <a href="{{root}}index.html"{{#isOverview}} aria-current="page"{{/isOverview}}>Overview</a>
        <a href="{{root}}vendors.html"{{#isVendors}} aria-current="page"{{/isVendors}}>Vendors</a>
        <a href="{{root}}orders.html"{{#isOrders}} aria-current="page"{{/isOrders}}>Orders</a>
        <a href="{{root}}refused.html"{{#isRefused}} aria-current="page"{{/isRefused}}>Refused partners</a>
        </header>
        <main>
        {{$content}}{{/content}}
        </main>
        <footer>Generated {{generated}} by Mailroom from your local store. This page loads nothing from the network.</footer>
        <script>{{{script}}}</script>
        </body>
        </html>

        """

    static let chart = """
        {{%CONTENT_TYPE:MAILROOM_HTML}}<svg class="chart" viewBox="0 0 {{width}} {{height}}" role="img" aria-label="{{summary}}" xmlns="http://www.w3.org/2000/svg">
        <title>{{summary}}</title><text x="0" y="12">{{maximum}}</text>
        <line x1="34" y1="{{baseline}}" x2="{{width}}" y2="{{baseline}}" stroke="#d9dde5"/>
        <path class="bar" d="{{path}}"/>
        {{#labelled}}<text x="{{labelX}}" y="{{baseY}}" text-anchor="middle">{{label}}</text>{{/labelled}}
        </svg>

        """

    static let deadlines = """
        {{%CONTENT_TYPE:MAILROOM_HTML}}{{#hasDeadlines}}<div class="scroll"><table>
        <thead><tr><th>Date</th><th>What</th><th>Vendor</th><th>Order</th><th class="num">Total</th></tr></thead>
        <tbody>
        {{#deadlines}}<tr><td>{{date}}</td><td>{{kind}}</td><td><a href="{{root}}vendors/{{vendorPage}}">{{vendorName}}</a></td><td>{{order}}</td><td class="num">{{total}}</td></tr>
        {{/deadlines}}</tbody></table></div>{{/hasDeadlines}}
        {{^hasDeadlines}}<p class="note">No deadline ahead.</p>{{/hasDeadlines}}

        """

    static let messages = """
        {{%CONTENT_TYPE:MAILROOM_HTML}}{{#hasMessages}}<div class="scroll"><table>
        <thead><tr><th>Date</th><th>Category</th><th>From</th><th>Subject</th></tr></thead>
        <tbody>
        {{{messageRows}}}</tbody></table></div>{{/hasMessages}}
        {{^hasMessages}}<p class="note">No message.</p>{{/hasMessages}}

        """

    static let orders = """
        {{%CONTENT_TYPE:MAILROOM_HTML}}{{#hasOrders}}<div class="scroll"><table class="sortable">
        <thead><tr><th data-sort="text">Date</th>{{#showVendor}}<th data-sort="text">Vendor</th>{{/showVendor}}<th data-sort="text">Order</th><th data-sort="text">Status</th><th class="num" data-sort="number">Total</th><th>Items</th></tr></thead>
        <tbody>
        {{{orderRows}}}</tbody></table></div>{{/hasOrders}}
        {{^hasOrders}}<p class="note">No order.</p>{{/hasOrders}}

        """

    static let overview = """
        {{<layout}}{{$content}}
        <h1>Your vendors at a glance</h1>
        <div class="cards">
        <div class="card"><span class="figure">{{vendorCount}}</span>vendors</div>
        <div class="card"><span class="figure">{{messageCount}}</span>messages</div>
        <div class="card"><span class="figure">{{orderCount}}</span>orders</div>
        {{#spend}}<div class="card"><span class="figure">{{amount}}</span>spent in {{currency}}</div>{{/spend}}
        <div class="card"><span class="figure">{{hiddenCount}}</span><a href="refused.html">hidden by refusals</a></div>
        </div>
        <h2>Messages by category</h2>
        {{#categoryChart}}{{>chart}}{{/categoryChart}}
        <div class="scroll"><table><thead><tr><th>Category</th><th class="num">Messages</th></tr></thead><tbody>
        {{#categories}}<tr><td>{{name}}</td><td class="num">{{count}}</td></tr>
        {{/categories}}</tbody></table></div>
        <h2>Spend by month</h2>
        {{#spendCharts}}<h3>{{currency}}</h3>{{#chart}}{{>chart}}{{/chart}}{{/spendCharts}}
        {{^spendCharts}}<p class="note">No order with an amount yet.</p>{{/spendCharts}}
        <h2>Activity over time</h2>
        {{#activityChart}}{{>chart}}{{/activityChart}}
        <h2>Upcoming deadlines</h2>
        {{>deadlines}}
        <h2>Most active vendors</h2>
        <div class="scroll"><table><thead><tr><th>Vendor</th><th>Sector</th><th class="num">Messages</th><th>Last contact</th></tr></thead><tbody>
        {{#topVendors}}<tr><td><a href="vendors/{{page}}">{{name}}</a></td><td>{{sector}}</td><td class="num">{{total}}</td><td>{{lastContact}}</td></tr>
        {{/topVendors}}</tbody></table></div>
        {{/content}}{{/layout}}
        """

    static let vendors = """
        {{<layout}}{{$content}}
        <h1>Vendors</h1>
        <form class="filters" id="vendor-filters" hidden>
        <label>Sector<select id="filter-sector"><option value="">every sector</option>{{#sectors}}<option value="{{id}}">{{name}}</option>{{/sectors}}</select></label>
        <label>Sends<select id="filter-category"><option value="">any category</option>{{#categoryNames}}<option value="{{.}}">{{.}}</option>{{/categoryNames}}</select></label>
        <label>Name or domain<input id="filter-text" type="search" autocomplete="off"></label>
        <span class="muted"><span id="filter-count">{{vendorCount}}</span> shown</span>
        </form>
        <div class="scroll"><table class="sortable" id="vendor-table">
        <thead><tr><th data-sort="text">Vendor</th><th data-sort="text">Sector</th><th class="num" data-sort="number">Messages</th><th class="num wide-only" data-sort="number">Orders mail</th><th class="num wide-only" data-sort="number">Account</th><th class="num wide-only" data-sort="number">Support</th><th class="num wide-only" data-sort="number">Newsletters</th><th class="num wide-only" data-sort="number">Notices</th><th class="num" data-sort="number">Orders</th><th class="num" data-sort="number">Spend</th><th data-sort="text">Last contact</th><th class="num" data-sort="number">Hidden</th></tr></thead>
        <tbody>
        {{#vendors}}<tr data-sector="{{sector}}" data-categories="{{categories}}" data-search="{{search}}"><td><a href="vendors/{{page}}">{{name}}</a><br><span class="muted">{{domain}}</span></td><td>{{sectorName}}</td><td class="num">{{total}}</td><td class="num wide-only">{{orders}}</td><td class="num wide-only">{{account}}</td><td class="num wide-only">{{support}}</td><td class="num wide-only">{{newsletters}}</td><td class="num wide-only">{{notifications}}</td><td class="num">{{orderCount}}</td><td class="num" data-value="{{spendValue}}">{{spend}}</td><td>{{lastContact}}</td><td class="num">{{hidden}}</td></tr>
        {{/vendors}}</tbody></table></div>
        {{/content}}{{/layout}}
        """

    static let vendor = """
        {{<layout}}{{$content}}
        <h1>{{name}}</h1>
        <p>{{#sector}}<span class="tag">{{sector}}</span> {{/sector}}{{#domains}}<span class="tag">{{.}}</span> {{/domains}}</p>
        <div class="cards">
        <div class="card"><span class="figure">{{total}}</span>messages</div>
        <div class="card"><span class="figure">{{orderCount}}</span>orders</div>
        {{#spend}}<div class="card"><span class="figure">{{amount}}</span>spent in {{currency}}</div>{{/spend}}
        <div class="card"><span class="figure">{{firstContact}}</span>first contact</div>
        <div class="card"><span class="figure">{{lastContact}}</span>last contact</div>
        <div class="card"><span class="figure">{{hidden}}</span>hidden by refusals</div>
        </div>
        {{#refused}}<p class="note">Refused: {{refused}}. Undo with <code>mailroom accept {{id}}</code>.</p>{{/refused}}
        <div class="scroll"><table><thead><tr><th>Orders mail</th><th>Account</th><th>Support</th><th>Newsletters</th><th>Notices</th></tr></thead>
        <tbody><tr><td class="num">{{ordersMail}}</td><td class="num">{{accountMail}}</td><td class="num">{{supportMail}}</td><td class="num">{{newsletterMail}}</td><td class="num">{{notificationMail}}</td></tr></tbody></table></div>
        <h2>Monthly activity</h2>
        {{#activityChart}}{{>chart}}{{/activityChart}}
        <h2>Orders</h2>
        {{#ordersNote}}<p class="note">{{ordersNote}}</p>{{/ordersNote}}
        {{>orders}}
        <h2>Deadlines</h2>
        {{>deadlines}}
        <h2>Support</h2>
        <p>{{supportConversations}} conversation(s), {{openCount}} open (the vendor wrote last, within 30 days, and no answer is stored).</p>
        {{#openSupport}}<p><strong>{{subject}}</strong> <span class="muted">· {{messages}} message(s) · last {{lastMessage}}</span></p>{{/openSupport}}
        <h2>Account and security, last 90 days</h2>
        {{#accountEvents}}<p>{{date}} · {{subject}}</p>{{/accountEvents}}
        {{^accountEvents}}<p class="note">Nothing in the last 90 days.</p>{{/accountEvents}}
        <h2>Newsletters</h2>
        <p>{{newsletterTotal}} in all; {{perMonth}} a month over the last 12 months; {{readText}}.</p>
        {{#hint}}<p class="hint">{{hint}}</p>{{/hint}}
        <h2>Recent messages</h2>
        {{>messages}}
        {{/content}}{{/layout}}
        """

    static let orderPage = """
        {{<layout}}{{$content}}
        <h1>Orders</h1>
        <p class="muted">{{orderCount}} orders{{#truncated}}; the newest {{shown}} are listed (<code>mailroom orders</code> lists them all){{/truncated}}.</p>
        {{>orders}}
        {{/content}}{{/layout}}
        """

    static let refused = """
        {{<layout}}{{$content}}
        <h1>Refused partners</h1>
        <p>Refused mail is still stored and stays on the server; it is left out of every page and query. {{hiddenCount}} message(s) are hidden now.
        The most specific rule wins: vendor and category, vendor, sector and category, sector; an accepted exception overrides a broader refusal.</p>
        {{#hasRules}}<div class="scroll"><table>
        <thead><tr><th>Rule</th><th>Category</th><th class="num">Messages</th><th>Since</th><th>Undo with</th></tr></thead>
        <tbody>
        {{#rules}}<tr><td>{{action}} {{target}}</td><td>{{category}}</td><td class="num">{{messages}}</td><td>{{since}}</td><td><code>{{undo}}</code></td></tr>
        {{/rules}}</tbody></table></div>{{/hasRules}}
        {{^hasRules}}<p class="note">No refusal: every vendor's mail is shown. Refuse one with <code>mailroom refuse VENDOR [--category C]</code>.</p>{{/hasRules}}
        {{/content}}{{/layout}}
        """
}
