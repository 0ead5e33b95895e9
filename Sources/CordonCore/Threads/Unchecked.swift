/// A value handed to another thread whole: the sender no longer touches it, or it is only
/// read (GEOS geometries with their envelopes computed may be read and cloned from many
/// threads). The one wrapper for every such hand-over in the package.
package struct Unchecked<T>: @unchecked Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}
