package io.modelcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.RunInterrupt;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalAnswersTest {
    private static final RunInterrupt POINT = new RunInterrupt("review", "r1", "before", "approve xyz?",
            Map.of("text", "xyz"));

    private static Object answer(String typed, StringWriter shown) {
        return new TerminalAnswers(new BufferedReader(new StringReader(typed)), new PrintWriter(shown)).answer(POINT);
    }

    @Test
    void showsTheMessageAndMetadataAndReadsJson() {
        StringWriter shown = new StringWriter();
        assertThat(answer("{\"text\": \"replaced\"}\n", shown)).isEqualTo(Map.of("text", "replaced"));
        assertThat(shown.toString()).contains("interrupted: job 'review' (before): approve xyz?")
                .contains("\"text\" : \"xyz\"");
    }

    @Test
    void anEmptyLineGoesOnAndOtherTextIsTheAnswerItself() {
        assertThat(answer("\n", new StringWriter())).isNull();
        assertThat(answer("", new StringWriter())).isNull();
        assertThat(answer("looks good\n", new StringWriter())).isEqualTo("looks good");
        assertThat(answer("42\n", new StringWriter())).isEqualTo(42);
    }
}
