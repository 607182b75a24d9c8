package dev.vidgen.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static List<String> seen(Lifecycle lifecycle, int queries) {
        return IntStream.rangeClosed(1, queries).mapToObj(n -> {
            Lifecycle.Snapshot s = lifecycle.at(n, Duration.ZERO);
            return s.status() + ":" + s.progress();
        }).toList();
    }

    @Test
    void eachStageIsSeenByOneQueryThenTheOutcome() {
        Lifecycle l = Lifecycle.builder().pending().processing(30).processing(70).completed();

        assertThat(seen(l, 5)).containsExactly("pending:0", "processing:30", "processing:70", "completed:100", "completed:100");
        assertThat(l.at(4, Duration.ZERO).outcome()).isEqualTo(Lifecycle.Outcome.COMPLETED);
        assertThat(l.at(3, Duration.ZERO).ended()).isFalse();
    }

    @Test
    void completedAfterPollsRepeatsTheLastStageUntilThen() {
        Lifecycle l = Lifecycle.builder().pending().processing(50).completedAfterPolls(5);

        assertThat(seen(l, 6)).containsExactly("pending:0", "processing:50", "processing:50", "processing:50", "completed:100", "completed:100");
    }

    @Test
    void completedAfterPollsSkipsStagesThatDoNotFit() {
        Lifecycle l = Lifecycle.builder().pending().processing(30).processing(70).completedAfterPolls(2);

        assertThat(seen(l, 2)).containsExactly("pending:0", "completed:100");
    }

    @Test
    void timeDrivenStagesShareTheTimeEvenly() {
        Lifecycle l = Lifecycle.builder().pending().processing(50).completedAfter(Duration.ofMinutes(2));

        assertThat(l.at(1, Duration.ZERO).status()).isEqualTo("pending");
        assertThat(l.at(1, Duration.ofSeconds(59)).status()).isEqualTo("pending");
        assertThat(l.at(1, Duration.ofSeconds(60)).progress()).isEqualTo(50);
        assertThat(l.at(99, Duration.ofSeconds(119)).status()).isEqualTo("processing"); // queries do not matter
        assertThat(l.at(1, Duration.ofSeconds(120)).status()).isEqualTo("completed");
    }

    @Test
    void typicalRisesInTenPercentSteps() {
        Lifecycle l = Lifecycle.typical(Duration.ofSeconds(10));

        List<Integer> progress = IntStream.range(0, 10).mapToObj(s -> l.at(1, Duration.ofSeconds(s)).progress()).toList();
        assertThat(progress).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(l.at(1, Duration.ofSeconds(10)).status()).isEqualTo("completed");
        assertThat(l.estimatedTime()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void failedCarriesTheCodeAndKeepsTheLastProgress() {
        Lifecycle l = Lifecycle.builder().processing(40).failed("generation_failed");

        Lifecycle.Snapshot s = l.at(2, Duration.ZERO);
        assertThat(s.status()).isEqualTo("failed");
        assertThat(s.progress()).isEqualTo(40);
        assertThat(s.error().code()).isEqualTo("generation_failed");
        assertThat(s.error().type()).isEqualTo("task_error");
        assertThat(Lifecycle.builder().failedAfter("late", Duration.ofSeconds(5)).at(1, Duration.ofSeconds(5)).error().code()).isEqualTo("late");
        assertThat(Lifecycle.builder().failedAfterPolls("third", 3).at(3, Duration.ZERO).status()).isEqualTo("failed");
    }

    @Test
    void cancelledAndUnknownStatuses() {
        Lifecycle l = Lifecycle.builder().status("queued", 0).cancelledAfterPolls(2);

        assertThat(seen(l, 2)).containsExactly("queued:0", "cancelled:0");
    }

    @Test
    void runsForeverNeverEnds() {
        Lifecycle l = Lifecycle.builder().pending().processing(99).runsForever();

        assertThat(l.at(1_000_000, Duration.ofDays(365)).status()).isEqualTo("processing");
        assertThat(l.at(1_000_000, Duration.ofDays(365)).ended()).isFalse();
        assertThat(Lifecycle.builder().runsForever().at(3, Duration.ZERO).status()).isEqualTo("pending");
    }

    @Test
    void badArgumentsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Lifecycle.builder().processing(101)).hasMessageContaining("0..100");
        assertThatThrownBy(() -> Lifecycle.builder().completedAfterPolls(0)).hasMessageContaining("starts at 1");
        assertThatThrownBy(() -> Lifecycle.builder().completedAfter(Duration.ofSeconds(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> Lifecycle.builder().resultCount(-1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Lifecycle.completedAtFirstPoll().at(0, Duration.ZERO)).hasMessageContaining("starts at 1");
    }
}
