package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.engine.Bmc;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.KInduction;
import dev.shall.checker.engine.ProgressListener;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;

/**
 * Random procedures checked three ways: breadth-first by the explicit interpreter (the oracle),
 * by BMC and by k-induction. On every obligation they must agree: same verdict, BMC's trace as
 * short as the shortest one breadth-first, every trace replaying. The default profile runs 1,000
 * models; {@code -Dshall.random.models=N} runs more.
 */
class DifferentialTest {

	private static final int MODELS = Integer.getInteger("shall.random.models", 1000);
	private static final int MAX_STATES = 5_000;

	@TempDir
	Path folder;

	private int liveness;

	/** The SAT lasso search finds a violation exactly when the explicit graph has one, certified. */
	private static void compareLiveness(CheckRequest request, String where) {
		CheckResult explicit = new dev.shall.checker.engine.ExplicitLiveness(MAX_STATES).check(request, Budget.of(0,
				Duration.ofSeconds(30)), ProgressListener.NONE);
		if (explicit.verdict() == Verdict.UNKNOWN) {
			return;
		}
		int depth = explicit.verdict() == Verdict.VIOLATED ? Math.min(40, 2 * explicit.moves().size() + 2) : 12;
		CheckResult lasso = new dev.shall.checker.engine.LassoBmc().check(request, Budget.of(depth, Duration.ofSeconds(
				30)), ProgressListener.NONE);
		if (explicit.verdict() == Verdict.VIOLATED) {
			assertTrue(explicit.certified(), "explicit lasso closes: " + where);
			assertEquals(Verdict.VIOLATED, lasso.verdict(), "lasso BMC finds it: " + where);
			assertTrue(lasso.certified(), "lasso BMC's run replays and closes: " + where);
		} else {
			assertTrue(lasso.verdict() != Verdict.VIOLATED, "no lasso where the explicit graph has none: " + where);
		}
	}

	@Test
	void satEnginesAgreeWithBreadthFirstSearchOnRandomProcedures() throws Exception {
		List<Path> files = new ArrayList<>();
		for (int m = 0; m < MODELS; m++) {
			files.add(Files.writeString(folder.resolve("r" + m + ".shall"), new RandomProcedures(m).generate("R" + m)));
		}
		List<LoadedFile> loaded = ProcedureFrontEnd.find().load(files);
		int compared = 0;
		liveness = 0;
		int provedByInduction = 0;
		int violations = 0;
		for (int m = 0; m < MODELS; m++) {
			LoadedFile file = loaded.get(m);
			if (file.procedure().isEmpty()) {
				fail("random model " + m + " does not compile: " + file.diagnostics() + "\n" + Files.readString(files
						.get(m)));
			}
			Procedure procedure = file.procedure().get();
			Layout layout = new Layout(procedure);
			for (OptionAssignment options : OptionAssignment.all(procedure)) {
				List<Obligation> obligations = new ArrayList<>();
				for (Property property : procedure.getProperties()) {
					obligations.add(Obligation.of(property));
				}
				obligations.add(Obligation.bounds());
				obligations.add(Obligation.reach(procedure.getTransitions().get(0)));
				// two concurrent instances for every tenth model: interleavings and the symmetry argument
				int instances = m % 10 == 0 ? 2 : 1;
				for (Obligation obligation : obligations) {
					if (obligation.kind() == Obligation.Kind.PROPERTY
							&& obligation.property() instanceof dev.shall.model.Response) {
						String where = "model " + m + " (" + options + ", " + instances + " instances), "
								+ obligation.name() + "\n" + Files.readString(files.get(m));
						compareLiveness(new CheckRequest(layout, options, instances, obligation), where);
						liveness++;
						continue;
					}
					ExplicitChecker.Result reference = new ExplicitChecker().check(layout, options, instances, obligation,
							MAX_STATES);
					if (reference.violated() == null) {
						continue; // too big for the oracle
					}
					String where = "model " + m + " (" + options + ", " + instances + " instances), " + obligation.name()
							+ "\n"
							+ Files.readString(files.get(m));
					CheckRequest request = new CheckRequest(layout, options, instances, obligation);
					// BMC as deep as the deepest state breadth-first search met: enough to see every state
					int depth = reference.violated() ? reference.path().size() : reference.depth() + 1;
					CheckResult bmc = new Bmc().check(request, Budget.of(depth, Duration.ofSeconds(30)),
							ProgressListener.NONE);
					CheckResult induction = new KInduction().check(request, Budget.of(30, Duration.ofSeconds(30)),
							ProgressListener.NONE);
					if (reference.violated()) {
						violations++;
						assertEquals(Verdict.VIOLATED, bmc.verdict(), where);
						assertEquals(reference.path().size(), bmc.moves().size(), "shortest trace: " + where);
						assertTrue(bmc.certified(), "BMC trace replays: " + where);
						assertEquals(Verdict.VIOLATED, induction.verdict(), where);
						assertTrue(induction.certified(), "k-induction trace replays: " + where);
					} else {
						assertTrue(bmc.verdict() != Verdict.VIOLATED, where);
						assertTrue(induction.verdict() != Verdict.VIOLATED, where);
						if (induction.verdict() == Verdict.HOLDS) {
							provedByInduction++;
							assertTrue(induction.certified(), "re-proved: " + where);
						}
					}
					compared++;
				}
			}
		}
		System.out.printf("differential: %d models, %d safety obligations compared, %d violated, %d proved by "
				+ "k-induction; %d response properties compared%n", MODELS, compared, violations, provedByInduction,
				liveness);
		assertTrue(compared >= MODELS, "most obligations fit the oracle");
	}
}
