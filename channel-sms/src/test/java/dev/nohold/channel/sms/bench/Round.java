package dev.nohold.channel.sms.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The webhooks of one or more rounds against one endpoint: their latencies, the CPU and the database's waits. */
final class Round {

    final List<long[]> latencies = new ArrayList<>();
    /** When the load ran, by the wall clock: where a system-wide profile of the run is cut (channel-sms/bench/profile-intake.sh). */
    final List<Window> windows = new ArrayList<>();
    double seconds;
    /** Platform rounds: seconds from the round's end until every text it took was a request. */
    double catchingUp;
    /** CPU spent during the round (and, for the platform, its catching up), when measured. */
    CpuMeter.Reading cpu = new CpuMeter.Reading(0, 0, 0);
    /** Where the endpoint's statement spent its time in PostgreSQL during the round, when sampled. */
    DatabaseWaits.Spent waits = DatabaseWaits.Spent.NONE;
    /** The server processes seen running the endpoint's statement and others during the round. */
    final DatabaseWaits.Backends backends = new DatabaseWaits.Backends();

    void add(Round other) {
        latencies.addAll(other.latencies);
        windows.addAll(other.windows);
        seconds += other.seconds;
        catchingUp += other.catchingUp;
        cpu = cpu.plus(other.cpu);
        waits = waits.plus(other.waits);
        backends.add(other.backends);
    }

    long count() {
        return latencies.stream().mapToLong(l -> l.length).sum();
    }

    double perSecond() {
        return count() / seconds;
    }

    String describe(String what) {
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return "%-32s %,8.0f requests/s  p50 %5.1f ms  p99 %5.1f ms  (n=%,d)".formatted(what, perSecond(),
                millis(percentile(all, 0.50)), millis(percentile(all, 0.99)), all.length);
    }

    String cpuPerRequest(String what) {
        return "%-32s JVM %.3f ms  PostgreSQL %.3f ms  (machine busy %.0f%% of 2 cores)".formatted(what,
                cpu.jvmSeconds() * 1000 / count(), cpu.postgresSeconds() * 1000 / count(),
                100 * (cpu.jvmSeconds() + cpu.postgresSeconds()) / (cpu.nanos() / 1e9) / 2);
    }

    String waitsPerRequest(String what) {
        return "%-32s running %.3f ms  waiting for the WAL to reach the disk %.3f ms  for locks %.3f ms  other %.3f ms"
                .formatted(what, waits.running() / count(), waits.walFlush() / count(), waits.locks() / count(),
                        waits.other() / count());
    }

    /**
     * The windows as {@code perf report --time} takes them: seconds since the epoch, start and end, comma-separated;
     * windows that touch are one (perf refuses a range that starts where the one before ends).
     */
    String windowsForPerf() {
        List<Window> merged = new ArrayList<>();
        for (Window window : windows.stream().sorted(Comparator.comparing(Window::start)).toList()) {
            Window last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !window.start().isAfter(last.end().plusMillis(1))) {
                merged.set(merged.size() - 1, new Window(last.start(), window.end()));
            } else {
                merged.add(window);
            }
        }
        return String.join(" ", merged.stream().map(Window::forPerf).toList());
    }

    record Window(Instant start, Instant end) {

        String forPerf() {
            return "%d.%03d,%d.%03d".formatted(start.getEpochSecond(), start.getNano() / 1_000_000,
                    end.getEpochSecond(), end.getNano() / 1_000_000);
        }
    }

    static long percentile(long[] latencies, double p) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
