package dev.vidgen.client.internal;

import dev.vidgen.client.CallOptions;
import dev.vidgen.ports.CallSettings;
import java.time.Duration;

/** Maps the user's {@link CallOptions} to the task port's own {@link CallSettings}. Not API. */
public final class Calls {

    private Calls() {
    }

    /** The port's settings for these options ({@code null}: the defaults). */
    public static CallSettings toPort(CallOptions options) {
        CallOptions o = options == null ? CallOptions.defaults() : options;
        return new CallSettings(o.attemptTimeout().orElse(null), o.callTimeout().orElse(null), o.syncUpstream());
    }

    /** The port's settings for these options, with the whole-call timeout cut to at most {@code cap}. */
    public static CallSettings toPort(CallOptions options, Duration cap, boolean syncUpstream) {
        CallOptions o = options == null ? CallOptions.defaults() : options;
        Duration call = o.callTimeout().filter(d -> d.compareTo(cap) < 0).orElse(cap);
        return new CallSettings(o.attemptTimeout().orElse(null), call, syncUpstream);
    }
}
