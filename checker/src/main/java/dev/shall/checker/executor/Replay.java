package dev.shall.checker.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.shall.checker.crypto.Bytes;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.StateQueries;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.trace.TraceStep;
import dev.shall.checker.trace.Traces;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyType;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.StateVariable;

/**
 * Runs a trace with real cryptography: binds the key atoms to bytes, follows the run in the
 * reference interpreter, derives every key a role takes, protects and verifies every message on
 * a keyed channel, and shows the violated property in bytes.
 */
public final class Replay {

	/** The choices of a replay: the seed for unbound atoms, explicit bindings, and the EPS algorithms. */
	public record Settings(long seed, Map<String, byte[]> bindings, int integrityAlgorithm, int cipheringAlgorithm) {
	}

	/** One step of the concrete run: the trace's step and what the bytes showed. */
	public record Step(TraceStep step, List<String> lines) {
	}

	/**
	 * The concrete run. {@code contradictions} lists where the bytes disagree with the checker;
	 * empty when the concrete run confirms the engine's claim.
	 */
	public record Report(String procedure, String property, Map<String, String> options, int instances,
			List<String> bindings, List<Step> steps, List<String> conclusion, List<String> contradictions) {
	}

	private Replay() {
	}

	public static Report run(Procedure procedure, String propertyName, Map<String, String> optionValues, int instances,
			List<StatedStep> stated, Settings settings) {
		Layout layout = new Layout(procedure);
		for (String name : settings.bindings().keySet()) {
			if (!ConcreteKeys.atomNames(procedure.getKeys()).contains(name)) {
				throw new IllegalArgumentException("--bind " + name + ": no such key atom; the procedure has "
						+ String.join(", ", ConcreteKeys.atomNames(procedure.getKeys())));
			}
		}
		OptionAssignment options = OptionAssignment.all(procedure).stream().filter(o -> o.byName().equals(optionValues))
				.findFirst().orElseThrow(() -> new IllegalArgumentException("the options " + optionValues
						+ " are not a combination of the procedure's options"));
		Property property = propertyName == null ? null : procedure.getProperties().stream()
				.filter(p -> p.getName().equals(propertyName)).findFirst().orElseThrow(
						() -> new IllegalArgumentException("the procedure has no property " + propertyName));
		Interpreter interpreter = new Interpreter(layout, options, instances);
		TraceReconstruction.Run run = TraceReconstruction.follow(interpreter, stated);
		ConcreteKeys keys = new ConcreteKeys(layout.keys(), settings.seed(), settings.bindings());
		List<String> bindings = new ArrayList<>();
		for (KeyDecl key : procedure.getKeys()) {
			if (key.getParents().isEmpty()) {
				for (int term = 0; term < key.getAtoms().size(); term++) {
					ConcreteKeys.Derived atom = keys.derive(key, term);
					bindings.add(layout.keys().describe(key, term) + " = " + Bytes.hex(atom.value()) + " (" + atom.how() + ")");
				}
			}
		}
		ProtectedLanes lanes = new ProtectedLanes(layout, keys, settings.integrityAlgorithm(), settings.cipheringAlgorithm());
		List<Step> steps = new ArrayList<>();
		List<String> contradictions = new ArrayList<>();
		for (int k = 0; k < run.moves().size(); k++) {
			ConcreteState before = run.states().get(k);
			ConcreteState after = run.states().get(k + 1);
			TraceStep step = Traces.step(layout, run.moves().get(k), before, after, k + 1);
			List<String> lines = new ArrayList<>(derivedKeys(layout, keys, run.moves().get(k).instance(), before, after));
			ProtectedLanes.Outcome outcome = lanes.step(run.moves().get(k), before, after, k + 1);
			lines.addAll(outcome.lines());
			contradictions.addAll(outcome.contradictions());
			steps.add(new Step(step, lines));
		}
		List<String> conclusion = new ArrayList<>();
		if (property != null) {
			PropertyWitness.Conclusion concluded = new PropertyWitness(layout, new StateQueries(layout, options), keys,
					settings.integrityAlgorithm(), settings.cipheringAlgorithm()).conclude(property, run.states());
			conclusion.addAll(concluded.lines());
			contradictions.addAll(concluded.contradictions());
		}
		return new Report(procedure.getName(), propertyName, optionValues, instances, bindings, steps, conclusion,
				contradictions);
	}

	/** The keys the acting instance took at this step, with the bytes and how they were derived. */
	private static List<String> derivedKeys(Layout layout, ConcreteKeys keys, int instance, ConcreteState before,
			ConcreteState after) {
		List<String> lines = new ArrayList<>();
		for (StateVariable variable : layout.variables()) {
			KeyDecl key = switch (variable.getType()) {
			case KeyType k -> k.getDecl();
			case OptionalType o when o.getElement() instanceof KeyType k -> k.getDecl();
			default -> null;
			};
			int index = layout.indexOf(variable);
			int value = after.variables()[instance][index];
			if (key == null || value == before.variables()[instance][index]) {
				continue;
			}
			if (value == Domain.NONE) {
				lines.add(Layout.qualifiedName(variable) + " deleted");
			} else {
				ConcreteKeys.Derived derived = keys.derive(key, value);
				lines.add(Layout.qualifiedName(variable) + " := " + layout.keys().describe(key, value) + " = "
						+ Bytes.hex(derived.value()) + (key.getParents().isEmpty() ? "" : " (" + derived.how() + ")"));
			}
		}
		return lines;
	}
}
