package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppJarsTest {
    @TempDir
    Path dir;

    private Path file(String relative) throws Exception {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "x");
    }

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void takesThePackagedJarWithItsLibFolder() throws Exception {
        Path cli = file("cli/target/compose-cli.jar");
        file("cli/target/lib/a.jar");
        file("cli/target/lib/b.jar");
        file("cli/target/other.jar");

        assertThat(names(AppJars.locate(cli, "ignored.jar"))).containsExactly("compose-cli.jar", "a.jar", "b.jar");
    }

    @Test
    void takesThePackagedJarsWhenRunFromTheOneJarOfTheSameBuild() throws Exception {
        Path oneJar = file("cli/target/one-jar/compose-cli-all.jar");
        file("cli/target/compose-cli.jar");
        file("cli/target/lib/a.jar");

        assertThat(names(AppJars.locate(oneJar, oneJar.toString()))).containsExactly("compose-cli.jar", "a.jar");
    }

    @Test
    void takesTheFolderOfAnInstalledApp() throws Exception {
        Path cli = file("app/lib/compose-cli-0.1.0.jar");
        file("app/lib/shared.jar");
        file("app/lib/kafka/broker.jar");

        assertThat(names(AppJars.locate(cli, ""))).containsExactly("compose-cli-0.1.0.jar", "shared.jar");
    }

    @Test
    void takesThePackagedLayoutBesideAClassesFolder() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("cli/target/classes"));
        file("cli/target/compose-cli.jar");
        file("cli/target/lib/a.jar");

        assertThat(names(AppJars.locate(classes, ""))).containsExactly("compose-cli.jar", "a.jar");
    }

    @Test
    void packsClassFoldersOfTheClassPathAndExpandsWildcards() throws Exception {
        file("shared/target/classes/io/x/A.class");
        Path classes = dir.resolve("shared/target/classes");
        file("libs/one.jar");
        file("libs/two.jar");
        Path single = file("more/one.jar");
        Path tests = Files.createDirectories(dir.resolve("shared/target/test-classes"));
        String classPath = String.join(File.pathSeparator, classes.toString(), dir.resolve("libs") + File.separator
                + "*", single.toString(), tests.toString());

        List<Path> jars = AppJars.locate(null, classPath);

        assertThat(names(jars)).containsExactly("shared-classes.jar", "one.jar", "two.jar");
        assertThat(jars.get(1)).isEqualTo(dir.resolve("libs/one.jar"));
        try (JarFile packed = new JarFile(jars.get(0).toFile())) {
            assertThat(packed.getEntry("io/x/A.class")).isNotNull();
        }
    }
}
