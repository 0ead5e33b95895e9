/// Cordon's release, as `cordon --version` prints it and `summary.json` could cite it.
public enum CordonVersion {
    /// Semantic version of the package: the command line, the libraries and the file formats.
    public static let current = "0.4.0"
}
