package dev.nohold.channel.sms.bench;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the platform and the load generator, which both sides of the benchmark share) and by
 * the embedded PostgreSQL (its postmaster and every backend, the exited ones included), read from the JVM and from
 * Linux's {@code /proc}: the figures a capacity model is written from.
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of 1/100 s on every platform Java runs on here. */
    private static final double TICKS_PER_SECOND = 100;

    private final long postmaster;
    private final OperatingSystemMXBean jvm =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** @param dataDir the embedded server's data directory ({@code postmaster.pid}'s first line is its pid) */
    CpuMeter(Path dataDir) throws IOException {
        this.postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    Reading read() {
        return new Reading(jvm.getProcessCpuTime() / 1e9, postgresSeconds(), System.nanoTime());
    }

    /** The postmaster's own time and its exited children's, plus every live backend's. */
    private double postgresSeconds() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] stat = stat(process);
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                            + Long.parseLong(stat[14]);
                } else if (Long.parseLong(stat[1]) == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not read /proc: " + e.getMessage(), e);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** The fields of {@code /proc/pid/stat} after the command's name (state first), or null if it just ended. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU seconds of each side and the wall clock, at one moment. */
    record Reading(double jvmSeconds, double postgresSeconds, long nanos) {

        Reading since(Reading start) {
            return new Reading(jvmSeconds - start.jvmSeconds, postgresSeconds - start.postgresSeconds,
                    nanos - start.nanos);
        }

        Reading plus(Reading other) {
            return new Reading(jvmSeconds + other.jvmSeconds, postgresSeconds + other.postgresSeconds,
                    nanos + other.nanos);
        }
    }
}
