package io.modelcompose.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.gateway.kafka.KafkaRunBackend;
import io.modelcompose.transport.KafkaSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * The gateway's Kafka side, for whoever assembles the roles: started first (it creates the topics and reads run
 * states and heartbeats), handed to {@link GatewayVerticle}, closed after the verticle is undeployed.
 */
public final class KafkaBackend implements AutoCloseable {
    final KafkaRunBackend runs;

    /**
     * @param maxPendingRuns runs waiting before new ones are refused with 429
     * @param finishedRetention how long finished runs stay readable
     */
    public KafkaBackend(Vertx vertx, KafkaSettings kafka, long maxPendingRuns, Duration finishedRetention,
            MeterRegistry registry) {
        this.runs = new KafkaRunBackend(vertx, kafka, maxPendingRuns, finishedRetention, registry);
    }

    public Future<Void> start() {
        return runs.start();
    }

    @Override
    public void close() {
        runs.close();
    }
}
