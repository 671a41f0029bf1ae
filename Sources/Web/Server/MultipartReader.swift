import CMicroHTTPD

/// Parses a buffered `multipart/form-data` body with libmicrohttpd's POST processor.
final class MultipartReader {
    private struct Part {
        var name: String
        var filename: String?
        var contentType: String?
        var bytes: [UInt8]
    }

    private var parts: [Part] = []
    private var malformed = false

    /// The form in `body`, or `nil` when the body is malformed (broken framing, no part at all, non-UTF-8
    /// names or fields).
    static func read(_ body: [UInt8], connection: OpaquePointer?) -> FormData? {
        let reader = MultipartReader()
        return withExtendedLifetime(reader) { reader.read(body, connection: connection) }
    }

    private func read(_ body: [UInt8], connection: OpaquePointer?) -> FormData? {
        guard !body.isEmpty else { return nil }
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let processor = MHD_create_post_processor(connection, 16 * 1024, MultipartReader.iterator, context)
        else { return nil }
        let processed = body.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { MHD_post_process(processor, $0.baseAddress, $0.count) }
        }
        let finished = MHD_destroy_post_processor(processor)
        // A body where the boundary never appears reads as a preamble without parts: no browser sends
        // that, and an empty form would surface later as a misleading refusal (no CSRF token).
        guard processed == .YES, finished == .YES, !malformed, !parts.isEmpty else { return nil }
        return form()
    }

    private func form() -> FormData? {
        var form = FormData()
        for part in parts {
            if let filename = part.filename {
                form.files.append(
                    UploadedFile(name: part.name, filename: filename, contentType: part.contentType, bytes: part.bytes))
            } else {
                guard let value = String(validating: part.bytes, as: UTF8.self) else { return nil }
                form.fields.append((name: part.name, value: value))
            }
        }
        return form
    }

    /// Appends a chunk; a chunk at offset 0 starts a new part, later ones continue the last part.
    private func receive(
        name: String, filename: String?, contentType: String?, offset: UInt64, bytes: UnsafeRawBufferPointer
    ) {
        if offset > 0, let last = parts.last, last.name == name, last.filename == filename,
            UInt64(last.bytes.count) == offset
        {
            parts[parts.count - 1].bytes.append(contentsOf: bytes)
        } else {
            parts.append(Part(name: name, filename: filename, contentType: contentType, bytes: Array(bytes)))
        }
    }

    private static let iterator: MHD_PostDataIterator = {
        context, _, key, filename, contentType, _, data, offset, size in
        guard let context else { return .NO }
        let reader = Unmanaged<MultipartReader>.fromOpaque(context).takeUnretainedValue()
        guard let key, let name = String(validatingCString: key) else {
            reader.malformed = true
            return .NO
        }
        var decodedFilename: String?
        if let filename {
            guard let text = String(validatingCString: filename) else {
                reader.malformed = true
                return .NO
            }
            decodedFilename = text
        }
        let type = contentType.flatMap { String(validatingCString: $0) }
        let bytes = UnsafeRawBufferPointer(start: data.map { UnsafeRawPointer($0) }, count: data == nil ? 0 : size)
        reader.receive(name: name, filename: decodedFilename, contentType: type, offset: offset, bytes: bytes)
        return .YES
    }
}
