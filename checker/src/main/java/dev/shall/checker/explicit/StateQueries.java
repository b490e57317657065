package dev.shall.checker.explicit;

import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.lowering.PastTime;
import dev.shall.model.Expression;
import dev.shall.model.Transition;

/** Property expressions evaluated on one instance of a concrete state, for stages after the search. */
public final class StateQueries {

	private final Layout layout;
	private final Evaluator evaluator;
	/** The history bit of each past-time occurrence met so far (semantics §6.5), found once. */
	private final java.util.Map<Expression, Integer> pastTimeBits = new java.util.IdentityHashMap<>();

	public StateQueries(Layout layout, OptionAssignment options) {
		this.layout = layout;
		this.evaluator = new Evaluator(layout, options, false);
	}

	/**
	 * The value (a domain value, {@code Domain.NONE} for none) of a property-side expression. A
	 * past-time operator reads its history bit from the instance's monitor, where the property's
	 * monitor keeps them first ({@link ExplicitProperty}).
	 */
	public int value(Expression expression, ConcreteState state, int instance) {
		try {
			return evaluator.evaluate(expression, state.variables()[instance], null, null,
					transition -> fired(state, instance, transition),
					pastTime -> state.monitor()[instance][pastTimeBit(pastTime)] != 0,
					new Evaluator.Sessions(state.variables(), instance));
		} catch (BoundExceeded e) {
			throw new IllegalStateException("properties never exceed bounds", e);
		}
	}

	private int pastTimeBit(Expression pastTime) {
		return pastTimeBits.computeIfAbsent(pastTime, PastTime::indexOf);
	}

	private boolean fired(ConcreteState state, int instance, Transition transition) {
		return state.lastInstance() == instance && state.lastAction() >= 0
				&& layout.actions().get(state.lastAction()).transition() == transition;
	}
}
