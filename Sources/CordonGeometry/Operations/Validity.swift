import CGEOS

/// Validity (OGC rules) and repair.
extension Geometry {
    /// Whether the geometry is valid by GEOS's (OGC) rules; see ``validityReason()`` for why not.
    public var isValid: Bool {
        get throws {
            if QuickValidity.provesValid(self) { return true }
            return try isValidByGEOS
        }
    }
    /// GEOS's own answer, without the quick proof (for checking that proof against it).
    var isValidByGEOS: Bool {
        get throws { try context.predicate("is valid") { GEOSisValid_r($0, pointer) } }
    }
    /// GEOS's reason when invalid (e.g. "Self-intersection[37.1 36.2]"); nil when valid.
    /// A small polygon without holes whose ring is proved simple by exact-sign tests skips
    /// GEOS's full check (the answer is the same, only sooner).
    public func validityReason() throws -> String? {
        if QuickValidity.provesValid(self) { return nil }
        context.reset()
        guard let r = GEOSisValidReason_r(h, pointer) else { throw context.error("is valid reason") }
        defer { GEOSFree_r(h, r) }
        let s = String(cString: r)
        return s == "Valid Geometry" ? nil : s
    }
    /// Repairs an invalid geometry without losing vertices (`GEOSMakeValid_r`).
    public func makeValid() throws -> Geometry {
        try context.make("make valid") { GEOSMakeValid_r($0, pointer) }
    }
    /// Normal form: rings start at their lowest point, parts sorted; for stable comparisons.
    public func normalized() throws -> Geometry {
        let g = try clone()
        try context.status("normalize") { GEOSNormalize_r($0, g.pointer) == -1 ? 0 : 1 }
        return g
    }
}
