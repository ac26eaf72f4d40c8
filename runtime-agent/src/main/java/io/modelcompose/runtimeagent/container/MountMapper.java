package io.modelcompose.runtimeagent.container;

import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.VolumeOptions;
import io.modelcompose.shared.config.docker.VolumeMount;
import io.modelcompose.shared.error.ComposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code volumes:} → engine mounts: bind (read-only, propagation), volume (nocopy), tmpfs (size, octal mode). */
final class MountMapper {
    private static final String KEY = "volumes";

    private MountMapper() {
    }

    static List<Mount> mounts(List<VolumeMount> volumes, Path projectDir, OptionSource source) {
        List<Mount> mounts = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            mounts.add(mount(volumes.get(i), new Item(source, i), projectDir));
        }
        return mounts;
    }

    /** One item of the list, for errors that name it. */
    private record Item(OptionSource source, int index) {
        ComposeException invalid(String message) {
            return source.invalid(KEY, index, message);
        }
    }

    private static Mount mount(VolumeMount volume, Item item, Path projectDir) {
        if (volume.target() == null || !volume.target().startsWith("/")) {
            throw item.invalid("mount target '" + volume.target() + "' is not an absolute container path");
        }
        Mount mount = new Mount().withTarget(volume.target()).withReadOnly(volume.readOnly());
        return switch (volume.type()) {
            case BIND -> bind(mount, volume, projectDir, item);
            case VOLUME -> mount.withType(MountType.VOLUME).withSource(volume.source())
                    .withVolumeOptions(new VolumeOptions().withNoCopy(volume.noCopy()));
            case TMPFS -> mount.withType(MountType.TMPFS).withTmpfsOptions(tmpfs(volume, item));
        };
    }

    private static Mount bind(Mount mount, VolumeMount volume, Path projectDir, Item item) {
        if (volume.source() == null || volume.source().isBlank()) {
            throw item.invalid("bind mount of '" + volume.target() + "' has no source");
        }
        Path host = projectDir.resolve(volume.source()).toAbsolutePath().normalize();
        mount.withType(MountType.BIND).withSource(host.toString());
        if (volume.propagation() != null) {
            mount.withBindOptions(new BindOptions().withPropagation(propagation(volume.propagation(), item)));
        }
        return mount;
    }

    private static BindPropagation propagation(String written, Item item) {
        return switch (written.toLowerCase(Locale.ROOT)) {
            case "rprivate" -> BindPropagation.R_PRIVATE;
            case "private" -> BindPropagation.PRIVATE;
            case "rshared" -> BindPropagation.R_SHARED;
            case "shared" -> BindPropagation.SHARED;
            case "rslave" -> BindPropagation.R_SLAVE;
            case "slave" -> BindPropagation.SLAVE;
            default -> throw item.invalid("bind propagation '" + written
                    + "' is not one of rprivate, private, rshared, shared, rslave, slave");
        };
    }

    private static TmpfsOptions tmpfs(VolumeMount volume, Item item) {
        TmpfsOptions options = new TmpfsOptions();
        if (volume.tmpfsSizeBytes() != null) {
            options.withSizeBytes(volume.tmpfsSizeBytes());
        }
        if (volume.tmpfsMode() != null) {
            options.withMode(octal(volume.tmpfsMode(), item));
        }
        return options;
    }

    /** A mode written as 1777 means octal 01777 (the way chmod and docker compose read it). */
    private static int octal(int written, Item item) {
        try {
            return Integer.parseInt(Integer.toString(written), 8);
        } catch (NumberFormatException e) {
            throw item.invalid("tmpfs mode " + written + " is not an octal mode such as 1777");
        }
    }
}
