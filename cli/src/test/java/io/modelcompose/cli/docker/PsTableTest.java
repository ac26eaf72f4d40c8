package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PsTableTest {
    private static final String NL = System.lineSeparator();

    @Test
    void alignsTheColumnsToTheirWidestCell() {
        String text = PsTable.render(List.of(
                new PsTable.Row("compose-a", "compose/a:1", "controller", "running (healthy)", "3m 05s",
                        "127.0.0.1:5000->80/tcp"),
                new PsTable.Row("compose-a-2", "jre:17", "-", "exited (1)", "-", "-")));

        assertThat(text).isEqualTo(""
                + "NAME          IMAGE         SERVICE      STATE               UPTIME   PORTS" + NL
                + "compose-a     compose/a:1   controller   running (healthy)   3m 05s   127.0.0.1:5000->80/tcp" + NL
                + "compose-a-2   jre:17        -            exited (1)          -        -" + NL);
    }

    @Test
    void showsTheHeaderAloneWithoutRows() {
        assertThat(PsTable.render(List.of())).isEqualTo("NAME   IMAGE   SERVICE   STATE   UPTIME   PORTS" + NL);
    }

    @Test
    void statesCarryHealthWhenRunningAndTheExitCodeWhenExited() {
        assertThat(PsTable.state("running", null, 0L)).isEqualTo("running");
        assertThat(PsTable.state("running", "starting", null)).isEqualTo("running (starting)");
        assertThat(PsTable.state("running", "unhealthy", null)).isEqualTo("running (unhealthy)");
        assertThat(PsTable.state("exited", "unhealthy", 137L)).isEqualTo("exited (137)");
        assertThat(PsTable.state("restarting", null, 1L)).isEqualTo("restarting");
        assertThat(PsTable.state(null, null, null)).isEqualTo("unknown");
    }

    @Test
    void uptimeShowsTwoUnits() {
        assertThat(PsTable.uptime(Duration.ofSeconds(0))).isEqualTo("0s");
        assertThat(PsTable.uptime(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(PsTable.uptime(Duration.ofSeconds(185))).isEqualTo("3m 05s");
        assertThat(PsTable.uptime(Duration.ofMinutes(130).plusSeconds(59))).isEqualTo("2h 10m");
        assertThat(PsTable.uptime(Duration.ofHours(99))).isEqualTo("4d 03h");
        assertThat(PsTable.uptime(Duration.ofSeconds(-2))).isEqualTo("-");
        assertThat(PsTable.uptime(null)).isEqualTo("-");
    }

    @Test
    void portsAreSortedAndJoined() {
        assertThat(PsTable.ports(List.of())).isEqualTo("-");
        assertThat(PsTable.ports(List.of(PsTable.port("", "8081", 8081, "tcp"),
                PsTable.port("127.0.0.1", "5000", 8080, "tcp"), PsTable.port("::", "8081", 8081, "tcp"))))
                .isEqualTo("0.0.0.0:8081->8081/tcp, 127.0.0.1:5000->8080/tcp, [::]:8081->8081/tcp");
        assertThat(PsTable.port(null, "9000-9001", 53, "udp")).isEqualTo("0.0.0.0:9000-9001->53/udp");
    }
}
