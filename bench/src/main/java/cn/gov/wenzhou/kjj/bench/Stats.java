package cn.gov.wenzhou.kjj.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Summaries of repeated measurements. The machine is shared and noisy, so every figure is a median over rounds with
 * its spread (min, max, quartiles), never a single run or a mean that one stall can drag.
 */
public final class Stats {

    private Stats() {
    }

    /**
     * @param n      number of samples
     * @param median the 50th percentile
     * @param min    smallest sample
     * @param max    largest sample
     * @param p25    first quartile
     * @param p75    third quartile
     */
    public record Summary(int n, double median, double min, double max, double p25, double p75) {

        /** (max - min) / median in percent: how far apart the rounds were. */
        public double spreadPercent() {
            return median == 0 ? 0 : 100.0 * (max - min) / median;
        }
    }

    public static Summary of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Summary(sorted.length, quantileOfSorted(sorted, 0.5), sorted[0], sorted[sorted.length - 1],
                quantileOfSorted(sorted, 0.25), quantileOfSorted(sorted, 0.75));
    }

    public static Summary of(List<Double> samples) {
        return of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static double median(double[] samples) {
        return quantile(samples, 0.5);
    }

    /**
     * The {@code q}-quantile (0..1) with linear interpolation between the closest ranks (Hyndman and Fan type 7, as
     * R and NumPy do by default): p99 of 200 latencies lies between the 198th and the 199th smallest.
     */
    public static double quantile(double[] samples, double q) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, q);
    }

    private static double quantileOfSorted(double[] sorted, double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile outside 0..1: " + q);
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
