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
import dev.shall.checker.explicit.ExplicitChecker;
import dev.shall.checker.explicit.Interpreter;
import dev.shall.checker.explicit.StateQueries;
import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.trace.StatedStep;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceEntry;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.checker.trace.TraceStep;
import dev.shall.checker.trace.Traces;
import dev.shall.model.KeyDecl;
import dev.shall.model.KeyType;
import dev.shall.model.Option;
import dev.shall.model.OptionValue;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Response;
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
	 * The concrete run. {@code ending} is how the trace says the run goes on (a cycle, or a stop);
	 * {@code contradictions} lists where the bytes disagree with the checker; empty when the
	 * concrete run confirms the engine's claim.
	 */
	public record Report(String procedure, String property, Map<String, String> options, int instances,
			List<String> bindings, List<Step> steps, Trace.Ending ending, List<String> conclusion,
			List<String> contradictions) {
	}

	private Replay() {
	}

	/**
	 * The concrete run of {@code entry} in {@code procedure}. A trace that does not fit the
	 * procedure (another procedure's name, an unknown option, value, property, role, step or
	 * variable, too many instances, another initial state, a step the model cannot take, a cycle
	 * that does not return to where it starts) is a {@link dev.shall.checker.trace.BadTrace} at the
	 * member at fault; a {@code --bind} of no key atom an {@link IllegalArgumentException}.
	 */
	public static Report run(Procedure procedure, TraceEntry entry, Settings settings) {
		Layout layout = new Layout(procedure);
		for (String name : settings.bindings().keySet()) {
			if (!ConcreteKeys.atomNames(procedure.getKeys()).contains(name)) {
				throw new IllegalArgumentException("--bind " + name + ": no such key atom; the procedure has "
						+ String.join(", ", ConcreteKeys.atomNames(procedure.getKeys())));
			}
		}
		if (entry.procedure() != null && !entry.procedure().equals(procedure.getName())) {
			throw entry.error("procedure", "the model holds the procedure " + procedure.getName() + ", not "
					+ TraceFormat.clip(entry.procedure(), 60) + "; give the model with --model");
		}
		OptionAssignment options = options(procedure, entry);
		String propertyName = entry.property();
		Property property = propertyName == null ? null : procedure.getProperties().stream()
				.filter(p -> p.getName().equals(propertyName)).findFirst().orElseThrow(() -> entry.error("question.name",
						"the procedure " + procedure.getName() + " has no property "
								+ TraceFormat.clip(propertyName, 60)));
		int instances = entry.instances();
		long moves = Limits.saturatedProduct(instances, Math.max(1, layout.actions().size()));
		if (moves > Limits.MAX_VALUES) {
			throw entry.error("instances", Limits.format(instances) + " instances of " + layout.actions().size()
					+ " actions each make " + Limits.format(moves) + " moves per step; the checker takes at most "
					+ Limits.format(Limits.MAX_VALUES) + ", so no trace of it has that many");
		}
		checkNames(layout, entry);
		Interpreter interpreter = new Interpreter(layout, options, instances);
		checkInitial(layout, entry, interpreter.initial());
		TraceReconstruction.Run run;
		try {
			run = TraceReconstruction.follow(interpreter, entry.steps());
		} catch (TraceReconstruction.Refused e) {
			throw entry.error("steps[" + e.position + "]", e.getMessage());
		}
		Trace.Ending ending = entry.ending();
		if (ending.kind() == Trace.Ending.Kind.LOOP) {
			// semantics §6.4: a lasso's last state is the state its cycle starts from
			String open = Traces.openLoop(layout, run.states(), ending.loopStart());
			if (open != null) {
				throw entry.error("ending.loopStart", "the run does not return to the state where its cycle starts: "
						+ open);
			}
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
		if (property instanceof Response) {
			lasso(layout, options, instances, property, run, ending, conclusion, contradictions);
		}
		if (property != null) {
			PropertyWitness.Conclusion concluded = new PropertyWitness(layout, new StateQueries(layout, options), keys,
					settings.integrityAlgorithm(), settings.cipheringAlgorithm()).conclude(property, run.states());
			conclusion.addAll(concluded.lines());
			contradictions.addAll(concluded.contradictions());
		}
		return new Report(procedure.getName(), propertyName, optionValues, instances, bindings, steps, ending,
				conclusion, contradictions);
	}

	/**
	 * What the end of the run says about a response property (semantics §6.4): a run that stops
	 * (§5.3) or a cycle must leave the trigger unanswered for ever, fairly; the certificate of the
	 * checker's response violations (§8.2) judges it.
	 */
	private static void lasso(Layout layout, OptionAssignment options, int instances, Property property,
			TraceReconstruction.Run run, Trace.Ending ending, List<String> conclusion, List<String> contradictions) {
		int length = run.moves().size();
		if (ending.kind() == Trace.Ending.Kind.FINITE) {
			conclusion.add(property.getName() + " is violated by a run that stops or repeats forever; this trace's "
					+ "\"ending\" is finite, so the replay shows its steps only");
			return;
		}
		boolean fair = ExplicitChecker.confirmsLasso(layout, options, instances, Obligation.of(property), run.moves(),
				ending.kind() == Trace.Ending.Kind.LOOP ? ending.loopStart() : -1);
		String how = ending.kind() == Trace.Ending.Kind.STOPS ? "after step " + length + " no shall step can change "
				+ "the state, so the run stops there" : "steps " + (ending.loopStart() + 1) + " to " + length
						+ " repeat forever, a fair cycle";
		if (fair) {
			conclusion.add(how + ", with the trigger of " + property.getName() + " unanswered for ever");
		} else {
			contradictions.add("the checker reported " + property.getName() + " violated by this run, but its "
					+ (ending.kind() == Trace.Ending.Kind.STOPS ? "stop" : "cycle") + " is not fair or answers the "
					+ "trigger");
		}
	}

	/** The combination the trace names: a value for every option of the procedure, and nothing else. */
	private static OptionAssignment options(Procedure procedure, TraceEntry entry) {
		for (String name : entry.options().keySet()) {
			if (procedure.getOptions().stream().noneMatch(o -> o.getName().equals(name))) {
				throw entry.errorAtName(TraceFormat.member("options", name), "the procedure " + procedure.getName()
						+ " has no option " + TraceFormat.clip(name, 60) + " ("
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
					.orElseThrow(() -> entry.error(TraceFormat.member("options", option.getName()), "the option "
							+ option.getName() + " has no value " + TraceFormat.clip(value, 60) + " (" + listed(names)
							+ ")")));
		}
		return new OptionAssignment(values);
	}

	/** Every step names a role (or lane) that acts, one of its steps (or faults), and known variables. */
	private static void checkNames(Layout layout, TraceEntry entry) {
		Map<String, Set<String>> actions = new LinkedHashMap<>();
		for (Action action : layout.actions()) {
			String role = Traces.actor(action);
			actions.computeIfAbsent(role, r -> new LinkedHashSet<>()).add(action.name());
		}
		Set<String> variables = new HashSet<>();
		layout.variables().forEach(v -> variables.add(Layout.qualifiedName(v)));
		for (int k = 0; k < entry.steps().size(); k++) {
			StatedStep step = entry.steps().get(k);
			String at = "steps[" + k + "]";
			Set<String> steps = actions.get(step.role());
			if (steps == null) {
				throw entry.error(at + ".role", "the procedure " + layout.procedure().getName() + " has no role or lane "
						+ "\"" + TraceFormat.clip(step.role(), 60) + "\" that acts ("
						+ listed(List.copyOf(actions.keySet())) + ")");
			}
			if (!steps.contains(step.step())) {
				throw entry.error(at + ".step", step.role() + " has no step or fault \""
						+ TraceFormat.clip(step.step(), 60) + "\" (" + listed(List.copyOf(steps)) + ")");
			}
			if (step.state() != null) {
				for (String variable : step.state().keySet()) {
					if (!variables.contains(variable)) {
						throw entry.errorAtName(TraceFormat.member(at + ".state", variable), "the procedure has no variable "
								+ TraceFormat.clip(variable, 60) + " (state names variables as Role.variable)");
					}
				}
			}
		}
	}

	/** The initial state the trace gives, where it gives one, is the model's (semantics §2.3). */
	private static void checkInitial(Layout layout, TraceEntry entry, ConcreteState initial) {
		if (entry.initial() == null) {
			return;
		}
		List<Map<String, String>> model = Traces.initial(layout, initial);
		for (int i = 0; i < entry.initial().size(); i++) {
			for (Map.Entry<String, String> variable : entry.initial().get(i).entrySet()) {
				String member = TraceFormat.member("initial[" + i + "]", variable.getKey());
				String value = model.get(i).get(variable.getKey());
				if (value == null) {
					throw entry.errorAtName(member, "the procedure has no variable " + TraceFormat.clip(variable.getKey(),
							60) + " (states name variables as Role.variable)");
				}
				if (!value.equals(variable.getValue())) {
					throw entry.error(member, "the model starts with " + variable.getKey() + " = " + value + ", not "
							+ TraceFormat.clip(variable.getValue(), 60));
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
