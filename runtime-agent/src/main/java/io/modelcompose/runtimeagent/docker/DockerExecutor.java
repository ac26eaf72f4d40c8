package io.modelcompose.runtimeagent.docker;

import com.github.dockerjava.api.DockerClient;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every docker-java call on a fixed pool of named threads ({@code docker-1} ...) with a bounded queue, so that
 * blocking engine calls never run on a caller's thread (an event loop, later) and never pile up without limit.
 * A full queue fails the call with {@link ErrorCode#UNAVAILABLE}; engine failures become
 * {@link ErrorCode#RUNTIME_FAILED}.
 */
public final class DockerExecutor implements AutoCloseable {
    public static final int DEFAULT_THREADS = 4;
    public static final int DEFAULT_QUEUE = 256;
    private static final Logger LOG = LoggerFactory.getLogger(DockerExecutor.class);

    private final DockerClient client;
    private final ThreadPoolExecutor pool;

    public DockerExecutor(DockerClient client, int threads, int queueCapacity) {
        this.client = client;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new NamedThreads(), new ThreadPoolExecutor.AbortPolicy());
    }

    /** An executor on the engine named by the environment, with the default pool and queue sizes. */
    public static DockerExecutor fromEnvironment() {
        return new DockerExecutor(DockerClients.fromEnvironment(), DEFAULT_THREADS, DEFAULT_QUEUE);
    }

    /**
     * Runs {@code call} on the pool.
     *
     * @param action what the call does, for error messages ("start container 'x'")
     */
    public <T> CompletableFuture<T> submit(String action, Function<DockerClient, T> call) {
        try {
            return CompletableFuture.supplyAsync(() -> invoke(action, call), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new ComposeException(ErrorCode.UNAVAILABLE,
                    "docker executor is busy (" + pool.getQueue().size() + " calls waiting); cannot " + action));
        }
    }

    /** Runs {@code call} on the pool for its side effect. */
    public CompletableFuture<Void> run(String action, java.util.function.Consumer<DockerClient> call) {
        return submit(action, c -> {
            call.accept(c);
            return null;
        });
    }

    /** An executor that runs tasks on the pool after {@code delay} (for polling). */
    public Executor after(Duration delay) {
        return CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, pool);
    }

    /** Calls waiting in the queue. */
    public int queued() {
        return pool.getQueue().size();
    }

    private <T> T invoke(String action, Function<DockerClient, T> call) {
        try {
            return call.apply(client);
        } catch (RuntimeException e) {
            throw EngineErrors.toCompose(action, e);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing the docker client failed", e);
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "docker-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
