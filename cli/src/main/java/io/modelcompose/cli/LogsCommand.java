package io.modelcompose.cli;

import io.modelcompose.cli.docker.DockerLogs;
import io.modelcompose.cli.docker.ProjectName;
import io.modelcompose.cli.up.ProjectState;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.RuntimeConfig.RuntimeType;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code compose-cli logs [-f] [ROLE]...}: prints {@code .compose/up.log}, the output of a detached native
 * {@code up -d}, or with {@code runtime: docker} the output of the project's container ({@link DockerLogs}). ROLE
 * keeps the lines written by that role (see {@link LogSetup#roleOf}), with the continuation lines (stack traces) of
 * the kept entries. {@code -f} keeps printing new lines until interrupted or until the running {@code up} process
 * (or the container) ends; a truncated or replaced file is read again from its start.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Show the logs of a detached 'up -d' (.compose/up.log), or of the runtime: docker container.")
final class LogsCommand implements Callable<Integer> {
    static final long POLL_MILLIS = 200;
    private static final Pattern ENTRY = Pattern.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} +[A-Z]+ +\\[([a-z-]+)] ");

    @ParentCommand
    ComposeCli parent;

    // Not the ConfigOptions mixin: here -f is --follow (as in 'docker compose logs -f'); the config file is --file
    // after the command, or -f before it ('compose-cli -f a.yml logs -f').
    @Option(names = "--file", paramLabel = "FILE", description = "Config file (repeatable)")
    List<Path> files = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Environment file (repeatable)")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VALUE", description = "Environment variable")
    List<String> env = new ArrayList<>();

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "Project folder (default: the current folder)")
    Path projectDirectory;

    @Option(names = {"-v", "--verbose"}, description = "Stack traces on errors")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--follow"},
            description = "Keep printing new lines until Ctrl+C or until 'up' (or its container) stops")
    boolean follow;

    @Parameters(arity = "0..*", paramLabel = "ROLE",
            description = "Only these roles' lines: gateway, scheduler, worker, runtime-agent, broker, kafka, compose")
    List<String> roles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ConfigOptions all = parent.options.mergedWith(ownOptions());
        ComposeConfig config = all.load();
        RoleFilter filter = new RoleFilter(checkedRoles());
        PrintWriter out = spec.commandLine().getOut();
        if (config.controller().runtime().type() == RuntimeType.DOCKER) {
            String project = ProjectName.of(config.controller().name(), all.projectDir());
            return new DockerLogs(all.projectDir(), project, follow, filter::keep, out, spec.commandLine().getErr())
                    .run();
        }
        ProjectState state = new ProjectState(all.projectDir());
        if (!Files.isRegularFile(state.logFile())) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "no logs in " + state.logFile() + ": they are kept for"
                    + " 'up -d' (a foreground 'up' logs to the console and file loggers)");
        }
        Tail tail = new Tail(state.logFile(), line -> {
            if (filter.keep(line)) {
                out.println(line);
            }
        });
        tail.readNew();
        out.flush();
        if (follow) {
            followWhileRunning(tail, state, out);
        }
        tail.flushPartial();
        out.flush();
        return ExitCodes.OK;
    }

    private ConfigOptions ownOptions() {
        ConfigOptions own = new ConfigOptions();
        own.files.addAll(files);
        own.envFiles.addAll(envFiles);
        own.env.addAll(env);
        own.projectDirectory = projectDirectory;
        own.verbose = verbose;
        return own;
    }

    private List<String> checkedRoles() {
        List<String> names = roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        for (String name : names) {
            if (!LogSetup.ROLES.contains(name)) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "unknown role '" + name + "': expected one of "
                        + String.join(", ", LogSetup.ROLES));
            }
        }
        return names;
    }

    private static void followWhileRunning(Tail tail, ProjectState state, PrintWriter out) throws IOException {
        try {
            while (state.runningProcess().isPresent()) {
                Thread.sleep(POLL_MILLIS);
                tail.readNew();
                out.flush();
            }
            tail.readNew();
        } catch (InterruptedException | ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the entries of the selected roles (all when none is selected), with their continuation lines. */
    static final class RoleFilter {
        private final List<String> roles;
        private boolean keepingEntry;

        RoleFilter(List<String> roles) {
            this.roles = List.copyOf(roles);
        }

        boolean keep(String line) {
            if (roles.isEmpty()) {
                return true;
            }
            Matcher entry = ENTRY.matcher(line);
            if (entry.find()) {
                keepingEntry = roles.contains(entry.group(1));
            }
            return keepingEntry;
        }
    }

    /** Reads a growing file line by line from where it stopped; starts again when it is truncated or replaced. */
    static final class Tail {
        private final Path file;
        private final java.util.function.Consumer<String> sink;
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private long position;
        private Object fileKey;

        Tail(Path file, java.util.function.Consumer<String> sink) {
            this.file = file;
            this.sink = sink;
        }

        /** Emits every complete line written since the last call. */
        void readNew() throws IOException {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return;
            }
            if (!Objects.equals(attributes.fileKey(), fileKey) || attributes.size() < position) {
                position = 0;
                partial.reset();
                fileKey = attributes.fileKey();
            }
            try (SeekableByteChannel channel = Files.newByteChannel(file)) {
                channel.position(position);
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                int read;
                while ((read = channel.read(buffer)) > 0) {
                    split(buffer.array(), read);
                    position += read;
                    buffer.clear();
                }
            }
        }

        /** Emits a last line that has no line end yet. */
        void flushPartial() {
            if (partial.size() > 0) {
                sink.accept(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
            }
        }

        private void split(byte[] bytes, int length) {
            int start = 0;
            for (int i = 0; i < length; i++) {
                if (bytes[i] == '\n') {
                    partial.write(bytes, start, i - start);
                    String line = partial.toString(StandardCharsets.UTF_8);
                    sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                    partial.reset();
                    start = i + 1;
                }
            }
            partial.write(bytes, start, length - start);
        }
    }
}
