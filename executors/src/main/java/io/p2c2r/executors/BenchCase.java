package io.p2c2r.executors;

/** A named standard input for the peer's bench command; {@code data} is task data as JSON text. */
public record BenchCase(String name, String data) {
}
