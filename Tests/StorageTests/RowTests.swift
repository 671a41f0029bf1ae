import Testing

@testable import Storage

struct RowTests {
    @Test func duplicateColumnNamesReadTheFirst() throws {
        let db = try Database(path: ":memory:")
        let row = try #require(try db.queryOne("SELECT 1 AS id, 2 AS id"))
        #expect(row.int("id") == 1)
        #expect(row.int(1) == 2)
        #expect(row.hasColumn("id") && !row.hasColumn("name"))
    }

    @Test func missingColumnStopsTheProgram() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            let row = try db.queryOne("SELECT 1 AS id")
            _ = row?.int("name")
        }
        let standardError = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(standardError.contains("storage: row has no column 'name' (columns: id)"))
    }

    @Test func wrongTypeStopsTheProgram() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            let row = try db.queryOne("SELECT 'text' AS id")
            _ = row?.int("id")
        }
        let standardError = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(standardError.contains("storage: column 'id' holds TEXT, read as Int"))
    }

    @Test func nullThroughNonOptionalReaderStopsTheProgram() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let db = try Database(path: ":memory:")
            let row = try db.queryOne("SELECT NULL AS name")
            _ = row?.string("name")
        }
        let standardError = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(standardError.contains("storage: column 'name' holds NULL, read as String"))
    }
}
