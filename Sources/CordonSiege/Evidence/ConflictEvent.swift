import CordonCore

/// Conflict events read from an ACLED or UCDP GED file (docs/design.md#evidence): where, when,
/// what kind, how many killed, and how precisely the place is known.
///
/// Types and sub-types are held once in ``types`` and referred to by number, so a million
/// events cost a few numbers each.
public struct EventSet: Sendable {
    /// One event.
    public struct Event: Sendable, Equatable {
        /// The day it happened (UCDP: `date_start`).
        public var day: Day
        /// Longitude, degrees.
        public var lon: Double
        /// Latitude, degrees.
        public var lat: Double
        /// Its type, a position in ``EventSet/types``.
        public var type: Int32
        /// Its sub-type, a position in ``EventSet/types``; -1 when the file gives none.
        public var subType: Int32
        /// Deaths reported (ACLED `fatalities`, UCDP `best`).
        public var fatalities: Double
        /// Whether the place is known well enough to place it (its precision within the threshold).
        public var placed: Bool
        /// The line of the file on which it starts, for messages.
        public var line: Int

        /// An event as a file row gives it.
        public init(day: Day, lon: Double, lat: Double, type: Int32, subType: Int32 = -1, fatalities: Double = 0,
                    placed: Bool = true, line: Int = 0) {
            self.day = day
            self.lon = lon
            self.lat = lat
            self.type = type
            self.subType = subType
            self.fatalities = fatalities
            self.placed = placed
            self.line = line
        }
    }

    /// Which file layout the events came from.
    public enum Layout: String, Sendable {
        /// ACLED: `event_date`, `event_type`, `sub_event_type`, `fatalities`, `geo_precision`.
        case acled
        /// UCDP GED: `date_start`, `type_of_violence`, `best`, `where_prec`.
        case ucdp
        /// Any table with `date`, `latitude`, `longitude` and optional `type`, `sub_type`, `fatalities`, `precision`.
        case plain
    }

    /// The file, as the user named it.
    public var file: String
    /// The layout recognised from the header.
    public var layout: Layout
    /// The events, in file order.
    public var events: [Event]
    /// Type and sub-type names; an event refers to them by position.
    public var types: [String]
    /// How many events were too imprecisely placed to count in a pocket or near a route.
    public var imprecise: Int { events.reduce(0) { $0 + ($1.placed ? 0 : 1) } }

    /// An event set built in Swift.
    public init(file: String, layout: Layout = .plain, events: [Event], types: [String]) {
        self.file = file
        self.layout = layout
        self.events = events
        self.types = types
    }

    /// The first and last day of any event; nil when there are none.
    public var span: (first: Day, last: Day)? {
        guard let f = events.first else { return nil }
        var a = f.day, b = f.day
        for e in events { if e.day < a { a = e.day }; if e.day > b { b = e.day } }
        return (a, b)
    }
}
