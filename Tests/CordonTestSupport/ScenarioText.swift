/// The smallest scenario `cordon simulate` runs: 50,000 people, 1,000,000 kg of flour at 1 kg a day.
public enum ScenarioText {
    public static let valid = """
    start: 2016-07-17
    end: 2016-08-31
    population: 50_000
    supplies:
      - {commodity: flour, unit: kg, stock: 1_000_000, need_per_person_day: 1}

    """
}
