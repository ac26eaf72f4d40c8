package io.modelcompose.runtimeagent.testing;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real jar files from the test classpath, to stand in for the application jars of the generated context. */
public final class TestJars {
    private TestJars() {
    }

    /** The jars that hold these classes (classes loaded from folders are left out). */
    public static List<Path> of(Class<?>... classes) {
        return Stream.of(classes).map(TestJars::location).filter(p -> Files.isRegularFile(p)
                && p.toString().endsWith(".jar")).distinct().toList();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
