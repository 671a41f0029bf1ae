/// What an entitlement unlocks: one preparation, or all of them.
///
/// Stored and put in tokens as its `rawValue`: a track (`es`, `ass`,
/// `ifsi`, `as`) or `all`.
public enum AccessScope: Equatable, Hashable, Sendable {
    /// One preparation.
    case track(Track)
    /// Every preparation.
    case all

    /// Parses `es`, `ass`, `ifsi`, `as` or `all`.
    public init?(rawValue: String) {
        if rawValue == "all" {
            self = .all
        } else if let track = Track(rawValue: rawValue) {
            self = .track(track)
        } else {
            return nil
        }
    }

    /// `all` or the track's code.
    public var rawValue: String {
        switch self {
        case .track(let track): track.rawValue
        case .all: "all"
        }
    }

    /// Whether this scope opens `track`.
    public func covers(_ track: Track) -> Bool {
        switch self {
        case .all: true
        case .track(let own): own == track
        }
    }

    /// The name shown to users.
    public var displayName: String {
        switch self {
        case .track(let track): track.displayName
        case .all: "Toutes les préparations"
        }
    }
}
