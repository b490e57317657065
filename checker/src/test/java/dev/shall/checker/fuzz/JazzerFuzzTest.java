package dev.shall.checker.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The mutations of {@link CommandLineFuzzTest}, with their choices drawn by
 * <a href="https://github.com/CodeIntelligenceTesting/jazzer">Jazzer</a> (coverage-guided, on
 * libFuzzer) instead of a seeded random source, and the same oracle.
 *
 * <p>In a normal build it replays the inputs Jazzer saved under
 * {@code src/test/resources/dev/shall/checker/fuzz/JazzerFuzzTestInputs/coverageGuided/} (its
 * findings become regression tests), in a surefire fork of its own, since Jazzer's agent
 * instruments every class loaded after it. To fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl model,dsl,checker verify -Dtest=JazzerFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (at most {@code maxDuration}; about 5 runs a second on two
 * cores). Let it end by its duration: stopped by a signal, libFuzzer saves the input in hand as a
 * {@code crash-…} file although nothing failed.
 */
class JazzerFuzzTest {

	@FuzzTest(maxDuration = "10m")
	void coverageGuided(FuzzedDataProvider data) throws Exception {
		CommandLineFuzzTest.check(CommandLineFuzzTest.mutant(new CommandLineFuzzTest.Choices() {
			@Override
			public int pick(int bound) {
				return data.consumeInt(0, bound - 1);
			}

			@Override
			public double fraction() {
				return data.consumeProbabilityDouble();
			}
		}));
	}
}
