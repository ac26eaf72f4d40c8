package io.modelcompose.cli.docker;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The application's jars, for the generated image: the CLI jar and everything it runs with. Looked for in order:
 * <ol>
 *   <li>the packaged layout: the CLI jar with its {@code lib/} folder beside it ({@code cli/target}), also when this
 *   process runs from the one-jar build of the same package ({@code cli/target/one-jar/compose-cli-all.jar}), so that
 *   images keep one layer-friendly jar per library;</li>
 *   <li>the installed layout: the CLI jar among the other jars of one folder (the image's {@code /app/lib});</li>
 *   <li>the CLI run from its classes folder of a packaged build ({@code target/classes} beside
 *   {@code target/compose-cli.jar} and {@code target/lib});</li>
 *   <li>the class path ({@code java.class.path}): jars as they are, {@code dir/*} as the jars of the folder, and class
 *   folders packed into jars (test class folders are left out).</li>
 * </ol>
 * Jars with the same file name are taken once (the first).
 */
public final class AppJars {
    static final String CLI_JAR = "compose-cli.jar";
    /** The CLI and all its libraries in one jar, in {@code one-jar/} beside {@link #CLI_JAR} (run by compose-cli). */
    static final String ONE_JAR = "compose-cli-all.jar";

    private AppJars() {
    }

    /** The jars of this process. */
    public static List<Path> locate() {
        return locate(codeLocation(), System.getProperty("java.class.path", ""));
    }

    static List<Path> locate(Path cliCode, String classPath) {
        try {
            if (cliCode != null && cliCode.getFileName().toString().equals(ONE_JAR)) {
                Path target = cliCode.toAbsolutePath().getParent().getParent();
                if (Files.isRegularFile(target.resolve(CLI_JAR)) && holdsJars(target.resolve("lib"))) {
                    return unique(target.resolve(CLI_JAR), jarsIn(target.resolve("lib")));
                }
            }
            if (cliCode != null && Files.isRegularFile(cliCode)) {
                Path folder = cliCode.toAbsolutePath().getParent();
                if (holdsJars(folder.resolve("lib"))) {
                    return unique(cliCode, jarsIn(folder.resolve("lib")));
                }
                if (jarsIn(folder).size() > 1) {
                    return unique(null, jarsIn(folder));
                }
            }
            if (cliCode != null && Files.isDirectory(cliCode)) {
                Path target = cliCode.toAbsolutePath().getParent();
                if (Files.isRegularFile(target.resolve(CLI_JAR)) && holdsJars(target.resolve("lib"))) {
                    return unique(target.resolve(CLI_JAR), jarsIn(target.resolve("lib")));
                }
            }
            return fromClassPath(classPath);
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot collect the application jars: " + e.getMessage(), e);
        }
    }

    private static List<Path> fromClassPath(String classPath) throws IOException {
        List<Path> jars = new ArrayList<>();
        Path packed = null;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("*")) {
                jars.addAll(jarsIn(Path.of(entry.substring(0, entry.length() - 1))));
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
                jars.add(path);
            } else if (Files.isDirectory(path) && !path.getFileName().toString().equals("test-classes")) {
                packed = packed != null ? packed : Files.createTempDirectory("compose-classes-");
                jars.add(pack(path, packed));
            }
        }
        if (jars.isEmpty()) {
            throw new ComposeException(ErrorCode.INTERNAL, "no application jars on the class path '" + classPath + "'");
        }
        return unique(null, jars);
    }

    /** Packs a class folder into {@code <module>-classes.jar} (module = the folder two levels up). */
    private static Path pack(Path classes, Path into) throws IOException {
        Path module = classes.getParent() == null ? null : classes.getParent().getParent();
        String name = (module == null ? "app" : module.getFileName().toString()) + "-" + classes.getFileName() + ".jar";
        Path jar = into.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<Path> unique(Path first, List<Path> rest) {
        Map<String, Path> byName = new LinkedHashMap<>();
        if (first != null) {
            byName.put(first.getFileName().toString(), first);
        }
        rest.forEach(jar -> byName.putIfAbsent(jar.getFileName().toString(), jar));
        return List.copyOf(byName.values());
    }

    private static boolean holdsJars(Path folder) throws IOException {
        return Files.isDirectory(folder) && !jarsIn(folder).isEmpty();
    }

    private static List<Path> jarsIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path codeLocation() {
        try {
            var source = AppJars.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
