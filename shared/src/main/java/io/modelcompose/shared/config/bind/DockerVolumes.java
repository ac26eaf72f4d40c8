package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.docker.VolumeMount;
import io.modelcompose.shared.config.docker.VolumeMount.Type;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binds {@code volumes}. Short form {@code SOURCE:TARGET[:OPTIONS]}: a source starting with {@code .}, {@code /} or
 * {@code ~} is a bind mount (made absolute against the project folder), any other source names a volume, and a lone
 * {@code TARGET} is an anonymous volume. Options (comma-separated): {@code ro}, {@code rw}, a bind propagation
 * ({@code rprivate}, {@code shared}, ...) or {@code nocopy}. The long form is bound by {@link DockerVolumeLongForm}.
 */
final class DockerVolumes {
    static final List<String> PROPAGATIONS = List.of("rprivate", "private", "rshared", "shared", "rslave", "slave");

    private DockerVolumes() {
    }

    static List<VolumeMount> bind(YList list, String path, BindContext context) {
        List<VolumeMount> mounts = new ArrayList<>();
        if (list == null) {
            return mounts;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            String itemPath = ConfigPath.index(path, i);
            VolumeMount mount = item instanceof YMap
                    ? DockerVolumeLongForm.bind(Fields.of(item, itemPath, context.problems), context)
                    : shortForm(item, itemPath, context);
            if (mount != null) {
                mounts.add(mount);
            }
        }
        return mounts;
    }

    private static VolumeMount shortForm(YNode item, String path, BindContext context) {
        if (!(item instanceof YScalar scalar) || scalar.isNull()) {
            context.problems.wrongType(item, path, "a volume (SOURCE:TARGET[:ro] or a mapping)");
            return null;
        }
        String text = scalar.text().trim();
        String[] parts = text.split(":", -1);
        if (parts.length > 3 || text.isEmpty()) {
            context.problems.add(item.location(), path, "invalid volume '" + text + "' (use SOURCE:TARGET[:ro])");
            return null;
        }
        String target = parts.length == 1 ? parts[0] : parts[1];
        if (!target.startsWith("/")) {
            context.problems.add(item.location(), path, "invalid volume '" + text + "': the target '" + target
                    + "' must be an absolute path");
            return null;
        }
        if (parts.length == 1) {
            return new VolumeMount(Type.VOLUME, null, target, false, null, false, null, null);
        }
        boolean bind = isHostPath(parts[0]);
        String source = bind ? hostPath(parts[0], context) : parts[0];
        return withOptions(new VolumeMount(bind ? Type.BIND : Type.VOLUME, source, target, false, null, false, null,
                null), parts.length == 3 ? parts[2] : "", text, item, path, context);
    }

    private static VolumeMount withOptions(VolumeMount mount, String options, String text, YNode item, String path,
            BindContext context) {
        boolean readOnly = false;
        boolean noCopy = false;
        String propagation = null;
        for (String option : options.isEmpty() ? new String[0] : options.split(",")) {
            String name = option.trim().toLowerCase(Locale.ROOT);
            if (name.equals("ro") || name.equals("rw")) {
                readOnly = name.equals("ro");
            } else if (name.equals("nocopy") && mount.type() == Type.VOLUME) {
                noCopy = true;
            } else if (PROPAGATIONS.contains(name) && mount.type() == Type.BIND) {
                propagation = name;
            } else {
                context.problems.add(item.location(), path, "invalid volume option '" + option + "' in '" + text
                        + "' (allowed: ro, rw, nocopy for volumes, " + String.join(", ", PROPAGATIONS)
                        + " for binds)");
            }
        }
        return new VolumeMount(mount.type(), mount.source(), mount.target(), readOnly, propagation, noCopy, null,
                null);
    }

    static boolean isHostPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
    }

    /** The host path made absolute: {@code ~} is the user's home, a relative path is under the project folder. */
    static String hostPath(String source, BindContext context) {
        if (source.equals("~") || source.startsWith("~/")) {
            String home = System.getProperty("user.home");
            return Path.of(home, source.substring(1).replaceFirst("^/", "")).normalize().toString();
        }
        return context.projectDir.resolve(source).toAbsolutePath().normalize().toString();
    }
}
