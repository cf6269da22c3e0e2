/// Lays out buttons in rows of the given sizes, the last size repeating: `[2]` makes rows of
/// two; `[1, 3]` one button, then rows of three.
enum RowLayout {
    static func rows<Button>(_ buttons: [Button], sizes: [Int]) -> [[Button]] {
        let sizes = sizes.isEmpty ? [1] : sizes.map { max(1, $0) }
        var rows: [[Button]] = []
        var index = 0
        while index < buttons.count {
            let size = sizes[min(rows.count, sizes.count - 1)]
            rows.append(Array(buttons[index..<min(index + size, buttons.count)]))
            index += size
        }
        return rows
    }
}
