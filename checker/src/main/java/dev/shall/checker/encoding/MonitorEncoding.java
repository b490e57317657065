package dev.shall.checker.encoding;

import java.util.Map;
import java.util.function.Function;

import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.model.Agreement;
import dev.shall.model.Expression;
import dev.shall.model.Fired;
import dev.shall.model.Freshness;
import dev.shall.model.Invariant;
import dev.shall.model.Precedence;
import dev.shall.model.Property;
import dev.shall.model.Response;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;

/**
 * Properties and their monitors as circuits: the bad states of safety properties, the monitor
 * bits that precedence, response and freshness keep, and a response's pending and answered
 * states. The symbolic twin of {@link dev.shall.checker.explicit.Monitor} and
 * {@link dev.shall.checker.explicit.ExplicitProperty} (semantics §6).
 */
final class MonitorEncoding {

	private final Layout layout;
	private final Circuit circuit;
	private final SymbolicEvaluator evaluator;
	private final Obligation obligation;
	private final int instances;
	private final int actionCount;

	MonitorEncoding(Layout layout, Circuit circuit, SymbolicEvaluator evaluator, Obligation obligation, int instances) {
		this.layout = layout;
		this.circuit = circuit;
		this.evaluator = evaluator;
		this.obligation = obligation;
		this.instances = instances;
		this.actionCount = layout.actions().size();
	}

	/** Whether the encoding keeps the last move: for dead steps and for properties that ask {@code step X}. */
	static boolean tracksLast(Obligation obligation) {
		return obligation.kind() == Obligation.Kind.REACHABILITY || obligation.kind() == Obligation.Kind.PROPERTY
				&& containsFired(obligation.property());
	}

	/** The values the freshness property's expression can take, none excluded (none is never "used"). */
	int[] freshnessUniverse() {
		return obligation.property() instanceof Freshness freshness ? java.util.Arrays.stream(universeOf(freshness
				.getValue())).filter(v -> v != Domain.NONE).toArray() : new int[0];
	}

	private static boolean containsFired(Property property) {
		for (var it = property.eAllContents(); it.hasNext();) {
			if (it.next() instanceof Fired) {
				return true;
			}
		}
		return false;
	}

	/** The values a freshness expression can take, found by evaluating it on an unconstrained state. */
	private int[] universeOf(Expression value) {
		try (Sat4jSolver scratch = new Sat4jSolver()) {
			Circuit free = new Circuit(scratch);
			SymbolicValue[] variables = new SymbolicValue[layout.variables().size()];
			for (StateVariable variable : layout.variables()) {
				Domain domain = layout.domain(variable);
				int[] bits = new int[domain.bits()];
				for (int b = 0; b < bits.length; b++) {
					bits[b] = free.input();
				}
				variables[layout.indexOf(variable)] = SymbolicValue.decode(free, domain, bits);
			}
			int[] firedInput = { free.input() };
			SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(variables, null, null, t -> firedInput[0], false);
			return evaluator.evaluate(free, value, env, Circuit.TRUE, new int[] { Circuit.FALSE }).possibleValues();
		}
	}

	/** The monitors of the next state, from the state before the move (semantics §6). */
	void update(SymbolicState before, SymbolicState next) {
		for (int i = 0; i < instances; i++) {
			SymbolicEvaluator.Env env = propertyEnv(before, i);
			if (obligation.property() instanceof Response) {
				next.flag[i] = pending(before, i);
			} else if (obligation.property() instanceof Precedence precedence) {
				next.flag[i] = circuit.or(before.flag[i], holds(precedence.getFirst(), env));
			} else if (obligation.property() instanceof Freshness freshness) {
				int condition = holds(freshness.getCondition(), env);
				SymbolicValue value = evaluator.evaluate(circuit, freshness.getValue(), env, Circuit.TRUE, new int[1]);
				for (Map.Entry<Integer, Integer> used : next.used[i].entrySet()) {
					int now = circuit.and(condition, value.is(circuit, used.getKey()));
					used.setValue(circuit.or(before.used[i].get(used.getKey()), now));
				}
			}
		}
	}

	/** The literal under which the instance violates the safety property in the state (semantics §6.1–§6.3, §6.5). */
	int bad(SymbolicState state, int instance) {
		SymbolicEvaluator.Env env = propertyEnv(state, instance);
		switch (obligation.property()) {
		case Invariant invariant:
			return circuit.not(holds(invariant.getCondition(), env));
		case Agreement agreement: {
			SymbolicValue left = evaluator.evaluate(circuit, agreement.getLeft(), env, Circuit.TRUE, new int[1]);
			SymbolicValue right = evaluator.evaluate(circuit, agreement.getRight(), env, Circuit.TRUE, new int[1]);
			int disagree = circuit.or(circuit.or(left.is(circuit, Domain.NONE), right.is(circuit, Domain.NONE)),
					circuit.not(left.equalTo(circuit, right)));
			return circuit.and(holds(agreement.getCondition(), env), disagree);
		}
		case Precedence precedence:
			return circuit.and(circuit.and(holds(precedence.getSecond(), env), circuit.not(holds(precedence.getFirst(),
					env))), circuit.not(state.flag[instance]));
		case Freshness freshness: {
			SymbolicValue value = evaluator.evaluate(circuit, freshness.getValue(), env, Circuit.TRUE, new int[1]);
			int reused = Circuit.FALSE;
			for (Map.Entry<Integer, Integer> used : state.used[instance].entrySet()) {
				if (used.getKey() != Domain.NONE) {
					reused = circuit.or(reused, circuit.and(value.is(circuit, used.getKey()), used.getValue()));
				}
			}
			return circuit.and(holds(freshness.getCondition(), env), reused);
		}
		default:
			throw new UnsupportedOperationException("No safety encoding for " + obligation.name());
		}
	}

	/** Precedence keeps "the first condition held before"; response keeps "a trigger is unanswered". */
	boolean hasFlagMonitor() {
		return obligation.property() instanceof Precedence || obligation.property() instanceof Response;
	}

	/** For a response property: a trigger of the instance is unanswered in the state. */
	int pending(SymbolicState state, int instance) {
		Response response = (Response) obligation.property();
		SymbolicEvaluator.Env env = propertyEnv(state, instance);
		return circuit.and(circuit.or(state.flag[instance], holds(response.getTrigger(), env)),
				circuit.not(holds(response.getResponse(), env)));
	}

	/** For a response property: the response holds in the state. */
	int answered(SymbolicState state, int instance) {
		return holds(((Response) obligation.property()).getResponse(), propertyEnv(state, instance));
	}

	private SymbolicEvaluator.Env propertyEnv(SymbolicState state, int instance) {
		Function<Transition, Integer> fired = transition -> state.last == null ? Circuit.FALSE
				: state.last.is(circuit, instance * actionCount + layout.action(transition).index());
		return new SymbolicEvaluator.Env(state.variables[instance], null, null, fired, false);
	}

	private int holds(Expression condition, SymbolicEvaluator.Env env) {
		return evaluator.evaluate(circuit, condition, env, Circuit.TRUE, new int[1]).truth(circuit);
	}
}
