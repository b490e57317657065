package dev.shall.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.shall.checker.Fixtures;
import dev.shall.checker.RandomProcedures;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Transition;

/**
 * Symmetry reduction over sessions (semantics §8.3, ADR 0019) against the unreduced search, on the
 * random procedures with a shared role, identities ({@code unique} and {@code any}), lookups,
 * {@code some} and {@code other} ({@link RandomProcedures#hasSessions()}), with three and four
 * sessions so that the group is not trivial (the generator's pool of two identities is widened to
 * four, since {@code unique} needs one per session):
 * <ul>
 * <li>the verdicts agree, and a violation's run is as short, and replays in the interpreter to a
 * bad state (the reduced search rebuilds it by undoing the permutations);
 * <li>the unreduced reachable set is closed under the group (every image of a reachable state is
 * reachable — the automorphism claim of ADR 0018, and {@link SessionSymmetry#apply} with it);
 * <li>the reduced search keeps exactly one state per orbit of that set (counted by enumerating
 * orbits, independently of the canonical form): a canonical form that splits an orbit, or merges
 * two, fails here;
 * <li>every image of a reachable state has the same canonical form;
 * <li>the orbits' sizes the reduced search sums (orbit-stabiliser) add up to the unreduced count.
 * </ul>
 * The random models seldom have sessions that hold each other's identities, where the canonical
 * form must try the orders of tied sessions; the fixture {@code symmetry/peers.shall} has them (a
 * canonicaliser that keeps the sorted order alone, claiming it canonical, fails it).
 */
class SessionSymmetryTest {

	private static final int MODELS = Integer.getInteger("shall.symmetry.models", 24);
	private static final int MAX_STATES = 30_000;

	@TempDir
	Path folder;

	@Test
	void theQuotientSearchAgreesWithTheFullSearchOnRandomProceduresWithSessions() throws Exception {
		List<String> failures = new ArrayList<>();
		int[] counts = new int[6]; // models, questions, violated, holds, states full, states reduced
		for (int seed = 0; seed < MODELS; seed++) {
			RandomProcedures generator = new RandomProcedures(seed);
			String text = generator.generate("Sym" + seed);
			if (!generator.hasSessions()) {
				continue;
			}
			text = text.replace("identity I pool 2", "identity I pool 4");
			Procedure procedure;
			try {
				procedure = Fixtures.load(Files.writeString(folder.resolve("sym" + seed + ".shall"), text));
			} catch (AssertionError | RuntimeException refused) {
				continue;
			}
			counts[0]++;
			Layout layout = new Layout(procedure);
			for (int instances = 3; instances <= (seed % 2 == 0 ? 4 : 3); instances++) {
				for (OptionAssignment options : OptionAssignment.all(procedure)) {
					for (Obligation obligation : questions(procedure)) {
						String where = "seed " + seed + ", N = " + instances + ", " + options + ", " + obligation.name();
						compare(layout, options, instances, obligation, where, failures, counts);
						if (failures.size() > 5) {
							assertEquals(List.of(), failures, text);
						}
					}
				}
			}
		}
		System.out.printf("symmetry: %d models, %d questions (%d violated, %d holds), %d states unreduced, %d "
				+ "reduced%n", counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
		assertEquals(List.of(), failures);
		assertTrue(counts[2] > 0 && counts[3] > 0 && counts[5] < counts[4], "the test compares something");
	}

	/**
	 * Sessions that pick each other's identities (any) and a shared hub that looks them up: states
	 * where tied sessions hold or are held as identities, where the canonical form must try their
	 * orders (a canonicaliser that takes the sorted order alone fails the orbit count here).
	 */
	@Test
	void sessionsHoldingEachOthersIdentitiesGetOneStatePerOrbit() {
		Procedure procedure = Fixtures.load(Path.of("src/test/resources/symmetry/peers.shall"));
		Layout layout = new Layout(procedure);
		List<String> failures = new ArrayList<>();
		int[] counts = new int[6];
		for (OptionAssignment options : OptionAssignment.all(procedure)) {
			for (Obligation obligation : questions(procedure)) {
				compare(layout, options, 3, obligation, "peers, " + obligation.name(), failures, counts, MAX_STATES);
			}
		}
		System.out.printf("symmetry (peers): %d questions (%d violated, %d holds), %d states unreduced, %d reduced%n",
				counts[1], counts[2], counts[3], counts[4], counts[5]);
		assertEquals(List.of(), failures);
		assertTrue(counts[2] > 0 && counts[3] > 0 && counts[5] < counts[4], "the test compares something");
	}

	private static List<Obligation> questions(Procedure procedure) {
		List<Obligation> questions = new ArrayList<>();
		questions.add(Obligation.bounds());
		for (Property property : procedure.getProperties()) {
			questions.add(Obligation.of(property));
		}
		for (Transition transition : procedure.getTransitions()) {
			questions.add(Obligation.reach(transition));
		}
		return questions;
	}

	private static void compare(Layout layout, OptionAssignment options, int instances, Obligation obligation,
			String where, List<String> failures, int[] counts) {
		compare(layout, options, instances, obligation, where, failures, counts, 3_000);
	}

	private static void compare(Layout layout, OptionAssignment options, int instances, Obligation obligation,
			String where, List<String> failures, int[] counts, int maxStates) {
		SessionSymmetry symmetry = SessionSymmetry.of(layout, obligation, instances);
		if (!symmetry.reduces()) {
			return;
		}
		ExplicitChecker.Result full = new ExplicitChecker().check(layout, options, instances, obligation, maxStates);
		if (full.violated() == null) {
			return; // unsupported, or too large to compare
		}
		SymmetricSearch.Result reduced = new SymmetricSearch().check(layout, options, instances, obligation,
				maxStates, () -> null);
		counts[1]++;
		if (!full.violated().equals(reduced.result().violated())) {
			failures.add(where + ": unreduced " + full.violated() + ", reduced " + reduced.result().violated() + " ("
					+ reduced.result().reason() + ")");
			return;
		}
		if (full.violated()) {
			counts[2]++;
			List<dev.shall.checker.lowering.Move> run = reduced.result().path();
			if (run.size() != full.path().size() || !ExplicitChecker.confirmsViolation(layout, options, instances,
					obligation, run)) {
				failures.add(where + ": the reduced search's run (" + run.size() + " steps, shortest "
						+ full.path().size() + ") does not replay to a bad state");
			}
			return;
		}
		counts[3]++;
		Set<ConcreteState> reachable = new HashSet<>(full.reachable());
		int orbits = 0;
		Set<ConcreteState> counted = new HashSet<>();
		Set<ConcreteState> canonical = new HashSet<>();
		for (ConcreteState state : full.reachable()) {
			Set<ConcreteState> orbit = symmetry.orbit(state, Integer.MAX_VALUE);
			SessionSymmetry.Canonical form = symmetry.canonical(state);
			canonical.add(form.state());
			if (!orbit.contains(form.state())) {
				failures.add(where + ": the canonical form of a state is not in its orbit");
				return;
			}
			for (ConcreteState image : orbit) {
				if (!reachable.contains(image)) {
					failures.add(where + ": an image of a reachable state is not reachable: " + image);
					return;
				}
				if (form.exact() && !symmetry.canonical(image).state().equals(form.state())) {
					failures.add(where + ": two states of one orbit have different canonical forms");
					return;
				}
			}
			if (counted.add(state)) {
				orbits++;
				counted.addAll(orbit);
			}
		}
		counts[4] += full.reachable().size();
		counts[5] += reduced.result().statesSeen();
		if (reduced.inexact() == 0 && reduced.result().statesSeen() != orbits
				|| reduced.result().statesSeen() < orbits) {
			failures.add(where + ": " + reduced.result().statesSeen() + " states up to symmetry for " + orbits
					+ " orbits (" + full.reachable().size() + " states)");
		}
		if (reduced.inexact() == 0 && reduced.unreduced() != full.reachable().size()) {
			failures.add(where + ": the orbits' sizes sum to " + reduced.unreduced() + ", not "
					+ full.reachable().size());
		}
		if (!canonical.containsAll(reduced.result().reachable()) && reduced.inexact() == 0) {
			failures.add(where + ": the reduced search kept a state that is no canonical form");
		}
	}
}
