import CordonGeometry

/// The features with every `id` made unique within the layer: the first feature keeps its id,
/// later ones with the same id (two districts of one name) get `#2`, `#3`, … in layer order,
/// so the same inputs always give the same ids.
func distinctIDs(_ features: [Feature]) -> [Feature] {
    var seen: [String: Int] = [:]
    return features.map { f in
        guard let id = f.id?.stringValue else { return f }
        let n = seen[id, default: 0] + 1
        seen[id] = n
        return n == 1 ? f : f.identified("\(id)#\(n)")
    }
}
