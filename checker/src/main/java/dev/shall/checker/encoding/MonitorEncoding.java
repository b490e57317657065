package dev.shall.checker.encoding;

import java.util.Map;
import java.util.function.Function;

import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.PastTime;
import dev.shall.checker.sat.Sat4jSolver;
import dev.shall.model.Agreement;
import dev.shall.model.Correspondence;
import dev.shall.model.Expression;
import dev.shall.model.Freshness;
import dev.shall.model.Invariant;
import dev.shall.model.Precedence;
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
	/** The past-time occurrences of the property (semantics §6.5), numbered as the interpreter numbers them. */
	private final java.util.List<Expression> pastTime;
	private final java.util.Map<Expression, Integer> pastTimeBit = new java.util.IdentityHashMap<>();

	MonitorEncoding(Layout layout, Circuit circuit, SymbolicEvaluator evaluator, Obligation obligation, int instances) {
		this.layout = layout;
		this.circuit = circuit;
		this.evaluator = evaluator;
		this.obligation = obligation;
		this.instances = instances;
		this.actionCount = layout.actions().size();
		this.pastTime = obligation.kind() == Obligation.Kind.PROPERTY ? PastTime.occurrences(obligation.property())
				: java.util.List.of();
		for (int j = 0; j < pastTime.size(); j++) {
			pastTimeBit.put(pastTime.get(j), j);
		}
	}

	/** How many history bits the past-time operators of the property keep per instance (semantics §6.5). */
	int pastTimeCount() {
		return pastTime.size();
	}

	/** Whether the property keeps a counter and a saturation bit: a correspondence (semantics §6.6). */
	boolean hasCounterMonitor() {
		return obligation.kind() == Obligation.Kind.PROPERTY && obligation.property() instanceof Correspondence;
	}

	/** The values of a correspondence's counter, 0..K. */
	Domain counterDomain() {
		return Domain.range(0, ((Correspondence) obligation.property()).getBound());
	}

	/** For a correspondence: the instance's counter saturated on the run to the state (semantics §6.6). */
	int saturated(SymbolicState state, int instance) {
		return state.saturated[instance];
	}

	/** Whether the encoding keeps the last move: for dead steps and for properties that ask {@code step X}. */
	static boolean tracksLast(Obligation obligation) {
		return obligation.observesLastMove();
	}

	/** The values the freshness property's expression can take, none excluded (none is never "used"). */
	int[] freshnessUniverse() {
		return obligation.property() instanceof Freshness freshness ? java.util.Arrays.stream(universeOf(freshness
				.getValue())).filter(v -> v != Domain.NONE).toArray() : new int[0];
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
			// another session's copy has the same domain: the value set is the same read from this one
			SymbolicEvaluator.Env env = new SymbolicEvaluator.Env(variables, null, null, t -> firedInput[0], false,
					pastTime -> free.input(), new SymbolicEvaluator.Sessions(new SymbolicValue[][] { variables }, 0));
			return evaluator.evaluate(free, value, env, Circuit.TRUE, new int[] { Circuit.FALSE }).possibleValues();
		}
	}

	/** The monitors of the next state, from the state before the move (semantics §6). */
	void update(SymbolicState before, SymbolicState next) {
		for (int i = 0; i < instances; i++) {
			SymbolicEvaluator.Env env = propertyEnv(before, i);
			// semantics §6.5: each history bit becomes its occurrence's value in the state being left
			for (int j = 0; j < pastTime.size(); j++) {
				next.past[i][j] = holds(pastTime.get(j), env);
			}
			if (obligation.property() instanceof Correspondence correspondence) {
				// semantics §6.6: n + F − S, at least 0 (less only after a violation), at most K; an F
				// beyond K is dropped and the saturation bit remembers it
				int bound = correspondence.getBound();
				SymbolicValue raw = SymbolicValue.apply(circuit, SymbolicValue.apply(circuit, before.counter[i],
						SymbolicValue.bool(holds(correspondence.getFirst(), env)), Integer::sum), SymbolicValue.bool(
								holds(correspondence.getSecond(), env)), (n, s) -> n - s);
				next.counter[i] = raw.map(circuit, n -> Math.max(0, Math.min(bound, n)));
				next.saturated[i] = circuit.or(before.saturated[i], raw.map(circuit, n -> n > bound ? 1 : 0).truth(
						circuit));
			} else if (obligation.property() instanceof Response) {
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

	/** The literal under which the instance violates the safety property in the state (semantics §6.1–§6.3, §6.6). */
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
		case Correspondence correspondence:
			// semantics §6.6: the second condition needs an unanswered first one, this state's included
			return circuit.and(circuit.and(holds(correspondence.getSecond(), env), circuit.not(holds(correspondence
					.getFirst(), env))), state.counter[instance].is(circuit, 0));
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
		return new SymbolicEvaluator.Env(state.variables[instance], null, null, fired, false,
				pastTime -> state.past[instance][pastTimeBit.get(pastTime)], new SymbolicEvaluator.Sessions(
						state.variables, instance));
	}

	private int holds(Expression condition, SymbolicEvaluator.Env env) {
		return evaluator.evaluate(circuit, condition, env, Circuit.TRUE, new int[1]).truth(circuit);
	}
}
