package io.modelcompose.cli.up;

import io.modelcompose.cli.runtime.ExitCodes;
import io.modelcompose.cli.runtime.LogsRequest;
import io.modelcompose.cli.runtime.Project;
import io.modelcompose.cli.runtime.Runtime;
import io.modelcompose.cli.runtime.UpRequest;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The native runtime: {@code up} runs the broker (a child JVM) and the roles in this JVM, or with {@code -d} in a
 * detached copy of this process whose output goes to {@code .compose/up.log}; {@code down} creates {@code .stop}
 * (polled by {@code up} every second) and waits for the process to exit.
 */
public final class NativeRuntime implements Runtime {
    static final long POLL_MILLIS = 200;
    private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration DETACH_TIMEOUT = Duration.ofSeconds(120);

    private final Project project;
    private final ProjectState state;

    public NativeRuntime(Project project) {
        this.project = project;
        this.state = new ProjectState(project.projectDir());
    }

    /** Whether a native {@code up} of this project folder runs. */
    public static boolean running(java.nio.file.Path projectDir) {
        return new ProjectState(projectDir).runningProcess().isPresent();
    }

    @Override
    public int up(UpRequest request) throws Exception {
        ComposeConfig config = project.loadedConfig().orElseThrow();
        Optional<ProcessHandle> running = state.runningProcess();
        if (running.isPresent()) {
            throw new ComposeException(ErrorCode.CONFLICT, "already running (pid " + running.get().pid()
                    + "); run 'compose-cli down' first");
        }
        PortCheck.controllerPortFree(config); // before the broker starts, and before 'up -d' leaves the terminal
        if (request.detach()) {
            ProcessHandle child = Detached.launch(state, request.argsWithoutDetach(), config.controller().host(),
                    DETACH_TIMEOUT);
            project.out().println("compose is up in the background (pid " + child.pid() + "), port "
                    + state.port().orElse(-1) + "; logs in " + state.logFile());
            project.out().flush();
            return ExitCodes.OK;
        }
        request.logSetup().run();
        ServiceSet.Tuning defaults = ServiceSet.Tuning.defaults();
        ServiceSet.Tuning tuning = new ServiceSet.Tuning(request.leaseMillis(), defaults.maxConcurrentJobs(),
                defaults.maxProcesses(), defaults.maxPendingRuns());
        return new NativeUp(config, project.projectDir(), state, BrokerChoice.of(request.kafka(), config),
                ServiceSet.allRoles(), tuning).withLocalAgent().run();
    }

    @Override
    public int down(Optional<Duration> timeout) throws Exception {
        Optional<ProcessHandle> running = state.runningProcess();
        if (running.isEmpty()) {
            state.clearRunning();
            project.out().println("nothing is running in " + state.projectDir());
            return ExitCodes.OK;
        }
        Files.createDirectories(state.projectDir());
        Files.writeString(state.stopFile(), "");
        ProcessHandle process = running.get();
        Duration wait = timeout.orElse(DOWN_TIMEOUT);
        try {
            process.onExit().get(wait.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "pid " + process.pid() + " did not stop within "
                    + wait.toSeconds() + " s");
        }
        Files.deleteIfExists(state.stopFile());
        project.out().println("stopped (pid " + process.pid() + ")");
        return ExitCodes.OK;
    }

    @Override
    public int ps() {
        project.out().print(NativePs.table(state, NativePs::probe));
        project.out().flush();
        return ExitCodes.OK;
    }

    @Override
    public int logs(LogsRequest request) throws IOException {
        if (!Files.isRegularFile(state.logFile())) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "no logs in " + state.logFile() + ": they are kept for"
                    + " 'up -d' (a foreground 'up' logs to the console and file loggers)");
        }
        PrintWriter out = project.out();
        LogTail tail = new LogTail(state.logFile(), line -> {
            if (request.keep().test(line)) {
                out.println(line);
            }
        });
        tail.readNew();
        out.flush();
        if (request.follow()) {
            followWhileRunning(tail, out);
        }
        tail.flushPartial();
        out.flush();
        return ExitCodes.OK;
    }

    private void followWhileRunning(LogTail tail, PrintWriter out) throws IOException {
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
}
