package io.modelcompose.worker.component;

import java.util.ArrayList;
import java.util.List;

/** Lets the owner of an execution ask it to stop; executors register what to do when that happens. */
public final class CancelSignal {
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean cancelled;

    /** Runs {@code action} on cancellation (at once if already cancelled). */
    public void onCancel(Runnable action) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                listeners.add(action);
            }
        }
        if (runNow) {
            action.run();
        }
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }
}
