package dev.parley.rtc.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * A JMH run's results, looked up by benchmark method and {@code profile} parameter, and turned into
 * {@link BenchReport}s. Scores are in the benchmarks' unit (ns per call); the reported value is
 * the median over all measurement iterations of all forks, as the shared machine makes means
 * noisy.
 */
final class JmhResults {
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private final Collection<RunResult> results;

    JmhResults(Collection<RunResult> results) {
        this.results = results;
    }

    /** The run of {@code method} (with {@code profile}, if not null); fails loudly if it did not run. */
    RunResult find(String method, String profile) {
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            if (params.getBenchmark().endsWith("." + method)
                    && (profile == null || profile.equals(params.getParam("profile")))) {
                return result;
            }
        }
        throw new IllegalStateException("no JMH result for " + method + " " + profile);
    }

    /** "123 ns", the median of a parameterless benchmark's iterations. */
    String median(String method) {
        return String.format(Locale.ROOT, "%.0f ns", find(method, null).getPrimaryResult().getStatistics()
                .getPercentile(50));
    }

    /** "123 ns, 456 B/op": median and allocation per call. */
    String summary(String method, String profile) {
        RunResult result = find(method, profile);
        return String.format(Locale.ROOT, "%.0f ns, %.0f B/op",
                result.getPrimaryResult().getStatistics().getPercentile(50), allocation(result));
    }

    /** JDK, VM and JMH versions, as the forked JVMs reported them. */
    String jdkDescription() {
        BenchmarkParams params = results.iterator().next().getParams();
        return "JDK " + params.getJdkVersion() + " (" + params.getVmName() + " " + params.getVmVersion() + "), JMH "
                + params.getJmhVersion();
    }

    /** The report for {@code method} with {@code profile}: its median, and how it was measured, in the notes. */
    BenchReport report(String name, String method, String profile, double target, String jdk, String extra) {
        RunResult result = find(method, profile);
        BenchmarkParams params = result.getParams();
        Statistics stats = result.getPrimaryResult().getStatistics();
        IterationParams warmup = params.getWarmup();
        IterationParams measurement = params.getMeasurement();
        String notes = String.format(Locale.ROOT,
                "protect+unprotect of a 1200-byte RTP packet (12-byte header), SrtpSession array API, %.0f B/op;"
                        + " median of %d iterations (%d forks x %d x %s after %d x %s warm-up, avgt);"
                        + " mean %.0f +- %.0f ns (99.9%%), min %.0f, max %.0f; %s; %s;"
                        + " 2 cores shared with other builds, so numbers are noisy",
                allocation(result), stats.getN(), params.getForks(), measurement.getCount(), measurement.getTime(),
                warmup.getCount(), warmup.getTime(), stats.getMean(), stats.getMeanErrorAt(0.999), stats.getMin(),
                stats.getMax(), jdk, extra);
        return new BenchReport(name, "ns", "lower", stats.getPercentile(50), null, target, (int) stats.getN(), notes);
    }

    private static double allocation(RunResult result) {
        Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
        return allocation == null ? Double.NaN : allocation.getScore();
    }
}
