package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvReferencesTest {
    private static final Map<String, Object> TREE = Map.of(
            "controller", Map.of("port", "${env.PORT | 8080}", "runtime", Map.of("type", "docker",
                    "environment", Map.of("OPENAI_API_KEY", "${env.OPENAI_API_KEY}"))),
            "components", List.of(Map.of("id", "api", "headers",
                    Map.of("Authorization", "Bearer ${ env.TOKEN } and ${env.COUNT as integer}"))),
            "workflows", List.of(Map.of("id", "w", "title", "uses ${input.x}, not env")));

    @Test
    void findsEveryReferenceWhateverItsForm() {
        assertThat(EnvReferences.names(TREE)).containsExactly("COUNT", "OPENAI_API_KEY", "PORT", "TOKEN");
    }

    @Test
    void takesTheValuesOfTheReferencedVariablesThatAreSet() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-1", "TOKEN", "t", "HOME", "/root", "PATH", "/bin");

        assertThat(EnvReferences.values(TREE, env)).isEqualTo(Map.of("OPENAI_API_KEY", "sk-1", "TOKEN", "t"));
    }
}
