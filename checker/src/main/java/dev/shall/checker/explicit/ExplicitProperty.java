package dev.shall.checker.explicit;

import java.util.List;

import dev.shall.checker.lowering.Action;
import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;
import dev.shall.checker.lowering.PastTime;
import dev.shall.model.Agreement;
import dev.shall.model.Deferral;
import dev.shall.model.Fault;
import dev.shall.model.Correspondence;
import dev.shall.model.Expression;
import dev.shall.model.Freshness;
import dev.shall.model.Invariant;
import dev.shall.model.Precedence;

/**
 * The concrete meaning of an obligation: which states are bad, and what history (monitor) that
 * needs. Per instance i, with Fired(t) true when instance i's action t produced the state:
 * <ul>
 * <li>invariant C: bad when C is false;
 * <li>agreement l, r when C: bad when C holds and l or r is none or they differ;
 * <li>precedence F before S: bad when S holds, F does not, and F held in no earlier state;
 * <li>freshness v when C: bad when C holds and v (not none) equals v at an earlier state where C held;
 * <li>correspondence each S preceded by F within K: bad when S holds, F does not, and the count of
 * unanswered F before the state, n, is 0 (n saturates at K, and the monitor remembers that it did);
 * <li>reachability of t: "bad" when t produced the state (in any instance);
 * <li>bounds: bad when some action would exceed a bound;
 * <li>unhandled M on c at R: bad when instance 0 has a message M deliverable on c's lane to R that no
 * step of R takes and no {@code defer} keeps (semantics §7.4).
 * </ul>
 * The monitor of an instance is {@code [h_0 … h_{P-1}, own…]}: first the history bit of each
 * past-time occurrence of the property ({@link PastTime}, semantics §6.5), then the property's own
 * history — precedence and response one flag, freshness the sorted values seen, correspondence
 * {@code n, saturated}.
 */
final class ExplicitProperty implements Monitor {

	private final Obligation obligation;
	private final Layout layout;
	private final StateQueries queries;
	private final Evaluator behaviour;
	/** The past-time occurrences of the property, whose history bits open the monitor. */
	private final List<Expression> pastTime;
	/** For an unhandled-message question: the indexes of the handlers' actions, and the deferrals (§7.4). */
	private final java.util.Set<Integer> handlers = new java.util.HashSet<>();
	private final List<Deferral> deferrals;

	ExplicitProperty(Obligation obligation, Layout layout, OptionAssignment options) {
		this.obligation = obligation;
		this.layout = layout;
		this.queries = new StateQueries(layout, options);
		this.behaviour = new Evaluator(layout, options, true);
		this.pastTime = obligation.kind() == Obligation.Kind.PROPERTY ? PastTime.occurrences(obligation.property())
				: List.of();
		// asked of every state the search meets: resolved once here
		if (obligation.kind() == Obligation.Kind.UNHANDLED) {
			obligation.arrival().handlers(layout.procedure()).forEach(h -> handlers.add(layout.action(h).index()));
			this.deferrals = obligation.arrival().deferrals(layout.procedure());
		} else {
			this.deferrals = List.of();
		}
	}

	@Override
	public boolean keepsLastMove(Action action) {
		return obligation.keepsLastMove(action.kind() == Action.Kind.TRANSITION ? action.transition() : null);
	}

	boolean supported() {
		return obligation.kind() != Obligation.Kind.PROPERTY || obligation.property() instanceof Invariant
				|| obligation.property() instanceof Agreement || obligation.property() instanceof Precedence
				|| obligation.property() instanceof Freshness || obligation.property() instanceof Correspondence;
	}

	/**
	 * For a response property (trigger leads to response), whether a trigger of the instance is
	 * still unanswered in the state: the monitor holds "a trigger before this state, unanswered
	 * since", and the state itself may add a trigger or answer it.
	 */
	boolean pending(ConcreteState state, int instance) {
		dev.shall.model.Response response = (dev.shall.model.Response) obligation.property();
		boolean before = state.monitor()[instance][pastTime.size()] != 0;
		return (before || holds(response.getTrigger(), state, instance)) && !holds(response.getResponse(), state,
				instance);
	}

	/**
	 * Whether the state is bad for the question, asked of session 0 as the encoding asks it: the
	 * sessions are interchangeable (semantics §1.2, up to a renaming of identities when they start
	 * different, §2.5), so a bad state of session i is, permuted, a reachable bad state of session 0.
	 */
	boolean isBad(ConcreteState state, List<Interpreter.Outcome> successors) {
		switch (obligation.kind()) {
		case BOUNDS:
			return successors.stream().anyMatch(o -> !o.taken() && o.move().instance() == 0);
		case REACHABILITY:
			return state.lastInstance() == 0 && state.lastAction() >= 0 && layout.actions().get(state.lastAction())
					.transition() == obligation.transition();
		case UNHANDLED:
			return unhandled(state, successors);
		default:
			return isBad(state, 0);
		}
	}

	/**
	 * Semantics §7.4, of instance 0 (the instances are interchangeable, §1.2): some message of the
	 * type is deliverable on the lane — the head, or any message of a reordering lane — and passes
	 * the integrity check (§4.4), and at its position no move of a handler is enabled (the
	 * interpreter's successors say so, a move that exceeds a bound included: that is the bounds
	 * question's finding) and no deferral's condition holds.
	 */
	private boolean unhandled(ConcreteState state, List<Interpreter.Outcome> successors) {
		Obligation.Arrival arrival = obligation.arrival();
		Lane lane = layout.lane(arrival.channel(), arrival.receiver(), true);
		boolean anyPosition = lane.has(Fault.REORDERING);
		List<QueuedMessage> queue = state.queues().get(0).get(lane.index());
		int[] variables = state.variables()[0];
		for (int p = 0; p < (anyPosition ? queue.size() : Math.min(1, queue.size())); p++) {
			QueuedMessage message = queue.get(p);
			if (message.tag() != lane.tagOf(arrival.message())
					|| lane.keyed() && message.mac() != variables[layout.indexOf(lane.receiverKey())]) {
				continue;
			}
			int position = p;
			boolean taken = successors.stream().anyMatch(o -> o.move().instance() == 0 && handlers.contains(o.move()
					.action()) && (!anyPosition || o.move().slot() == position));
			if (!taken && !deferred(arrival.message(), state, message)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a defer of the arrival keeps the message; a condition that exceeds a bound keeps it too (as a handler's guard that does is taken). */
	private boolean deferred(dev.shall.model.MessageType type, ConcreteState state, QueuedMessage message) {
		int[] variables = state.variables()[0];
		for (Deferral deferral : deferrals) {
			try {
				if (deferral.getGuard() == null || behaviour.evaluate(deferral.getGuard(), variables, message, type,
						null, null, new Evaluator.Sessions(state.variables(), 0)) != 0) {
					return true;
				}
			} catch (BoundExceeded e) {
				return true;
			}
		}
		return false;
	}

	private boolean isBad(ConcreteState state, int instance) {
		switch (obligation.property()) {
		case Invariant invariant:
			return !holds(invariant.getCondition(), state, instance);
		case Agreement agreement: {
			if (!holds(agreement.getCondition(), state, instance)) {
				return false;
			}
			int left = value(agreement.getLeft(), state, instance);
			int right = value(agreement.getRight(), state, instance);
			return left == Domain.NONE || right == Domain.NONE || left != right;
		}
		case Precedence precedence:
			return holds(precedence.getSecond(), state, instance) && !holds(precedence.getFirst(), state, instance)
					&& state.monitor()[instance][pastTime.size()] == 0;
		case Correspondence correspondence:
			// semantics §6.6: the second condition needs an unanswered first one, this state's included
			return holds(correspondence.getSecond(), state, instance) && !holds(correspondence.getFirst(), state,
					instance) && state.monitor()[instance][pastTime.size()] == 0;
		case Freshness freshness: {
			if (!holds(freshness.getCondition(), state, instance)) {
				return false;
			}
			int value = value(freshness.getValue(), state, instance);
			return value != Domain.NONE && isSet(state.monitor()[instance], pastTime.size(), value);
		}
		default:
			throw new IllegalStateException("Unsupported property " + obligation.name());
		}
	}

	/**
	 * For a correspondence: whether the instance's counter saturated on the run to the state, so
	 * that a violation there may be an artefact of the bound (semantics §6.6); false for any other
	 * property.
	 */
	boolean saturated(ConcreteState state, int instance) {
		return obligation.kind() == Obligation.Kind.PROPERTY && obligation.property() instanceof Correspondence
				&& state.monitor()[instance][pastTime.size() + 1] != 0;
	}

	/** Whether the state violates the property in the instance (semantics §6). */
	boolean isBadIn(ConcreteState state, int instance) {
		return obligation.kind() == Obligation.Kind.PROPERTY && isBad(state, instance);
	}

	@Override
	public long[] initial() {
		if (obligation.kind() != Obligation.Kind.PROPERTY) {
			return new long[0];
		}
		// every history bit starts false: the initial state has no state before it (semantics §6.5)
		int own = switch (obligation.property()) {
		case Precedence p -> 1;
		case dev.shall.model.Response r -> 1;
		case Correspondence c -> 2;
		default -> 0;
		};
		return new long[pastTime.size() + own];
	}

	@Override
	public long[] next(ConcreteState before, int instance) {
		long[] current = before.monitor()[instance];
		if (obligation.kind() != Obligation.Kind.PROPERTY) {
			return current;
		}
		int p = pastTime.size();
		if (p == 0) {
			return nextOwn(before, instance, current);
		}
		long[] own = nextOwn(before, instance, java.util.Arrays.copyOfRange(current, p, current.length));
		long[] next = new long[p + own.length];
		// semantics §6.5: each bit becomes its occurrence's value in the state being left
		for (int j = 0; j < p; j++) {
			next[j] = holds(pastTime.get(j), before, instance) ? 1 : 0;
		}
		System.arraycopy(own, 0, next, p, own.length);
		return java.util.Arrays.equals(next, current) ? current : next;
	}

	/** The property's own history after leaving {@code before}, from its history {@code current} there. */
	private long[] nextOwn(ConcreteState before, int instance, long[] current) {
		switch (obligation.property()) {
		case Precedence precedence:
			return current[0] != 0 || !holds(precedence.getFirst(), before, instance) ? current : new long[] { 1 };
		case dev.shall.model.Response response:
			return new long[] { pending(before, instance) ? 1 : 0 };
		case Correspondence correspondence: {
			// semantics §6.6: n + F − S, at least 0 (less only after a violation) and at most K; an F
			// beyond K is dropped, and the monitor remembers that one was
			long count = current[0] + (holds(correspondence.getFirst(), before, instance) ? 1 : 0)
					- (holds(correspondence.getSecond(), before, instance) ? 1 : 0);
			long saturated = current[1];
			if (count > correspondence.getBound()) {
				count = correspondence.getBound();
				saturated = 1;
			}
			return new long[] { Math.max(0, count), saturated };
		}
		case Freshness freshness: {
			if (!holds(freshness.getCondition(), before, instance)) {
				return current;
			}
			int value = value(freshness.getValue(), before, instance);
			if (value == Domain.NONE || isSet(current, 0, value)) {
				return current;
			}
			// the values seen, sorted, so that equal sets are equal arrays; a bitset indexed by the
			// value would take 512 MB per state for a negative value
			long[] next = java.util.Arrays.copyOf(current, current.length + 1);
			int at = -java.util.Arrays.binarySearch(current, value) - 1;
			System.arraycopy(current, at, next, at + 1, current.length - at);
			next[at] = value;
			return next;
		}
		default:
			return current;
		}
	}

	private static boolean isSet(long[] set, int from, int value) {
		return java.util.Arrays.binarySearch(set, from, set.length, value) >= 0;
	}

	private boolean holds(Expression condition, ConcreteState state, int instance) {
		return value(condition, state, instance) != 0;
	}

	private int value(Expression expression, ConcreteState state, int instance) {
		return queries.value(expression, state, instance);
	}
}
