package io.modelcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.event.RunSnapshot;
import io.modelcompose.shared.event.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An error the engine reports (run state, topics, logs) never quotes a secret value of the environment. */
class RunEngineSecretsTest {
    private static final String KEY = "sk-live-0123456789abcdef";

    @Test
    void masksASecretValueQuotedByAFailedCastInAJobInput(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model-compose.yml"), """
                workflow:
                  jobs:
                    - id: call
                      component: shell
                      command: echo hi
                      input: { n: "${env.OPENAI_API_KEY as integer}" }
                """);
        ComposeConfig config = ConfigLoader.load(new LoadRequest(List.of(), List.of(),
                Map.of("OPENAI_API_KEY", KEY), Map.of(), dir));
        EngineHarness h = new EngineHarness(config);

        h.submit("r1", null);

        RunSnapshot run = h.result("r1");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("to integer").contains("***").doesNotContain(KEY);
    }
}
