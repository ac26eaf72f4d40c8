package io.modelcompose.testkit.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Finds the shared libraries binaries need (with {@code ldd}) and copies them into a root file system. */
final class NativeLibs {
    private NativeLibs() {
    }

    /**
     * Absolute paths of every library (and the dynamic loader) the given binaries load from the host, leaving out
     * those under {@code own} (libraries the binaries bring along).
     */
    static Set<Path> neededBy(Collection<Path> binaries, Path own) {
        Path ldd = Processes.onPath("ldd");
        Set<Path> libs = new TreeSet<>();
        for (Path binary : binaries) {
            String output = Processes.run(binary.getParent(), 30, List.of(ldd.toString(), binary.toString()));
            output.lines().map(NativeLibs::libraryPath).filter(p -> p != null)
                    .map(Path::normalize).filter(p -> !p.startsWith(own)).forEach(libs::add);
        }
        return libs;
    }

    /** {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)} → the path; {@code /lib64/ld-...} → itself. */
    static Path libraryPath(String lddLine) {
        String line = lddLine.strip();
        int arrow = line.indexOf("=> ");
        String rest = arrow >= 0 ? line.substring(arrow + 3) : line;
        if (!rest.startsWith("/")) {
            return null;
        }
        int space = rest.indexOf(' ');
        return Path.of(space < 0 ? rest : rest.substring(0, space));
    }

    /** Copies each library, symlinks resolved, to the same path under {@code rootfs}. */
    static void copyInto(Set<Path> libs, Path rootfs) throws IOException {
        for (Path lib : libs) {
            Path target = rootfs.resolve(lib.toString().substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(lib.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Binaries and shared objects under {@code dir}, leaving out the GUI and sound libraries. */
    static List<Path> elfFilesOf(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        try (var paths = Files.walk(dir)) {
            paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.toString().endsWith(".so") || p.getParent().getFileName().toString().equals("bin"))
                    .filter(p -> !p.getFileName().toString().matches(".*(awt|font|splash|jsound|lcms|jpeg|mlib).*"))
                    .forEach(found::add);
        }
        return found;
    }
}
