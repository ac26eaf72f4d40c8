package io.modelcompose.shared.config.load;

import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Gives scalars their YAML type: int, float, bool and null are constructed the way SnakeYAML does; every other tag
 * (strings, timestamps, custom tags) keeps its text.
 */
public final class ScalarTyper {
    private static final Set<Tag> TYPED = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);
    private static final Resolver RESOLVER = new Resolver();
    private static final Constructors CONSTRUCTORS = new Constructors();

    private ScalarTyper() {
    }

    /** The value of a parsed scalar node. */
    public static Object valueOf(ScalarNode node) {
        if (!TYPED.contains(node.getTag())) {
            return node.getValue();
        }
        return CONSTRUCTORS.construct(node);
    }

    /** Types {@code text} as if it were written as a plain (unquoted) YAML scalar. */
    public static Object typePlain(String text) {
        Tag tag = RESOLVER.resolve(NodeId.scalar, text, true);
        return valueOf(new ScalarNode(tag, text, null, null, DumperOptions.ScalarStyle.PLAIN));
    }

    /** Exposes SnakeYAML's scalar constructors, which are stateless for these tags. */
    private static final class Constructors extends SafeConstructor {
        Constructors() {
            super(new LoaderOptions());
        }

        Object construct(ScalarNode node) {
            return yamlConstructors.get(node.getTag()).construct(node);
        }
    }
}
