import Foundation

/// The demo shop's product pictures: a card with the product's name on a colour of its own, as
/// SVG, which the sandbox's web chat shows as a photo (Telegram itself would want a JPEG).
enum DemoPhoto {
    static let colours = [
        ("#e50914", "#831010"), ("#1db954", "#0f6b31"), ("#ff3d3d", "#9c1f1f"), ("#113ccf", "#0a2170"), ("#10a37f", "#0a5c48"),
        ("#7d2ae8", "#3f1577"),
    ]

    /// The file id the sandbox keeps the picture of product `productID` under, on every start.
    static func fileID(productID: Int) -> String {
        "SBXDEMO-product-\(productID)"
    }

    static func svg(name: String, index: Int) -> [UInt8] {
        let (top, bottom) = colours[index % colours.count]
        let escaped = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
        return Array(
            """
            <svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">\
            <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="\(top)"/><stop offset="1" stop-color="\(bottom)"/></linearGradient></defs>\
            <rect width="800" height="450" fill="url(#g)"/>\
            <text x="400" y="235" font-family="sans-serif" font-size="56" font-weight="bold" fill="#fff" text-anchor="middle">\(escaped)</text>\
            <text x="400" y="300" font-family="sans-serif" font-size="26" fill="#ffffffcc" text-anchor="middle">license key · delivered at once</text>\
            </svg>
            """.utf8)
    }
}
