package dev.shall.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;

import dev.shall.checker.lowering.Domain;
import dev.shall.checker.lowering.Lane;
import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.model.Freshness;
import dev.shall.model.IdentityDecl;
import dev.shall.model.IdentityType;
import dev.shall.model.MessageField;
import dev.shall.model.MessageType;
import dev.shall.model.OptionalType;
import dev.shall.model.Property;
import dev.shall.model.StateVariable;
import dev.shall.model.Type;
import dev.shall.model.UniqueIdentity;
import dev.shall.model.VariableRef;

/**
 * Symmetry reduction over sessions (semantics §1.2, §8.3; ADR 0018 point 4, ADR 0019): the group
 * that permutes the <i>movable</i> sessions — 1..N−1, or 2..N−1 when the question reads
 * {@code other} (session 1 as seen from session 0) — and renames, with the same permutation, the
 * identities of every pool some variable starts {@code unique} in (session i owns identity i+1;
 * identities no movable session owns stay fixed, which leaves a subgroup of the full symmetry and
 * so stays sound). It is the stabiliser of the sessions the question is asked of, so every state
 * of an orbit answers the question alike, and a search may keep one state per orbit.
 *
 * <p>Sessions are the scalarset of Ip and Dill (<i>Better verification through symmetry</i>, FMSD
 * 1996); the reduction is the quotient structure of Clarke, Emerson, Jha and Sistla (<i>Symmetry
 * reductions in model checking</i>, CAV 1998) and Emerson and Sistla (1996); the canonical form
 * is the lex-leader of the orbit among the states whose sessions are sorted by an invariant
 * signature, as in Donaldson and Miller's work on exact and approximate symmetry in explicit
 * model checking (<i>Exact and approximate strategies for symmetry reduction in model
 * checking</i>, FM 2006): sorting by a signature that renaming does not change, and trying the
 * orders of sessions whose signatures tie only when some session holds another's identity.
 *
 * <p>A permutation is given as {@code position[s]}: the session whose place session s takes (a
 * bijection of 0..N−1 that fixes the fixed sessions). Any map of a state into its orbit is sound;
 * {@link Canonical#exact()} says whether the one computed is the orbit's unique representative.
 * States are cut into one int block per session by an adapter: {@link #canonical(ConcreteState)}
 * for the interpreter's states, {@link #canonicalPositions} for any other (the SAT encoding's
 * field vectors in {@code certify/SymmetricClosureCheck}).
 */
public final class SessionSymmetry {

	/** Orders of tied sessions tried at most, per state, before the canonical form is given up as exact. */
	static final int MAX_TIE_ORDERS = 720;

	/** In a signature, an identity the session owns itself. */
	private static final int OWN = 0;
	/** In a signature, an identity another movable session owns. */
	private static final int FOREIGN = -1;

	private final Layout layout;
	private final int sessions;
	private final boolean[] movable;
	private final int[] movableList;
	private final Set<IdentityDecl> renamed;
	private final boolean[] variableRenamed;
	private final String why;

	private SessionSymmetry(Layout layout, int sessions, boolean[] movable, Set<IdentityDecl> renamed, String why) {
		this.layout = layout;
		this.sessions = sessions;
		this.movable = movable;
		this.movableList = java.util.stream.IntStream.range(0, sessions).filter(s -> movable[s]).toArray();
		this.renamed = renamed;
		this.variableRenamed = new boolean[layout.variables().size()];
		for (StateVariable variable : layout.variables()) {
			variableRenamed[layout.indexOf(variable)] = renamedPool(variable.getType());
		}
		this.why = why;
	}

	/**
	 * The stabiliser of the sessions the obligation is asked of, for {@code sessions} sessions
	 * (semantics §1.2). It permutes nothing ({@link #reduces()} false, with {@link #why()}) when
	 * fewer than two sessions are movable, or when the symmetry argument does not cover the
	 * question: {@code other} read by behaviour, or by a property whose monitor keeps history per
	 * session (the history of session i would then be about i and i+1, which a permutation does
	 * not keep adjacent), or a freshness monitor that may store identities of a renamed pool.
	 */
	public static SessionSymmetry of(Layout layout, Obligation obligation, int sessions) {
		Set<IdentityDecl> renamed = new LinkedHashSet<>();
		boolean otherInBehaviour = false;
		for (TreeIterator<EObject> it = layout.procedure().eAllContents(); it.hasNext();) {
			EObject next = it.next();
			if (next instanceof StateVariable variable && variable.getInitial() instanceof UniqueIdentity) {
				IdentityDecl pool = pool(variable.getType());
				if (pool != null) {
					renamed.add(pool);
				}
			}
			if (next instanceof VariableRef ref && ref.isOther() && !insideProperty(ref)) {
				otherInBehaviour = true;
			}
		}
		Property property = obligation.kind() == Obligation.Kind.PROPERTY ? obligation.property() : null;
		boolean other = property != null && mentionsOther(property);
		boolean[] movable = new boolean[sessions];
		for (int s = other ? 2 : 1; s < sessions; s++) {
			movable[s] = true;
		}
		String why = null;
		if (otherInBehaviour) {
			why = "a step reads another session's copy through other";
		} else if (other && new ExplicitProperty(obligation, layout, null).initial().length > 0) {
			why = "the property reads other and keeps history per session";
		} else if (property instanceof Freshness && !renamed.isEmpty()) {
			why = "a freshness monitor may keep identities, which the permutation renames";
		} else if (java.util.stream.IntStream.range(0, sessions).filter(s -> movable[s]).count() < 2) {
			why = "fewer than two sessions are interchangeable";
		}
		if (why != null) {
			Arrays.fill(movable, false);
		}
		return new SessionSymmetry(layout, sessions, movable, renamed, why);
	}

	private static boolean insideProperty(EObject object) {
		for (EObject at = object; at != null; at = at.eContainer()) {
			if (at instanceof Property) {
				return true;
			}
		}
		return false;
	}

	private static boolean mentionsOther(Property property) {
		for (TreeIterator<EObject> it = property.eAllContents(); it.hasNext();) {
			if (it.next() instanceof VariableRef ref && ref.isOther()) {
				return true;
			}
		}
		return false;
	}

	private static IdentityDecl pool(Type type) {
		return switch (type) {
		case OptionalType optional -> pool(optional.getElement());
		case IdentityType identity -> identity.getDecl();
		default -> null;
		};
	}

	/** Whether values of the type are identities of a pool the permutation renames. */
	public boolean renamedPool(Type type) {
		IdentityDecl pool = type == null ? null : pool(type);
		return pool != null && renamed.contains(pool);
	}

	/** The sessions the group permutes, ascending. */
	public int[] movable() {
		return movableList.clone();
	}

	/** Whether some permutation other than the identity is in the group. */
	public boolean reduces() {
		return movableList.length >= 2;
	}

	/** Why the group is trivial, or null when it is not. */
	public String why() {
		return why;
	}

	public int sessions() {
		return sessions;
	}

	/** The order of the group, (movable sessions)!, saturating at {@code Long.MAX_VALUE}. */
	public long order() {
		long order = 1;
		for (int k = 2; k <= movableList.length; k++) {
			order = order > Long.MAX_VALUE / k ? Long.MAX_VALUE : order * k;
		}
		return order;
	}

	/** The group in words, for reports: {@code sessions 1..7 permuted, renaming IDi, Psk}. */
	public String describe() {
		if (!reduces()) {
			return "no symmetry reduction (" + why + ")";
		}
		return "sessions " + movableList[0] + ".." + movableList[movableList.length - 1] + " permuted"
				+ (renamed.isEmpty() ? "" : ", renaming " + String.join(", ", renamed.stream().map(IdentityDecl::getName)
						.toList()));
	}

	/**
	 * An identity after the permutation: identity s+1 is session s's (semantics §2.5), so it becomes
	 * {@code position[s]+1}; none and identities beyond the sessions stay.
	 */
	public int rename(int value, int[] position) {
		int owner = value - 1;
		return owner >= 0 && owner < sessions ? position[owner] + 1 : value;
	}

	/** The identity permutation. */
	public int[] identity() {
		return java.util.stream.IntStream.range(0, sessions).toArray();
	}

	/** {@code first} then {@code second}: {@code (second ∘ first)[s] = second[first[s]]}. */
	public static int[] compose(int[] first, int[] second) {
		int[] result = new int[first.length];
		for (int s = 0; s < first.length; s++) {
			result[s] = second[first[s]];
		}
		return result;
	}

	public static int[] inverse(int[] position) {
		int[] result = new int[position.length];
		for (int s = 0; s < position.length; s++) {
			result[position[s]] = s;
		}
		return result;
	}

	// ------------------------------------------------------------------ the canonical order of blocks

	/**
	 * The permutation that takes a state, cut into one block per session, to its canonical form.
	 *
	 * @param blocks    per session, its part of the state as ints (same layout for every session up
	 *                  to content-dependent lengths: an adapter writes a length or tag before what
	 *                  depends on it)
	 * @param identity  per session and block position, whether the int there is an identity of a
	 *                  renamed pool (or none)
	 * @return the permutation ({@code position[s]}, see the class comment) and whether the result is
	 *         the orbit's unique canonical form
	 */
	public Canonical canonicalPositions(int[][] blocks, boolean[][] identity) {
		int m = movableList.length;
		int[] position = identity();
		if (m < 2) {
			return new Canonical(null, position, true, 1);
		}
		boolean[] referenced = new boolean[sessions];
		boolean[] refers = new boolean[sessions];
		int[][] signature = new int[sessions][];
		for (int s = 0; s < sessions; s++) {
			int[] block = blocks[s];
			if (movable[s]) {
				signature[s] = block.clone();
			}
			for (int p = 0; p < block.length; p++) {
				if (!identity[s][p]) {
					continue;
				}
				int owner = block[p] - 1;
				boolean ownedByMovable = owner >= 0 && owner < sessions && movable[owner];
				if (ownedByMovable && owner != s) {
					referenced[owner] = true;
					refers[s] = true;
				}
				if (movable[s] && ownedByMovable) {
					// invariant under the renaming: whose it is, relative to the session, not which
					signature[s][p] = owner == s ? OWN : FOREIGN;
				}
			}
		}
		Integer[] order = new Integer[m];
		for (int k = 0; k < m; k++) {
			order[k] = movableList[k];
		}
		Arrays.sort(order, Comparator.comparing((Integer s) -> signature[s], Arrays::compare));
		for (int k = 0; k < m; k++) {
			position[order[k]] = movableList[k];
		}
		// tied sessions whose order can change the image: one of them holds or is held as another's identity
		List<int[]> ambiguous = new ArrayList<>();
		long orders = 1;
		// the stabiliser's order: every order of tied sessions that nothing refers to fixes the state
		long fixing = 1;
		for (int start = 0; start < m;) {
			int end = start + 1;
			while (end < m && Arrays.equals(signature[order[start]], signature[order[end]])) {
				end++;
			}
			boolean matters = false;
			for (int k = start; k < end; k++) {
				matters |= referenced[order[k]] || refers[order[k]];
			}
			if (end - start >= 2 && matters) {
				ambiguous.add(new int[] { start, end });
				for (int f = 2; f <= end - start; f++) {
					orders = Math.min(Long.MAX_VALUE / 8, orders * f);
				}
			} else {
				for (int f = 2; f <= end - start; f++) {
					fixing *= f;
				}
			}
			start = end;
		}
		if (ambiguous.isEmpty()) {
			return new Canonical(null, position, true, order() / fixing);
		}
		if (orders > MAX_TIE_ORDERS) {
			// still a member of the orbit, so still sound: only the reduction is less than maximal
			return new Canonical(null, position, false, -1);
		}
		long hits = 1;
		int[] best = position.clone();
		int[] bestImage = image(blocks, identity, best);
		int[] arrangement = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
		while (nextArrangement(arrangement, ambiguous)) {
			int[] candidate = identity();
			for (int k = 0; k < m; k++) {
				candidate[arrangement[k]] = movableList[k];
			}
			int[] image = image(blocks, identity, candidate);
			int compared = Arrays.compare(image, bestImage);
			if (compared < 0) {
				best = candidate;
				bestImage = image;
				hits = 1;
			} else if (compared == 0) {
				hits++;
			}
		}
		// orbit-stabiliser: the arrangements that give the least image are the stabiliser's cosets' share
		return new Canonical(null, best, true, order() / (fixing * hits));
	}

	/**
	 * The next arrangement of the sessions within each ambiguous range (the product of their
	 * permutations, in lexicographic order per range); false after the last.
	 */
	private static boolean nextArrangement(int[] arrangement, List<int[]> ranges) {
		for (int r = ranges.size() - 1; r >= 0; r--) {
			int start = ranges.get(r)[0];
			int end = ranges.get(r)[1];
			if (nextPermutation(arrangement, start, end)) {
				return true;
			}
			// wrapped: back to the first (ascending) order of this range, and carry
			Arrays.sort(arrangement, start, end);
		}
		return false;
	}

	private static boolean nextPermutation(int[] a, int start, int end) {
		int i = end - 2;
		while (i >= start && a[i] >= a[i + 1]) {
			i--;
		}
		if (i < start) {
			return false;
		}
		int j = end - 1;
		while (a[j] <= a[i]) {
			j--;
		}
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
		for (int l = i + 1, r = end - 1; l < r; l++, r--) {
			t = a[l];
			a[l] = a[r];
			a[r] = t;
		}
		return true;
	}

	/** The blocks after the permutation, concatenated in the order of positions. */
	private int[] image(int[][] blocks, boolean[][] identity, int[] position) {
		int[] at = inverse(position);
		int length = 0;
		for (int[] block : blocks) {
			length += block.length + 1;
		}
		int[] image = new int[length];
		int next = 0;
		for (int p = 0; p < sessions; p++) {
			int s = at[p];
			image[next++] = blocks[s].length;
			for (int i = 0; i < blocks[s].length; i++) {
				image[next++] = identity[s][i] ? rename(blocks[s][i], position) : blocks[s][i];
			}
		}
		return image;
	}

	/**
	 * A state's canonical form and the permutation that produced it.
	 *
	 * @param state    the canonical state ({@code null} from {@link #canonicalPositions})
	 * @param position the permutation applied (see the class comment)
	 * @param exact    whether the form is the orbit's unique representative (else only a member)
	 * @param orbit    the number of states in the orbit (|G| / |stabiliser|), -1 when not exact
	 */
	public record Canonical(ConcreteState state, int[] position, boolean exact, long orbit) {
	}

	// ------------------------------------------------------------------ the interpreter's states

	/** The canonical form of an interpreter state (semantics §1.2): a member of its orbit, the same for the whole orbit when exact. */
	public Canonical canonical(ConcreteState state) {
		if (!reduces()) {
			return new Canonical(state, identity(), true, 1);
		}
		int[][] blocks = new int[sessions][];
		boolean[][] identity = new boolean[sessions][];
		for (int s = 0; s < sessions; s++) {
			Block block = new Block();
			write(state, s, block);
			blocks[s] = block.values();
			identity[s] = block.identities();
		}
		Canonical order = canonicalPositions(blocks, identity);
		return new Canonical(apply(state, order.position()), order.position(), order.exact(), order.orbit());
	}

	/** The image of the state under the permutation: every per-session part moved, identities renamed. */
	public ConcreteState apply(ConcreteState state, int[] position) {
		int[][] variables = new int[sessions][];
		List<List<List<QueuedMessage>>> queues = new ArrayList<>(java.util.Collections.nCopies(sessions, null));
		QueuedMessage[][] replayable = new QueuedMessage[sessions][];
		long[][] monitor = new long[sessions][];
		for (int s = 0; s < sessions; s++) {
			int p = position[s];
			int[] vars = state.variables()[s].clone();
			for (int v = 0; v < vars.length; v++) {
				if (variableRenamed[v]) {
					vars[v] = rename(vars[v], position);
				}
			}
			variables[p] = vars;
			List<List<QueuedMessage>> lanes = new ArrayList<>();
			for (Lane lane : layout.lanes()) {
				List<QueuedMessage> queue = state.queues().get(s).get(lane.index());
				List<QueuedMessage> moved = new ArrayList<>(queue.size());
				for (QueuedMessage message : queue) {
					moved.add(rename(lane, message, position));
				}
				lanes.add(List.copyOf(moved));
			}
			queues.set(p, List.copyOf(lanes));
			replayable[p] = state.replayable()[s].clone();
			for (Lane lane : layout.lanes()) {
				if (replayable[p][lane.index()] != null) {
					replayable[p][lane.index()] = rename(lane, replayable[p][lane.index()], position);
				}
			}
			monitor[p] = state.monitor()[s];
		}
		return new ConcreteState(variables, List.copyOf(queues), replayable, state.lastInstance() < 0 ? state
				.lastInstance() : position[state.lastInstance()], state.lastAction(), monitor);
	}

	private QueuedMessage rename(Lane lane, QueuedMessage message, int[] position) {
		List<MessageField> fields = lane.messages().get(message.tag() - 1).getFields();
		int[] values = null;
		for (int f = 0; f < fields.size(); f++) {
			if (renamedPool(fields.get(f).getType())) {
				if (values == null) {
					values = message.fields().clone();
				}
				values[f] = rename(values[f], position);
			}
		}
		return values == null ? message : new QueuedMessage(message.tag(), values, message.mac(), message.copy());
	}

	/** Session s's part of the state as ints, with where identities stand. */
	private void write(ConcreteState state, int s, Block block) {
		int[] vars = state.variables()[s];
		for (int v = 0; v < vars.length; v++) {
			block.add(vars[v], variableRenamed[v]);
		}
		for (Lane lane : layout.lanes()) {
			List<QueuedMessage> queue = state.queues().get(s).get(lane.index());
			block.add(queue.size(), false);
			for (QueuedMessage message : queue) {
				write(lane, message, block);
			}
			QueuedMessage replay = state.replayable()[s][lane.index()];
			block.add(replay == null ? 0 : 1, false);
			if (replay != null) {
				write(lane, replay, block);
			}
		}
		long[] monitor = state.monitor()[s];
		block.add(monitor.length, false);
		for (long value : monitor) {
			block.add((int) value, false);
			block.add((int) (value >>> 32), false);
		}
		// the last move is session-indexed too: a property's `step X` reads it (semantics §2.2)
		block.add(state.lastInstance() == s ? state.lastAction() + 1 : 0, false);
	}

	private void write(Lane lane, QueuedMessage message, Block block) {
		block.add(message.tag(), false);
		List<MessageField> fields = lane.messages().get(message.tag() - 1).getFields();
		for (int f = 0; f < fields.size(); f++) {
			block.add(message.fields()[f], renamedPool(fields.get(f).getType()));
		}
		block.add(message.mac(), false);
		block.add(message.copy() ? 1 : 0, false);
	}

	/** A growing int block with an identity flag per int. */
	private static final class Block {
		private int[] values = new int[64];
		private boolean[] identities = new boolean[64];
		private int size;

		void add(int value, boolean identity) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
				identities = Arrays.copyOf(identities, size * 2);
			}
			values[size] = value;
			identities[size++] = identity;
		}

		int[] values() {
			return Arrays.copyOf(values, size);
		}

		boolean[] identities() {
			return Arrays.copyOf(identities, size);
		}
	}

	/** The most permutations {@link #orbit} enumerates: 8! (N = 9 sessions, or 10 with {@code other}). */
	static final long MAX_ENUMERATED = 40_320;

	/**
	 * The orbit of the state: its images under every permutation of the group, at most
	 * {@code max} of them (null when there are more, or when the group has more than
	 * {@link #MAX_ENUMERATED} permutations: a state whose sessions are all alike has an orbit of one
	 * state, yet every permutation would be tried).
	 */
	public Set<ConcreteState> orbit(ConcreteState state, int max) {
		if (order() > MAX_ENUMERATED) {
			return null;
		}
		Set<ConcreteState> orbit = new LinkedHashSet<>();
		int[] arrangement = movableList.clone();
		List<int[]> all = List.<int[]>of(new int[] { 0, movableList.length });
		do {
			int[] position = identity();
			for (int k = 0; k < movableList.length; k++) {
				position[arrangement[k]] = movableList[k];
			}
			orbit.add(apply(state, position));
			if (orbit.size() > max) {
				return null;
			}
		} while (movableList.length >= 2 && nextArrangement(arrangement, all));
		return orbit;
	}

	/** Whether the value of a field of this domain is an identity of a renamed pool (for adapters). */
	public boolean renamed(Domain domain) {
		return renamedPool(domain.type());
	}
}
