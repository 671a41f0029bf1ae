import CMicroHTTPD

/// Collects a connection's request headers, in received order.
final class HeaderReader {
    private var headers = HTTPHeaders()

    /// The request headers of `connection`.
    static func read(_ connection: OpaquePointer?) -> HTTPHeaders {
        let reader = HeaderReader()
        withExtendedLifetime(reader) {
            _ = MHD_get_connection_values(
                connection, .HEADER_KIND, HeaderReader.iterator, Unmanaged.passUnretained(reader).toOpaque())
        }
        return reader.headers
    }

    private static let iterator: MHD_KeyValueIterator = { context, _, key, value in
        guard let context, let key else { return .YES }
        let reader = Unmanaged<HeaderReader>.fromOpaque(context).takeUnretainedValue()
        reader.headers.add(String(cString: key), value.map { String(cString: $0) } ?? "")
        return .YES
    }
}
