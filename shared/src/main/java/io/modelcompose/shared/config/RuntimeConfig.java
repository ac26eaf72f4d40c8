package io.modelcompose.shared.config;

import io.modelcompose.shared.config.docker.DockerOptions;

/**
 * How a controller or component runs.
 *
 * @param type native or docker
 * @param docker the docker options; non-null only for {@link RuntimeType#DOCKER}
 */
public record RuntimeConfig(RuntimeType type, DockerOptions docker) {
    public static final RuntimeConfig NATIVE = new RuntimeConfig(RuntimeType.NATIVE, null);

    /** The runtime kinds. */
    public enum RuntimeType {
        NATIVE("native"),
        DOCKER("docker");

        private final String yamlName;

        RuntimeType(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
