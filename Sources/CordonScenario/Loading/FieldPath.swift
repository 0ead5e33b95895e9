/// Where a value sits in a scenario file, written the way users read it: `supplies[0].stock`.
struct FieldPath: CustomStringConvertible {
    private enum Step { case key(String), index(Int) }
    private var steps: [Step] = []

    static let root = FieldPath()

    func key(_ name: String) -> FieldPath { var p = self; p.steps.append(.key(name)); return p }
    func index(_ i: Int) -> FieldPath { var p = self; p.steps.append(.index(i)); return p }

    var description: String {
        var out = ""
        for step in steps {
            switch step {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}
