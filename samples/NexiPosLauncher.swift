import UIKit

/// Starts Nexi POS (MobilePOS) operations over App2App deep links.
/// Info.plist must list `neximpos` under LSApplicationQueriesSchemes and register the `pizzapay` scheme.
enum NexiPosLauncher {
    static func pay(amountCents: Int, callerTrxId: String) {
        var components = URLComponents(string: "neximpos://payment")!
        components.queryItems = [
            URLQueryItem(name: "amount", value: String(amountCents)),
            URLQueryItem(name: "callerTrxId", value: callerTrxId),
            URLQueryItem(name: "callerName", value: "Pizza Pay"),
            URLQueryItem(name: "sendTicket", value: "true"),
            URLQueryItem(name: "urlTicket", value: "true"),
            URLQueryItem(name: "uri", value: "pizzapay://payment"),
        ]
        open(components.url!)
    }

    static func closeAccounting() {
        open(URL(string: "neximpos://accounting_closure?callerTrxId=PP-CLOSE-2111&callerName=Pizza%20Pay&uri=pizzapay%3A%2F%2Faccounting_closure")!)
    }

    private static func open(_ url: URL) {
        UIApplication.shared.open(url) { accepted in
            if !accepted { print("Nexi POS is probably not installed") }
        }
    }
}
