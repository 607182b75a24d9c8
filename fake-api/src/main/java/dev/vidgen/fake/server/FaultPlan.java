package dev.vidgen.fake.server;

import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * What the fake API does wrong, programmed by a test: scripted faults for the next requests of a
 * route (in order, each used once), then random faults at a rate, plus two answer quirks. Thread-safe;
 * every method returns this plan, so calls chain.
 *
 * <pre>{@code
 * api.faults()
 *    .next(Route.SUBMIT, Fault.rateLimited(Duration.ofSeconds(1)), 2)   // two 429s with Retry-After: 1
 *    .next(Route.QUERY, Fault.status(503))                              // then one 503 on a query
 *    .next(Route.QUERY, Fault.reset())                                  // then a connection reset
 *    .completedWithoutResults(1)                                        // first "completed" answer has results []
 *    .unknownFields(true);                                              // every answer carries unknown fields
 * }</pre>
 */
public final class FaultPlan {

    private final Map<Route, Deque<Fault>> scripted = new EnumMap<>(Route.class);
    private final Object randomLock = new Object();
    private RandomFaults random;
    private Random generator;
    private volatile int emptyResults;
    private volatile boolean unknownFields;

    FaultPlan() {
        for (Route r : Route.values()) {
            scripted.put(r, new ConcurrentLinkedDeque<>());
        }
    }

    /** The next request of {@code route} (after those already scripted) gets {@code fault}. */
    public FaultPlan next(Route route, Fault fault) {
        return next(route, fault, 1);
    }

    /** The next {@code times} requests of {@code route} (after those already scripted) get {@code fault}. */
    public FaultPlan next(Route route, Fault fault, int times) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        Deque<Fault> queue = scripted.get(route);
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** Random faults for the requests no scripted fault takes; {@code null} switches them off. */
    public FaultPlan random(RandomFaults faults) {
        synchronized (randomLock) {
            this.random = faults;
            this.generator = faults == null ? null : faults.newRandom();
        }
        return this;
    }

    /**
     * The next {@code times} query answers that would say {@code completed} with results say it with
     * {@code "results": []} instead, as the real API sometimes does with {@code sync_upstream=true}.
     */
    public FaultPlan completedWithoutResults(int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must be >= 0, got " + times);
        }
        synchronized (this) {
            emptyResults += times;
        }
        return this;
    }

    /** Whether every JSON answer carries fields (top level and nested) that the API does not document. */
    public FaultPlan unknownFields(boolean on) {
        this.unknownFields = on;
        return this;
    }

    /** Forgets every scripted and random fault and both quirks. */
    public FaultPlan clear() {
        scripted.values().forEach(Deque::clear);
        random(null);
        synchronized (this) {
            emptyResults = 0;
        }
        unknownFields = false;
        return this;
    }

    /** The scripted faults not used yet, per route, in order. */
    public Map<Route, List<Fault>> pending() {
        Map<Route, List<Fault>> copy = new EnumMap<>(Route.class);
        scripted.forEach((r, q) -> {
            if (!q.isEmpty()) {
                copy.put(r, new ArrayList<>(q));
            }
        });
        return copy;
    }

    /** How many "completed without results" answers are still to come. */
    public int pendingEmptyResults() {
        return emptyResults;
    }

    /** Whether answers carry unknown fields. */
    public boolean unknownFields() {
        return unknownFields;
    }

    /** The fault for one arriving request, or {@code null}: scripted first, then random. */
    Fault take(Route route) {
        Fault f = scripted.get(route).pollFirst();
        if (f != null) {
            return f;
        }
        synchronized (randomLock) {
            return random == null ? null : random.draw(route, generator);
        }
    }

    /** Uses up one "completed without results", if any is left. */
    synchronized boolean takeEmptyResults() {
        if (emptyResults > 0) {
            emptyResults--;
            return true;
        }
        return false;
    }
}
