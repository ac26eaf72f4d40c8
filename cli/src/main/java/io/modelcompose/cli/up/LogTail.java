package io.modelcompose.cli.up;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/** Reads a growing file line by line from where it stopped; starts again when it is truncated or replaced. */
final class LogTail {
    private final Path file;
    private final Consumer<String> sink;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long position;
    private Object fileKey;

    LogTail(Path file, Consumer<String> sink) {
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
