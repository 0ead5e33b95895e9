import Foundation

/// `cordon-fuzz TARGET FILE...` replays saved inputs (a crash, the seed corpus) one by one.
/// Built by scripts/fuzz (`-sanitize=fuzzer`, `-DCORDON_FUZZING`), it hands its arguments to
/// libFuzzer instead, with the target named by `CORDON_FUZZ_TARGET`.
@main
enum Entry {
    static func main() {
        #if CORDON_FUZZING
        let name = ProcessInfo.processInfo.environment["CORDON_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else { usage("CORDON_FUZZ_TARGET=") }
        Fuzzing.target = target
        exit(Fuzzing.run())
        #else
        let args = CommandLine.arguments.dropFirst()
        guard let name = args.first, let target = FuzzTarget(rawValue: name) else { usage("cordon-fuzz ") }
        for path in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(1)
            }
            target.run([UInt8](data))
        }
        #endif
    }

    static func usage(_ prefix: String) -> Never {
        print("usage: \(prefix)\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) ...")
        exit(2)
    }
}
