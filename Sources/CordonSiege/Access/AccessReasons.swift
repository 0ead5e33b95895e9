import CordonGeometry

/// Why a pocket or a place has no road answer, in words a user can read beside the empty
/// field (`why_no_road_way_out`, `why_no_way_out`, `why_no_corridor`; docs/design.md#roads).
/// Each reason rests on what the searches already found: the cut, exposed and attached roads,
/// and the least hostile road out (the reopening search).
extension AccessAnalysis {
    private func metres(_ m: Double) -> String { String(Int64(min(m, 1e15).rounded())) }

    private var leftOutUnderFire: String { "every road out that crosses no hostile ground is under fire, and avoid-fire leaves such roads out" }

    /// Why a place's own road cannot be driven: too far, cut, or under fire with avoid-fire.
    func whyNotOnRoad(_ at: RoadAttachment) -> String? {
        if let most = options.maxToRoad, !options.joins(at.metres) {
            return "no road within \(metres(most)) m (the nearest is \(metres(at.metres)) m away)"
        }
        let t = options.tolerance
        if hostile[at.edge] > t {
            return "the road segment it meets crosses hostile ground and is cut whole"
        }
        if options.avoidFire, exposed[at.edge] > t {
            return "the road segment it meets is under fire and avoid-fire leaves it out"
        }
        return nil
    }

    /// Why a place has no minutes to the way out.
    func whyNoWayOut(_ at: RoadAttachment, routing: Routing) -> String {
        if let own = whyNotOnRoad(at) { return own }
        if routing.exits.isEmpty { return "no road reaches the way out" }
        guard let least = at.leastFirst(routing.reopen, in: net) else { return "no road from it leads to the way out" }
        return hostileOrFire(Double(least) / 1000, pocket: false)
    }

    /// Why a pocket has no safe road out.
    func whyNoRoadWayOut(nodes: Int, exits: Int, reopen: RoadPath?) -> String {
        if nodes == 0 { return "no road inside the pocket" }
        if exits == 0 { return "no road reaches the way out" }
        guard let reopen else { return "no road from the pocket leads to the way out" }
        return hostileOrFire(reopen.hostileMetres, pocket: true)
    }

    /// The least hostile road out crosses `h` metres of hostile ground: cut, or only under fire.
    private func hostileOrFire(_ h: Double, pocket: Bool) -> String {
        if h <= options.tolerance {
            return options.avoidFire ? leftOutUnderFire : "no road from \(pocket ? "the pocket" : "it") leads to the way out the way the roads may be driven"
        }
        return "every road out crosses hostile ground" + (pocket ? " (reopen_cut_km says how much)" : "")
    }

    /// Why a place has no minutes to an open corridor's entry.
    /// - Parameters:
    ///   - open: Corridors declared open that day.
    ///   - entries: Their entries within `maxToRoad` of a road.
    ///   - driven: Those whose road may be driven.
    func whyNoCorridor(_ at: RoadAttachment, open: Int, entries: Int, driven: Int) -> String {
        if corridors.isEmpty { return "no corridors given" }
        if open == 0 { return "no corridor is declared open on this date" }
        if entries == 0 { return "no open corridor's entry is within \(metres(options.maxToRoad ?? 0)) m of a road" }
        if let own = whyNotOnRoad(at) { return own }
        if driven == 0 { return "every open corridor's entry is on a road cut by hostile ground" + (options.avoidFire ? " or under fire" : "") }
        return "every road to an open corridor's entry crosses hostile ground" + (options.avoidFire ? " or fire (avoid-fire)" : "")
    }
}
