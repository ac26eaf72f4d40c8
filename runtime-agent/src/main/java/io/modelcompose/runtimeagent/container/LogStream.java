package io.modelcompose.runtimeagent.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A container's log stream, split into lines (a line may span several frames) and handed to a consumer on
 * docker-java's stream thread. {@link #done()} completes when the stream ends (the container stopped, or
 * {@link #close()} was called).
 */
public final class LogStream extends ResultCallback.Adapter<Frame> {
    private final Consumer<LogLine> consumer;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    LogStream(Consumer<LogLine> consumer) {
        this.consumer = consumer;
    }

    /** Completes when the stream has ended; fails if it broke. */
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void onNext(Frame frame) {
        boolean isErr = frame.getStreamType() == StreamType.STDERR;
        ByteArrayOutputStream buffer = isErr ? stderr : stdout;
        LogLine.Stream stream = isErr ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT;
        synchronized (buffer) {
            for (byte b : frame.getPayload()) {
                if (b == '\n') {
                    emit(buffer, stream);
                } else {
                    buffer.write(b);
                }
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        flush();
        done.completeExceptionally(failure);
        super.onError(failure);
    }

    @Override
    public void onComplete() {
        flush();
        done.complete(null);
        super.onComplete();
    }

    @Override
    public void close() throws IOException {
        super.close();
        flush();
        done.complete(null);
    }

    private void flush() {
        synchronized (stdout) {
            if (stdout.size() > 0) {
                emit(stdout, LogLine.Stream.STDOUT);
            }
        }
        synchronized (stderr) {
            if (stderr.size() > 0) {
                emit(stderr, LogLine.Stream.STDERR);
            }
        }
    }

    private void emit(ByteArrayOutputStream buffer, LogLine.Stream stream) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        consumer.accept(new LogLine(stream, text));
    }
}
