package dev.vidgen.fake.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the fake API received: a counter per route and method, and the requests themselves (the
 * first {@link #MAX_RECORDED}; the counters keep counting), with the key masked. Thread-safe.
 */
final class RequestLog {

    /** The log keeps at most this many requests, so soak tests stay bounded in memory. */
    static final int MAX_RECORDED = 10_000;

    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final List<RecordedRequest> recorded = new ArrayList<>();

    /** Counts and records one arriving request. */
    void record(Instant at, Exchange ex, String method, Route route, boolean authorized, Fault fault) {
        counters.computeIfAbsent(key(route, method), k -> new AtomicInteger()).incrementAndGet();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.headers.forEach((k, v) -> headers.put(k, k.equalsIgnoreCase("Authorization") ? List.of("Bearer ***") : v));
        RecordedRequest r = new RecordedRequest(at, method, route, ex.path, ex.rawQuery,
                Collections.unmodifiableMap(headers), ex.body, authorized, fault);
        synchronized (recorded) {
            if (recorded.size() < MAX_RECORDED) {
                recorded.add(r);
            }
        }
    }

    int count(Route route) {
        return counters.entrySet().stream().filter(e -> e.getKey().startsWith(route.name() + " "))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    int count(Route route, String method) {
        AtomicInteger n = counters.get(key(route, method));
        return n == null ? 0 : n.get();
    }

    Map<String, Integer> counters() {
        Map<String, Integer> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    void clear() {
        counters.clear();
        synchronized (recorded) {
            recorded.clear();
        }
    }

    private static String key(Route route, String method) {
        return route.name() + " " + method.toUpperCase(Locale.ROOT);
    }
}
