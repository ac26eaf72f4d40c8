package io.modelcompose.shared.config.tree;


/**
 * One key of a mapping with its value.
 *
 * @param key the key text
 * @param keyLocation where the key was written
 * @param value the value
 */
public record YField(String key, SourceLocation keyLocation, YNode value) {

    public YField withValue(YNode newValue) {
        return new YField(key, keyLocation, newValue);
    }

    public YField withKey(String newKey) {
        return new YField(newKey, keyLocation, value);
    }
}
