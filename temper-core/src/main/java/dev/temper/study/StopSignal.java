package dev.temper.study;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running {@link Study} to stop: set from another thread (a Ctrl-C handler), read by the study between
 * batches. The run in progress is abandoned (nothing of it is written); finished runs stay on disk.
 */
public final class StopSignal {
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }
}
