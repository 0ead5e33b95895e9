import CordonScenario
import CordonSources
import CordonTestSupport
import Testing

/// `map`, `routes` and `districts` written as a source with a layer, and the map's field mapping.
@Suite struct SourceKeyTests {
    static let siege = """
        besieged: occupied
        focus: [37.1, 36.2]

        """

    @Test func theMappingFormGivesSourceLayerFieldsAndValues() throws {
        let text = ScenarioText.valid + Self.siege + """
            map:
              source: fronts.gpkg
              layer: "2022-03-15"
              fields: {controller: fill, from: begin, until: end, name: label, population: pop}
              values: {"#a52714": occupied, "#bcaaa4": ignore}
            routes: network.gpkg|layername=roads
            districts: {source: "PG:dbname=cod password=secret", layer: admin3}
            """
        let siege = try #require(try ScenarioLoader.parse(text, file: "s.yaml", for: .run).siege)
        #expect(siege.map == "fronts.gpkg")
        #expect(siege.routes == "network.gpkg")
        #expect(siege.districts == "PG:dbname=cod password=secret")
        #expect(siege.layers == ["map": "2022-03-15", "routes": "roads", "districts": "admin3"])
        let expected = FieldMapping(controller: "fill", values: [("#a52714", .controller("occupied")), ("#bcaaa4", .ignore)],
                                    from: "begin", until: "end", name: "label", population: "pop")
        #expect(siege.mapFields == expected)
    }

    @Test func fieldsBelongToTheMapOnly() {
        let text = ScenarioText.valid + Self.siege + "map: m.geojson\nroutes: {source: r.gpkg, fields: {name: n}}\n"
        #expect {
            try ScenarioLoader.parse(text, file: "s.yaml", for: .run)
        } throws: { error in
            "\(error)".contains("s.yaml: routes.fields: unknown key")
        }
    }

    @Test func aMappingWithoutSourceNamesTheKey() {
        let text = ScenarioText.valid + Self.siege + "map: {layer: control}\n"
        #expect {
            try ScenarioLoader.parse(text, file: "s.yaml", for: .run)
        } throws: { error in
            "\(error)".contains("map.source: missing")
        }
    }
}
