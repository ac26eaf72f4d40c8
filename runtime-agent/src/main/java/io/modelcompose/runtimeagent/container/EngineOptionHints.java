package io.modelcompose.runtimeagent.container;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which option an engine refusal is about, told from the engine's message (Docker 20.10 wording and later). */
final class EngineOptionHints {
    private record Hint(String fragment, String key) {
    }

    private static final List<Hint> HINTS = List.of(
            new Hint("range of cpus", "cpus"),
            new Hint("nanocpus", "cpus"),
            new Hint("cpu shares", "cpu_shares"),
            new Hint("memoryswap", "memswap_limit"),
            new Hint("memory swap", "memswap_limit"),
            new Hint("memory limit", "mem_limit"),
            new Hint("port is already allocated", "ports"),
            new Hint("address already in use", "ports"),
            new Hint("programming external connectivity", "ports"),
            new Hint("invalid port", "ports"),
            new Hint("network", "networks"),
            new Hint("restart policy", "restart"),
            new Hint("log driver", "logging"),
            new Hint("logging driver", "logging"),
            new Hint("log opt", "logging"),
            new Hint("security-opt", "security_opt"),
            new Hint("security opt", "security_opt"),
            new Hint("seccomp", "security_opt"),
            new Hint("apparmor", "security_opt"),
            new Hint("mount", "volumes"),
            new Hint("bind source path", "volumes"),
            new Hint("tmpfs", "volumes"),
            new Hint("volume", "volumes"),
            new Hint("unable to find user", "user"),
            new Hint("no matching entries in passwd", "user"),
            new Hint("no users found", "user"),
            new Hint("chdir", "working_dir"),
            new Hint("working directory", "working_dir"),
            new Hint("hostname", "hostname"),
            new Hint("healthcheck", "healthcheck"),
            new Hint("privileged", "privileged"),
            new Hint("no such image", "image"),
            new Hint("container name", "container_name"));

    private EngineOptionHints() {
    }

    /** The option key the message points at; {@code entrypoint} or {@code command} for a missing executable. */
    static Optional<String> optionFor(String engineMessage, ContainerSpec spec) {
        String message = engineMessage.toLowerCase(Locale.ROOT);
        if (message.contains("executable file not found") || message.contains("exec format error")
                || message.contains("exec: ")) {
            return Optional.of(spec.entrypoint() != null ? "entrypoint" : "command");
        }
        return HINTS.stream().filter(h -> message.contains(h.fragment())).map(Hint::key).findFirst();
    }
}
