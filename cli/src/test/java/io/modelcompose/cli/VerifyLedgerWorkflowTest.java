package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.verify.Execution;
import io.modelcompose.cli.verify.VerifyOptions;
import io.modelcompose.cli.verify.VerifyProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project {@code verify} deploys is valid, and a run of its workflow leaves both jobs in the ledger. */
class VerifyLedgerWorkflowTest {
    @TempDir
    Path dir;

    @Test
    void aRunOfTheLedgerWorkflowWritesAStartAndAnEndPerJob() {
        VerifyOptions options = new VerifyOptions(1, 1, 1, 0, 0, 0, 0, 1, 2, 4, 5000, 1, null, dir, 10);
        VerifyProject project = VerifyProject.write(options, "127.0.0.1:9", "verify-test");

        CliResult result = CliResult.run("--project-directory", dir.toString(), "run", "--input",
                "{\"seconds\": 0.1}");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(project.executions()).hasSize(2).allSatisfy(e -> {
            assertThat(e.finished()).isTrue();
            assertThat(e.attempt()).isEqualTo(1);
            assertThat(e.workerPid()).isEqualTo(ProcessHandle.current().pid());
        });
        assertThat(project.executions()).extracting(Execution::jobId).containsExactly("prep", "work");
        Execution work = project.executions().get(1);
        assertThat(work.endMillis() - work.startMillis()).isGreaterThanOrEqualTo(100);
    }
}
