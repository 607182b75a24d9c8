package dev.vidgen.client.await;

import java.time.Duration;
import java.util.Objects;

/**
 * Polls at a fixed interval; see {@link PollingCadence#fixed(Duration)}.
 *
 * @param interval the time between two polls, positive
 */
public record FixedPolling(Duration interval) implements PollingCadence {

    public FixedPolling {
        Objects.requireNonNull(interval, "interval must not be null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("fixed polling interval must be positive, got " + interval);
        }
    }

    @Override
    public Duration nextDelay(PollHistory history, Duration minInterval, Duration maxInterval, double random) {
        return interval;
    }
}
