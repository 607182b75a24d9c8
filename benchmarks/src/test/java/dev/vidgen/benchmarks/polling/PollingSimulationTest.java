package dev.vidgen.benchmarks.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.await.PollingCadence;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness on a few tasks (milliseconds): the real awaiter sees every task complete, with the lag a strategy allows. */
class PollingSimulationTest {

    private final List<SimulatedTask> tasks = PollingSimulation.population(200, 11);

    @Test
    void aFixedIntervalDetectsEveryCompletionWithinOneInterval() {
        PollingSimulation.Outcome o = PollingSimulation.run("fixed6s", PollingCadence.fixed(Duration.ofSeconds(6)), tasks, 11);
        double meanDuration = tasks.stream().mapToDouble(t -> t.duration().toNanos() / 1e9).average().orElseThrow();
        assertThat(o.incomplete()).isZero();
        assertThat(o.maxLagSeconds()).isBetween(0.0, 6.0);
        assertThat(o.meanLagSeconds()).isBetween(1.5, 4.5);
        // a poll every 6 s from the submit to the first poll after completion
        assertThat(o.pollsPerTask()).isCloseTo(meanDuration / 6 + 0.5, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void theAdaptiveStrategyRunsToTheEndForEveryTask() {
        PollingSimulation.Outcome o = PollingSimulation.run("adaptive", PollingCadence.adaptive(), tasks, 11);
        assertThat(o.incomplete()).isZero();
        assertThat(o.pollsPerTask()).isGreaterThan(1);
        // the default longest interval is 30 s, so no completion can go unseen for longer
        assertThat(o.maxLagSeconds()).isBetween(0.0, 30.0 * 1.1);
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        assertThat(PollingSimulation.run("a", PollingCadence.adaptive(), tasks, 3))
                .isEqualTo(PollingSimulation.run("a", PollingCadence.adaptive(), tasks, 3));
    }
}
