package io.modelcompose.cli.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** The last lines of a stream or file, kept for error messages. */
final class LineTail {
    private static final int FILE_TAIL_BYTES = 16 * 1024;

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    LineTail(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last {@code count} lines of {@code file}, or none when it does not exist. */
    static List<String> lastLinesOf(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, FILE_TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // fill the buffer from the tail of the file
            }
            String[] all = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\\R");
            return Arrays.asList(all).subList(Math.max(0, all.length - count), all.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
