package io.modelcompose.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;

/**
 * No package of the code base depends on itself through others (every package of every production module, no
 * exclusion: the cycles of shared.config, gateway and cli are gone).
 */
class PackageCycleTest {
    @Test
    void packagesAreFreeOfCycles() {
        freeOfCycles().check(ProductionClasses.all());
    }

    /** Every package of io.modelcompose is a slice; no slice depends on itself through others. */
    static SliceRule freeOfCycles() {
        return slices().matching("io.modelcompose.(**)").should().beFreeOfCycles();
    }
}
