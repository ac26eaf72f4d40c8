package io.modelcompose.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The main classes of every production module (imported once per test JVM) and which module each comes from. */
final class ProductionClasses {
    /** The deployable roles: none may depend on another. */
    static final Set<String> SERVICES = Set.of("scheduler", "worker", "gateway", "runtime-agent");
    /** {@code <module>/target/classes/} while the reactor builds. */
    private static final Pattern CLASSES_DIR = Pattern.compile("/([a-z-]+)/target/classes/");
    /** {@code compose-<module>[-<version>].jar} once packaged or installed. */
    private static final Pattern JAR = Pattern.compile("/compose-([a-z-]+?)(?:-\\d[^/]*)?\\.jar!");

    private ProductionClasses() {
    }

    static JavaClasses all() {
        return Holder.CLASSES;
    }

    /** The Maven module a class was compiled in, by where it was loaded from. */
    static Optional<String> moduleOf(JavaClass javaClass) {
        return javaClass.getSource().map(source -> source.getUri().toString()).flatMap(uri -> {
            Matcher dir = CLASSES_DIR.matcher(uri);
            if (dir.find()) {
                return Optional.of(dir.group(1));
            }
            Matcher jar = JAR.matcher(uri);
            return jar.find() ? Optional.of(jar.group(1)) : Optional.empty();
        });
    }

    /** Lazily imported on first use, so that each test class shares one import. */
    private static final class Holder {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.modelcompose");
    }
}
