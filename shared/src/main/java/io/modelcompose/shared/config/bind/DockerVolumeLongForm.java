package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.docker.VolumeMount;
import io.modelcompose.shared.config.docker.VolumeMount.Type;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds a long-form volume: {@code {type: bind|volume|tmpfs, source, target, read_only, bind: {propagation},
 * volume: {nocopy}, tmpfs: {size, mode}}}. A tmpfs mode is kept as written ({@code 1777} means octal 01777).
 */
final class DockerVolumeLongForm {
    private static final Set<String> KEYS = Set.of("type", "source", "target", "read_only", "bind", "volume",
            "tmpfs");
    private static final List<String> TYPES = List.of("bind", "volume", "tmpfs");

    private DockerVolumeLongForm() {
    }

    static VolumeMount bind(Fields fields, BindContext context) {
        fields.allowOnly(KEYS);
        fields.requireKey("type", " (bind, volume or tmpfs)");
        fields.requireKey("target", "");
        String typeName = fields.choice("type", null, TYPES);
        if (typeName == null) {
            return null;
        }
        Type type = Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        rejectForeignOptions(fields, typeName);
        String source = source(fields, type, context);
        String propagation = null;
        boolean noCopy = false;
        Long tmpfsSize = null;
        Integer tmpfsMode = null;
        if (type == Type.BIND && fields.has("bind")) {
            Fields bind = section(fields, "bind", Set.of("propagation"));
            propagation = bind.choice("propagation", null, DockerVolumes.PROPAGATIONS);
        } else if (type == Type.VOLUME && fields.has("volume")) {
            noCopy = section(fields, "volume", Set.of("nocopy")).bool("nocopy", false);
        } else if (type == Type.TMPFS && fields.has("tmpfs")) {
            Fields tmpfs = section(fields, "tmpfs", Set.of("size", "mode"));
            tmpfsSize = tmpfs.size("size");
            tmpfsMode = mode(tmpfs);
        }
        return new VolumeMount(type, source, fields.string("target"), fields.bool("read_only", false), propagation,
                noCopy, tmpfsSize, tmpfsMode);
    }

    private static String source(Fields fields, Type type, BindContext context) {
        String source = fields.string("source");
        if (type == Type.BIND) {
            fields.requireKey("source", " (the host path)");
            return source == null ? null : DockerVolumes.hostPath(source, context);
        }
        if (type == Type.TMPFS && source != null) {
            fields.problem("source", "a tmpfs mount has no source");
            return null;
        }
        return source;
    }

    private static void rejectForeignOptions(Fields fields, String type) {
        for (String section : List.of("bind", "volume", "tmpfs")) {
            if (!section.equals(type) && fields.has(section)) {
                fields.problem(section, "'" + section + "' options need type: " + section);
            }
        }
    }

    private static Fields section(Fields fields, String key, Set<String> allowed) {
        Fields section = Fields.of(fields.node(key), fields.path(key), fields.problems());
        section.allowOnly(allowed);
        return section;
    }

    private static Integer mode(Fields tmpfs) {
        YNode node = tmpfs.node("mode");
        if (node == null) {
            return null;
        }
        if (node instanceof YScalar scalar && scalar.text().trim().matches("[0-7]{1,4}")) {
            return Integer.valueOf(scalar.text().trim());
        }
        tmpfs.problems().wrongType(node, tmpfs.path("mode"), "an octal mode such as 1777");
        return null;
    }
}
