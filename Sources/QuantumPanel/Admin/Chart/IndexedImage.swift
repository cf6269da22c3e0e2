import CompressNIO
import NIOCore

/// A picture of palette colours, drawn with rectangles, lines and ``PixelFont`` text, and
/// written as a PNG (colour type 3, 8 bits a pixel; the rows deflated by zlib).
struct IndexedImage {
    let width: Int
    let height: Int
    /// RGB of each colour index.
    let palette: [(UInt8, UInt8, UInt8)]
    private(set) var pixels: [UInt8]

    init(width: Int, height: Int, palette: [(UInt8, UInt8, UInt8)], background: UInt8 = 0) {
        precondition(palette.count <= 256 && !palette.isEmpty, "a PNG palette holds 1 to 256 colours")
        self.width = width
        self.height = height
        self.palette = palette
        pixels = Array(repeating: background, count: width * height)
    }

    subscript(x: Int, y: Int) -> UInt8 {
        pixels[y * width + x]
    }

    /// Fills the rectangle, clipped to the picture.
    mutating func fill(x: Int, y: Int, width w: Int, height h: Int, color: UInt8) {
        let left = max(0, x)
        let right = min(width, x + w)
        let top = max(0, y)
        let bottom = min(height, y + h)
        guard left < right, top < bottom else { return }
        for row in top..<bottom {
            let start = row * width
            for column in left..<right { pixels[start + column] = color }
        }
    }

    /// A line `thickness` pixels wide, from one point to the other (Bresenham, with a square pen).
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), thickness: Int = 1, color: UInt8) {
        var (x, y) = start
        let dx = abs(end.x - x)
        let dy = -abs(end.y - y)
        let stepX = x < end.x ? 1 : -1
        let stepY = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            fill(x: x - thickness / 2, y: y - thickness / 2, width: thickness, height: thickness, color: color)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// Text in ``PixelFont``, `scale` pixels per font pixel; characters it lacks are left out.
    /// - Parameter alignRight: `x` is where the text ends rather than starts.
    mutating func text(_ text: String, x: Int, y: Int, scale: Int, color: UInt8, alignRight: Bool = false) {
        let glyphs = text.compactMap { PixelFont.glyphs[$0] }
        let advance = (PixelFont.width + 1) * scale
        var left = alignRight ? x - glyphs.count * advance + scale : x
        for glyph in glyphs {
            for (row, bits) in glyph.enumerated() {
                for column in 0..<PixelFont.width where bits & (1 << (PixelFont.width - 1 - column)) != 0 {
                    fill(x: left + column * scale, y: y + row * scale, width: scale, height: scale, color: color)
                }
            }
            left += advance
        }
    }

    /// The picture as a PNG file.
    func png() throws -> [UInt8] {
        var raw = ByteBufferAllocator().buffer(capacity: (width + 1) * height)
        for row in 0..<height {
            raw.writeInteger(UInt8(0))  // filter: none
            raw.writeBytes(pixels[(row * width)..<((row + 1) * width)])
        }
        let compressed = try raw.compress(with: .zlib())
        var header: [UInt8] = []
        header += Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]  // 8 bits, palette, deflate, no filter choice, no interlace
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += Self.chunk("IHDR", header)
        file += Self.chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] })
        file += Self.chunk("IDAT", Array(buffer: compressed))
        file += Self.chunk("IEND", [])
        return file
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + body + bigEndian(crc32(body))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
