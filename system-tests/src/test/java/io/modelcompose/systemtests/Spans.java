package io.modelcompose.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Time intervals written by shell jobs ({@code "<start ms> <end ms>"} per line) and how many overlap at most. */
final class Spans {
    private Spans() {
    }

    static List<long[]> read(Path file) throws IOException {
        List<long[]> spans = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+");
            spans.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
        }
        return spans;
    }

    /** The largest number of intervals open at one instant; an interval ending when another starts does not count. */
    static int maxOverlap(List<long[]> spans) {
        List<long[]> edges = new ArrayList<>();
        for (long[] span : spans) {
            edges.add(new long[] {span[0], 1});
            edges.add(new long[] {span[1], -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0;
        int max = 0;
        for (long[] edge : edges) {
            open += (int) edge[1];
            max = Math.max(max, open);
        }
        return max;
    }

    /** Lines of a file, or none while it does not exist yet. */
    static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
