package io.modelcompose.cli;

import io.modelcompose.cli.runtime.LogsRequest;
import io.modelcompose.cli.runtime.Project;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code compose-cli logs [-f] [ROLE]...}: prints {@code .compose/up.log}, the output of a detached native
 * {@code up -d}, or with {@code runtime: docker} the output of the project's container (the Docker runtime). ROLE
 * keeps the lines written by that role (see {@link LogSetup#roleOf}), with the continuation lines (stack traces) of
 * the kept entries. {@code -f} keeps printing new lines until interrupted or until the running {@code up} process
 * (or the container) ends; a truncated or replaced file is read again from its start.
 */
@Command(name = "logs",
        description = "Show the logs of a detached 'up -d' (.compose/up.log), or of the runtime: docker container.",
        footerHeading = "%nExamples:%n",
        footer = {"  compose-cli logs -f worker", "  compose-cli -f other.yml logs --follow",
            "", "As in docker compose, -f after 'logs' is --follow; the config file goes before the command"
                + " (-f FILE) or after it as --file FILE."})
final class LogsCommand implements Callable<Integer> {
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

    @Mixin
    HelpOption help = new HelpOption();

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
        List<String> selected = checkedRoles(all);
        Project project = ProjectCommand.project(all, true, spec);
        return Runtimes.running(project).logs(new LogsRequest(follow, new RoleFilter(selected)::keep));
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

    private List<String> checkedRoles(ConfigOptions all) {
        for (String role : roles) {
            if (!LogSetup.ROLES.contains(role.toLowerCase(Locale.ROOT)) && looksLikeConfigFile(role, all)) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "'" + role + "' is not a role: after 'logs', -f is"
                        + " --follow (as in docker compose); give the config file before the command"
                        + " (compose-cli -f " + role + " logs) or as --file " + role);
            }
        }
        List<String> names = roles.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        for (String name : names) {
            if (!LogSetup.ROLES.contains(name)) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "unknown role '" + name + "': expected one of "
                        + String.join(", ", LogSetup.ROLES));
            }
        }
        return names;
    }

    private static boolean looksLikeConfigFile(String argument, ConfigOptions all) {
        String lower = argument.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yml") || lower.endsWith(".yaml")
                || Files.isRegularFile(all.projectDir().resolve(argument));
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
}
