/// A base64 alphabet with a strict, unpadded encoder and decoder.
struct Base64Alphabet {
    /// The URL-safe alphabet (`-`, `_`).
    static let url = Base64Alphabet(last: (UInt8(ascii: "-"), UInt8(ascii: "_")))
    /// The standard alphabet (`+`, `/`), as PHC password strings use it.
    static let standard = Base64Alphabet(last: (UInt8(ascii: "+"), UInt8(ascii: "/")))

    private let symbols: [UInt8]
    private let values: [UInt8]

    private init(last: (UInt8, UInt8)) {
        var symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        symbols += [last.0, last.1]
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (index, symbol) in symbols.enumerated() {
            values[Int(symbol)] = UInt8(index)
        }
        self.symbols = symbols
        self.values = values
    }

    /// Encodes without padding.
    func encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] {
                output.append(symbols[Int(group >> UInt32(shift) & 0x3F)])
            }
            index += 3
        }
        let remaining = bytes.count - index
        if remaining == 1 {
            let group = UInt32(bytes[index]) << 16
            output += [symbols[Int(group >> 18 & 0x3F)], symbols[Int(group >> 12 & 0x3F)]]
        } else if remaining == 2 {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            output += [symbols[Int(group >> 18 & 0x3F)], symbols[Int(group >> 12 & 0x3F)]]
            output.append(symbols[Int(group >> 6 & 0x3F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes unpadded text; `nil` unless it is the canonical encoding of some bytes.
    func decode(_ text: String) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 != 1 else { return nil }

        var sextets = [UInt8]()
        sextets.reserveCapacity(input.count)
        for symbol in input {
            let value = values[Int(symbol)]
            guard value != 0xFF else { return nil }
            sextets.append(value)
        }

        var output = [UInt8]()
        output.reserveCapacity(input.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for sextet in sextets {
            accumulator = accumulator << 6 | UInt32(sextet)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        guard accumulator == 0 else { return nil }
        return output
    }
}
