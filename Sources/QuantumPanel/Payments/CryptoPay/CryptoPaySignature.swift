import Crypto
import Foundation

/// Crypto Pay signs each webhook: the `crypto-pay-api-signature` header is the hex HMAC-SHA-256 of
/// the raw body, keyed with the SHA-256 of the app's token. Checked before the body is parsed.
struct CryptoPaySignature: Sendable {
    static let header = "crypto-pay-api-signature"

    private let key: SymmetricKey

    init(token: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(token.utf8)))
    }

    /// Whether `signature` signs `body`; compared in constant time.
    func isValid(_ signature: String?, for body: some DataProtocol) -> Bool {
        guard let signature, let code = Self.bytes(hex: signature), code.count == SHA256.byteCount else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: body, using: key)
    }

    /// The signature Crypto Pay would send with `body`, for tests. (The sandbox's stand-in signs
    /// with its own code, so the two are checked against each other end to end.)
    func sign(_ body: some DataProtocol) -> String {
        HMAC<SHA256>.authenticationCode(for: body, using: key).map { String(format: "%02x", $0) }.joined()
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
