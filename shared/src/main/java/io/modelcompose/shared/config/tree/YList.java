package io.modelcompose.shared.config.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A YAML sequence.
 *
 * @param items the items in order
 * @param location where the sequence starts
 */
public record YList(List<YNode> items, SourceLocation location) implements YNode {

    public YList {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }

    @Override
    public Object toPlain() {
        List<Object> plain = new ArrayList<>(items.size());
        items.forEach(item -> plain.add(item.toPlain()));
        return Collections.unmodifiableList(plain);
    }
}
