package dev.parley.rtc.media.gcc;

import java.util.ArrayDeque;

/**
 * The delay gradient as libwebrtc estimates it: the one-way delay variation of each group,
 * accumulated and exponentially smoothed, and the slope of a least-squares line through the last
 * {@value #WINDOW} points against arrival time. A positive slope means queues are filling. The
 * value handed to the detector is the slope scaled by the number of samples (up to
 * {@value #MAX_SAMPLES_SCALE}) and a gain, in the units the detector's threshold uses.
 */
final class TrendlineFilter {
    static final int WINDOW = 20;
    static final double SMOOTHING = 0.9;
    static final double GAIN = 4;
    static final int MAX_SAMPLES_SCALE = 60;

    private final ArrayDeque<double[]> points = new ArrayDeque<>();
    private double accumulatedDelayMs;
    private double smoothedDelayMs;
    private long firstArrivalMicros = -1;
    private int samples;
    private double trend;

    /** Takes one group delta; returns the scaled trend. */
    double update(ArrivalGroups.Delta delta) {
        double variationMs = (delta.arrivalDeltaMicros() - delta.sendDeltaMicros()) / 1000.0;
        if (firstArrivalMicros < 0) {
            firstArrivalMicros = delta.arrivalMicros();
        }
        samples++;
        accumulatedDelayMs += variationMs;
        smoothedDelayMs = SMOOTHING * smoothedDelayMs + (1 - SMOOTHING) * accumulatedDelayMs;
        points.addLast(new double[] {(delta.arrivalMicros() - firstArrivalMicros) / 1000.0, smoothedDelayMs});
        if (points.size() > WINDOW) {
            points.removeFirst();
        }
        if (points.size() == WINDOW) {
            trend = slope();
        }
        return Math.min(samples, MAX_SAMPLES_SCALE) * trend * GAIN;
    }

    private double slope() {
        double meanX = 0;
        double meanY = 0;
        for (double[] p : points) {
            meanX += p[0];
            meanY += p[1];
        }
        meanX /= points.size();
        meanY /= points.size();
        double numerator = 0;
        double denominator = 0;
        for (double[] p : points) {
            numerator += (p[0] - meanX) * (p[1] - meanY);
            denominator += (p[0] - meanX) * (p[0] - meanX);
        }
        return denominator == 0 ? trend : numerator / denominator;
    }
}
