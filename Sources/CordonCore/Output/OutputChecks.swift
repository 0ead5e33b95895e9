#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a command makes on its outputs before it computes anything, so a slip in `-o`
/// costs no work and destroys no file.
public enum OutputChecks {
    /// Throws when an output is one of the command's inputs: `cordon simulate s.yaml -o s.yaml`,
    /// or `cordon run scenario.yaml -o .` beside the scenario's own routes.geojson. Files are
    /// compared by identity (device and inode), so symbolic links, hard links and spellings
    /// such as `./` all count. Standard output (`-`), inputs from standard input, outputs that
    /// do not exist yet and anything that is not a regular file (/dev/null) never clash.
    /// - Throws: ``OutputReplacesInputError`` naming the output and the input.
    public static func refuseReplacing(inputs: [String], with outputs: [String]) throws {
        let known = inputs.compactMap { input in identity(input).map { (input, $0) } }
        for output in outputs {
            guard let id = identity(output) else { continue }
            if let (input, _) = known.first(where: { $0.1 == id }) {
                throw OutputReplacesInputError(output: output, input: input)
            }
        }
    }

    /// Throws when two outputs of one command are the same file, which the second would
    /// silently replace: `cordon simulate s.yaml -o out.csv --summary out.csv`.
    /// - Parameter outputs: each output with the option that names it (`-o`, `--summary`).
    /// - Throws: ``OutputGivenTwiceError``.
    public static func refuseDuplicates(_ outputs: [(option: String, path: String)]) throws {
        var seen: [(option: String, place: String)] = []
        for (option, path) in outputs where path != "-" {
            guard let place = place(path) else { continue }
            if let first = seen.first(where: { $0.place == place }) {
                throw OutputGivenTwiceError(path: path, first: first.option, second: option)
            }
            seen.append((option, place))
        }
    }

    /// Device and inode of a regular file that exists.
    private static func identity(_ path: String) -> [UInt64]? {
        guard path != "-" else { return nil }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    /// Where a file output will land: its real path, or its real folder and name when it does
    /// not exist yet. Nil for devices and pipes, which may take any number of outputs.
    private static func place(_ path: String) -> String? {
        var st = stat()
        if stat(path, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFREG else { return nil }
            return real(path) ?? path
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return (real(folder) ?? folder) + "/" + name
    }

    private static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// An output that would be written over one of the command's own inputs. Bad input: exit
/// status 2, one line naming both.
public struct OutputReplacesInputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The output as the user named it (for a folder of outputs: the file in it).
    public var output: String
    /// The input it is, as the command named it.
    public var input: String

    /// An error for `output`, which is the same file as `input`.
    public init(output: String, input: String) {
        self.output = output
        self.input = input
    }

    /// The one-line message: `OUTPUT: would replace the input INPUT; ...`.
    public var description: String {
        "\(output): would replace the input \(input); choose another output"
    }
}

/// Two outputs of one command that are the same file. Bad input: exit status 2.
public struct OutputGivenTwiceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file both options name, as the user gave it.
    public var path: String
    /// The first option that names it, such as `-o`.
    public var first: String
    /// The other option that names it, such as `--summary`.
    public var second: String

    /// An error for `path`, given to the options `first` and `second`.
    public init(path: String, first: String, second: String) {
        self.path = path
        self.first = first
        self.second = second
    }

    /// The one-line message: `PATH: given to both -o and --summary; ...`.
    public var description: String {
        "\(path): given to both \(first) and \(second); give each output its own file"
    }
}
