import CordonCore

extension SupplyRun {
    /// `timeline.csv`: one row per day, `date,population,evacuated`, with population changes
    /// `deaths,arrivals,departures` so far, with food energy `kcal_per_person_day` (empty with
    /// nobody inside), then for each commodity in scenario order
    /// `c_stock,c_ration,c_days_left,c_inflow,c_consumed,c_shortfall`, followed with Monte Carlo
    /// by `c_stock_p5,c_stock_p50,c_stock_p95`, and for a supply with a `price` by
    /// `c_price_index` (a model: ``PriceModel``). `c_days_left` is the value the ration was chosen
    /// from, empty when nobody needs anything.
    ///
    /// - Parameter monteCarlo: The Monte Carlo runs of the same scenario, for the stock bands; nil leaves them out.
    /// - Returns: The whole file's text, header first, ending in a newline.
    public func timelineCSV(monteCarlo: MonteCarloResult? = nil) -> String {
        let header = timelineColumns(monteCarlo: monteCarlo)
        var lines = [header.joined(separator: ",")]
        lines.reserveCapacity(days.count + 1)
        let n = { (x: Double) in NumberText.fixed(x) }
        let prices = scenario.supplies.indices.map(priceIndex)
        for (d, day) in days.enumerated() {
            var cells = [day.date.description, n(day.population), n(day.evacuated)]
            if countsMoves { cells += [n(day.moved.deaths), n(day.moved.arrivals), n(day.moved.departures)] }
            if countsKcal { cells.append(day.kcalPerPerson.map(n) ?? "") }
            for (c, x) in day.commodities.enumerated() {
                cells += [n(x.stock), NumberText.fixed(x.ration, places: 6), n(x.daysLeft), n(x.inflow), n(x.consumed), n(x.shortfall)]
                if let mc = monteCarlo {
                    // Bands of another scenario's days would not fit: empty cells, never a crash.
                    let band = c < mc.stock.count && d < mc.stock[c].count ? mc.stock[c][d] : nil
                    cells += band.map { [n($0.p5), n($0.p50), n($0.p95)] } ?? ["", "", ""]
                }
                if c < prices.count, let price = prices[c] { cells.append(n(price[d])) }
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension SupplyRun {
    /// The columns of ``timelineCSV(monteCarlo:)``, in order.
    public func timelineColumns(monteCarlo: MonteCarloResult? = nil) -> [String] {
        var header = ["date", "population", "evacuated"]
        if countsMoves { header += ["deaths", "arrivals", "departures"] }
        if countsKcal { header.append("kcal_per_person_day") }
        for supply in scenario.supplies {
            let c = supply.commodity
            header += ["stock", "ration", "days_left", "inflow", "consumed", "shortfall"].map { "\(c)_\($0)" }
            if monteCarlo != nil { header += ["stock_p5", "stock_p50", "stock_p95"].map { "\(c)_\($0)" } }
            if supply.price != nil { header.append("\(c)_price_index") }
        }
        return header
    }

    /// `timeline.csvt`, the sidecar GDAL's CSV driver (and so QGIS) reads for the column types:
    /// one line of quoted types, one per column of ``timelineCSV(monteCarlo:)``, decided by the
    /// column alone (``timelineType(of:)``), never by one run's values.
    public func timelineCSVT(monteCarlo: MonteCarloResult? = nil) -> String {
        timelineColumns(monteCarlo: monteCarlo).map { "\"\(Self.timelineType(of: $0))\"" }.joined(separator: ",") + "\n"
    }

    /// The GDAL type of a timeline column: `Date` for `date`; `Real` for every other column,
    /// people (deaths, arrivals, departures too), stocks and food energy alike, which are written
    /// with up to 3 (rations 6) decimals.
    public static func timelineType(of column: String) -> String {
        column == "date" ? "Date" : "Real"
    }

    /// The `.csvt` sidecar of a CSV file at `path`: the same name with `.csvt` for `.csv`, as
    /// GDAL looks for it; nil when the name does not end in `.csv` (GDAL does not read it as
    /// CSV) or is standard output (`-`).
    public static func typesFile(of path: String) -> String? {
        guard path != "-", path.lowercased().hasSuffix(".csv") else { return nil }
        return path + "t"
    }
}
