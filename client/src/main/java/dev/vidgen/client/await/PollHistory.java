package dev.vidgen.client.await;

import dev.vidgen.domain.task.VideoTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a wait has observed so far, condensed to what a {@link PollingCadence} needs: the input
 * of its pure function. Immutable; {@link #observe} and {@link #at} return new histories, so a
 * simulation can replay a task in virtual time without a scheduler.
 *
 * <p>Progress is kept as two samples, which is enough for a robust rate: the {@link #baseline()}
 * (the last time the task was seen at the lowest percent so far, so queue time before the task
 * started moving is not counted) and the {@link #latestChange()} (the first time the current
 * percent was seen).
 *
 * @param startedAt     when the wait began
 * @param now           the instant the history describes
 * @param polls         how many task queries the wait has made (answered or not)
 * @param latest        the latest snapshot, or {@code null} before the first one
 * @param estimatedTime the server's latest estimate of the task's total run time, or {@code null}
 * @param baseline      see above, or {@code null} when no percent was seen
 * @param latestChange  see above, or {@code null} when no percent was seen
 */
public record PollHistory(Instant startedAt, Instant now, int polls, VideoTask latest, Duration estimatedTime,
                          ProgressSample baseline, ProgressSample latestChange) {

    /**
     * One observed percent.
     *
     * @param at      when it was observed
     * @param percent 0 to 100
     */
    public record ProgressSample(Instant at, int percent) {
        public ProgressSample {
            Objects.requireNonNull(at, "at must not be null");
        }
    }

    /**
     * The oldest creation time believed: a task older than this at the start of a wait (or one
     * created in the future) has a {@code created} the server got wrong, and no ETA is derived from it.
     */
    public static final Duration MAX_PLAUSIBLE_TASK_AGE = Duration.ofHours(6);

    public PollHistory {
        Objects.requireNonNull(startedAt, "startedAt must not be null");
        Objects.requireNonNull(now, "now must not be null");
        if (polls < 0) {
            throw new IllegalArgumentException("polls must be >= 0, got " + polls);
        }
    }

    /** The history of a wait that begins at {@code startedAt} knowing nothing about the task. */
    public static PollHistory begin(Instant startedAt) {
        return new PollHistory(startedAt, startedAt, 0, null, null, null, null);
    }

    /** This history at another instant (nothing new observed). */
    public PollHistory at(Instant instant) {
        return new PollHistory(startedAt, instant, polls, latest, estimatedTime, baseline, latestChange);
    }

    /** This history with one more query made (whether or not it was answered). */
    public PollHistory withPoll() {
        return new PollHistory(startedAt, now, polls + 1, latest, estimatedTime, baseline, latestChange);
    }

    /**
     * This history having seen {@code task} at {@code at}. A task without a percent keeps the
     * progress samples; a percent lower than the baseline (the server went back) restarts them.
     */
    public PollHistory observe(VideoTask task, Instant at) {
        Objects.requireNonNull(task, "task must not be null");
        Objects.requireNonNull(at, "at must not be null");
        Duration estimate = task.estimatedTime() != null ? task.estimatedTime() : estimatedTime;
        ProgressSample base = baseline;
        ProgressSample change = latestChange;
        Integer p = task.progress();
        if (p != null) {
            int percent = Math.max(0, Math.min(100, p));
            ProgressSample sample = new ProgressSample(at, percent);
            if (base == null || percent < base.percent()) {
                // first percent seen: when it is above 0 and the creation time is known, the task
                // moved from 0 since then, which gives a rate after a single poll
                Instant created = task.createdAt();
                if (base == null && percent > 0 && plausibleCreation(created, at) && created.isBefore(at)) {
                    base = new ProgressSample(created, 0);
                    change = sample;
                } else {
                    base = sample;
                    change = sample;
                }
            } else if (percent == base.percent()) {
                base = sample;
                change = change.percent() == percent ? change : sample;
            } else if (change.percent() != percent) {
                change = sample;
            }
        }
        return new PollHistory(startedAt, at, polls, task, estimate, base, change);
    }

    /** Time since the wait began. */
    public Duration elapsed() {
        return nonNegative(Duration.between(startedAt, now));
    }

    /**
     * When the task began, as far as the wait can tell: the server's creation time when it is
     * known, before the start of the wait (clocks differ) and plausible (at most
     * {@link #MAX_PLAUSIBLE_TASK_AGE} earlier), else the start of the wait.
     */
    public Instant origin() {
        Instant created = latest == null ? null : latest.createdAt();
        return plausibleCreation(created, startedAt) && created.isBefore(startedAt) ? created : startedAt;
    }

    /** Whether a creation time seen at {@code at} can be true: not in the future, not older than {@link #MAX_PLAUSIBLE_TASK_AGE}. */
    static boolean plausibleCreation(Instant created, Instant at) {
        return created != null && !created.isAfter(at) && Duration.between(created, at).compareTo(MAX_PLAUSIBLE_TASK_AGE) <= 0;
    }

    /** Time since {@link #origin()}. */
    public Duration taskAge() {
        return nonNegative(Duration.between(origin(), now));
    }

    /**
     * When the task should end, or {@code null} when there is no basis for a guess. In order of
     * preference: the observed progress rate (percent gained between {@link #baseline()} and
     * {@link #latestChange()}, extrapolated to 100 from the latest change), then the server's
     * estimated time counted from {@link #origin()}. May lie in the past: the task is overdue.
     */
    public Instant expectedEnd() {
        if (baseline != null && latestChange != null && latestChange.percent() > baseline.percent()
                && latestChange.at().isAfter(baseline.at())) {
            double seconds = secondsBetween(baseline.at(), latestChange.at());
            double perSecond = (latestChange.percent() - baseline.percent()) / seconds;
            double remaining = (100 - latestChange.percent()) / perSecond;
            return latestChange.at().plusNanos((long) Math.min(remaining * 1e9, 1e15));
        }
        if (estimatedTime != null) {
            return origin().plus(estimatedTime);
        }
        return null;
    }

    /**
     * The estimated time until the task ends: zero for a terminal or overdue task, {@code null}
     * when {@link #expectedEnd()} has no basis.
     */
    public Duration eta() {
        if (latest != null && latest.isTerminal()) {
            return Duration.ZERO;
        }
        Instant end = expectedEnd();
        return end == null ? null : nonNegative(Duration.between(now, end));
    }

    private static double secondsBetween(Instant a, Instant b) {
        return Duration.between(a, b).toNanos() / 1e9;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
