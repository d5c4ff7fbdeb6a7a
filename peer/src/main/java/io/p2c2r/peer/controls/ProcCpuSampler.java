package io.p2c2r.peer.controls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link CpuSampler} for Linux: the machine from {@code /proc/stat} (the {@code cpu} line) and this process
 * from {@code /proc/self/stat} (utime + stime); both count in the kernel's USER_HZ ticks. Stateless.
 */
public final class ProcCpuSampler implements CpuSampler {
    private final Path stat;
    private final Path self;

    public ProcCpuSampler() {
        this(Path.of("/proc/stat"), Path.of("/proc/self/stat"));
    }

    ProcCpuSampler(Path stat, Path self) {
        this.stat = stat;
        this.self = self;
    }

    /** True where {@code /proc/stat} can be read, that is on Linux. */
    public boolean available() {
        return Files.isReadable(stat) && Files.isReadable(self);
    }

    @Override
    public Optional<CpuTimes> sample() {
        try {
            long[] machine = parseMachine(Files.readString(stat, StandardCharsets.US_ASCII));
            return Optional.of(new CpuTimes(machine[0], machine[1], parseSelf(Files.readString(self, StandardCharsets.US_ASCII))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {total, busy} from the first line: {@code cpu user nice system idle iowait irq softirq steal ...}. */
    static long[] parseMachine(String procStat) {
        String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no 'cpu' line in /proc/stat"));
        String[] f = line.trim().split("\\s+");
        long total = 0;
        // Fields 1..8; guest and guest_nice (9, 10) are already counted in user and nice.
        for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new long[] {total, total - idle};
    }

    /** utime + stime: fields 14 and 15, counted after the parenthesised command name, which may hold spaces. */
    static long parseSelf(String selfStat) {
        String[] f = selfStat.substring(selfStat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
