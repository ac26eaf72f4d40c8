package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.config.docker.RestartPolicy;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YField;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the Docker options of {@code runtime: {type: docker, ...}} (SPEC section 7).
 * <ul>
 *   <li>{@code command}: a list is used as written; a string runs through a shell, {@code ["sh", "-c", string]}
 *       (Docker's shell form).</li>
 *   <li>{@code entrypoint}: a list is used as written; a string is split on whitespace
 *       ({@code /bin/bash} becomes {@code ["/bin/bash"]}); quotes are not interpreted.</li>
 *   <li>{@code memswap_limit: -1} means unlimited swap; other sizes must be positive.</li>
 *   <li>{@code restart: no} (YAML reads {@code no} as false) is the policy {@code no}.</li>
 * </ul>
 * The location of every option key is recorded in {@link DockerOptions#locations()}.
 */
final class DockerBinder {
    static final Set<String> KEYS = Set.of("type", "image", "container_name", "build", "ports", "networks",
            "hostname", "command", "entrypoint", "working_dir", "user", "mem_limit", "memswap_limit", "cpus",
            "cpu_shares", "restart", "healthcheck", "privileged", "security_opt", "logging", "labels", "volumes",
            "environment", "env_file");
    private static final List<String> RESTART_POLICIES =
            Arrays.stream(RestartPolicy.values()).map(RestartPolicy::yamlName).toList();

    private DockerBinder() {
    }

    static DockerOptions bind(Fields fields, BindContext context) {
        fields.allowOnly(KEYS);
        DockerSections sections = new DockerSections(context);
        return new DockerOptions(
                fields.string("image"),
                fields.string("container_name"),
                sections.build(fields),
                DockerPorts.bind(fields.list("ports"), fields.path("ports"), context.problems),
                fields.strings("networks"),
                fields.string("hostname"),
                command(fields),
                entrypoint(fields),
                fields.string("working_dir"),
                fields.string("user"),
                fields.size("mem_limit"),
                memswap(fields),
                fields.positiveNumber("cpus"),
                fields.integer("cpu_shares"),
                restart(fields),
                sections.healthcheck(fields),
                fields.bool("privileged"),
                fields.strings("security_opt"),
                sections.logging(fields),
                sections.stringMap(fields, "labels", false),
                DockerVolumes.bind(fields.list("volumes"), fields.path("volumes"), context),
                sections.stringMap(fields, "environment", true),
                sections.envFiles(fields),
                locations(fields));
    }

    private static List<String> command(Fields fields) {
        YNode node = fields.node("command");
        if (node instanceof YScalar scalar) {
            return List.of("sh", "-c", scalar.text());
        }
        return fields.stringOrList("command");
    }

    private static List<String> entrypoint(Fields fields) {
        YNode node = fields.node("entrypoint");
        if (node instanceof YScalar scalar) {
            return List.of(scalar.text().trim().split("\\s+"));
        }
        return fields.stringOrList("entrypoint");
    }

    private static Long memswap(Fields fields) {
        if (fields.node("memswap_limit") instanceof YScalar scalar && scalar.text().trim().equals("-1")) {
            return -1L;
        }
        return fields.size("memswap_limit");
    }

    private static RestartPolicy restart(Fields fields) {
        if (fields.node("restart") instanceof YScalar scalar && Boolean.FALSE.equals(scalar.value())) {
            return RestartPolicy.NO;
        }
        String value = fields.choice("restart", null, RESTART_POLICIES);
        return value == null ? null : RestartPolicy.values()[RESTART_POLICIES.indexOf(value)];
    }

    /** The location of every key written under the runtime, nested ones as {@code build.context}. */
    private static Map<String, SourceLocation> locations(Fields fields) {
        Map<String, SourceLocation> locations = new HashMap<>();
        for (YField field : fields.map().entries()) {
            locations.put(field.key(), field.keyLocation());
            if (field.value() instanceof YMap nested) {
                nested.entries().forEach(inner -> locations.put(ConfigPath.child(field.key(), inner.key()),
                        inner.keyLocation()));
            }
            if (field.value() instanceof YList list) {
                for (int i = 0; i < list.items().size(); i++) {
                    locations.put(ConfigPath.index(field.key(), i), list.items().get(i).location());
                }
            }
        }
        return locations;
    }
}
