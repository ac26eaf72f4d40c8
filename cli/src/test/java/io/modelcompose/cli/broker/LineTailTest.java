package io.modelcompose.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineTailTest {
    @Test
    void keepsOnlyTheNewestLines() {
        LineTail tail = new LineTail(2);
        tail.add("one");
        tail.add("two");
        tail.add("three");

        assertThat(tail.lines()).containsExactly("two", "three");
    }

    @Test
    void readsTheLastLinesOfALargeFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broker.log");
        Files.writeString(file, IntStream.rangeClosed(1, 5_000).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LineTail.lastLinesOf(file, 3)).containsExactly("line 4998", "line 4999", "line 5000");
    }

    @Test
    void givesNoLinesForAMissingFile(@TempDir Path dir) {
        assertThat(LineTail.lastLinesOf(dir.resolve("absent.log"), 3)).isEmpty();
    }
}
