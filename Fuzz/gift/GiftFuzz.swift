import Foundation

/// libFuzzer entry for `GiftParser`: any bytes, decoded as UTF-8 with invalid sequences replaced.
///
/// Beyond "no crash, no hang", a file that parses must export to GIFT that parses back to as many
/// questions: the exporter promises text the parser reads again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let document = try? GiftParser.parse(source, file: "fuzz.gift") else { return 0 }

    let exported = GiftExporter.export(document.questions)
    do {
        let reparsed = try GiftParser.parse(exported, file: "export.gift")
        if reparsed.questions.count != document.questions.count {
            fatalError("GIFT export read back \(reparsed.questions.count) of \(document.questions.count) questions")
        }
    } catch {
        fatalError("GIFT export does not parse back: \(error)\n--- export ---\n\(exported)")
    }
    return 0
}
