package io.modelcompose.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.modelcompose.architecture.fixture.GlobalState;
import io.modelcompose.architecture.fixture.cycle.a.Ping;
import io.modelcompose.architecture.fixture.cycle.b.Pong;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each rule reports what it exists to catch (on fixtures, or on real code with a stricter setting). */
class RulesCanFailTest {
    @Test
    void theStaticStateRuleNamesEachMutableFieldAndPassesConstants() {
        JavaClass fixture = new ClassFileImporter().importClass(GlobalState.class);
        Map<String, String> found = fixture.getFields().stream()
                .filter(f -> StaticStateTest.mutability(f) != null)
                .collect(Collectors.toMap(JavaField::getName, StaticStateTest::mutability));

        assertThat(found).containsOnlyKeys("REGISTRY", "LISTENERS", "COUNTER", "SLOTS", "calls");
        assertThat(found.get("REGISTRY")).isEqualTo("is initialised with a changeable Map");
        assertThat(found.get("calls")).isEqualTo("is not final");
        EvaluationResult result = fields().that().areStatic().should(StaticStateTest.holdNoMutableState())
                .evaluate(new ClassFileImporter().importClasses(GlobalState.class));
        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void theAllowedCacheWouldOtherwiseBeCaught() {
        JavaClass template = ProductionClasses.all().get("io.modelcompose.shared.expr.Template");
        assertThat(StaticStateTest.mutability(template.getField("CACHE"))).isEqualTo("is a ConcurrentHashMap");
    }

    @Test
    void theCycleRuleFindsACycleBetweenTwoPackages() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Ping.class, Pong.class);
        EvaluationResult result = PackageCycleTest.freeOfCycles().evaluate(cycle);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("fixture.cycle.a", "fixture.cycle.b");
    }

    @Test
    void theServiceRuleFindsADependencyBetweenTwoOfItsModules() {
        // cli assembles the scheduler: counted as two services, that is a violation
        EvaluationResult result = LayeringTest.servicesIndependent(Set.of("cli", "scheduler"))
                .evaluate(ProductionClasses.all());
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("cli -> scheduler");
    }

    @Test
    void theContractsRuleFindsKafkaInTransport() {
        EvaluationResult result = LayeringTest.contractsOnly("io.modelcompose.transport..")
                .evaluate(ProductionClasses.all());
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("org.apache.kafka");
    }
}
