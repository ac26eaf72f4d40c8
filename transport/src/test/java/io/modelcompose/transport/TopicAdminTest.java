package io.modelcompose.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.event.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The topics created at start, and their partition counts on a cluster and on the embedded single-node broker. */
class TopicAdminTest {
    private static Map<String, Integer> partitions(Topics topics) {
        return TopicAdmin.wanted(topics).stream().collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));
    }

    @Test
    void aClusterGetsPartitionsForManyWorkers() {
        Map<String, Integer> counts = partitions(new Topics("c"));

        assertThat(counts).containsEntry("c.jobs", 24).containsEntry("c.runs", 12).containsEntry("c.run-state", 12)
                .containsEntry("c.run-events", 12).containsEntry("c.leases", 12)
                .containsEntry("c.chunks", 12).containsEntry("c.scheduler-lock", 1).containsEntry("c.heartbeats", 1)
                .hasSize(12);
    }

    @Test
    void theEmbeddedBrokerGetsFewerPartitionsOfTheSameTopics() {
        Map<String, Integer> counts = partitions(Topics.singleHost("c"));

        assertThat(counts.keySet()).isEqualTo(partitions(new Topics("c")).keySet());
        assertThat(counts).containsEntry("c.jobs", 8).containsEntry("c.runs", 4).containsEntry("c.run-state", 4)
                .containsEntry("c.scheduler-lock", 1);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(8 + 5 * 4 + 6);
    }

    @Test
    void chunksAreKeptForAnHourOnly() {
        NewTopic chunks = TopicAdmin.wanted(new Topics("c")).stream().filter(t -> t.name().equals("c.chunks"))
                .findFirst().orElseThrow();

        assertThat(chunks.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "3600000");
    }

    @Test
    void rejectsPartitionCountsBelowOne() {
        assertThatThrownBy(() -> new Topics("c", 0, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
