import Foundation
import Testing
@testable import LatihParallel

@Suite struct ParallelMapTests {
    @Test func keepsInputOrder() {
        let input = Array(0..<1000)
        #expect(input.parallelMap { $0 * 2 } == input.map { $0 * 2 })
    }

    @Test func seriallyRunsEveryTransformOnTheCallingThread() {
        // Each item takes a moment, so that without `serially` the dispatch pool's other
        // threads take some of them (on a machine with more than one core).
        let caller = pthread_self()
        let onCaller = ParallelWork.serially {
            Array(0..<100).parallelMap { _ in usleep(500); return pthread_equal(pthread_self(), caller) != 0 }
        }
        #expect(onCaller.allSatisfy { $0 })
        #expect(!ParallelWork.isSerial, "the mode ends with the call")
    }
}
