package io.p2c2r.coordinator.it;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A console sink that lets a test wait, without polling, for a line the coordinator prints. Thread-safe. */
final class LogWatcher extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final List<Waiter> waiting = new ArrayList<>();

    private record Waiter(String fragment, CompletableFuture<Void> done) {
    }

    synchronized CompletableFuture<Void> await(String fragment) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (text.indexOf(fragment) >= 0) {
            f.complete(null);
        } else {
            waiting.add(new Waiter(fragment, f));
        }
        return f;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        text.append(buf, off, len);
        waiting.removeIf(w -> text.indexOf(w.fragment()) >= 0 && w.done().complete(null));
    }

    /** Everything written so far. */
    @Override
    public synchronized String toString() {
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
