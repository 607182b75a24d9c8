package dev.vidgen.benchmarks.polling;

import java.util.Random;

/**
 * A log-normal distribution: {@code exp(mu + sigma * Z)} with {@code Z} standard normal.
 *
 * @param mu    the mean of the logarithm ({@code ln} of the median)
 * @param sigma the standard deviation of the logarithm, positive
 */
public record LogNormal(double mu, double sigma) {

    /** The standard normal's 95th percentile. */
    static final double Z95 = 1.6448536269514722;

    public LogNormal {
        if (!(sigma > 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("need a finite mu and sigma > 0, got mu=" + mu + ", sigma=" + sigma);
        }
    }

    /** The distribution with this median and this 5th percentile (which must be below the median). */
    public static LogNormal ofMedianAndP5(double median, double p5) {
        if (!(median > 0) || !(p5 > 0) || !(p5 < median)) {
            throw new IllegalArgumentException("need 0 < p5 < median, got p5=" + p5 + ", median=" + median);
        }
        return new LogNormal(Math.log(median), Math.log(median / p5) / Z95);
    }

    /** The median, {@code exp(mu)}. */
    public double median() {
        return Math.exp(mu);
    }

    /** The quantile at {@code z} standard deviations ({@code -Z95} is the 5th percentile, {@code +Z95} the 95th). */
    public double atZ(double z) {
        return Math.exp(mu + sigma * z);
    }

    /** The mean, {@code exp(mu + sigma^2 / 2)}. */
    public double mean() {
        return Math.exp(mu + sigma * sigma / 2);
    }

    /** One sample. */
    public double sample(Random random) {
        return Math.exp(mu + sigma * random.nextGaussian());
    }
}
