package io.modelcompose.cli.docker;

import io.modelcompose.cli.runtime.TextTable;
import java.time.Duration;
import java.util.List;

/** The text of {@code ps} for {@code runtime: docker}: one aligned row per container, as {@code docker compose ps}. */
final class PsTable {
    static final String NONE = "-";
    private static final List<String> HEADER = List.of("NAME", "IMAGE", "SERVICE", "STATE", "UPTIME", "PORTS");

    private PsTable() {
    }

    /** One container as {@code ps} shows it. */
    record Row(String name, String image, String service, String state, String uptime, String ports) {
        List<String> cells() {
            return List.of(name, image, service, state, uptime, ports);
        }
    }

    /** The header and the rows, columns padded to their widest cell; each line ends with a line break. */
    static String render(List<Row> rows) {
        return TextTable.render(HEADER, rows.stream().map(Row::cells).toList());
    }

    /**
     * The state column: {@code running}, {@code running (healthy)}, {@code exited (3)}, {@code restarting}...
     *
     * @param status the engine's state ({@code running}, {@code exited}, ...)
     * @param health the health check's status, or null without a health check
     * @param exitCode the exit code of a stopped container, or null
     */
    static String state(String status, String health, Long exitCode) {
        String shown = status == null || status.isBlank() ? "unknown" : status;
        if ("running".equals(shown) && health != null && !health.isBlank()) {
            return shown + " (" + health + ")";
        }
        if ("exited".equals(shown) && exitCode != null) {
            return shown + " (" + exitCode + ")";
        }
        return shown;
    }

    /** How long a container has run, to two units: {@code 42s}, {@code 3m 05s}, {@code 2h 10m}, {@code 4d 03h}. */
    static String uptime(Duration running) {
        if (running == null || running.isNegative()) {
            return NONE;
        }
        long seconds = running.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /** The ports column: the published ports sorted and joined, or {@value #NONE}. */
    static String ports(List<String> published) {
        return published.isEmpty() ? NONE : String.join(", ", published.stream().sorted().toList());
    }

    /** One published port: {@code 127.0.0.1:5000->8080/tcp}; an empty or missing host ip is {@code 0.0.0.0}. */
    static String port(String hostIp, String hostPort, int containerPort, String protocol) {
        String ip = hostIp == null || hostIp.isEmpty() ? "0.0.0.0" : hostIp;
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + hostPort + "->" + containerPort + "/" + protocol;
    }
}
