package io.modelcompose.runtimeagent.container;

import java.util.List;

/**
 * A container that {@link ContainerService#up} created and started.
 *
 * @param id the engine's container id
 * @param name the container name
 * @param warnings warnings the engine gave at create time (e.g. a discarded limit)
 */
public record RunningContainer(String id, String name, List<String> warnings) {
    public RunningContainer {
        warnings = List.copyOf(warnings);
    }
}
