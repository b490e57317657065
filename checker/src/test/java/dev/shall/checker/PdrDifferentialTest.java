package dev.shall.checker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.encoding.TransitionEncoding;
import dev.shall.checker.engine.Budget;
import dev.shall.checker.engine.CheckRequest;
import dev.shall.checker.engine.CheckResult;
import dev.shall.checker.engine.Pdr;
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
 * IC3/PDR against the reference interpreter's breadth-first search on random procedures (the
 * generator of {@link DifferentialTest}, classic and liveness profiles; two instances for every
 * tenth classic model): every safety property, the bounds, a dead-step question and an unhandled
 * message question. A decided answer must be certified (its run replayed by the interpreter, its
 * invariant re-checked by fresh solvers) and equal the reference's; IC3 must decide most of them
 * (the models are small). {@code -Dshall.random.pdr=N} runs N models (default 40; 60 models, 496 questions: no disagreement, all decided, 174 s on a loaded 2-core machine).
 */
class PdrDifferentialTest {

	private static final int MODELS = Integer.getInteger("shall.random.pdr", 40);
	private static final int MAX_STATES = 5_000;
	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@TempDir
	Path folder;

	@Test
	void ic3AgreesWithBreadthFirstSearchOnRandomProcedures() throws Exception {
		List<RandomProcedures> generators = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		for (int m = 0; m < MODELS; m++) {
			// the liveness profile's guard-written twins ask nothing new of a safety engine
			RandomProcedures generator = RandomProcedures.forModel(m % 4 == 3 ? m - 1 : m);
			generators.add(generator);
			files.add(Files.writeString(folder.resolve("r" + m + ".shall"), generator.generate("R" + m)));
		}
		List<LoadedFile> loaded = ProcedureFrontEnd.find().load(files);
		List<String> disagreements = new ArrayList<>();
		int compared = 0;
		int decided = 0;
		for (int m = 0; m < MODELS; m++) {
			if (loaded.get(m).hasErrors() || loaded.get(m).procedure().isEmpty()) {
				continue; // DifferentialTest holds the front end to the generator
			}
			Procedure procedure = loaded.get(m).procedure().get();
			Layout layout;
			try {
				layout = new Layout(procedure);
			} catch (RuntimeException refused) {
				continue;
			}
			RandomProcedures generator = generators.get(m);
			int instances = generator.profile() == RandomProcedures.Profile.CLASSIC ? (m % 10 == 0 ? 2 : 1)
					: generator.instances();
			List<Obligation> obligations = new ArrayList<>();
			for (Property property : procedure.getProperties()) {
				Obligation obligation = Obligation.of(property);
				if (TransitionEncoding.supports(obligation)) {
					obligations.add(obligation);
				}
			}
			obligations.add(Obligation.bounds());
			obligations.add(Obligation.reach(procedure.getTransitions().get((int) (generator.seed() / 4 % procedure
					.getTransitions().size()))));
			for (var lane : layout.lanes()) {
				if (!lane.messages().isEmpty()) {
					obligations.add(Obligation.unhandled(lane.messages().get(0), lane.channel(), lane.receiver()));
					break;
				}
			}
			for (OptionAssignment options : OptionAssignment.all(procedure)) {
				for (Obligation obligation : obligations) {
					CheckRequest request = new CheckRequest(layout, options, instances, obligation);
					ExplicitChecker.Result reference = new ExplicitChecker().check(layout, options, instances, obligation,
							MAX_STATES);
					if (reference.violated() == null) {
						continue; // too large for the reference
					}
					compared++;
					CheckResult ic3 = new Pdr().check(request, Budget.of(40, TIMEOUT),
							dev.shall.checker.engine.ProgressListener.NONE);
					var certifier = new dev.shall.checker.certify.Certifier();
					CheckResult checked = certifier.certify(request, ic3, Budget.of(40, TIMEOUT));
					String where = "model " + m + " (seed " + generator.seed() + ", " + generator.profile() + "), "
							+ options.byName() + ", " + instances + " instance(s), " + obligation.name();
					if (ic3.verdict() == Verdict.UNKNOWN) {
						continue;
					}
					if (!checked.certified()) {
						disagreements.add(where + ": " + ic3.verdict().label() + " not certified: " + checked.certificate()
								.describe() + "\n" + Files.readString(files.get(m)));
						continue;
					}
					decided++;
					Verdict expected = reference.violated() ? Verdict.VIOLATED : Verdict.HOLDS;
					if (ic3.verdict() != expected) {
						disagreements.add(where + ": IC3 " + ic3.verdict().label() + ", breadth-first " + expected.label()
								+ "\n" + Files.readString(files.get(m)));
					}
				}
			}
		}
		System.out.println("IC3 against breadth-first search: " + compared + " questions, " + decided + " decided, "
				+ disagreements.size() + " disagreements");
		assertTrue(disagreements.isEmpty(), () -> String.join("\n\n", disagreements));
		assertTrue(compared >= MODELS, "most questions fit the reference: " + compared);
		assertTrue(decided >= compared * 9 / 10, "IC3 decides small models: " + decided + " of " + compared);
	}
}
