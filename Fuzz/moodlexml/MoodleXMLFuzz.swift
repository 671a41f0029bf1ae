import Foundation

/// libFuzzer entry for `MoodleXMLImporter`: any bytes as an XML document.
///
/// Beyond "no crash, no hang", questions that import must export to Moodle XML that imports back
/// to the same questions, up to the name: Moodle XML always writes one, so an untitled question
/// comes back titled with its `name`, and its derived id (without `idnumber`) follows that title.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let questions = try? MoodleXMLImporter.parse(bytes, file: "fuzz.xml") else { return 0 }

    let exported = MoodleXMLExporter.export(questions)
    let reimported: [Question]
    do {
        reimported = try MoodleXMLImporter.parse(Data(exported.utf8), file: "export.xml")
    } catch {
        fatalError("Moodle XML export does not import back: \(error)\n--- export ---\n\(exported)")
    }
    if reimported.map(comparable) != questions.map(comparable) {
        fatalError("Moodle XML export imports back differently\n--- export ---\n\(exported)")
    }
    return 0
}

/// The question as Moodle XML carries it: always with a title, and an id only as `idnumber`.
private func comparable(_ question: Question) -> Question {
    var question = question
    question.title = question.name
    if question.idNumber == nil { question.id = "" }
    return question
}
