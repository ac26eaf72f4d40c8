package io.modelcompose.cli.docker;

import io.modelcompose.runtimeagent.image.DockerContextSpec;
import io.modelcompose.runtimeagent.image.DockerContextWriter;
import io.modelcompose.runtimeagent.GeneratedContext;
import io.modelcompose.cli.broker.EmbeddedBrokerProcess;
import io.modelcompose.shared.config.ControllerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a project's generated {@code .docker/} context from this process's jars and the embedded broker's. */
public final class ProjectContext {
    private ProjectContext() {
    }

    /** Writes {@code <projectDir>/.docker} and returns it; {@code port} is the controller port the image exposes. */
    public static Path write(Path projectDir, Map<String, Object> configTree, int port) {
        return write(projectDir, configTree, port, AppJars.locate(), EmbeddedBrokerProcess.locateLibDir());
    }

    /** As {@link #write(Path, Map, int)} with these jars. */
    static Path write(Path projectDir, Map<String, Object> configTree, int port, List<Path> appJars, Path brokerLib) {
        return DockerContextWriter.write(DockerContextSpec.of(projectDir, appJars, brokerLib, configTree, null, port));
    }

    /** The writer for the runtime-agent service: the port is read from the tree (8080 when not a plain number). */
    public static GeneratedContext forAgent() {
        return (projectDir, tree) -> write(projectDir, tree, portOf(tree));
    }

    static int portOf(Map<String, Object> tree) {
        Object controller = tree.get("controller");
        Object port = controller instanceof Map<?, ?> map ? map.get("port") : null;
        if (port instanceof Number number) {
            return number.intValue();
        }
        if (port instanceof String text && text.strip().matches("\\d{1,5}")) {
            return Integer.parseInt(text.strip());
        }
        return ControllerConfig.DEFAULT_PORT;
    }
}
