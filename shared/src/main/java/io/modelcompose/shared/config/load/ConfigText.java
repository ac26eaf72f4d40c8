package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.tree.Problems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a config file as UTF-8 text within a size bound. A file over the bound, or bytes that are not UTF-8, are a
 * problem naming the file (and the line of the first bad byte), never a decoder's bare message.
 */
final class ConfigText {
    /** Largest config file read (config files are small; this keeps a parse well under a second). */
    static final long MAX_BYTES = 256L * 1024L;

    private ConfigText() {
    }

    /** The text of the file, or null when a problem was added. */
    static String read(Path path, String name, Problems problems) {
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                problems.add(new SourceLocation(name, 0), "", "config file is too large: " + size
                        + " bytes, limit " + MAX_BYTES);
                return null;
            }
            return decode(Files.readAllBytes(path), name, problems);
        } catch (IOException e) {
            problems.add(new SourceLocation(name, 0), "", "cannot read config file: " + e.getMessage());
            return null;
        }
    }

    static String decode(byte[] bytes, String name, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            problems.add(new SourceLocation(name, lineAt(bytes, offset)), "", "not UTF-8 text (byte 0x"
                    + String.format("%02x", bytes[offset] & 0xff) + " at offset " + offset
                    + "); save the file as UTF-8");
            return null;
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
