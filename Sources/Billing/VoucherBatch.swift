import Foundation

/// Seats bought by a school: a number of codes for one plan, usable until a date.
public struct VoucherBatch: Equatable, Sendable {
    /// Database id.
    public let id: Int64
    /// The plan each code unlocks.
    public let planID: Int64
    /// The school, as printed on the batch page.
    public let schoolName: String
    /// How many codes.
    public let codeCount: Int
    /// Codes cannot be redeemed from this moment on.
    public let expiresAt: Date
    /// The admin who made it.
    public let createdBy: Int64?
    /// When it was made.
    public let createdAt: Date
}

/// One code of a batch and whether it was used.
public struct VoucherCodeStatus: Equatable, Sendable {
    /// `LS-XXXX-XXXX`.
    public let code: String
    /// Who redeemed it; `nil` while unused or once that account is deleted.
    public let redeemedBy: Int64?
    /// That user's e-mail address, for the batch page.
    public let redeemedByEmail: String?
    /// When it was redeemed; `nil` while unused.
    public let redeemedAt: Date?

    /// Whether it was redeemed.
    public var isRedeemed: Bool { redeemedAt != nil }
}

/// The batch page: the batch and every code with its use.
public struct VoucherBatchReport: Equatable, Sendable {
    /// The batch.
    public let batch: VoucherBatch
    /// The plan's name.
    public let planName: String
    /// Every code, in alphabetical order.
    public let codes: [VoucherCodeStatus]

    /// How many codes were redeemed.
    public var redeemedCount: Int { codes.filter(\.isRedeemed).count }
}
