package io.modelcompose.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerLibLocatorTest {
    @TempDir
    Path root;

    @Test
    void systemPropertyWinsOverEnvironmentAndCodeLocation() throws IOException {
        Path fromProperty = libDir("property-lib");
        Path fromEnv = libDir("env-lib");

        assertThat(BrokerLibLocator.locate(fromProperty.toString(), fromEnv.toString(), cliClasses()))
                .isEqualTo(fromProperty);
    }

    @Test
    void environmentVariableIsUsedWithoutProperty() throws IOException {
        Path fromEnv = libDir("env-lib");

        assertThat(BrokerLibLocator.locate(null, fromEnv.toString(), cliClasses())).isEqualTo(fromEnv);
    }

    @Test
    void findsBrokerLibsOfTheDevTreeFromCliClasses() throws IOException {
        Path devLib = libDir("broker/target/lib");

        assertThat(BrokerLibLocator.locate(null, null, cliClasses())).isEqualTo(devLib);
    }

    @Test
    void findsBrokerLibsOfTheDevTreeFromCliJar() throws IOException {
        Path devLib = libDir("broker/target/lib");
        Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("compose-cli.jar");

        assertThat(BrokerLibLocator.locate(" ", "", jar)).isEqualTo(devLib);
    }

    @Test
    void findsLibKafkaOfAnInstalledAppHome() throws IOException {
        Path appLib = libDir("app/lib/kafka");
        Path jar = root.resolve("app/lib/compose-cli.jar");

        assertThat(BrokerLibLocator.locate(null, null, jar)).isEqualTo(appLib);
    }

    @Test
    void rejectsAnExplicitFolderWithoutJars() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));

        assertThatThrownBy(() -> BrokerLibLocator.locate(empty.toString(), null, cliClasses()))
                .isInstanceOfSatisfying(ComposeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining(empty.toString())
                .hasMessageContaining(BrokerLibLocator.PROPERTY);
    }

    @Test
    void saysWhereItLookedWhenNothingIsFound() throws IOException {
        assertThatThrownBy(() -> BrokerLibLocator.locate(null, null, cliClasses()))
                .isInstanceOfSatisfying(ComposeException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                .hasMessageContaining(root.resolve("broker/target/lib").toString())
                .hasMessageContaining(BrokerLibLocator.ENV);
    }

    private Path cliClasses() throws IOException {
        return Files.createDirectories(root.resolve("cli/target/classes"));
    }

    private Path libDir(String relative) throws IOException {
        Path dir = Files.createDirectories(root.resolve(relative));
        Files.write(dir.resolve("compose-broker.jar"), new byte[] {0});
        return dir;
    }
}
