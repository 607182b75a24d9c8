package dev.vidgen.benchmarks.polling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedTaskTest {

    private static final Instant T0 = Instant.parse("2025-09-06T13:23:51Z");

    @Test
    void progressIsQueuedThenRisesUnevenlyThenStallsBelowOneHundredUntilCompletion() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            Duration duration = Duration.ofMillis(5_000 + random.nextInt(600_000));
            SimulatedTask task = SimulatedTask.draw(T0, duration, random);
            assertThat(task.pendingAt(T0)).isTrue();
            assertThat(task.percentAt(T0)).isZero();
            int previous = 0;
            for (int step = 1; step < 200; step++) {
                Instant at = T0.plus(duration.multipliedBy(step).dividedBy(200));
                int percent = task.percentAt(at);
                assertThat(percent).isGreaterThanOrEqualTo(previous).isBetween(0, 99);
                assertThat(task.pendingAt(at)).isEqualTo(percent == 0);
                previous = percent;
            }
            assertThat(previous).as("the stall level").isBetween(80, 99);
            assertThat(task.completedAt(task.completesAt().minusNanos(1))).isFalse();
            assertThat(task.completedAt(task.completesAt())).isTrue();
            assertThat(task.percentAt(task.completesAt())).isEqualTo(100);
            double factor = task.estimate().toSeconds() / (duration.toNanos() / 1e9);
            assertThat(task.estimate().toSeconds()).isPositive();
            assertThat(factor).isBetween(0.5 - 1 / (duration.toNanos() / 1e9), 1.5 + 1 / (duration.toNanos() / 1e9));
        }
    }

    @Test
    void theSensitivityVariantsKeepTheTaskButChangeOnlyItsProgress() {
        SimulatedTask task = SimulatedTask.draw(T0, Duration.ofSeconds(100), new Random(3));
        SimulatedTask linear = task.withLinearProgress();
        SimulatedTask none = task.withoutProgress();
        for (SimulatedTask t : new SimulatedTask[] {linear, none}) {
            assertThat(t.completesAt()).isEqualTo(task.completesAt());
            assertThat(t.estimate()).isEqualTo(task.estimate());
        }
        assertThat(linear.pendingAt(T0.plusNanos(task.changeOffsets()[0] - 1))).isTrue();
        assertThat(linear.percentAt(T0.plusSeconds(100).minusMillis(1))).isEqualTo(99);
        assertThat(linear.percentAt(T0.plusSeconds(60))).isGreaterThan(linear.percentAt(T0.plusSeconds(50)));
        assertThat(none.percentAt(T0.plusSeconds(100).minusMillis(1))).isZero();
        assertThat(none.pendingAt(T0.plusSeconds(99))).isTrue();
    }

    @Test
    void theSamePopulationComesFromTheSameSeed() {
        assertThat(PollingSimulation.population(200, 5)).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(PollingSimulation.population(200, 5));
        assertThat(PollingSimulation.population(50, 5).get(0).duration())
                .isNotEqualTo(PollingSimulation.population(50, 6).get(0).duration());
    }
}
