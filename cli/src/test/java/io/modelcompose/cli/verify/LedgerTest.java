package io.modelcompose.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test
    void pairsStartAndEndLinesAndKeepsExecutionsWithoutAnEnd() {
        List<Execution> executions = Ledger.parse(List.of(
                "S r1 work 1 1000 41",
                "S r2 work 1 1005 42",
                "",
                "E r1 work 1 1200 41"));

        assertThat(executions).containsExactly(
                new Execution("r1", "work", 1, 1000, 1200, 41),
                new Execution("r2", "work", 1, 1005, Execution.NO_END, 42));
        assertThat(executions.get(1).finished()).isFalse();
    }

    @Test
    void theSameAttemptOnTwoWorkersIsTwoExecutions() {
        assertThat(Ledger.parse(List.of("S r1 work 1 1000 41", "S r1 work 1 1100 42", "E r1 work 1 1300 42")))
                .extracting(Execution::workerPid, Execution::finished)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(41L, false),
                        org.assertj.core.groups.Tuple.tuple(42L, true));
    }

    @Test
    void aMalformedLineIsNamedByItsNumber() {
        assertThatThrownBy(() -> Ledger.parse(List.of("S r1 work 1 1000 41", "S r1 work one 1000 41")))
                .isInstanceOf(ComposeException.class).hasMessage("ledger line 2: 'one' is not a number");
        assertThatThrownBy(() -> Ledger.parse(List.of("E r1 work 1 1000 41")))
                .isInstanceOf(ComposeException.class).hasMessageStartingWith("ledger line 1: end without a start");
    }

    @Test
    void theScriptWritesBothLinesToTheLedger() {
        String script = Ledger.script("ledger.log");

        assertThat(script).startsWith("echo \"S ${context.run_id} ${context.job_id} ${context.attempt} ")
                .contains("sleep ${input.seconds}").endsWith("$PPID\" >> ledger.log");
    }
}
