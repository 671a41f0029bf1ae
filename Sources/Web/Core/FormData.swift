/// The fields and files of a submitted form (urlencoded or multipart body).
public struct FormData: Sendable {
    /// Text fields in submission order; a name may repeat (checkboxes, multi-selects).
    public var fields: [(name: String, value: String)]
    /// Uploaded files in submission order.
    public var files: [UploadedFile]

    /// Creates form data, typically in tests.
    public init(fields: [(String, String)] = [], files: [UploadedFile] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
        self.files = files
    }

    /// Parses an `application/x-www-form-urlencoded` body; `nil` when it is malformed.
    public init?(urlEncoded body: some Collection<UInt8>) {
        guard let pairs = URLEncoding.decodeForm(body) else { return nil }
        self.init(fields: pairs)
    }

    /// The first value submitted for `name`.
    public func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value submitted for `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The first file submitted under the field `name`.
    public func file(_ name: String) -> UploadedFile? {
        files.first { $0.name == name }
    }

    /// Whether the form holds no field and no file.
    public var isEmpty: Bool { fields.isEmpty && files.isEmpty }
}

/// A file part of a `multipart/form-data` body, held in memory.
public struct UploadedFile: Sendable, Equatable {
    /// The form field name.
    public var name: String
    /// The file name the browser sent; untrusted, never use it as a path.
    public var filename: String
    /// The declared content type; untrusted, check the bytes.
    public var contentType: String?
    /// The file content.
    public var bytes: [UInt8]

    /// Creates an uploaded file, typically in tests.
    public init(name: String, filename: String, contentType: String?, bytes: [UInt8]) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}
