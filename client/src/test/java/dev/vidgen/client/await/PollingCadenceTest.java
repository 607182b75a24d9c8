package dev.vidgen.client.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.testsupport.Snapshots;
import dev.vidgen.domain.task.VideoTask;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollingCadenceTest {

    private static final Instant T0 = Instant.parse("2025-09-06T13:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);
    private static final double NO_JITTER = 0.5;

    private static VideoTask snap(String status, Integer progress, Long estimated, Instant at) {
        Snapshots s = Snapshots.of("task-unified-1757165031-uyujaw3d").status(status).progress(progress).createdAt(T0).at(at);
        if (estimated != null) {
            s.estimatedSeconds(estimated);
        }
        return s.build();
    }

    private static Duration delay(PollHistory h) {
        return AdaptivePolling.defaults().nextDelay(h, MIN, MAX, NO_JITTER);
    }

    @Test
    void firstPollIsSixtyPercentOfTheEstimateWithinTheBounds() {
        PollHistory h45 = PollHistory.begin(T0).observe(snap("pending", 0, 45L, T0), T0);
        PollHistory h300 = PollHistory.begin(T0).observe(snap("pending", 0, 300L, T0), T0);
        PollHistory h1 = PollHistory.begin(T0).observe(snap("pending", 0, 1L, T0), T0);

        assertThat(delay(h45)).isEqualTo(Duration.ofMillis(27_000));
        assertThat(delay(h300)).isEqualTo(MAX);
        assertThat(delay(h1)).isEqualTo(MIN);
    }

    @Test
    void aTaskAtEightyPercentOrMoreSleepsAtMostOnePointFivePercentOfItsAge() {
        // 0% at t0, 50% at 100 s, 90% at 200 s: the rate says 25 s to go, 60% of it is 15 s;
        // at 90% the sleep is capped at 1.5% of the 200 s age: 3 s
        PollHistory finishing = fiftyAtOneHundredSecondsThen(90);
        // the same task at 79%: no near-end cap, 60% of the 53 s the rate predicts (under the 15%-of-age cap of 30 s)
        PollHistory notYet = fiftyAtOneHundredSecondsThen(79);

        assertThat(delay(finishing)).isEqualTo(Duration.ofSeconds(3));
        assertThat(delay(notYet).toMillis()).isGreaterThan(10_000);
    }

    /** 0% at t0, 50% at 100 s, then {@code percent} at 200 s. */
    private static PollHistory fiftyAtOneHundredSecondsThen(int percent) {
        return PollHistory.begin(T0)
                .observe(snap("pending", 0, 600L, T0), T0)
                .observe(snap("processing", 50, null, T0.plusSeconds(100)), T0.plusSeconds(100))
                .observe(snap("processing", percent, null, T0.plusSeconds(200)), T0.plusSeconds(200));
    }

    @Test
    void etaComesFromTheProgressRateOnceTheTaskMoves() {
        // 0% at t0, 20% at 40 s, 40% at 80 s: 0.5%/s, so 60% left takes 120 s
        PollHistory h = PollHistory.begin(T0)
                .observe(snap("pending", 0, 600L, T0), T0)
                .observe(snap("processing", 20, null, T0.plusSeconds(40)), T0.plusSeconds(40))
                .observe(snap("processing", 40, null, T0.plusSeconds(80)), T0.plusSeconds(80));

        assertThat(h.eta()).isEqualTo(Duration.ofSeconds(120));
        // 10 s later with no news, 10 s less to go
        assertThat(h.at(T0.plusSeconds(90)).eta()).isEqualTo(Duration.ofSeconds(110));
        // the server's 600 s estimate is ignored once a rate is known; 60% of the 110 s left is 66 s, but a task
        // that reports progress sleeps at most 15% of its age (90 s): 13.5 s
        assertThat(delay(h.at(T0.plusSeconds(90)))).isEqualTo(Duration.ofMillis(13_500));
        // 10 s before the predicted end: 60% of it
        assertThat(delay(h.at(T0.plusSeconds(190)))).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void queueTimeBeforeTheTaskMovesIsNotCountedInTheRate() {
        // pending at 0% for 100 s, then 10% after 10 more seconds: 1%/s
        PollHistory h = PollHistory.begin(T0)
                .observe(snap("pending", 0, null, T0), T0)
                .observe(snap("pending", 0, null, T0.plusSeconds(100)), T0.plusSeconds(100))
                .observe(snap("processing", 10, null, T0.plusSeconds(110)), T0.plusSeconds(110));

        assertThat(h.eta()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aSinglePercentGivesARateFromTheCreationTime() {
        Instant at = T0.plusSeconds(30);
        PollHistory h = PollHistory.begin(T0.plusSeconds(10)).observe(snap("processing", 25, null, at), at);

        assertThat(h.origin()).isEqualTo(T0);
        assertThat(h.eta()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void withoutAnEtaTheDelayGrowsWithTheTaskAge() {
        PollHistory h = PollHistory.begin(T0).observe(snap("processing", null, null, T0), T0);

        assertThat(h.eta()).isNull();
        assertThat(delay(h)).isEqualTo(MIN);
        assertThat(delay(h.at(T0.plusSeconds(50)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(delay(h.at(T0.plusSeconds(3600)))).isEqualTo(MAX);
    }

    @Test
    void pastTheExpectedEndTheDelayGrowsWithTheTimeOverdue() {
        PollHistory h = PollHistory.begin(T0).observe(snap("processing", null, 45L, T0), T0);

        assertThat(h.at(T0.plusSeconds(60)).eta()).isZero();
        assertThat(delay(h.at(T0.plusSeconds(46)))).isEqualTo(MIN);
        assertThat(delay(h.at(T0.plusSeconds(60)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(delay(h.at(T0.plusSeconds(145)))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aStalledTaskIsPolledLessAndLessOften() {
        // 10% -> 20% in 10 s predicts the end 80 s later; then nothing moves
        PollHistory h = PollHistory.begin(T0)
                .observe(snap("processing", 10, null, T0), T0)
                .observe(snap("processing", 20, null, T0.plusSeconds(10)), T0.plusSeconds(10));

        assertThat(h.expectedEnd()).isEqualTo(T0.plusSeconds(90));
        assertThat(delay(h.at(T0.plusSeconds(91)))).isEqualTo(MIN);
        assertThat(delay(h.at(T0.plusSeconds(140)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(delay(h.at(T0.plusSeconds(500)))).isEqualTo(MAX);
    }

    @Test
    void terminalTaskHasZeroEta() {
        PollHistory h = PollHistory.begin(T0).observe(snap("completed", 100, 45L, T0), T0);
        assertThat(h.eta()).isZero();
    }

    @Test
    void jitterSpreadsTheDelayByAtMostTenPercentAndKeepsTheBounds() {
        PollHistory h = PollHistory.begin(T0).observe(snap("pending", 0, 40L, T0), T0);
        AdaptivePolling p = AdaptivePolling.defaults();

        assertThat(p.nextDelay(h, MIN, MAX, 0.0)).isEqualTo(Duration.ofMillis(21_600));
        assertThat(p.nextDelay(h, MIN, MAX, 0.999999)).isBetween(Duration.ofMillis(26_399), Duration.ofMillis(26_400));
        // at the max bound jitter can only shorten
        PollHistory longTask = PollHistory.begin(T0).observe(snap("pending", 0, 3000L, T0), T0);
        assertThat(p.nextDelay(longTask, MIN, MAX, 0.999999)).isEqualTo(MAX);
        assertThat(p.nextDelay(longTask, MIN, MAX, 0.0)).isEqualTo(Duration.ofSeconds(27));
    }

    @Test
    void fixedPollingIgnoresEverythingButItsInterval() {
        PollHistory h = PollHistory.begin(T0).observe(snap("pending", 0, 45L, T0), T0);

        assertThat(PollingCadence.fixed(Duration.ofMillis(500)).nextDelay(h, MIN, MAX, 0.9)).isEqualTo(Duration.ofMillis(500));
        assertThat(PollingCadence.fixed(Duration.ofSeconds(60)).nextDelay(h, MIN, MAX, 0.1)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        assertThatThrownBy(() -> PollingCadence.fixed(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval must be positive");
        assertThatThrownBy(() -> new AdaptivePolling(0, 0.2, 0.1)).hasMessageContaining("etaFraction");
        assertThatThrownBy(() -> new AdaptivePolling(0.5, 1.5, 0.1)).hasMessageContaining("ageFraction");
        assertThatThrownBy(() -> new AdaptivePolling(0.5, 0.2, 1)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> AwaitOptions.builder().minInterval(Duration.ofSeconds(5)).maxInterval(Duration.ofSeconds(1)).build())
                .hasMessageContaining("minInterval <= maxInterval");
    }

    @Test
    void noEtaIsDerivedFromACreationTimeFarInThePastOrInTheFuture() {
        // created 1000 h before the first look at 1%: a rate from it would say "ETA 99000 h"
        Instant now = T0.plus(Duration.ofHours(1000));
        VideoTask ancient = Snapshots.of("task-unified-1757165031-uyujaw3d").status("processing").progress(1)
                .createdAt(T0).at(now).build();
        PollHistory old = PollHistory.begin(now).observe(ancient, now);
        assertThat(old.eta()).isNull();
        assertThat(old.origin()).isEqualTo(now);

        VideoTask future = Snapshots.of("task-unified-1757165031-uyujaw3d").status("processing").progress(10).estimatedSeconds(100)
                .createdAt(T0.plus(Duration.ofDays(30))).at(T0).build();
        PollHistory ahead = PollHistory.begin(T0).observe(future, T0);
        assertThat(ahead.origin()).isEqualTo(T0);
        assertThat(ahead.eta()).isEqualTo(Duration.ofSeconds(100));
    }
}
