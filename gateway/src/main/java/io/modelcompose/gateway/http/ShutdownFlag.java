package io.modelcompose.gateway.http;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set once a graceful stop begins: health answers 503 and new runs are refused; safe from any thread. */
public final class ShutdownFlag {
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    public void begin() {
        shuttingDown.set(true);
    }

    public boolean isShuttingDown() {
        return shuttingDown.get();
    }
}
