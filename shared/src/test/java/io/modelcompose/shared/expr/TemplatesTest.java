package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    private static final Scope SCOPE = Scope.of(map("input", map("name", "Ada", "n", 3, "tags", list("x"))));

    @Test
    void rendersMapValuesButNotKeys() {
        Map<String, Object> value = map("${input.name}", "${input.name}", "count", "${input.n}");
        assertThat(Templates.render(value, SCOPE)).isEqualTo(map("${input.name}", "Ada", "count", 3));
    }

    @Test
    void rendersNestedListsAndMapsIntoNewContainers() {
        Map<String, Object> value = map("list", list("${input.name}", map("t", "${input.tags}"), 5));
        Object rendered = Templates.render(value, SCOPE);
        assertThat(rendered).isInstanceOf(LinkedHashMap.class).isNotSameAs(value);
        assertThat(rendered).isEqualTo(map("list", list("Ada", map("t", list("x")), 5)));
        assertThat(((Map<?, ?>) rendered).get("list")).isInstanceOf(ArrayList.class);
    }

    @Test
    void keepsKeyOrder() {
        Map<String, Object> value = map("z", "${input.n}", "a", 1, "m", "${input.name}");
        @SuppressWarnings("unchecked")
        Map<String, Object> rendered = (Map<String, Object>) Templates.render(value, SCOPE);
        assertThat(rendered.keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void returnsOtherValuesAsTheyAre() {
        Object marker = new Object();
        assertThat(Templates.render(marker, SCOPE)).isSameAs(marker);
        assertThat(Templates.render(null, SCOPE)).isNull();
        assertThat(Templates.render(7, SCOPE)).isEqualTo(7);
        assertThat(Templates.render(true, SCOPE)).isEqualTo(true);
        String constant = "plain";
        assertThat(Templates.render(constant, SCOPE)).isSameAs(constant);
    }

    @Test
    void rendersAStringTemplate() {
        assertThat(Templates.render("hi ${input.name}", SCOPE)).isEqualTo("hi Ada");
        assertThat(Templates.render("${input.n}", SCOPE)).isEqualTo(3);
    }

    @Test
    void keepsNullElements() {
        List<Object> value = list(null, "${input.missing}");
        assertThat(Templates.render(value, SCOPE)).isEqualTo(list(null, null));
    }
}
