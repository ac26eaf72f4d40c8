package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.config.ComposeConfig;

/** Lets tests of other packages load a config the way the engine tests do. */
public final class EngineHarnessAccess {
    private EngineHarnessAccess() {
    }

    public static ComposeConfig load(String yaml) {
        return EngineHarness.load(yaml);
    }
}
