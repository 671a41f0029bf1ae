import Foundation

extension MustacheValue {
    /// Converts the output of `JSONSerialization` (or plain Swift values of
    /// the same shapes) into a value; anything unknown becomes `.null`.
    ///
    /// JSON numbers arrive as `NSNumber`; its type code tells booleans,
    /// integers and decimals apart, which matters for rendering `85` vs `1.21`.
    public init(json: Any) {
        switch json {
        case let text as String:
            self = .string(text)
        case let items as [Any]:
            self = .array(items.map { MustacheValue(json: $0) })
        case let fields as [String: Any]:
            self = .object(fields.mapValues { MustacheValue(json: $0) })
        case is NSNull:
            self = .null
        default:
            self = Self.scalar(json) ?? .null
        }
    }

    private static func scalar(_ json: Any) -> MustacheValue? {
        if type(of: json) == Bool.self, let flag = json as? Bool { return .bool(flag) }
        if type(of: json) == Int.self, let number = json as? Int { return .int(number) }
        if type(of: json) == Double.self, let number = json as? Double { return .double(number) }
        guard let number = json as? NSNumber else { return nil }
        switch String(cString: number.objCType) {
        case "c", "B": return .bool(number.boolValue)
        case "d", "f": return .double(number.doubleValue)
        default: return .int(number.intValue)
        }
    }
}
