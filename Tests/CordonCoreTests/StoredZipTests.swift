import CordonCore
import Testing

/// The zip writer behind `cordon.qgz`, against the published CRC-32 check value and the zip
/// format's fixed layout (APPNOTE.TXT 4.3); `QGISProjectFileTests` reads a whole archive with
/// Python's own zipfile.
struct StoredZipTests {
    @Test func crc32GivesTheCatalogueCheckValue() {
        // The CRC catalogue's "check" value: CRC-32 of the ASCII digits 1 to 9.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func anEntryIsStoredWithItsSizesAndOneCentralRecord() {
        let data = Array("hello".utf8)
        let zip = StoredZip.archive([("a.txt", data)])
        let u16 = { (at: Int) in Int(zip[at]) | Int(zip[at + 1]) << 8 }
        let u32 = { (at: Int) in u16(at) | u16(at + 2) << 16 }
        // Local header (30 bytes + name) then the bytes as they are.
        #expect(u32(0) == 0x0403_4B50)
        #expect(u16(8) == 0)  // method: stored
        #expect(u16(12) == 0x21)  // 1980-01-01
        #expect(u32(14) == Int(CRC32.checksum(data)))
        #expect(u32(18) == 5 && u32(22) == 5)
        #expect(Array(zip[30..<35]) == Array("a.txt".utf8) && Array(zip[35..<40]) == data)
        // Central record (46 bytes + name), then the 22-byte end record pointing at it.
        #expect(u32(40) == 0x0201_4B50 && u32(40 + 42) == 0)
        let end = zip.count - 22
        #expect(u32(end) == 0x0605_4B50 && u16(end + 10) == 1 && u32(end + 12) == 46 + 5 && u32(end + 16) == 40)
        #expect(zip.count == 30 + 5 + 5 + 46 + 5 + 22)
        #expect(StoredZip.archive([("a.txt", data)]) == zip)
    }
}
