package io.modelcompose.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Testcontainers' KafkaContainer runs the locally built compose/kafka image (no registry) and a record round-trips. */
@RequiresDocker
class KafkaContainerSmokeIT {

    @Test
    void recordRoundTripsThroughTheLocalKafkaImage() throws Exception {
        DockerImageName image = DockerImageName.parse(LocalImages.kafka()).asCompatibleSubstituteFor("apache/kafka");
        try (KafkaContainer kafka = new KafkaContainer(image)) {
            long start = System.nanoTime();
            kafka.start();
            System.err.printf("[smoke] KafkaContainer started in %.1f s%n", (System.nanoTime() - start) / 1e9);
            String topic = "smoke-" + UUID.randomUUID();
            try (var producer = new KafkaProducer<String, String>(producerConfig(kafka.getBootstrapServers()))) {
                producer.send(new ProducerRecord<>(topic, "key-1", "hello from compose")).get();
            }
            assertThat(consumeOne(kafka.getBootstrapServers(), topic)).containsExactly("key-1=hello from compose");
        }
    }

    private static List<String> consumeOne(String bootstrap, String topic) {
        List<String> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(consumerConfig(bootstrap))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.key() + "=" + record.value());
                }
            }
        }
        return received;
    }

    private static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
    }

    private static Map<String, Object> consumerConfig(String bootstrap) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "smoke-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    }
}
