package dev.shall.checker.executor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.shall.checker.crypto.Bytes;
import dev.shall.checker.explicit.ConcreteState;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.StateQueries;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.trace.TraceStep;
import dev.shall.checker.trace.Traces;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyType;
import dev.shall.model.Option;
import dev.shall.model.OptionValue;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.StateVariable;
import dev.shall.model.frontend.Limits;

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

	/**
	 * The concrete run of {@code entry} in {@code procedure}. A trace that does not fit the
	 * procedure (another procedure's name, an unknown option, value, property, role, step or
	 * variable, too many instances, a step the model cannot take) is a {@link TraceFile.BadTrace}
	 * at the member at fault; a {@code --bind} of no key atom an {@link IllegalArgumentException}.
	 */
	public static Report run(Procedure procedure, TraceFile.Entry entry, Settings settings) {
		Layout layout = new Layout(procedure);
		for (String name : settings.bindings().keySet()) {
			if (!ConcreteKeys.atomNames(procedure.getKeys()).contains(name)) {
				throw new IllegalArgumentException("--bind " + name + ": no such key atom; the procedure has "
						+ String.join(", ", ConcreteKeys.atomNames(procedure.getKeys())));
			}
		}
		if (entry.procedure() != null && !entry.procedure().equals(procedure.getName())) {
			throw entry.error("procedure", "the model holds the procedure " + procedure.getName() + ", not "
					+ TraceFile.clip(entry.procedure(), 60) + "; give the model with --model");
		}
		OptionAssignment options = options(procedure, entry);
		String propertyName = entry.property();
		Property property = propertyName == null ? null : procedure.getProperties().stream()
				.filter(p -> p.getName().equals(propertyName)).findFirst().orElseThrow(() -> entry.error("property",
						"the procedure " + procedure.getName() + " has no property "
								+ TraceFile.clip(propertyName, 60)));
		int instances = entry.instances();
		long moves = Limits.saturatedProduct(instances, Math.max(1, layout.actions().size()));
		if (moves > Limits.MAX_VALUES) {
			throw entry.error("instances", Limits.format(instances) + " instances of " + layout.actions().size()
					+ " actions each make " + Limits.format(moves) + " moves per step; the checker takes at most "
					+ Limits.format(Limits.MAX_VALUES) + ", so no trace of it has that many");
		}
		checkNames(layout, entry);
		Interpreter interpreter = new Interpreter(layout, options, instances);
		TraceReconstruction.Run run;
		try {
			run = TraceReconstruction.follow(interpreter, entry.steps());
		} catch (TraceReconstruction.Refused e) {
			throw entry.error("trace.steps[" + e.position + "]", e.getMessage());
		}
		Map<String, String> optionValues = options.byName();
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

	/** The combination the trace names: a value for every option of the procedure, and nothing else. */
	private static OptionAssignment options(Procedure procedure, TraceFile.Entry entry) {
		for (String name : entry.options().keySet()) {
			if (procedure.getOptions().stream().noneMatch(o -> o.getName().equals(name))) {
				throw entry.errorAtName(TraceFile.member("options", name), "the procedure " + procedure.getName()
						+ " has no option " + TraceFile.clip(name, 60) + " ("
						+ listed(procedure.getOptions().stream().map(Option::getName).toList()) + ")");
			}
		}
		Map<Option, OptionValue> values = new LinkedHashMap<>();
		for (Option option : procedure.getOptions()) {
			String value = entry.options().get(option.getName());
			List<String> names = option.getValues().stream().map(OptionValue::getName).toList();
			if (value == null) {
				throw entry.error("options", "gives no value for the option " + option.getName() + " ("
						+ listed(names) + "); the run depends on every option");
			}
			values.put(option, option.getValues().stream().filter(v -> v.getName().equals(value)).findFirst()
					.orElseThrow(() -> entry.error(TraceFile.member("options", option.getName()), "the option "
							+ option.getName() + " has no value " + TraceFile.clip(value, 60) + " (" + listed(names)
							+ ")")));
		}
		return new OptionAssignment(values);
	}

	/** Every step names a role (or lane) that acts, one of its steps (or faults), and known variables. */
	private static void checkNames(Layout layout, TraceFile.Entry entry) {
		Map<String, Set<String>> actions = new LinkedHashMap<>();
		for (Action action : layout.actions()) {
			String role = action.transition() != null ? action.transition().getActor().getName() : action.lane().name();
			actions.computeIfAbsent(role, r -> new LinkedHashSet<>()).add(action.name());
		}
		Set<String> variables = new HashSet<>();
		layout.variables().forEach(v -> variables.add(Layout.qualifiedName(v)));
		for (int k = 0; k < entry.steps().size(); k++) {
			StatedStep step = entry.steps().get(k);
			String at = "trace.steps[" + k + "]";
			Set<String> steps = actions.get(step.role());
			if (steps == null) {
				throw entry.error(at + ".role", "the procedure " + layout.procedure().getName() + " has no role or lane "
						+ "\"" + TraceFile.clip(step.role(), 60) + "\" that acts ("
						+ listed(List.copyOf(actions.keySet())) + ")");
			}
			if (!steps.contains(step.step())) {
				throw entry.error(at + ".step", step.role() + " has no step or fault \""
						+ TraceFile.clip(step.step(), 60) + "\" (" + listed(List.copyOf(steps)) + ")");
			}
			if (step.state() != null) {
				for (String variable : step.state().keySet()) {
					if (!variables.contains(variable)) {
						throw entry.errorAtName(TraceFile.member(at + ".state", variable), "the procedure has no variable "
								+ TraceFile.clip(variable, 60) + " (state names variables as Role.variable)");
					}
				}
			}
		}
	}

	/** Names for an error message, at most twenty. */
	private static String listed(List<String> names) {
		if (names.isEmpty()) {
			return "it has none";
		}
		return String.join(", ", names.subList(0, Math.min(20, names.size()))) + (names.size() > 20 ? " and "
				+ (names.size() - 20) + " more" : "");
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
