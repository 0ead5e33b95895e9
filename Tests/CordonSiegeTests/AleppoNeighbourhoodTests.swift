import CordonCore
import CordonGeometry
import CordonSiege
import CordonTestSupport
import Foundation
import Testing

/// Real geometry: the 133 Aleppo neighbourhood polygons of the Columbia
/// Center for Spatial Research (`../shared/geodata`, MIT; digitised with street gaps between
/// them, median 5.6 m, up to 52 m), given controllers as in summer 2016, with countryside drawn
/// around the city whose north-western sector (the Castello road) changes hands on 2016-07-17.
/// The shared file is read where it lies; the test map is built at test time in a temporary folder.
enum AleppoSummer2016 {
    static let neighbourhoods = Yardstick.shared.appendingPathComponent("geodata/aleppo_neighbourhoods_csr.geojson")
    static let present = FileManager.default.fileExists(atPath: neighbourhoods.path)

    /// Opposition-held eastern Aleppo in July 2016, spelled as in the file's `NAME`. The split
    /// follows 2016 reporting and control maps (press maps "who controls what" in Aleppo, the
    /// Institute for the Study of War's control maps, the neighbourhood lists of the battle's
    /// chronicles): the east named there (Masaken Hanano, Sakhour, Haydariya, Sheikh Khodr,
    /// Sheikh Faris, Shaar, Qadi Askar, Ansari, Mashhad, Bustan al-Qasr, Kallaseh, Fardous,
    /// Sukkari, Salihin, Karm al-Daadaa, Sheikh Said, Seif al-Dawla, Salah al-Din, Amiriyah,
    /// Zebdiyeh, the Karms, Marjeh, Helwaniyeh, Jabal Badro, Ba'eidin, Ain al-Tal, Bustan al-Basha,
    /// Hellok, Suleiman al-Halabi, Arqoub, Bab al-Hadid/Qarleq), and the Old City quarters around
    /// the citadel, which the government held throughout. It is a model for a test, not a survey.
    static let eastNames: Set<String> = [
        // Eastern and north-eastern districts
        "Hanano", "as-Sakhour", "as-Sakhour I", "al-Haydariyeh", "Sheikh Kheder", "ash-Sheikh Fares",
        "ash-Sha'ar", "Qadi Askar", "al-Helwaniyeh", "Jabal Badro", "Ba'aiedeen", "Ayn at-Tal",
        "Bustan al-Basha", "Trab al-Hellok", "Suleiman al-Halabi", "al-‘Arqoub", "Karm aj-Jabal",
        "Karm al-Qaterji", "Karm Homad", "Karm al-Myassar", "Karm aj-Jazmati", "Jouret ‘Awwad",
        "Dahret ‘Awwad", "al-Marjeh", "Maqar al-Anbiya'a", "al-Ma'asaraniyeh Youth Housing",
        "Tatarlar", "Karazdada Cemetery", "ash-Sheikh Yusef Cemetery", "The National Hospital", "Qarleq",
        // Southern and south-western districts
        "al-Ansari", "al-Ansari Mashhad", "Ansari Sharqi", "Bustan al-Qaser", "al-Kallaseh", "al-Fardos",
        "as-Sukkari", "as-Salheen", "Karm ad-Da'ada'a", "Sheikh Sa’eed", "Sayf ad-Dauleh", "Salah ad-Deen",
        "al-‘Amiriyeh", "az-Zebdiyeh",
        // Old City quarters (not the citadel)
        "Bab Qinnasrin", "Qal’et ash-Sharif", "Bab al-Maqam", "Sahet Bizzeh", "al-Asileh", "al-A'ajam",
        "Altunbogha", "ad-Dudu", "al-Ballat", "Sajlikhan", "Abraj", "al-Bayyada", "Muhammad Bek",
        "Souq al-Madina", "aj-Jalloum", "al-‘Aqabeh", "Qastal Mosht", "Ibn Ya'aqoub", "ad-Dallaleen",
        "Hanano Barrack", "Maysaloon Cemetery", "Aghyor",
    ]
    static let kurdishName = "ash-Sheikh Maqsoud"
    /// Names repeat in the file, and so do `Id`s (123 distinct for 133 features: Id 29 is both
    /// as-Sakhour and as-Sakhour I, Id 120 both The Public Park and ash-Sheikh Taha, ...). A repeated
    /// name counts as eastern only east of the citadel's meridian; features are keyed by position.
    static let citadelMeridian = 37.16
    /// The citadel (the file's label point), centre of the countryside's sectors.
    static let citadel = Coordinate(37.1629, 36.1995)
    static let populationEach = 2000.0
    static let change = "2016-07-17"

    struct Built {
        var path: URL
        /// Label points (lon/lat) of the eastern neighbourhoods, and of the Castello sector.
        var eastPoints: [Coordinate]
        var castelloPoint: Coordinate
        var eastPopulation: Double
        /// Sum of the eastern neighbourhoods' geodesic areas.
        var eastKm2: Double
        var controllers: [String: Int]
    }

    /// Writes the map into `folder` and says what it holds.
    static func build(into folder: URL, context ctx: GEOSContext) throws -> Built {
        let city = try GeoJSONReader(context: ctx).read(path: neighbourhoods.path)
        guard city.count == 133 else { throw YardstickFailure("expected 133 neighbourhoods, found \(city.count)") }
        let names = city.map { $0.properties["NAME"]?.stringValue ?? "" }
        var seen: [String: Int] = [:]
        for n in names { seen[n, default: 0] += 1 }
        let missing = eastNames.filter { seen[$0] == nil }
        guard missing.isEmpty else { throw YardstickFailure("names not in the file: \(missing.sorted())") }

        var features: [Feature] = []
        var east = Built(path: folder.appendingPathComponent("aleppo-2016.geojson"), eastPoints: [],
                         castelloPoint: Coordinate(0, 0), eastPopulation: 0, eastKm2: 0, controllers: [:])
        for (i, f) in city.enumerated() {
            guard let g = f.geometry else { throw YardstickFailure("neighbourhood \(i) has no geometry") }
            let name = names[i]
            let label = Coordinate(f.properties["label_lon"]?.numberValue ?? 0, f.properties["label_lat"]?.numberValue ?? 0)
            let controller: String
            if name == kurdishName {
                controller = "kurdish"
            } else if eastNames.contains(name) && (seen[name] == 1 || label.x > citadelMeridian) {
                controller = "opposition"
                east.eastPoints.append(try g.representativePoint().coordinates[0])
                east.eastPopulation += populationEach
                east.eastKm2 += Geodesic.area(g) / 1e6
            } else {
                controller = "government"
            }
            east.controllers[controller, default: 0] += 1
            var p = JSONObject()
            p["name"] = .string(name)
            p["Id"] = f.properties["Id"] ?? .null
            p["controller"] = .string(controller)
            p["population"] = .number(populationEach)
            features.append(Feature(geometry: g, properties: p, id: .number(Double(i))))
        }

        // Countryside, in metres: a frame 10 km beyond the city, less the city's outline drawn
        // 20 m outside it (its closing by 100 m, eroded by 80 m; notches under 200 m filled), so
        // that a 60 m snap joins the countryside to the city all round and the frame is the only
        // way out. Sectors by bearing from the citadel; only the north-western one changes hands.
        let toMetres = try Projection.toUTM(around: citadel)
        let toLonLat = try toMetres.inverse()
        let cityM = try ctx.union(city.map { try toMetres.apply($0.geometry!) })
        let outline = try cityM.buffer(100).buffer(-80)
        let filled = try ctx.union(outline.polygons().map { try ctx.polygon($0.exteriorRing!.coordinates) })
        let frame = try ctx.rectangle(cityM.bounds!.expanded(by: 10_000))
        let countryside = try frame.difference(filled)
        let centre = try toMetres.apply(citadel)
        func wedge(_ from: Double, _ to: Double) throws -> Geometry {
            let radius = 60_000.0, steps = 8
            var ring = [centre]
            for k in 0...steps {
                let bearing = (from + (to - from) * Double(k) / Double(steps)) * .pi / 180
                ring.append(Coordinate(centre.x + radius * sin(bearing), centre.y + radius * cos(bearing)))
            }
            ring.append(centre)
            return try ctx.polygon(ring)
        }
        // North-west, 300° to 20°: Handarat and the Castello road, meeting Ayn at-Tal and Bustan al-Basha.
        let sectors: [(name: String, from: Double, to: Double)] = [
            ("north-west countryside (Castello road)", 300, 380), ("north-east countryside", 20, 80),
            ("east countryside", 80, 140), ("south-east countryside", 140, 200),
            ("south countryside (Ramouseh)", 200, 250), ("west countryside", 250, 300),
        ]
        for (k, s) in sectors.enumerated() {
            let part = try countryside.intersection(wedge(s.from, s.to))
            let polygons = try part.polygons()
            let shape = polygons.count == 1 ? polygons[0] : try ctx.collection(.multiPolygon, polygons)
            let lonLat = try toLonLat.apply(shape)
            func feature(_ controller: String, from: String? = nil, until: String? = nil) -> Feature {
                var p = JSONObject()
                p["name"] = .string(s.name)
                p["controller"] = .string(controller)
                if let from { p["from"] = .string(from) }
                if let until { p["until"] = .string(until) }
                return Feature(geometry: lonLat, properties: p, id: .number(Double(features.count)))
            }
            if k == 0 {
                east.castelloPoint = try lonLat.representativePoint().coordinates[0]
                features.append(feature("opposition", until: change))
                features.append(feature("government", from: change))
            } else {
                features.append(feature("government"))
            }
        }
        // 7 decimals keep the file's 6 exactly and the drawn countryside to a centimetre.
        try GeoJSONWriter(decimals: 7).write(features, to: east.path.path)
        return east
    }

    /// Indices of the pockets holding each point.
    static func holders(of points: [Coordinate], in pockets: [Pocket], context ctx: GEOSContext) throws -> [Set<Int>] {
        let prepared = try pockets.map { try PreparedGeometry($0.geometry) }
        return try points.map { c in
            let point = try ctx.point(c)
            return Set(try pockets.indices.filter { try prepared[$0].intersects(point) })
        }
    }
}

@Suite(Reference.needs("../shared/geodata/aleppo_neighbourhoods_csr.geojson", AleppoSummer2016.present))
struct AleppoNeighbourhoodTests {
    func analyse(_ built: AleppoSummer2016.Built, date: String, snap: Double, ctx: GEOSContext) throws -> [Pocket] {
        let map = try ControlMap(file: built.path.path, features: GeoJSONReader(context: ctx).read(path: built.path.path))
        return try EnclosureAnalysis(map: map, options: EnclosureOptions(besieged: "opposition", snap: snap, closure: false),
                                     context: ctx).pockets(on: Day(iso: date)!)
    }

    @Test("the east is open through the Castello sector on 10 July, encircled on 20 July")
    func eastOpenThenEncircled() throws {
        let folder = try Yardstick.scratchFolder("aleppo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ctx = try GEOSContext()
        let built = try AleppoSummer2016.build(into: folder, context: ctx)
        #expect(built.controllers == ["opposition": 70, "kurdish": 1, "government": 62])

        let before = try analyse(built, date: "2016-07-10", snap: 60, ctx: ctx)
        let heldBefore = try AleppoSummer2016.holders(of: built.eastPoints + [built.castelloPoint], in: before, context: ctx)
        #expect(Set(heldBefore).count == 1 && heldBefore[0].count == 1,
                "on 10 July every eastern neighbourhood and the Castello sector should lie in one pocket: \(Set(heldBefore))")
        if let k = heldBefore[0].first {
            #expect(!before[k].encircled, "the east is open through the Castello sector on 10 July")
        }

        let after = try analyse(built, date: "2016-07-20", snap: 60, ctx: ctx)
        #expect(after.count == 1, "after 17 July the opposition holds the east only: \(after.count) pockets")
        let heldAfter = try AleppoSummer2016.holders(of: built.eastPoints, in: after, context: ctx)
        #expect(Set(heldAfter) == [[0]], "on 20 July every eastern neighbourhood should lie in pocket 0: \(Set(heldAfter))")
        let pocket = try #require(after.first)
        #expect(pocket.encircled, "the east is encircled once the Castello sector falls")
        #expect(pocket.closureM == 0)
        // Areal weighting: every eastern neighbourhood lies wholly inside; snap-joined slivers of
        // neighbours add at most a little.
        let share = abs(pocket.population - built.eastPopulation) / built.eastPopulation
        #expect(share <= 0.005, "population \(pocket.population), eastern neighbourhoods hold \(built.eastPopulation)")
        // The pocket is the neighbourhoods plus the street gaps joined between them.
        #expect(pocket.areaKm2 >= built.eastKm2 && pocket.areaKm2 <= built.eastKm2 * 1.05,
                "pocket \(pocket.areaKm2) km², eastern neighbourhoods \(built.eastKm2) km²")
    }

    @Test("without snap the street gaps split the east into islands")
    func withoutSnapTheEastFallsApart() throws {
        let folder = try Yardstick.scratchFolder("aleppo-nosnap")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ctx = try GEOSContext()
        let built = try AleppoSummer2016.build(into: folder, context: ctx)
        let pockets = try analyse(built, date: "2016-07-20", snap: 0, ctx: ctx)
        #expect(pockets.count > 10, "without snap: \(pockets.count) pockets")
        let largest = pockets.map(\.areaKm2).max() ?? 0
        #expect(largest < built.eastKm2 / 4, "largest pocket \(largest) km² of \(built.eastKm2) km²")
        // Every neighbourhood is its own island, so each pocket holds one eastern label point.
        let held = try AleppoSummer2016.holders(of: built.eastPoints, in: pockets, context: ctx)
        #expect(held.allSatisfy { $0.count == 1 })
        #expect(Set(held.flatMap { $0 }).count > 10)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var date: String
        var snap: Double
        /// Relative area tolerance: GEOS 3.11's buffers differ slightly from the newer GEOS in Shapely.
        var areaRel: Double
        var testDescription: String { "\(date), snap \(Int(snap)) m" }
    }

    @Test("matches the yardstick", Reference.needs("the Python yardstick: ../shared/bench and shapely, pyproj (scripts/setup)", Yardstick.available),
          arguments: [
              Case(date: "2016-07-10", snap: 60, areaRel: 0.002),
              Case(date: "2016-07-20", snap: 60, areaRel: 0.002),
              // No buffers without snap: the default tolerance holds.
              Case(date: "2016-07-20", snap: 0, areaRel: 1e-6),
          ])
    func matchesTheYardstick(_ c: Case) throws {
        let folder = try Yardstick.scratchFolder("aleppo-yardstick")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ctx = try GEOSContext()
        let built = try AleppoSummer2016.build(into: folder, context: ctx)
        let options = EnclosureOptions(besieged: "opposition", snap: c.snap, closure: false)
        let ref = folder.appendingPathComponent("reference.geojson"), ours = folder.appendingPathComponent("cordon.geojson")
        try Yardstick.runReference(map: built.path, options: options, date: c.date, out: ref)
        let pockets = try Yardstick.runOurs(map: built.path, options: options, date: c.date, out: ours, context: ctx)
        let comparison = try Yardstick.compare(reference: ref, ours: ours, extra: ["--area-rel", "\(c.areaRel)"])
        #expect(comparison.status == 0, "compare_enclosure.py on \(c.testDescription):\n\(comparison.text)")
        try Yardstick.expectSameFlags(reference: ref, ours: pockets, context: ctx, c.testDescription)
    }
}
