package dev.vidgen.fake.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A {@link Clock} view of a {@link VirtualTime}, for code that takes a clock. */
final class VirtualClock extends Clock {
    private final VirtualTime time;
    private final ZoneId zone;

    VirtualClock(VirtualTime time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new VirtualClock(time, other);
    }

    @Override
    public Instant instant() {
        return time.now();
    }
}
