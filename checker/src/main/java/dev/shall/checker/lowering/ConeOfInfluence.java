package dev.shall.checker.lowering;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;

import dev.shall.model.Assignment;
import dev.shall.model.Fired;
import dev.shall.model.Receive;
import dev.shall.model.Send;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;
import dev.shall.model.VariableRef;

/**
 * The part of the model an obligation depends on: the variables it reads, and, transitively, the
 * actions that can change them and everything those actions read (guards, received messages,
 * keys, sent values). Actions outside the cone change nothing the obligation can observe, so the
 * encoding leaves them out, and variables and lanes outside it never change there. The explicit
 * interpreter ignores the cone, so the differential tests check that leaving things out changes
 * no verdict and no shortest run.
 */
public final class ConeOfInfluence {

	private final Set<StateVariable> variables = new HashSet<>();
	private final Set<Lane> lanes = new HashSet<>();
	private final Set<Action> actions = new HashSet<>();
	private final boolean everything;

	public ConeOfInfluence(Layout layout, Obligation obligation) {
		// Every action counts for bounds (any overflow), for response properties (fairness and
		// stopping runs concern all shall steps), for properties that observe which step came
		// last (any action changes that) and for correspondences, which count the states where a
		// condition holds (semantics §6.6): a move outside the cone adds such a state. Past time
		// alone needs nothing more (§6.5): once and since have the same value on a run with a state
		// repeated, which is all a move outside the cone makes.
		everything = obligation.kind() == Obligation.Kind.BOUNDS || obligation.kind() == Obligation.Kind.PROPERTY
				&& (obligation.property() instanceof dev.shall.model.Response
						|| obligation.property() instanceof dev.shall.model.Correspondence || mentionsFired(obligation));
		if (everything) {
			return;
		}
		if (obligation.kind() == Obligation.Kind.REACHABILITY) {
			actions.add(layout.action(obligation.transition()));
		} else if (obligation.kind() == Obligation.Kind.UNHANDLED) {
			// semantics §7.4 reads the lane, the receiver's key, the handlers' guards (through their
			// moves, which the seeds below add with everything they read) and the deferrals' conditions
			Obligation.Arrival arrival = obligation.arrival();
			Lane lane = layout.lane(arrival.channel(), arrival.receiver(), true);
			lanes.add(lane);
			if (lane.keyed()) {
				variables.add(lane.receiverKey());
			}
			for (Transition handler : arrival.handlers(layout.procedure())) {
				actions.add(layout.action(handler));
			}
			for (dev.shall.model.Deferral deferral : arrival.deferrals(layout.procedure())) {
				for (TreeIterator<EObject> it = deferral.eAllContents(); it.hasNext();) {
					if (it.next() instanceof VariableRef ref) {
						variables.add(ref.getVariable());
					}
				}
			}
		} else {
			for (TreeIterator<EObject> it = obligation.property().eAllContents(); it.hasNext();) {
				EObject node = it.next();
				if (node instanceof VariableRef ref) {
					variables.add(ref.getVariable());
				} else if (node instanceof Fired fired) {
					actions.add(layout.action(fired.getTransition()));
				}
			}
		}
		boolean grown = true;
		while (grown) {
			grown = false;
			for (Action action : layout.actions()) {
				boolean relevant = actions.contains(action) || affectsCone(layout, action);
				if (relevant && (actions.add(action) | addReads(layout, action))) {
					grown = true;
				}
			}
		}
	}

	private static boolean mentionsFired(Obligation obligation) {
		for (TreeIterator<EObject> it = obligation.property().eAllContents(); it.hasNext();) {
			if (it.next() instanceof Fired) {
				return true;
			}
		}
		return false;
	}

	/** Whether the action writes a variable or fills a lane of the cone. */
	private boolean affectsCone(Layout layout, Action action) {
		if (action.kind() != Action.Kind.TRANSITION) {
			return lanes.contains(action.lane());
		}
		Transition transition = action.transition();
		for (TreeIterator<EObject> it = transition.eAllContents(); it.hasNext();) {
			EObject node = it.next();
			if (node instanceof Assignment assignment && variables.contains(assignment.getVariable())) {
				return true;
			}
			if (node instanceof Send send && lanes.contains(layout.lane(send.getChannel(), transition.getActor(),
					false))) {
				return true;
			}
		}
		// taking a message from a lane of the cone changes that lane
		Receive receive = transition.getReceive();
		return receive != null && lanes.contains(layout.lane(receive.getChannel(), transition.getActor(), true));
	}

	/** Adds everything the action reads (and the lane it takes from); whether anything was new. */
	private boolean addReads(Layout layout, Action action) {
		boolean grown = false;
		if (action.kind() != Action.Kind.TRANSITION) {
			grown |= lanes.add(action.lane());
			if (action.lane().keyed()) {
				grown |= variables.add(action.lane().receiverKey());
			}
			return grown;
		}
		Transition transition = action.transition();
		for (TreeIterator<EObject> it = transition.eAllContents(); it.hasNext();) {
			EObject node = it.next();
			if (node instanceof VariableRef ref) {
				grown |= variables.add(ref.getVariable());
			} else if (node instanceof Send send) {
				// a full lane blocks the step, so the lanes it sends to matter
				Lane lane = layout.lane(send.getChannel(), transition.getActor(), false);
				grown |= lanes.add(lane);
				if (lane.keyed()) {
					grown |= variables.add(lane.senderKey());
				}
			}
		}
		Receive receive = transition.getReceive();
		if (receive != null) {
			Lane lane = layout.lane(receive.getChannel(), transition.getActor(), true);
			grown |= lanes.add(lane);
			if (lane.keyed()) {
				grown |= variables.add(lane.receiverKey()) | variables.add(lane.senderKey());
			}
		}
		return grown;
	}

	public boolean contains(Action action) {
		return everything || actions.contains(action);
	}

	public boolean contains(StateVariable variable) {
		return everything || variables.contains(variable);
	}

	public boolean contains(Lane lane) {
		return everything || lanes.contains(lane);
	}
}
