import CGDAL
import Glibc

/// A zip or KMZ is refused when what it holds, unpacked, exceeds the limit: the sizes come from
/// the archive's directory, before anything is inflated.
enum ZipSize {
    static func check(_ vsiPath: String, limit: Int, source: SourceName) throws {
        guard let list = VSIReadDirRecursive(vsiPath) else {
            throw SourceError(source: source, "not a readable zip archive")
        }
        defer { CSLDestroy(list) }
        var total = 0, i = 0
        while let entry = list[i] {
            // GDAL's VSIStatBufL is stat64, laid out as stat on 64-bit Linux.
            var st = stat()
            let found = withUnsafeMutablePointer(to: &st) { VSIStatL(vsiPath + "/" + String(cString: entry), OpaquePointer($0)) }
            if found == 0, st.st_mode & S_IFMT != S_IFDIR {
                total += Int(clamping: st.st_size)
                if total > limit {
                    throw SourceError(source: source, "unpacks to more than the limit of \(limit >> 20) MiB")
                }
            }
            i += 1
        }
    }
}
