package io.modelcompose.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker JVM maps a class-data archive only when one was recorded. */
class ClassDataOptionsTest {
    @TempDir
    Path dir;

    @Test
    void mapsAnExistingArchiveQuietly() throws IOException {
        Path archive = Files.writeString(dir.resolve("compose-broker.jsa"), "archive");

        assertThat(EmbeddedBrokerProcess.classDataOptions(archive.toString())).containsExactly(
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void addsNothingWithoutAnArchive() {
        assertThat(EmbeddedBrokerProcess.classDataOptions(null)).isEmpty();
        assertThat(EmbeddedBrokerProcess.classDataOptions(" ")).isEmpty();
        assertThat(EmbeddedBrokerProcess.classDataOptions(dir.resolve("missing.jsa").toString())).isEmpty();
        assertThat(EmbeddedBrokerProcess.classDataOptions(dir.toString())).as("a folder").isEmpty();
    }
}
