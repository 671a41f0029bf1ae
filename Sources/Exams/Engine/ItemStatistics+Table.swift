import Foundation

extension ItemStatistics {
    /// The statistics as a fixed-width text table for the command line (`lesocial stats EXAM_ID`).
    ///
    /// Options are lettered in the author's order, right ones starred: `A* 62 % · B 20 %`.
    public static func table(_ statistics: [ItemStatistic]) -> String {
        let header = ["Question", "Version", "n", "Facilité", "Discrimination", "Blancs", "Options"]
        let rows = statistics.map { statistic in
            [
                statistic.questionID, "\(statistic.version)", "\(statistic.n)", decimal(statistic.facility),
                decimal(statistic.discrimination), "\(statistic.blanks)", options(statistic.options),
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        let lines = ([header] + rows).map { cells in
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let empty = statistics.isEmpty ? ["(aucune première tentative terminée)"] : []
        return (lines + empty).map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
            .joined(separator: "\n") + "\n"
    }

    private static func decimal(_ value: Double?) -> String {
        guard let value else { return "-" }
        return FrenchNumber.format(value)
    }

    private static func options(_ uses: [ItemStatistic.OptionUse]) -> String {
        uses.map { use in
            let letter = use.index < 26 ? String(UnicodeScalar(UInt8(65 + use.index))) : "\(use.index + 1)"
            let share = use.share.map { "\(Int(($0 * 100).rounded())) %" } ?? "-"
            return "\(letter)\(use.isRight ? "*" : "") \(share)"
        }.joined(separator: " · ")
    }
}
