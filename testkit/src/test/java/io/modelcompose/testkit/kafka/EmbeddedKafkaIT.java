package io.modelcompose.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {
    private static final int MAX_POLLS = 60;

    @Test
    void sharedBrokerDeliversAProducedRecord() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String topic = kafka.newTopicPrefix() + "greetings";
        kafka.createTopics(topic);

        produce(kafka.bootstrapServers(), topic, "run-1", "hello");

        assertThat(readAll(kafka.bootstrapServers(), topic, 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("run-1", "hello"));
    }

    @Test
    void sharedInstanceIsOneBrokerPerJvm() {
        assertThat(EmbeddedKafka.shared()).isSameAs(EmbeddedKafka.shared());
        assertThat(EmbeddedKafka.shared().newTopicPrefix()).isNotEqualTo(EmbeddedKafka.shared().newTopicPrefix());
    }

    @Test
    void brokerFaultCannotHaltTheTestJvm() {
        EmbeddedKafka.shared();

        assertThatThrownBy(() -> Exit.halt(1, "simulated fault"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("simulated fault");
    }

    @Test
    void privateBrokerKeepsRecordsAcrossARestart(@TempDir Path dir) throws Exception {
        String topic = "survivor";
        try (EmbeddedKafka first = EmbeddedKafka.start(dir)) {
            first.createTopics(topic);
            produce(first.bootstrapServers(), topic, "k", "kept");
        }

        try (EmbeddedKafka second = EmbeddedKafka.start(dir)) {
            assertThat(readAll(second.bootstrapServers(), topic, 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("kept");
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads partition 0 from the start until {@code expected} records arrived or the polls ran out. */
    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            for (int poll = 0; poll < MAX_POLLS && records.size() < expected; poll++) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
