package io.modelcompose.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Modules are deployable roles; {@code shared} holds contracts only; services never depend on each other. */
class LayeringTest {
    @Test
    void everyServiceModuleIsSeen() {
        assertThat(ProductionClasses.all().stream().map(ProductionClasses::moduleOf).flatMap(Optional::stream)
                .distinct()).containsAll(ProductionClasses.SERVICES).contains("shared", "transport", "cli");
    }

    @Test
    void noServiceDependsOnAnotherService() {
        servicesIndependent(ProductionClasses.SERVICES).check(ProductionClasses.all());
    }

    @Test
    void sharedDependsOnNeitherVertxNorKafkaNorMicrometer() {
        contractsOnly("io.modelcompose.shared..").check(ProductionClasses.all());
    }

    /** No class of one of these modules depends on a class of another of them. */
    static ArchRule servicesIndependent(Set<String> services) {
        return classes().that(inOneOf(services)).should(dependOnNoOtherOf(services));
    }

    /** The package depends on no Vert.x, Netty, Kafka or Micrometer class. */
    static ArchRule contractsOnly(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "org.apache.kafka..",
                        "io.micrometer..")
                .because("shared holds contracts only: config model, expressions, events, errors");
    }

    private static DescribedPredicate<JavaClass> inOneOf(Set<String> services) {
        return DescribedPredicate.describe("are in a service module " + services,
                c -> ProductionClasses.moduleOf(c).filter(services::contains).isPresent());
    }

    private static ArchCondition<JavaClass> dependOnNoOtherOf(Set<String> services) {
        return new ArchCondition<>("depend on no other service module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = ProductionClasses.moduleOf(origin).orElseThrow();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = ProductionClasses.moduleOf(dependency.getTargetClass());
                    if (target.isPresent() && !target.get().equals(own) && services.contains(target.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, own + " -> " + target.get() + ": "
                                + dependency.getDescription()));
                    }
                }
            }
        };
    }
}
