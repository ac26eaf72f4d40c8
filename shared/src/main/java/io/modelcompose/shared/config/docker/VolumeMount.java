package io.modelcompose.shared.config.docker;

/**
 * One mount. Short forms: {@code ./src:/dst[:ro]} is a bind mount (source relative to the project folder),
 * {@code name:/dst} a named volume.
 *
 * @param type bind, volume or tmpfs
 * @param source host path (bind, already made absolute) or volume name; null for tmpfs
 * @param target path in the container
 * @param readOnly mounted read-only
 * @param propagation bind propagation (rprivate, shared, ...), or null
 * @param noCopy volume nocopy
 * @param tmpfsSizeBytes tmpfs size, or null
 * @param tmpfsMode tmpfs mode (octal as written, e.g. 1777 means 01777), or null
 */
public record VolumeMount(
        Type type,
        String source,
        String target,
        boolean readOnly,
        String propagation,
        boolean noCopy,
        Long tmpfsSizeBytes,
        Integer tmpfsMode) {

    /** Mount kinds. */
    public enum Type { BIND, VOLUME, TMPFS }
}
