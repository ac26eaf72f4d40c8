package io.modelcompose.worker.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads pid files written by test commands and checks whether those processes still run. */
final class Processes {
    private Processes() {
    }

    /** The pids in the given files (each file holds one pid written by {@code echo $! > file}). */
    static List<Long> pids(Path... files) throws IOException {
        List<Long> pids = new ArrayList<>();
        for (Path file : files) {
            pids.add(Long.parseLong(Files.readString(file).trim()));
        }
        return pids;
    }

    /** True when every file exists and holds a complete line. */
    static boolean written(Path... files) throws IOException {
        for (Path file : files) {
            if (!Files.exists(file) || !Files.readString(file).endsWith("\n")) {
                return false;
            }
        }
        return true;
    }

    /** Alive and not a zombie waiting to be reaped (a killed orphan may linger as one until init reaps it). */
    static boolean running(long pid) {
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String text = Files.readString(stat);
            int end = text.lastIndexOf(')');
            return end > 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
