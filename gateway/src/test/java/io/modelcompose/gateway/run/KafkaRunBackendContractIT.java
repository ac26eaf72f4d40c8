package io.modelcompose.gateway.run;

import io.modelcompose.gateway.kafka.KafkaRunBackend;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.RunEvents.RunState;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.Topics;
import io.modelcompose.testkit.kafka.EmbeddedKafka;
import io.modelcompose.transport.KafkaClients;
import io.modelcompose.transport.KafkaSettings;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The run-backend contract on the Kafka backend and a real broker: runs are requested on the runs topic and their
 * states read from the run-state topic, where this test writes what a scheduler would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaRunBackendContractIT extends RunBackendContract {
    private final Vertx vertx = Vertx.vertx();
    private Topics topics;
    private KafkaRunBackend backend;
    private KafkaProducer<String, byte[]> scheduler;

    @BeforeAll
    void start() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        topics = new Topics(kafka.newTopicPrefix().replaceAll("-$", ""));
        KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), topics, "contract", KafkaClients.create());
        backend = new KafkaRunBackend(vertx, settings, 10_000, FinishedRunLimits.defaults());
        await(backend.start());
        scheduler = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void stop() {
        scheduler.close();
        backend.close();
        await(vertx.close());
    }

    @Override
    protected RunBackend backend() {
        return backend;
    }

    @Override
    protected void schedulerFinishes(RunSnapshot finished) {
        try {
            scheduler.send(new ProducerRecord<>(topics.runState(), finished.runId(),
                    EventCodec.encode(new RunState(finished)))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot write the run's state", e);
        }
    }
}
