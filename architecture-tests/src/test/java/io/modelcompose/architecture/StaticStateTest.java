package io.modelcompose.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

/**
 * No mutable JVM-global state: a static field is final and holds nothing that changes (no array, collection built
 * to be changed, atomic, executor or thread), except the few below, each with its reason.
 */
class StaticStateTest {
    /** Full field name → why it may stay. */
    private static final Map<String, String> ALLOWED = Map.of(
            "io.modelcompose.shared.expr.Template.CACHE",
            "a bounded memo of a pure function (parsed templates by text); nothing observable depends on it",
            "io.modelcompose.shared.event.RunIds.ALPHABET",
            "private array, never written after class initialisation",
            "io.modelcompose.shared.metrics.MetricNames.DURATION_BUCKETS",
            "private array, never written after class initialisation; handed out as a copy");

    @Test
    void staticFieldsHoldNoMutableState() {
        fields().that().areStatic().should(holdNoMutableState()).allowEmptyShould(true)
                .check(ProductionClasses.all());
    }

    static ArchCondition<JavaField> holdNoMutableState() {
        return new ArchCondition<>("hold no mutable state (or be allowed in StaticStateTest.ALLOWED)") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                if (field.getModifiers().contains(JavaModifier.SYNTHETIC) || field.getName().contains("$")
                        || field.getOwner().isEnum() && field.getRawType().equals(field.getOwner())
                        || ALLOWED.containsKey(field.getFullName())) {
                    return;
                }
                String why = mutability(field);
                if (why != null) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " " + why));
                }
            }
        };
    }

    /** Why the field is mutable state, or null. */
    static String mutability(JavaField field) {
        JavaClass type = field.getRawType();
        if (!field.getModifiers().contains(JavaModifier.FINAL)) {
            return "is not final";
        }
        if (type.isArray()) {
            return "is an array";
        }
        if (type.getPackageName().equals("java.util.concurrent.atomic") || type.isAssignableTo(ExecutorService.class)
                || type.isAssignableTo(Thread.class) || type.isAssignableTo(ThreadLocal.class)) {
            return "is a " + type.getSimpleName();
        }
        boolean container = type.isAssignableTo(Collection.class) || type.isAssignableTo(Map.class);
        if (container && !type.isInterface()) {
            return "is a " + type.getSimpleName();
        }
        if (container && initialisedWithAChangeableContainer(field)) {
            return "is initialised with a changeable " + type.getSimpleName();
        }
        return null;
    }

    /**
     * Whether the class initialiser builds a changeable collection or map (a constructor of one, or
     * {@code newKeySet}) between the previous static field it sets and this one: {@code Set.of} and the like pass.
     */
    private static boolean initialisedWithAChangeableContainer(JavaField field) {
        JavaStaticInitializer init = field.getOwner().getStaticInitializer().orElse(null);
        if (init == null) {
            return false;
        }
        List<JavaFieldAccess> sets = init.getFieldAccesses().stream()
                .filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET)
                .sorted(Comparator.comparingInt(JavaAccess::getLineNumber)).toList();
        int from = 0;
        for (JavaFieldAccess set : sets) {
            if (set.getTarget().getName().equals(field.getName())
                    && set.getTarget().getOwner().equals(field.getOwner())) {
                int start = from;
                int end = set.getLineNumber();
                return init.getCallsFromSelf().stream()
                        .filter(call -> call.getLineNumber() > start && call.getLineNumber() <= end)
                        .anyMatch(call -> buildsAChangeableContainer(call.getTarget()));
            }
            from = set.getLineNumber();
        }
        return false;
    }

    private static boolean buildsAChangeableContainer(AccessTarget.CodeUnitCallTarget target) {
        JavaClass owner = target.getOwner();
        boolean container = owner.isAssignableTo(Collection.class) || owner.isAssignableTo(Map.class);
        return container && (target.getName().equals("<init>") || target.getName().equals("newKeySet"))
                || target.getName().startsWith("synchronized");
    }
}
