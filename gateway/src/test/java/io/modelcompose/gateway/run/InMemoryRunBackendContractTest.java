package io.modelcompose.gateway.run;

import io.modelcompose.gateway.FakeRunBackend;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The run-backend contract on the gateway tests' in-memory twin. */
class InMemoryRunBackendContractTest extends RunBackendContract {
    private Vertx vertx;
    private FakeRunBackend backend;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        backend = new FakeRunBackend(vertx);
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Override
    protected RunBackend backend() {
        return backend;
    }

    @Override
    protected void schedulerFinishes(RunSnapshot finished) {
        if (finished.status() == RunStatus.COMPLETED) {
            backend.complete(finished.runId(), finished.output());
        } else {
            backend.fail(finished.runId(), finished.error());
        }
    }
}
