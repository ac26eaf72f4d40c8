package io.modelcompose.runtimeagent.container;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import io.modelcompose.shared.config.docker.PortMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code ports:} → exposed ports and host bindings (host IP, host port or a random one, protocol). */
final class PortMapper {
    private static final String KEY = "ports";

    private PortMapper() {
    }

    static List<ExposedPort> exposed(List<PortMapping> ports, OptionSource source) {
        List<ExposedPort> exposed = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            ExposedPort e = exposedPort(ports.get(i), i, source);
            if (!exposed.contains(e)) {
                exposed.add(e);
            }
        }
        return exposed;
    }

    static Ports bindings(List<PortMapping> ports, OptionSource source) {
        Ports bindings = new Ports();
        for (int i = 0; i < ports.size(); i++) {
            PortMapping port = ports.get(i);
            if (port.published() != null && (port.published() < 1 || port.published() > 65535)) {
                throw source.invalid(KEY, i, "host port " + port.published() + " is not between 1 and 65535");
            }
            String hostPort = port.published() == null ? null : String.valueOf(port.published());
            bindings.bind(exposedPort(port, i, source), new Ports.Binding(port.hostIp(), hostPort));
        }
        return bindings;
    }

    private static ExposedPort exposedPort(PortMapping port, int index, OptionSource source) {
        if (port.target() < 1 || port.target() > 65535) {
            throw source.invalid(KEY, index, "container port " + port.target() + " is not between 1 and 65535");
        }
        String protocol = port.protocol() == null ? "tcp" : port.protocol().toLowerCase(Locale.ROOT);
        return switch (protocol) {
            case "tcp" -> new ExposedPort(port.target(), InternetProtocol.TCP);
            case "udp" -> new ExposedPort(port.target(), InternetProtocol.UDP);
            case "sctp" -> new ExposedPort(port.target(), InternetProtocol.SCTP);
            default -> throw source.invalid(KEY, index, "protocol '" + port.protocol() + "' is not tcp, udp or sctp");
        };
    }
}
