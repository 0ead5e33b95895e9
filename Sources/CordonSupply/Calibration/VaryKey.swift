extension SupplyScenario {
    /// The paths `uncertainty.vary` and `--vary` may name `parameter` by: commodity names for
    /// supplies (`supplies.food.stock`, also `supplies.0.stock`), index or name for inflows.
    ///
    /// - Parameter parameter: A parameter of this scenario.
    public func paths(of parameter: Parameter) -> [String] {
        switch parameter {
        case .supply(let i, let f) where supplies.indices.contains(i):
            return ["supplies.\(supplies[i].commodity).\(f.rawValue)", parameter.description]
        case .inflow(let i, let f) where inflows.indices.contains(i):
            return [parameter.description, "inflows.\(inflows[i].name).\(f.rawValue)"]
        default:
            return [parameter.description]
        }
    }

    /// How people read `parameter`: its first path (`supplies.food.stock`).
    public func name(of parameter: Parameter) -> String { paths(of: parameter)[0] }
}
