import CordonCore
import CordonSupply
import Foundation

/// `timeline.csv` read back: a row a day, columns by name (`food_stock`, `food_stock_p5`, …).
struct TimelineTable {
    var days: [Day]
    private var columns: [String: [Double?]]
    /// Commodities in the file's column order: every `<name>_stock` column.
    var commodities: [String]

    init(path: String) throws {
        let data = try ReportInputError.read(path)
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              header.first == "date" else { throw ReportInputError(path, "not a cordon timeline (first column must be date)") }
        var days: [Day] = []
        var values = [[Double?]](repeating: [], count: header.count)
        for (n, line) in lines.dropFirst().enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == header.count, let day = Day(iso: String(cells[0])) else {
                throw ReportInputError(path, "row \(n + 2): expected \(header.count) cells starting with a date")
            }
            days.append(day)
            // "inf" and "nan" parse as numbers but draw nothing: no value, like an empty cell.
            for i in 1..<header.count { values[i].append(Double(cells[i]).flatMap { $0.isFinite ? $0 : nil }) }
        }
        guard !days.isEmpty else { throw ReportInputError(path, "no days: the timeline holds only its header") }
        self.days = days
        columns = Dictionary(uniqueKeysWithValues: zip(header, values).dropFirst().map { ($0, $1) })
        commodities = header.filter { $0.hasSuffix("_stock") }.map { String($0.dropLast("_stock".count)) }
    }

    func column(_ name: String) -> [Double?]? { columns[name] }
}
