package dev.vidgen.fake.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Faults that hit at random, each at its own rate, from a seeded generator: for soak tests.
 * Immutable; {@link #rate} returns a new instance. With concurrent clients the order of requests,
 * and so which request draws which number, is not reproducible; the rates are.
 *
 * <pre>{@code
 * api.faults().random(RandomFaults.seeded(42)
 *         .rate(Route.QUERY, Fault.status(503), 0.05)
 *         .rate(Route.QUERY, Fault.reset(), 0.01)
 *         .rate(Route.SUBMIT, Fault.rateLimited(Duration.ofSeconds(1)), 0.02));
 * }</pre>
 */
public final class RandomFaults {

    /**
     * One fault and how often it hits.
     *
     * @param route       the route it applies to
     * @param fault       the fault
     * @param probability 0 to 1, per request of that route
     */
    public record Rate(Route route, Fault fault, double probability) {
        public Rate {
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(fault, "fault");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be within 0..1, got " + probability);
            }
        }
    }

    private final long seed;
    private final List<Rate> rates;

    private RandomFaults(long seed, List<Rate> rates) {
        this.seed = seed;
        this.rates = List.copyOf(rates);
    }

    /** No faults yet, drawn from a generator seeded with {@code seed}. */
    public static RandomFaults seeded(long seed) {
        return new RandomFaults(seed, List.of());
    }

    /** These faults and {@code fault} on {@code route} with {@code probability} per request. */
    public RandomFaults rate(Route route, Fault fault, double probability) {
        List<Rate> more = new ArrayList<>(rates);
        more.add(new Rate(route, fault, probability));
        return new RandomFaults(seed, more);
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Every rate, in the order they are drawn. */
    public List<Rate> rates() {
        return rates;
    }

    /** A generator for one run of these faults. */
    Random newRandom() {
        return new Random(seed);
    }

    /** Draws for one request: the first rate of the route whose draw hits, or {@code null}. One draw per rate of the route. */
    Fault draw(Route route, Random random) {
        Fault hit = null;
        for (Rate r : rates) {
            if (r.route() == route) {
                double x = random.nextDouble();
                if (hit == null && x < r.probability()) {
                    hit = r.fault();
                }
            }
        }
        return hit;
    }

    @Override
    public String toString() {
        return "RandomFaults[seed=" + seed + ", " + rates + "]";
    }
}
