package io.modelcompose.runtimeagent;

import java.nio.file.Path;
import java.util.Map;

/** Writes the generated {@code .docker/} build context of a project (the application's jars are the caller's). */
@FunctionalInterface
public interface GeneratedContext {
    /**
     * Writes the context and returns its folder.
     *
     * @param projectDir the project folder the context is written into
     * @param configTree the project's merged config tree, {@code ${env.*}} unresolved
     */
    Path write(Path projectDir, Map<String, Object> configTree);
}
