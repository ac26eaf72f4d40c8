package io.modelcompose.cli.runtime;

import java.util.ArrayList;
import java.util.List;

/** A header and rows as {@code ps} prints them: every column padded to its widest cell, three spaces apart. */
public final class TextTable {
    private static final String GAP = "   ";

    private TextTable() {
    }

    /** The lines, each ending with a line break; every row has as many cells as the header. */
    public static String render(List<String> header, List<List<String>> rows) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            if (line.size() != widths.length) {
                throw new IllegalArgumentException("a row has " + line.size() + " cells, the header " + widths.length);
            }
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            text.append(line(line, widths)).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            text.append(cell);
            if (i < cells.size() - 1) {
                text.append(" ".repeat(widths[i] - cell.length())).append(GAP);
            }
        }
        return text.toString();
    }
}
