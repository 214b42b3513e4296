#if canImport(Glibc)
import Glibc
#endif

/// Set by the signal handler, read by the build between steps. A plain word written by a
/// signal handler and read by the program is the classic `sig_atomic_t` pattern.
nonisolated(unsafe) private var interruptCount: Int32 = 0

/// Ctrl-C handling for `latih build`: the first interrupt asks the build to stop at its
/// next step and clean up, so the previous site stays in place; a second one quits at once.
enum Interrupts {
    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in
            interruptCount += 1
            if interruptCount > 1 { _exit(130) }
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    static var requested: Bool { interruptCount > 0 }
}
