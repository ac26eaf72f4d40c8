package io.modelcompose.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBrokerProcessIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_POLLS = 60;

    @TempDir
    Path dataDir;

    @Test
    void childBrokerCarriesRecordsAndStopsOnClose() throws Exception {
        EmbeddedBrokerProcess broker = EmbeddedBrokerProcess.start(dataDir, libDir(), START_TIMEOUT);
        try {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            createTopic(broker.bootstrapServers(), "runs");
            produce(broker.bootstrapServers(), "runs", "hello");

            assertThat(consumeFirst(broker.bootstrapServers(), "runs")).contains("hello");
            assertThat(dataDir.resolve(EmbeddedBrokerProcess.LOG_FILE_NAME)).isNotEmptyFile();
        } finally {
            broker.close();
        }

        assertThat(broker.isAlive()).isFalse();
        assertThat(ProcessHandle.of(broker.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void childExitsWhenItsParentIsKilled() throws Exception {
        Path parentOut = dataDir.resolve("parent.out");
        Process parent = new ProcessBuilder(javaExecutable(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                BrokerParentMain.class.getName(), dataDir.resolve("kafka").toString(), libDir().toString())
                .redirectErrorStream(true)
                .redirectOutput(parentOut.toFile())
                .start();
        long brokerPid = -1;
        try {
            brokerPid = await().atMost(START_TIMEOUT).until(() -> brokerPid(parentOut), pid -> pid > 0);
            assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive)).contains(true);

            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            long pid = brokerPid;
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
        } finally {
            parent.destroyForcibly();
            ProcessHandle.of(brokerPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void reportsAChildThatCannotStart() throws IOException {
        Path bogusLib = Files.createDirectories(dataDir.resolve("bogus-lib"));
        Files.write(bogusLib.resolve("not-a-broker.jar"), new byte[] {0});

        assertThatThrownBy(() -> EmbeddedBrokerProcess.start(dataDir.resolve("kafka"), bogusLib, START_TIMEOUT))
                .isInstanceOfSatisfying(ComposeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining("exited with code")
                .hasMessageContaining(EmbeddedBrokerProcess.MAIN_CLASS);
    }

    @Test
    void givesUpAfterTheTimeoutAndStopsTheChild() {
        ComposeException failure = catchThrowableOfType(ComposeException.class,
                () -> EmbeddedBrokerProcess.start(dataDir, libDir(), Duration.ofMillis(500)));

        assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(failure).hasMessageContaining("was not ready within 500 ms");
        Matcher pid = Pattern.compile("\\(pid (\\d+)\\)").matcher(failure.getMessage());
        assertThat(pid.find()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true));
    }

    private static Path libDir() {
        return EmbeddedBrokerProcess.locateLibDir();
    }

    private static long brokerPid(Path parentOut) throws IOException {
        if (!Files.exists(parentOut)) {
            return -1;
        }
        return Files.readAllLines(parentOut).stream()
                .filter(line -> line.startsWith(BrokerParentMain.PID_PREFIX))
                .mapToLong(line -> Long.parseLong(line.substring(BrokerParentMain.PID_PREFIX.length()).trim()))
                .findFirst().orElse(-1);
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static Optional<String> consumeFirst(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            for (int poll = 0; poll < MAX_POLLS; poll++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return Optional.of(record.value());
                }
            }
        }
        return Optional.empty();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
