package io.modelcompose.cli.docker;

import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.config.docker.PortMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * The ports a controller container of the project's default image publishes when {@code runtime.ports} is not
 * written, as upstream does: the API's port and the web UI's, each on the same host port, bound to the address the
 * controller (or web UI) names on the host side, loopback by default. Inside the container both listen on all
 * interfaces. A container of another image (its own command) publishes only what is written.
 */
final class DefaultPorts {
    private static final String LOOPBACK = "127.0.0.1";

    private DefaultPorts() {
    }

    /** {@code options} with the default ports when it publishes none; as written otherwise. */
    static DockerOptions apply(DockerOptions options, ControllerConfig controller) {
        if (!options.ports().isEmpty() || !DefaultImage.applies(options)) {
            return options;
        }
        List<PortMapping> ports = new ArrayList<>();
        ports.add(new PortMapping(hostIp(controller.host()), controller.port(), controller.port(), "tcp", null));
        if (controller.webui() != null && controller.webui().port() != controller.port()) {
            int ui = controller.webui().port();
            ports.add(new PortMapping(hostIp(controller.webui().host()), ui, ui, "tcp", null));
        }
        return DefaultImage.withPorts(options, ports);
    }

    private static String hostIp(String written) {
        return written == null || written.isBlank() ? LOOPBACK : written;
    }
}
