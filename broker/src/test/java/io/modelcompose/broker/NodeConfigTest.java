package io.modelcompose.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class NodeConfigTest {
    private static final Path DATA_DIR = Path.of("/data/kafka");

    @Test
    void describesOneCombinedNodeOnLoopback() {
        Properties props = NodeConfig.properties(DATA_DIR, new NodePorts(9092, 9093), Map.of());

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("log.dirs", DATA_DIR.resolve("logs").toAbsolutePath().toString());
    }

    @Test
    void keepsTheHeapSmallAndGroupsFast() {
        Properties props = NodeConfig.properties(DATA_DIR, new NodePorts(9092, 9093), Map.of());

        assertThat(props)
                .containsEntry("log.cleaner.dedupe.buffer.size", "8388608")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void overridesReplaceDefaults() {
        Properties props = NodeConfig.properties(DATA_DIR, new NodePorts(9092, 9093), Map.of("num.partitions", "3"));

        assertThat(props).containsEntry("num.partitions", "3");
    }

    @Test
    void isAValidKafkaConfig() {
        Properties props = NodeConfig.properties(DATA_DIR, new NodePorts(9092, 9093), Map.of());

        KafkaConfig config = KafkaConfig.fromProps(props, false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.logCleanerDedupeBufferSize()).isEqualTo(8_388_608L);
    }
}
