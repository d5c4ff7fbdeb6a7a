package io.p2c2r.peer.controls;

import io.p2c2r.executors.ExecutionContext;
import java.util.function.IntConsumer;

/**
 * An {@link ExecutionContext} that paces its threads through a {@link DutyCycle} at every checkpoint the
 * executor offers: each cancellation check and each parallel-loop item. Results are unchanged (pacing only
 * delays). Thread-safe as its delegate is.
 */
public final class ThrottledContext implements ExecutionContext {
    private final ExecutionContext delegate;
    private final DutyCycle duty;

    public ThrottledContext(ExecutionContext delegate, DutyCycle duty) {
        this.delegate = delegate;
        this.duty = duty;
    }

    @Override
    public int parallelism() {
        return delegate.parallelism();
    }

    @Override
    public void parallelFor(int count, IntConsumer body) {
        delegate.parallelFor(count, i -> {
            duty.pace();
            body.accept(i);
        });
    }

    @Override
    public boolean isCancelled() {
        duty.pace();
        return delegate.isCancelled();
    }

    @Override
    public void metric(String name, double value) {
        delegate.metric(name, value);
    }
}
