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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shell component. Processes run on a bounded, named worker executor ({@code compose-shell}); a timeout or a
 * cancellation kills the whole process tree. Output goes to temporary files, so no reader threads are needed.
 */
final class ShellExecutor implements ComponentExecutor, AutoCloseable {
    private static final int ERROR_EXCERPT = 500;
    private final WorkerExecutor pool;

    ShellExecutor(Vertx vertx, int maxProcesses) {
        this.pool = vertx.createSharedWorkerExecutor("compose-shell", maxProcesses, 1, TimeUnit.DAYS);
    }

    @Override
    public Future<ComponentResult> execute(ExecutionRequest request, CancelSignal cancel) {
        ShellAction action = (ShellAction) request.action();
        Scope scope = scope(request);
        List<String> argv = commandLine(Templates.render(action.command(), scope));
        Map<String, String> env = environment(Templates.render(action.env(), scope));
        Path dir = workingDir(request, Templates.render(action.workingDir(), scope));
        return pool.executeBlocking(() -> run(argv, env, dir, request.timeoutMillis(), cancel, action.failOnError()),
                false);
    }

    private static Scope scope(ExecutionRequest request) {
        Map<String, Object> sources = new HashMap<>();
        sources.put("input", request.input());
        sources.put("context", request.context());
        sources.put("env", request.env());
        return Scope.of(sources);
    }

    static List<String> commandLine(Object command) {
        if (command instanceof List<?> list) {
            List<String> argv = new ArrayList<>(list.size());
            list.forEach(a -> argv.add(Values.toText(a)));
            if (argv.isEmpty()) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "shell command is an empty list");
            }
            return argv;
        }
        String text = Values.toText(command);
        if (text.isBlank()) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "shell command is empty");
        }
        return List.of("sh", "-c", text);
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
            CancelSignal cancel, boolean failOnError) throws IOException, InterruptedException {
        Path out = Files.createTempFile("compose-sh", ".out");
        Path err = Files.createTempFile("compose-sh", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new ComposeException(ErrorCode.COMPONENT_FAILED, "cannot start " + argv.get(0) + ": "
                        + e.getMessage());
            }
            cancel.onCancel(() -> killTree(process));
            if (!awaitExit(process, timeoutMillis)) {
                killTree(process);
                process.waitFor();
                throw new ComposeException(ErrorCode.TIMEOUT, "command timed out after " + timeoutMillis + "ms");
            }
            if (cancel.isCancelled()) {
                throw new ComposeException(ErrorCode.CANCELLED, "command cancelled");
            }
            return result(process.exitValue(), read(out), read(err), failOnError);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean awaitExit(Process process, long timeoutMillis) throws InterruptedException {
        if (timeoutMillis > 0) {
            return process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        process.waitFor();
        return true;
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

    private static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
        }
        return text;
    }

    /** Kills the process and every descendant, children first. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        pool.close();
    }
}
