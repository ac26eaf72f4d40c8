package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.docker.PortMapping;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code ports}. Short forms: {@code 8081} or {@code "8081"} (the same port on both sides, as the seed
 * documents), {@code "5000:8080"}, {@code "127.0.0.1:5000:8080"}, {@code "127.0.0.1::8080"} (random host port),
 * {@code "[::1]:5000:8080"}, each optionally ending in {@code /tcp} or {@code /udp}. Long form:
 * {@code {target, published, host_ip, protocol, mode}}. Every port must be within 1..65535.
 */
final class DockerPorts {
    private static final List<String> PROTOCOLS = List.of("tcp", "udp");
    private static final Set<String> LONG_KEYS = Set.of("target", "published", "host_ip", "protocol", "mode");
    private static final String FORMS = " (use e.g. \"5000:8080\", 8081, \"127.0.0.1:5000:8080\" or \"5000:8080/udp\")";

    private DockerPorts() {
    }

    static List<PortMapping> bind(YList list, String path, Problems problems) {
        List<PortMapping> ports = new ArrayList<>();
        if (list == null) {
            return ports;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            String itemPath = ConfigPath.index(path, i);
            PortMapping port = item instanceof YMap ? longForm(Fields.of(item, itemPath, problems))
                    : shortForm(item, itemPath, problems);
            if (port != null) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static PortMapping longForm(Fields fields) {
        fields.allowOnly(LONG_KEYS);
        fields.requireKey("target", "");
        int target = fields.integer("target", 0, 1, 65535);
        Integer published = fields.has("published") ? fields.integer("published", 0, 1, 65535) : null;
        String protocol = fields.choice("protocol", "tcp", PROTOCOLS);
        String mode = fields.choice("mode", null, List.of("host", "ingress"));
        return target == 0 || (published != null && published == 0) ? null
                : new PortMapping(fields.string("host_ip"), published, target, protocol, mode);
    }

    private static PortMapping shortForm(YNode item, String path, Problems problems) {
        if (!(item instanceof YScalar scalar) || scalar.isNull()) {
            problems.wrongType(item, path, "a port mapping");
            return null;
        }
        String text = scalar.text().trim();
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(item.location(), path, "invalid port mapping '" + text + "'" + e.getMessage());
            return null;
        }
    }

    private static PortMapping parse(String text) {
        String protocol = "tcp";
        String ports = text;
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol = text.substring(slash + 1);
            ports = text.substring(0, slash);
            if (!PROTOCOLS.contains(protocol)) {
                throw new IllegalArgumentException(": protocol must be tcp or udp");
            }
        }
        String hostIp = null;
        if (ports.startsWith("[")) {
            int close = ports.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException(FORMS);
            }
            hostIp = ports.substring(1, close);
            ports = ports.substring(close + 2);
        }
        String[] parts = ports.split(":", -1);
        return switch (parts.length) {
            case 1 -> new PortMapping(hostIp, port(parts[0]), port(parts[0]), protocol, null);
            case 2 -> new PortMapping(hostIp, port(parts[0]), port(parts[1]), protocol, null);
            case 3 -> {
                if (hostIp != null) {
                    throw new IllegalArgumentException(FORMS);
                }
                Integer published = parts[1].isEmpty() ? null : port(parts[1]);
                yield new PortMapping(parts[0], published, port(parts[2]), protocol, null);
            }
            default -> throw new IllegalArgumentException(FORMS);
        };
    }

    private static int port(String text) {
        if (!text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException(FORMS);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(": port " + port + " is outside 1-65535");
        }
        return port;
    }
}
