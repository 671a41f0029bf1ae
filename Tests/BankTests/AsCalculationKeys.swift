/// Independent second solutions of the aide-soignant calculation questions.
///
/// Each expression is written from the data of the question's stem, not from
/// the key typed in the GIFT file, so a test can compare the two. Results asked
/// "au dixième" or "au centième" are rounded the same way here.
let asCalculationKeys: [CalculationKey] = [
    // as/calculs/operations
    CalculationKey(id: "as-ope-001", expected: 1250.0 + 1185.0 + 1340.0),
    CalculationKey(id: "as-ope-002", expected: 2000.0 - 1347.0),
    CalculationKey(id: "as-ope-003", expected: 28.0 * 3.0 * 7.0),
    CalculationKey(id: "as-ope-004", expected: 480.0 / 12.0),
    CalculationKey(id: "as-ope-005", expected: ((0.25 + 0.15 + 0.3) * 100).rounded() / 100),
    CalculationKey(id: "as-ope-006", expected: 12.0 * 4.5),
    CalculationKey(id: "as-ope-007", expected: 8.0 + 4.0 * 3.0),
    CalculationKey(id: "as-ope-008", expected: (75.0 / 8.0).rounded(.up)),
    CalculationKey(id: "as-ope-009", expected: ((37.2 + 37.8 + 38.2 + 37.6) / 4.0 * 10).rounded() / 10),
    CalculationKey(id: "as-ope-010", expected: 18.0 * (60.0 / 15.0)),
    CalculationKey(id: "as-ope-011", expected: 0.5 * 0.4),
    CalculationKey(id: "as-ope-012", expected: ((1200.0 - 385.5 - 427.8) * 100).rounded() / 100),

    // as/calculs/proportions-pourcentages
    CalculationKey(id: "as-pro-001", expected: 30.0 * 80.0 / 100.0),
    CalculationKey(id: "as-pro-002", expected: 8.0 / 25.0 * 100.0),
    CalculationKey(id: "as-pro-003", expected: ((64.0 - 60.8) / 64.0 * 100.0 * 10).rounded() / 10),
    CalculationKey(id: "as-pro-004", expected: 150.0 + 150.0 * 4.0 / 100.0),
    CalculationKey(id: "as-pro-005", expected: 3.0 / 2.0 * 6.0),
    CalculationKey(id: "as-pro-007", expected: 4.5 * 100.0 / 100.0),
    CalculationKey(id: "as-pro-008", expected: 400.0 * 3.0 / 4.0),
    CalculationKey(id: "as-pro-009", expected: 8.0 * 1000.0 * 0.5 / 100.0),
    CalculationKey(id: "as-pro-010", expected: 4.0 * 3.0 / 6.0 * 60.0),
    CalculationKey(id: "as-pro-011", expected: 72.0 / 80.0 * 100.0),
    CalculationKey(id: "as-pro-012", expected: 2000.0 - 2000.0 * 22.0 / 100.0),
    CalculationKey(id: "as-pro-013", expected: 240.0 * 15.0 / 100.0),
    CalculationKey(id: "as-pro-014", expected: ((4.2 / 6.0 * 15.0) * 100).rounded() / 100),

    // as/calculs/conversions
    CalculationKey(id: "as-con-001", expected: 1.5 * 1000.0),
    CalculationKey(id: "as-con-002", expected: 250.0 / 10.0),
    CalculationKey(id: "as-con-003", expected: 2.0 * 60.0 + 45.0),
    CalculationKey(id: "as-con-004", expected: 3.2 * 1000.0),
    CalculationKey(id: "as-con-005", expected: 750.0 / 1000.0),
    CalculationKey(id: "as-con-006", expected: 135.0 / 60.0),
    CalculationKey(id: "as-con-007", expected: 0.8 * 100.0),
    CalculationKey(id: "as-con-009", expected: 1.0 * 24.0 + 6.0),
    CalculationKey(id: "as-con-010", expected: (1.2 * 100.0 / 20.0).rounded(.down)),
    CalculationKey(id: "as-con-011", expected: 3.0 + 250.0 / 1000.0),
    CalculationKey(id: "as-con-013", expected: (10.0 * 60.0 + 15.0) - (7.0 * 60.0 + 45.0)),
    CalculationKey(id: "as-con-014", expected: ((1250.0 / 1000.0 + 2.4) * 100).rounded() / 100),

    // as/calculs/vie-courante
    CalculationKey(id: "as-vie-001", expected: 3.0 * 150.0 + 200.0 + 250.0),
    CalculationKey(id: "as-vie-002", expected: 1.5 * 1000.0 - 900.0),
    CalculationKey(id: "as-vie-003", expected: 350.0 + 420.0 + 280.0),
    CalculationKey(id: "as-vie-004", expected: 300.0 / 2.0 + 120.0 + 80.0 / 4.0),
    CalculationKey(id: "as-vie-005", expected: ((14.0 * 60.0 + 15.0) - (6.0 * 60.0 + 45.0) - 30.0) / 60.0),
    CalculationKey(id: "as-vie-006", expected: 3.0 * 12.0 + 2.0 * (7.0 + 30.0 / 60.0)),
    CalculationKey(id: "as-vie-007", expected: (21.0 - 6.0) / 3.0 + 1.0),
    CalculationKey(id: "as-vie-008", expected: ((58.4 - 57.1) * 10).rounded() / 10),
    CalculationKey(id: "as-vie-009", expected: (1.4 * 1000.0 / 200.0).rounded(.up)),
    CalculationKey(id: "as-vie-010", expected: 24.0 * 2.0 / 3.0),
    CalculationKey(id: "as-vie-011", expected: 8.0 * 20.0 + (8.0 - 1.0) * 5.0),
    CalculationKey(id: "as-vie-012", expected: 12.0 * 7.5),
    CalculationKey(id: "as-vie-013", expected: (70.0 / (1.75 * 1.75) * 10).rounded() / 10),
]
