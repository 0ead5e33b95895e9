import CGDAL

/// GDAL's process-wide set-up and its error stack, kept out of sight of callers.
///
/// GDAL keeps an error handler stack per thread: every call here pushes a handler that
/// collects GDAL's messages instead of printing them, so a failure reports GDAL's own words
/// in one line and warnings can be counted. No GDAL pointer leaves this module.
enum GDALCalls {
    /// Registers the drivers once, and keeps GDAL off the network and off files it was not given.
    private static let setUp: Void = {
        // Sibling files (.prj, .dbf) are found by GDAL itself; nothing else is read.
        CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "NO")
        // A source named by a URL would fetch it: Cordon reads local files and databases only.
        CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1")
        CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", "none")
        GDALAllRegister()
    }()

    /// The messages GDAL raised during one call.
    final class Messages {
        var errors: [String] = []
        var warnings: [String] = []
        /// GDAL's last error text, or a fallback when it gave none.
        func reason(_ fallback: String) -> String { errors.last.map(Self.oneLine) ?? fallback }
        static func oneLine(_ s: String) -> String {
            s.split(whereSeparator: { $0.isNewline || $0 == "\t" || $0 == " " }).joined(separator: " ").trimmingTrailingDot()
        }
    }

    /// Runs `body` with GDAL's messages collected instead of printed.
    static func capturing<T>(_ body: (Messages) throws -> T) rethrows -> T {
        _ = setUp
        let messages = Messages()
        let box = Unmanaged.passRetained(messages)
        CPLPushErrorHandlerEx({ level, _, text in
            guard let data = CPLGetErrorHandlerUserData() else { return }
            let m = Unmanaged<Messages>.fromOpaque(data).takeUnretainedValue()
            let line = text.map { String(cString: $0) } ?? ""
            if level.rawValue >= CE_Failure.rawValue { m.errors.append(line) } else if level == CE_Warning { m.warnings.append(line) }
        }, box.toOpaque())
        CPLErrorReset()
        defer {
            CPLPopErrorHandler()
            box.release()
        }
        return try body(messages)
    }

    /// A C string list (`char **`) for GDAL's options, freed after `body`.
    static func withOptions<T>(_ options: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> T) rethrows -> T {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for o in options { list = CSLAddString(list, o) }
        defer { CSLDestroy(list) }
        return try body(list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) })
    }
}

extension String {
    fileprivate func trimmingTrailingDot() -> String {
        hasSuffix(".") ? String(dropLast()) : self
    }
}

/// The GDAL this build runs on, for `cordon --version`.
public enum GDALLibrary {
    /// GDAL's release name, such as `3.6.2`.
    public static var version: String {
        GDALVersionInfo("RELEASE_NAME").map { String(cString: $0) } ?? "unknown"
    }
}
