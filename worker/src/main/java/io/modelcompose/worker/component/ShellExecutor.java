package io.modelcompose.worker.component;

import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import io.modelcompose.shared.expr.Values;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shell component. Processes run on a bounded, named worker executor ({@code compose-shell}); a timeout or a
 * cancellation kills the whole process tree. Output is collected from pipes by the same thread ({@link ProcessOutput}).
 */
final class ShellExecutor implements ComponentExecutor, AutoCloseable {
    private static final int ERROR_EXCERPT = 500;
    private static final int KILL_ROUNDS = 5;
    private final WorkerExecutor pool;

    ShellExecutor(Vertx vertx, int maxProcesses) {
        this.pool = vertx.createSharedWorkerExecutor("compose-shell", maxProcesses, 1, TimeUnit.DAYS);
    }

    @Override
    public Future<ComponentResult> execute(ExecutionRequest request, CancelSignal cancel) {
        ShellAction action = (ShellAction) request.action();
        Scope scope = scope(request);
        Map<String, String> env = environment(Templates.render(action.env(), scope));
        List<String> argv = commandLine(action.command(), scope, env);
        Path dir = workingDir(request, Templates.render(action.workingDir(), scope));
        long timeoutMillis = timeoutMillis(action, request);
        long limit = OutputLimit.of(request.env());
        return pool.executeBlocking(() -> run(argv, env, dir, timeoutMillis, cancel, action.failOnError(), limit),
                false);
    }

    /** The shorter of the action's own {@code timeout} and the job attempt's limit; 0 = none. */
    static long timeoutMillis(ShellAction action, ExecutionRequest request) {
        long own = action.timeout() == null ? 0 : Math.max(1, action.timeout().toMillis());
        long job = request.timeoutMillis();
        if (own > 0 && job > 0) {
            return Math.min(own, job);
        }
        return Math.max(own, job);
    }

    private static Scope scope(ExecutionRequest request) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", request.input());
        sources.put("context", request.context());
        sources.put("env", request.env());
        return Scope.of(sources);
    }

    /**
     * A list runs without a shell, each rendered element one argument. A string runs through {@code sh -c} as a
     * {@link ShellScript}: its values reach the shell as environment variables (added to {@code env}), never as
     * script text.
     */
    static List<String> commandLine(Object command, Scope scope, Map<String, String> env) {
        if (command instanceof List<?> list) {
            List<String> argv = new ArrayList<>(list.size());
            ((List<?>) Templates.render(list, scope)).forEach(a -> argv.add(Values.toText(a)));
            if (argv.isEmpty()) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "shell command is an empty list");
            }
            return argv;
        }
        ShellScript script = ShellScript.render(Values.toText(command), scope);
        if (script.text().isBlank()) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "shell command is empty");
        }
        env.putAll(script.values());
        return List.of("sh", "-c", script.text());
    }

    private static Map<String, String> environment(Object rendered) {
        Map<String, String> env = new LinkedHashMap<>();
        if (rendered instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), Values.toText(v)));
        }
        return env;
    }

    private static Path workingDir(ExecutionRequest request, Object rendered) {
        Path base = request.projectDir() == null ? Path.of("").toAbsolutePath() : request.projectDir();
        if (rendered == null || Values.toText(rendered).isBlank()) {
            return base;
        }
        return base.resolve(Values.toText(rendered));
    }

    private static ComponentResult run(List<String> argv, Map<String, String> env, Path dir, long timeoutMillis,
            CancelSignal cancel, boolean failOnError, long limit) {
        if (cancel.isCancelled()) {
            throw cancelled();
        }
        Process process = start(argv, env, dir);
        cancel.onCancel(() -> killTree(process));
        ProcessOutput output = new ProcessOutput(limit);
        try {
            if (output.collect(process, timeoutMillis) == ProcessOutput.Exit.TIMED_OUT) {
                killTree(process);
                process.waitFor();
                throw new ComposeException(ErrorCode.TIMEOUT, "command timed out after " + timeoutMillis + "ms");
            }
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new ComposeException(ErrorCode.CANCELLED, "command interrupted (worker shutting down)");
        } finally {
            closeQuietly(process);
        }
        if (cancel.isCancelled()) {
            throw cancelled();
        }
        OutputLimit.check("stdout", output.stdoutBytes(), limit);
        OutputLimit.check("stderr", output.stderrBytes(), limit);
        return result(process.exitValue(), output.stdout(), output.stderr(), failOnError);
    }

    private static Process start(List<String> argv, Map<String, String> env, Path dir) {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.COMPONENT_FAILED, "cannot start " + argv.get(0) + ": "
                    + e.getMessage());
        }
    }

    /** Closes the pipes now rather than when the process object is collected. */
    private static void closeQuietly(Process process) {
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
        } catch (IOException e) {
            // nothing more is read from them
        }
    }

    private static ComposeException cancelled() {
        return new ComposeException(ErrorCode.CANCELLED, "command cancelled");
    }

    private static ComponentResult result(int exitCode, String stdout, String stderr, boolean failOnError) {
        if (exitCode != 0 && failOnError) {
            String excerpt = stderr.length() > ERROR_EXCERPT ? stderr.substring(0, ERROR_EXCERPT) + "..." : stderr;
            throw new ComposeException(ErrorCode.COMPONENT_FAILED, "command exited with code " + exitCode
                    + (excerpt.isEmpty() ? "" : ": " + excerpt.replace('\n', ' ')));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("stdout", stdout);
        result.put("stderr", stderr);
        result.put("exit_code", exitCode);
        Map<String, Object> sources = new HashMap<>(result);
        sources.put("result", result);
        return new ComponentResult(result, sources);
    }

    /**
     * Kills the process and every descendant, children first (so none is re-parented away from the tree before it is
     * seen). Repeats while descendants remain, because a process may fork between the snapshot and the kill.
     */
    static void killTree(Process process) {
        // Snapshot first, then kill the root, so that a shell cannot go on to its next command once its current
        // child dies; orphans are no longer the root's descendants, hence the snapshot.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        for (int round = 0; round < KILL_ROUNDS && !tree.isEmpty(); round++) {
            List<ProcessHandle> next = new ArrayList<>();
            for (ProcessHandle handle : tree) {
                next.addAll(handle.descendants().toList());
                handle.destroyForcibly();
            }
            tree = next;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
