import Foundation

/// The on-disk form: `{"version":1,"active":{JWK with d},"retired":[{"key":{JWK},"publishUntil":<s>}]}`.
private struct KeyRingFile: Codable {
    struct Retired: Codable {
        var key: JWK
        var publishUntil: Int
    }

    var version: Int
    var active: JWK
    var retired: [Retired]
}

extension SigningKeyRing {
    /// Reads a ring from its JSON form.
    public init(jsonBytes: [UInt8]) throws {
        let file: KeyRingFile
        do {
            file = try JSONDecoder().decode(KeyRingFile.self, from: Data(jsonBytes))
        } catch {
            throw SecurityError(operation: "read key ring", reason: "not a key ring document: \(error)")
        }
        guard file.version == 1 else {
            throw SecurityError(operation: "read key ring", reason: "unknown version \(file.version)")
        }

        let active = try file.active.privateKey()
        let retired = try file.retired.map {
            RetiredKey(
                publicKey: try $0.key.publicKey(), publishUntil: Date(timeIntervalSince1970: Double($0.publishUntil)))
        }
        self.init(activeKey: active, retiredKeys: retired)
    }

    /// The JSON form, including the active key's private seed.
    public func jsonBytes() throws -> [UInt8] {
        var active = JWK(publicKey: activeKey.publicKey)
        active.d = Base64URL.encode(try activeKey.seed())
        let retired = retiredKeys.map {
            KeyRingFile.Retired(
                key: JWK(publicKey: $0.publicKey), publishUntil: Int($0.publishUntil.timeIntervalSince1970))
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(KeyRingFile(version: 1, active: active, retired: retired)))
        } catch {
            throw SecurityError(operation: "write key ring", reason: "\(error)")
        }
    }

    /// Reads the ring stored at `path`.
    public static func load(from path: String) throws -> SigningKeyRing {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw SecurityError(operation: "read key ring", reason: "cannot read \(path)")
        }
        return try SigningKeyRing(jsonBytes: Array(contents))
    }

    /// Writes the ring to `path` with mode 0600, replacing any previous file at once.
    public func save(to path: String) throws {
        let bytes = try jsonBytes()
        let temporary = path + ".tmp-\(SecureRandom.token(byteCount: 6))"

        let created = FileManager.default.createFile(
            atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        guard created else { throw SecurityError(operation: "write key ring", reason: "cannot create \(temporary)") }

        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw SecurityError(operation: "write key ring", reason: "cannot rename to \(path): \(reason)")
        }
    }
}
