package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.docker.BuildOptions;
import io.modelcompose.shared.config.docker.HealthcheckOptions;
import io.modelcompose.shared.config.docker.LoggingOptions;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binds the nested Docker sections: build, healthcheck, logging, string maps and env files. */
final class DockerSections {
    private static final Set<String> BUILD_KEYS = Set.of("context", "dockerfile", "args", "target", "cache_from",
            "labels", "network", "pull");
    private static final Set<String> HEALTHCHECK_KEYS = Set.of("test", "interval", "timeout", "max_retry_count",
            "retries", "start_period");
    private static final List<String> TEST_KINDS = List.of("CMD", "CMD-SHELL", "NONE");
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final int DEFAULT_RETRIES = 3;

    private final BindContext context;

    DockerSections(BindContext context) {
        this.context = context;
    }

    /** {@code build: DIR} is short for {@code build: {context: DIR}}. */
    BuildOptions build(Fields runtime) {
        YNode node = runtime.node("build");
        if (node == null) {
            return null;
        }
        if (node instanceof YScalar scalar) {
            return new BuildOptions(scalar.text(), null, Map.of(), null, List.of(), Map.of(), null, false);
        }
        Fields build = Fields.of(node, runtime.path("build"), context.problems);
        build.allowOnly(BUILD_KEYS);
        return new BuildOptions(build.string("context", "."), build.string("dockerfile"),
                stringMap(build, "args", true), build.string("target"), build.strings("cache_from"),
                stringMap(build, "labels", false), build.string("network"), build.bool("pull", false));
    }

    /** A string test becomes {@code ["CMD-SHELL", test]}; {@code retries} is accepted for {@code max_retry_count}. */
    HealthcheckOptions healthcheck(Fields runtime) {
        YNode node = runtime.node("healthcheck");
        if (node == null) {
            return null;
        }
        Fields check = Fields.of(node, runtime.path("healthcheck"), context.problems);
        check.allowOnly(HEALTHCHECK_KEYS);
        check.requireKey("test", "");
        if (check.has("max_retry_count") && check.has("retries")) {
            check.problem("retries", "use either 'max_retry_count' or 'retries', not both");
        }
        String retriesKey = check.has("retries") ? "retries" : "max_retry_count";
        return new HealthcheckOptions(test(check), check.duration("interval", DEFAULT_INTERVAL),
                check.duration("timeout", DEFAULT_INTERVAL),
                check.integer(retriesKey, DEFAULT_RETRIES, 0, Integer.MAX_VALUE),
                check.duration("start_period", Duration.ZERO));
    }

    private static List<String> test(Fields check) {
        YNode node = check.node("test");
        if (node instanceof YScalar scalar) {
            return List.of("CMD-SHELL", scalar.text());
        }
        List<String> test = check.stringOrList("test");
        if (test == null) {
            return List.of();
        }
        if (test.isEmpty() || !TEST_KINDS.contains(test.get(0))) {
            check.problem("test", "a test list must start with CMD, CMD-SHELL or NONE");
        }
        return test;
    }

    LoggingOptions logging(Fields runtime) {
        YNode node = runtime.node("logging");
        if (node == null) {
            return null;
        }
        Fields logging = Fields.of(node, runtime.path("logging"), context.problems);
        logging.allowOnly(Set.of("driver", "options"));
        logging.requireKey("driver", " (e.g. json-file, local, syslog)");
        return new LoggingOptions(logging.string("driver", "json-file"), stringMap(logging, "options", false));
    }

    /**
     * A map of strings written as a mapping or as a list of {@code KEY=VALUE}. With {@code fromEnv}, a key without a
     * value takes the variable of that name from the environment (and is left out when it is unset).
     */
    Map<String, String> stringMap(Fields fields, String key, boolean fromEnv) {
        YNode node = fields.node(key);
        Map<String, String> values = new LinkedHashMap<>();
        if (node instanceof YMap map) {
            map.entries().forEach(field -> putValue(values, field.key(), field.value(),
                    ConfigPath.child(fields.path(key), field.key()), fromEnv));
        } else if (node instanceof YList list) {
            for (int i = 0; i < list.items().size(); i++) {
                putEntry(values, list.items().get(i), ConfigPath.index(fields.path(key), i), fromEnv);
            }
        } else if (node != null) {
            context.problems.wrongType(node, fields.path(key), "a mapping or a list of KEY=VALUE");
        }
        return values;
    }

    private void putValue(Map<String, String> values, String key, YNode value, String path, boolean fromEnv) {
        if (value instanceof YScalar scalar && !scalar.isNull()) {
            values.put(key, scalar.text());
        } else if (value instanceof YScalar && fromEnv) {
            String inherited = context.env.get(key);
            if (inherited != null) {
                values.put(key, inherited);
            }
        } else {
            context.problems.wrongType(value, path, "a string");
        }
    }

    private void putEntry(Map<String, String> values, YNode item, String path, boolean fromEnv) {
        if (!(item instanceof YScalar scalar) || scalar.isNull()) {
            context.problems.wrongType(item, path, "KEY=VALUE");
            return;
        }
        int equals = scalar.text().indexOf('=');
        if (equals > 0) {
            values.put(scalar.text().substring(0, equals), scalar.text().substring(equals + 1));
        } else if (fromEnv && equals < 0) {
            putValue(values, scalar.text(), new YScalar(null, "", scalar.location()), path, true);
        } else {
            context.problems.wrongType(item, path, "KEY=VALUE");
        }
    }

    /** Env files made absolute against the project folder; a missing file is a problem. */
    List<String> envFiles(Fields runtime) {
        List<String> files = new ArrayList<>();
        List<String> written = runtime.strings("env_file");
        for (int i = 0; i < written.size(); i++) {
            Path path = context.projectDir.resolve(written.get(i)).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                YNode node = runtime.node("env_file");
                YNode item = node instanceof YList list ? list.items().get(i) : node;
                String itemPath = node instanceof YList ? ConfigPath.index(runtime.path("env_file"), i)
                        : runtime.path("env_file");
                context.problems.add(item.location(), itemPath, "env file '" + written.get(i) + "' not found");
            }
            files.add(path.toString());
        }
        return files;
    }
}
