package io.modelcompose.gateway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.load.ConfigLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Workflow schemas from {@code configs/valid/schemas.yml}. */
class SchemaReaderTest {
    private static final List<Variable.Annotation> NONE = List.of();
    private final ComposeConfig config = load("schemas.yml");
    private final SchemaReader reader = new SchemaReader(config);

    private WorkflowSchema schema(String id) {
        return reader.read(config.workflow(id));
    }

    @Test
    void aJobPassingTheInputOnListsItsActionsReferences() {
        WorkflowSchema schema = schema("translate");

        assertThat(schema.title()).isEqualTo("Translate <b>things</b>");
        assertThat(schema.isDefault()).isTrue();
        assertThat(schema.input()).containsExactly(
                new Variable("text", "text", false, null, null, null, List.of(), NONE),
                new Variable("lang", "string", false, null, null, "fr", List.of(), NONE));
        assertThat(schema.output()).containsExactly(
                new Variable(null, "text", false, null, null, null, List.of(), NONE));
    }

    @Test
    void typesComeFromCastsAndDefaultsAreConverted() {
        WorkflowSchema schema = schema("shout");

        assertThat(schema.input()).extracting(Variable::name)
                .containsExactly("count", "loud", "text", "message", "ratio", "tags");
        assertThat(schema.input().get(0)).isEqualTo(new Variable("count", "integer", false, null, null, 3L,
                List.of(), NONE));
        assertThat(schema.input().get(1).type()).isEqualTo("boolean");
        assertThat(schema.input().get(2).type()).isEqualTo("string");
        assertThat(schema.input().get(4).defaultValue()).isEqualTo(0.5);
        assertThat(schema.input().get(5).defaultValue()).isEqualTo(List.of(1));
    }

    @Test
    void referencesToAJobsOwnInputAreNotRunInputs() {
        assertThat(schema("shout").input()).extracting(Variable::name).doesNotContain("words");
    }

    @Test
    void outputVariablesAreTheKeysOfTheTerminalJobsOutput() {
        assertThat(schema("shout").output()).containsExactly(
                new Variable("picture", "base64", false, null, null, null, List.of(), NONE),
                new Variable("said", "string", false, null, null, null, List.of(), NONE));
    }

    @Test
    void aWorkflowComponentListsTheInputsOfItsWorkflow() {
        assertThat(schema("outer").input()).extracting(Variable::name)
                .containsExactlyElementsOf(schema("shout").input().stream().map(Variable::name).toList());
    }

    @Test
    void aSelectCastGivesItsOptionsAndAMediaCastItsSubtypeAndFormat() {
        VariableScanner scanner = new VariableScanner("input");

        assertThat(scanner.scan("${input.lang as select/en,fr,de | fr}")).containsExactly(
                new Variable("lang", "select", false, "en,fr,de", null, "fr", List.of("en", "fr", "de"), NONE));
        assertThat(scanner.scan(Map.of("p", "${input.photo as image/png;base64}"))).containsExactly(
                new Variable("photo", "image", false, "png", "base64", null, List.of(), NONE));
    }

    @Test
    void readsAnnotations() {
        assertThat(new VariableScanner("input").scan("${input.text as text @(description The text to translate)}"))
                .containsExactly(new Variable("text", "text", false, null, null, null, List.of(),
                        List.of(new Variable.Annotation("description", "The text to translate"))));
    }

    @Test
    void parsesListCastsAndFormats() {
        Variable variable = VariableScanner.variable("files", "image[]/jpeg;base64", null, null, null);

        assertThat(variable).isEqualTo(new Variable("files", "image", true, "jpeg", "base64", null, List.of(), NONE));
        assertThat(new VariableScanner("input").scan(Map.of("a", List.of("x ${input} y")))).containsExactly(
                new Variable(null, "string", false, null, null, null, List.of(), NONE));
    }

    static ComposeConfig load(String name) {
        try {
            Path dir = Path.of(SchemaReaderTest.class.getResource("/configs/valid/" + name).toURI()).getParent();
            return ConfigLoader.load(new LoadRequest(List.of(dir.resolve(name)), List.of(), Map.of(), Map.of(), dir));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
