package cn.gov.wenzhou.kjj.bench;

import java.time.Duration;

/**
 * How much of everything is measured. The defaults fit the harness in about six minutes on two cores (figure 6 takes
 * at most {@code latencySeconds} of samples, at least 50); {@code --quick} is a smoke test of the harness itself and
 * its figures mean nothing.
 */
record Settings(int rounds, Duration roundLength, Duration warmUp, int aggregateEvents, int loadWarmUp,
                int loadRepeats, int snapshotLoadRepeats, int replayEvents, int rebuildRepeats, int latencyWarmUp,
                int latencySamples, int latencySeconds, int startupRuns) {

    static Settings defaults() {
        return new Settings(5, Duration.ofSeconds(2), Duration.ofSeconds(3), 10_000, 1, 5, 50, 20_000, 3, 20, 200, 60, 2);
    }

    static Settings quick() {
        return new Settings(2, Duration.ofSeconds(1), Duration.ofSeconds(1), 2_000, 1, 3, 10, 5_000, 2, 5, 30, 20, 1);
    }

    Settings withStartupRuns(int runs) {
        return new Settings(rounds, roundLength, warmUp, aggregateEvents, loadWarmUp, loadRepeats,
                snapshotLoadRepeats, replayEvents, rebuildRepeats, latencyWarmUp, latencySamples, latencySeconds, runs);
    }

    Settings withRounds(int count) {
        return new Settings(count, roundLength, warmUp, aggregateEvents, loadWarmUp, loadRepeats,
                snapshotLoadRepeats, replayEvents, count, latencyWarmUp, latencySamples, latencySeconds, startupRuns);
    }

    Settings withReplayEvents(int events) {
        return new Settings(rounds, roundLength, warmUp, aggregateEvents, loadWarmUp, loadRepeats,
                snapshotLoadRepeats, events, rebuildRepeats, latencyWarmUp, latencySamples, latencySeconds, startupRuns);
    }
}
