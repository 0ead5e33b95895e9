/// One commodity held inside the siege: its stock on the first morning and what each person needs.
public struct Supply: Sendable, Equatable {
    /// The commodity's name, used in column names (`flour_stock`) and by inflows.
    public var commodity: String
    /// The commodity's own unit (kg, l, kits); the simulation never converts units.
    public var unit: String
    /// Stock on the morning of the first day, in `unit`.
    public var stock: Double
    /// What one person needs each day, in `unit`. For food, 10 kg per person per month
    /// (about 0.33 kg a day) is the WFP Syria planning figure of January 2013.
    public var needPerPersonDay: Double
    /// Share of the stock lost each day (0.01 = 1 % a day), taken after inflows.
    public var spoilagePerDay: Double
    /// Factors on the daily need by calendar month, January first (winter fuel, say); nil for 1 in every month.
    public var needByMonth: [Double]?
    /// Food energy in one unit (kcal per kg of flour, say); nil when the commodity is not counted as food energy.
    public var kcalPerUnit: Double?
    /// The price index of the commodity (a model); nil for no `<commodity>_price_index` column.
    public var price: PriceModel? = nil

    /// A commodity held inside.
    /// - Parameters:
    ///   - commodity: Its name: "food", "fuel".
    ///   - unit: Its unit: kg, l, kits.
    ///   - stock: Stock on the first morning, in `unit`.
    ///   - needPerPersonDay: What one person needs a day, in `unit`.
    ///   - spoilagePerDay: Share lost each day, 0 to 1.
    ///   - needByMonth: Twelve factors on the need, January to December; nil for none.
    ///   - kcalPerUnit: Food energy per unit; nil when it is not food energy.
    public init(commodity: String, unit: String, stock: Double, needPerPersonDay: Double, spoilagePerDay: Double = 0,
                needByMonth: [Double]? = nil, kcalPerUnit: Double? = nil) {
        self.commodity = commodity
        self.unit = unit
        self.stock = stock
        self.needPerPersonDay = needPerPersonDay
        self.spoilagePerDay = spoilagePerDay
        self.needByMonth = needByMonth
        self.kcalPerUnit = kcalPerUnit
    }

    /// The factor on the need in `month` (1 = January): the `needByMonth` entry, or 1 without one.
    public func needFactor(month: Int) -> Double {
        guard let needByMonth, needByMonth.indices.contains(month - 1) else { return 1 }
        return needByMonth[month - 1]
    }
}
