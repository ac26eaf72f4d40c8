package io.modelcompose.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.modelcompose.gateway.kafka.KafkaRunBackend;
import io.modelcompose.gateway.run.FinishedRunLimits;
import io.modelcompose.transport.KafkaSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The gateway's Kafka side, for whoever assembles the roles: started first (it creates the topics and reads run
 * states and heartbeats), handed to {@link GatewayVerticle}, closed after the verticle is undeployed.
 */
public final class KafkaBackend implements AutoCloseable {
    final KafkaRunBackend runs;

    /**
     * @param maxPendingRuns runs waiting before new ones are refused with 429
     * @param finishedLimits how many finished runs are held in memory, and how long (older ones are read back from
     *     Kafka when asked for)
     */
    public KafkaBackend(Vertx vertx, KafkaSettings kafka, long maxPendingRuns, FinishedRunLimits finishedLimits,
            MeterRegistry registry) {
        this.runs = new KafkaRunBackend(vertx, kafka, maxPendingRuns, finishedLimits, registry);
    }

    /** Finished runs held in memory now. */
    public int finishedRunsHeld() {
        return runs.finishedRunsHeld();
    }

    public Future<Void> start() {
        return runs.start();
    }

    @Override
    public void close() {
        runs.close();
    }
}
