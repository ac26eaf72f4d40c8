package io.modelcompose.systemtests;

import io.modelcompose.cli.local.LocalRunner;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The transport contract in memory: the engine and the executors wired by {@code compose-cli run}. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalTransportContractTest extends TransportContract {
    @TempDir
    static Path dir;

    private final Vertx vertx = Vertx.vertx();
    private LocalRunner runner;

    @BeforeAll
    void start() throws Exception {
        Files.writeString(dir.resolve("model-compose.yml"), BODY);
        ComposeConfig config = ConfigLoader.load(new LoadRequest(List.of(), List.of(), Map.of(), Map.of(), dir));
        runner = new LocalRunner(vertx, config, dir);
    }

    @AfterAll
    void stop() {
        runner.close();
        InJvmRoles.await(vertx.close());
    }

    @Override
    Outcome run(String workflowId, Map<String, Object> input) {
        RunSnapshot done = InJvmRoles.await(runner.run(workflowId, input));
        return new Outcome(done.status().wireName(), json(done.output()), done.error());
    }
}
