package dev.vidgen.benchmarks.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogNormalTest {

    private final LogNormal durations = PollingSimulation.DURATIONS;

    @Test
    void theIssuesDistributionHasItsQuantilesWhereTheIssueSays() {
        assertThat(durations.median()).isCloseTo(90, within(1e-9));
        assertThat(durations.atZ(-LogNormal.Z95)).isCloseTo(20, within(1e-9));
        // "roughly 400 s at the 95th percentile"
        assertThat(durations.atZ(LogNormal.Z95)).isBetween(380.0, 430.0);
    }

    @Test
    void samplesHaveTheAnalyticQuantiles() {
        Random random = new Random(42);
        double[] samples = new double[200_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = durations.sample(random);
        }
        Arrays.sort(samples);
        assertThat(PollingSimulation.percentile(samples, 0.05)).isCloseTo(20, within(20 * 0.02));
        assertThat(PollingSimulation.percentile(samples, 0.50)).isCloseTo(90, within(90 * 0.02));
        assertThat(PollingSimulation.percentile(samples, 0.95)).isCloseTo(durations.atZ(LogNormal.Z95), within(405 * 0.02));
        assertThat(Arrays.stream(samples).average().orElseThrow()).isCloseTo(durations.mean(), within(durations.mean() * 0.02));
    }

    @Test
    void rejectsAFifthPercentileAboveTheMedian() {
        assertThatThrownBy(() -> LogNormal.ofMedianAndP5(90, 120)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p5=120.0");
    }

    @Test
    void percentileIsNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(PollingSimulation.percentile(sorted, 0.95)).isEqualTo(10);
        assertThat(PollingSimulation.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(PollingSimulation.percentile(sorted, 0.0)).isEqualTo(1);
        assertThat(PollingSimulation.percentile(new double[0], 0.5)).isNaN();
    }
}
