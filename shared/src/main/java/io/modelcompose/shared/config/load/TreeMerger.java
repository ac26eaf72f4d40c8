package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.tree.YField;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges config trees in file order: mappings merge deeply; two non-empty lists whose items all carry an {@code id}
 * merge by id (same id: deep merge in place; new id: appended); anything else (other lists, an empty list, scalars,
 * a change of type) is replaced by the later value. Every node keeps the location of the file that wrote it.
 */
public final class TreeMerger {
    private TreeMerger() {
    }

    public static YNode merge(YNode base, YNode over) {
        if (base instanceof YMap baseMap && over instanceof YMap overMap) {
            return mergeMaps(baseMap, overMap);
        }
        if (base instanceof YList baseList && over instanceof YList overList
                && carryIds(baseList) && carryIds(overList)) {
            return mergeById(baseList, overList);
        }
        return over;
    }

    private static YMap mergeMaps(YMap base, YMap over) {
        Map<String, YField> fields = new LinkedHashMap<>(base.fields());
        for (YField field : over.entries()) {
            YField existing = fields.get(field.key());
            YNode value = existing == null ? field.value() : merge(existing.value(), field.value());
            fields.put(field.key(), field.withValue(value));
        }
        return new YMap(fields, base.location());
    }

    private static boolean carryIds(YList list) {
        return !list.items().isEmpty()
                && list.items().stream().allMatch(item -> item instanceof YMap map && map.text("id") != null);
    }

    private static YList mergeById(YList base, YList over) {
        List<YNode> items = new ArrayList<>(base.items());
        for (YNode item : over.items()) {
            int index = indexOfId(items, ((YMap) item).text("id"));
            if (index < 0) {
                items.add(item);
            } else {
                items.set(index, merge(items.get(index), item));
            }
        }
        return new YList(items, base.location());
    }

    private static int indexOfId(List<YNode> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(((YMap) items.get(i)).text("id"))) {
                return i;
            }
        }
        return -1;
    }
}
