package io.p2c2r.coordinator;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The operator's console: seed-style lines at a chosen level. Thread-safe; lines never interleave.
 */
public final class Console {
    /** Ordered from quietest to most verbose. */
    public enum Level { ERROR, WARN, INFO, DEBUG;

        public static Level parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("log level '" + s + "' is not one of error, warn, info, debug");
            }
        }
    }

    private final PrintWriter out;
    private final Level level;

    public Console(PrintWriter out, Level level) {
        this.out = out;
        this.level = level;
    }

    public static Console silent() {
        return new Console(new PrintWriter(PrintWriter.nullWriter()), Level.ERROR);
    }

    public boolean enabled(Level l) {
        return l.ordinal() <= level.ordinal();
    }

    public void info(String line) {
        print(Level.INFO, line);
    }

    public void warn(String line) {
        print(Level.WARN, "WARN " + line);
    }

    public void error(String line) {
        print(Level.ERROR, "ERROR " + line);
    }

    public void debug(String line) {
        print(Level.DEBUG, line);
    }

    /** Prints a block of lines together, at INFO. */
    public synchronized void block(String text) {
        if (enabled(Level.INFO)) {
            out.print(text);
            out.flush();
        }
    }

    private synchronized void print(Level l, String line) {
        if (enabled(l)) {
            out.println(line);
            out.flush();
        }
    }
}
