package io.modelcompose.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of a README's {@code ```sh} blocks, as a user would type them: continuation lines joined,
 * trailing {@code # comments} (outside quotes) and blank lines dropped.
 */
final class ReadmeCommands {
    private ReadmeCommands() {
    }

    /** Every block's commands, block by block. */
    static List<List<String>> blocks(Path readme) throws IOException {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(readme)) {
            if (current == null) {
                if (line.strip().equals("```sh")) {
                    current = new ArrayList<>();
                }
                continue;
            }
            if (line.strip().equals("```")) {
                blocks.add(current);
                current = null;
                continue;
            }
            String code = withoutComment(line).stripTrailing();
            if (code.endsWith("\\")) {
                pending.append(code.substring(0, code.length() - 1).strip()).append(' ');
                continue;
            }
            String command = (pending + code.strip()).strip();
            pending.setLength(0);
            if (!command.isEmpty()) {
                current.add(command);
            }
        }
        return blocks;
    }

    /** The line up to a {@code #} that starts a comment: at the start or after a blank, outside quotes. */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
