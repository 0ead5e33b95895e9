/// A zip archive whose entries are stored, not compressed: what a `.qgz` project needs, in a
/// few lines and with no zlib. Every entry carries the same fixed date (1 January 1980, the
/// format's first day), so the same entries always give the same bytes.
///
///     let zip = StoredZip.archive([("cordon.qgs", Array(xml.utf8))])
public enum StoredZip {
    /// The archive holding `entries` in the order given: local headers and data, then the
    /// central directory and its end record (no ZIP64, so at most 65,535 entries of under 4 GiB).
    ///
    /// - Precondition: fewer than 65,535 entries, each name under 64 KiB and the whole under 4 GiB;
    ///   Cordon's own small files only.
    public static func archive(_ entries: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        precondition(entries.count < 0xFFFF, "StoredZip: too many entries")
        var out = [UInt8]()
        var directory = [UInt8]()
        for entry in entries {
            let name = Array(entry.name.utf8)
            precondition(name.count < 0xFFFF && entry.bytes.count < 0xFFFF_FFFF && out.count < 0xFFFF_FFFF,
                         "StoredZip: entry too large")
            let offset = UInt32(out.count)
            let crc = CRC32.checksum(entry.bytes)
            // Local file header: signature, version needed (1.0), flags (bit 11: UTF-8 names),
            // method 0 (stored), time, date, CRC, sizes, name length, no extra field.
            put32(0x0403_4B50, &out)
            putCommonFields(crc: crc, size: UInt32(entry.bytes.count), nameLength: UInt16(name.count), &out)
            out += name
            out += entry.bytes
            // Central directory entry: as above, plus made-by (3.0, MS-DOS), no comment, no
            // disk number, no attributes, and where the local header is.
            put32(0x0201_4B50, &directory)
            put16(30, &directory)
            putCommonFields(crc: crc, size: UInt32(entry.bytes.count), nameLength: UInt16(name.count), &directory)
            put16(0, &directory)
            put16(0, &directory)
            put16(0, &directory)
            put32(0, &directory)
            put32(offset, &directory)
            directory += name
        }
        precondition(out.count < 0xFFFF_FFFF && directory.count < 0xFFFF_FFFF, "StoredZip: archive too large")
        let directoryOffset = UInt32(out.count)
        out += directory
        // End of central directory: one disk, the entry count twice, its size and offset, no comment.
        put32(0x0605_4B50, &out)
        put16(0, &out)
        put16(0, &out)
        put16(UInt16(entries.count), &out)
        put16(UInt16(entries.count), &out)
        put32(UInt32(directory.count), &out)
        put32(directoryOffset, &out)
        put16(0, &out)
        return out
    }

    /// The fields a local header and a central directory entry share, in the same order:
    /// version needed (1.0), flags (bit 11: UTF-8 names), method 0 (stored), time, date, CRC,
    /// compressed and full size (equal, as nothing is compressed), name length, no extra field.
    private static func putCommonFields(crc: UInt32, size: UInt32, nameLength: UInt16, _ out: inout [UInt8]) {
        put16(10, &out)
        put16(0x0800, &out)
        put16(0, &out)
        put16(dosTime, &out)
        put16(dosDate, &out)
        put32(crc, &out)
        put32(size, &out)
        put32(size, &out)
        put16(nameLength, &out)
        put16(0, &out)
    }

    /// 00:00:00 in MS-DOS form.
    static let dosTime: UInt16 = 0
    /// 1980-01-01 in MS-DOS form: (year - 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = 1 << 5 | 1

    private static func put16(_ v: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    private static func put32(_ v: UInt32, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }
}

/// CRC-32 as zip, gzip and PNG use it (polynomial 0xEDB88320, reflected, inverted in and out).
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The checksum of `bytes`: `checksum(Array("123456789".utf8)) == 0xCBF43926`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
