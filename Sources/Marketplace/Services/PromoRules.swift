import Foundation

/// What a promo or gift code may be: 3 to 32 of A–Z, 0–9, `-` and `_`, in any case as typed;
/// stored and compared in upper case.
public enum PromoRules {
    public static let lengths = 3...32

    /// The code as stored, or nil when `text` can't be one.
    public static func normalized(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard lengths.contains(code.count), code.unicodeScalars.allSatisfy(isAllowed) else { return nil }
        return code
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
}
