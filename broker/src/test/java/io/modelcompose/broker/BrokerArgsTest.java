package io.modelcompose.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerArgsTest {
    @Test
    void readsDataDirAndPorts() {
        BrokerArgs args = BrokerArgs.parse("--data-dir", "kafka", "--port", "9092", "--controller-port", "9093");

        assertThat(args).isEqualTo(new BrokerArgs(Path.of("kafka"), 9092, 9093, true, false));
    }

    @Test
    void defaultsToFreePortsAndWatchingStdin() {
        BrokerArgs args = BrokerArgs.parse("--data-dir", "kafka");

        assertThat(args.nodeOptions()).isEqualTo(NodeOptions.of(Path.of("kafka")));
        assertThat(args.watchStdin()).isTrue();
    }

    @Test
    void readsTheRunModeFlags() {
        assertThat(BrokerArgs.parse("--no-stdin-watch", "--data-dir", "d").watchStdin()).isFalse();
        assertThat(BrokerArgs.parse("--data-dir", "d").exitWhenReady()).isFalse();
        assertThat(BrokerArgs.parse("--exit-when-ready", "--data-dir", "d").exitWhenReady()).isTrue();
    }

    @Test
    void rejectsAMissingDataDir() {
        assertThatThrownBy(() -> BrokerArgs.parse("--port", "1")).hasMessageContaining("--data-dir");
    }

    @Test
    void rejectsBadPortsAndUnknownFlags() {
        assertThatThrownBy(() -> BrokerArgs.parse("--data-dir", "d", "--port", "70000"))
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> BrokerArgs.parse("--data-dir", "d", "--port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BrokerArgs.parse("--data-dir", "d", "--verbose")).hasMessageContaining("--verbose");
    }
}
