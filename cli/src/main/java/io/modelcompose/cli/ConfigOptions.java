package io.modelcompose.cli;

import io.modelcompose.cli.up.EnvOverridesFile;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that select and parameterise the configuration. Mixed into the top command and every subcommand, so
 * that {@code compose-cli -f a.yml up} and {@code compose-cli up -f a.yml} both work; values given on both merge in
 * command-line order.
 */
public final class ConfigOptions {
    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Config file (repeatable; later files override earlier ones)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Environment file (repeatable; later files win)")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Environment variable (highest precedence)")
    List<String> env = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Debug logging and stack traces")
    boolean verbose;

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "Project folder: .env, relative paths and .compose/ state (default: the current folder)")
    Path projectDirectory;

    /** {@code -e} values handed over by {@code up -d} (see {@link EnvOverridesFile}); read once, shared by merges. */
    private OverridesFromFile overridesFromFile = new OverridesFromFile();

    @Option(names = EnvOverridesFile.OPTION, paramLabel = "FILE", hidden = true)
    void envOverridesFile(Path file) {
        overridesFromFile.file = file;
    }

    /** The values of the hidden file option, read (and the file deleted) the first time they are needed. */
    private static final class OverridesFromFile {
        private Path file;
        private Map<String, String> values;

        synchronized Map<String, String> values() {
            if (values == null) {
                values = file == null ? Map.of() : EnvOverridesFile.readOnce(file);
            }
            return values;
        }
    }

    /** These options followed by {@code later}'s. */
    ConfigOptions mergedWith(ConfigOptions later) {
        ConfigOptions merged = new ConfigOptions();
        merged.files.addAll(files);
        merged.files.addAll(later.files);
        merged.envFiles.addAll(envFiles);
        merged.envFiles.addAll(later.envFiles);
        merged.env.addAll(env);
        merged.env.addAll(later.env);
        merged.verbose = verbose || later.verbose;
        merged.projectDirectory = later.projectDirectory != null ? later.projectDirectory : projectDirectory;
        merged.overridesFromFile = later.overridesFromFile.file != null ? later.overridesFromFile : overridesFromFile;
        return merged;
    }

    Path projectDir() {
        Path cwd = Path.of("").toAbsolutePath();
        return projectDirectory == null ? cwd : cwd.resolve(projectDirectory).normalize();
    }

    LoadRequest loadRequest() {
        Map<String, String> overrides = new LinkedHashMap<>(overridesFromFile.values());
        for (String entry : env) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "invalid -e entry '" + entry + "': expected KEY=VALUE");
            }
            overrides.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        Path cwd = Path.of("").toAbsolutePath();
        boolean elsewhere = !projectDir().equals(cwd);
        List<Path> configFiles = files.stream().map(f -> elsewhere ? cwd.resolve(f) : f).toList();
        List<Path> envFileList = envFiles.stream().map(f -> elsewhere ? cwd.resolve(f) : f).toList();
        return new LoadRequest(configFiles, envFileList, overrides, System.getenv(), projectDir());
    }

    ComposeConfig load() {
        return ConfigLoader.load(loadRequest());
    }
}
