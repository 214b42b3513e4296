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

    @Test func alongsideRunsBothJobsAtOnceAndReturnsBothResults() {
        // Each job waits for the other to have started: run one after the other, they
        // would wait forever (the semaphores time out instead, and the test fails).
        let mainStarted = DispatchSemaphore(value: 0), sideStarted = DispatchSemaphore(value: 0)
        let (a, b) = ParallelWork.alongside({
            mainStarted.signal()
            let met = sideStarted.wait(timeout: .now() + 10) == .success
            return (met, Array(0..<200).parallelMap { $0 + 1 })
        }, {
            sideStarted.signal()
            let met = mainStarted.wait(timeout: .now() + 10) == .success
            return (met, Array(0..<200).parallelMap { $0 * 3 })
        })
        #expect(a.0 && b.0, "both jobs ran at the same time")
        #expect(a.1 == (0..<200).map { $0 + 1 })
        #expect(b.1 == (0..<200).map { $0 * 3 })
    }

    @Test func alongsideRunsInTurnWhenSerial() {
        let caller = pthread_self()
        let (a, b) = ParallelWork.serially {
            ParallelWork.alongside({ pthread_equal(pthread_self(), caller) != 0 }, { pthread_equal(pthread_self(), caller) != 0 })
        }
        #expect(a && b)
    }
}
