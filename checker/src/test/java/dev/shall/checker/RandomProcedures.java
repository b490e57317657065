package dev.shall.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates small random procedures as .shall text. Deterministic for a seed. The text goes through
 * the real front end, so the whole pipeline is under test. Two profiles:
 * <ul>
 * <li>{@link Profile#CLASSIC} ({@code new RandomProcedures(seed)}): two roles with a few variables of
 * every type, a channel with random faults (and sometimes keyed integrity), messages with fields,
 * steps that receive, test guards, assign, send, branch and choose, an environment event, an option,
 * and properties of every safety kind;
 * <li>{@link Profile#LIVENESS} ({@link #forModel(int)}): the models that show the faults of bounds,
 * fairness and channel faults in response properties ({@code X leads to Y}): a sender that fills a
 * bounded lane of capacity 1 or 2 (lossy, duplicating, replaying, reordering, alone and in
 * combination), integer ranges a {@code shall} step can overflow by an assignment without a guard
 * (small ranges, {@code 100..102}, the top of {@code 0..1000}, decrements at the bottom of
 * {@code 100..200}, rarely {@code 0..2147483647} and the last values below 2^31), {@code shall} steps
 * with an {@code either { ... } or { }} empty branch and steps whose body may change nothing,
 * {@code may} steps, a role that loops for ever, a toggled guard, an event;
 * <li>{@link Profile#LIVENESS_GUARD_TWIN}: the same text as the {@code LIVENESS} model of the same
 * seed, except that every top-level assignment that may leave its range is also excluded by the
 * step's guard ({@code n := n + 1} under {@code when ... and n < max}). A step blocked by a declared
 * bound is disabled, so twins have the same response verdicts (their bounds verdicts differ).
 * </ul>
 * In a third of the models of each profile (chosen apart from the other draws, see {@link #hasTimer()})
 * a role has a timer t (semantics §3.5): its steps start and stop it and test it in guards, one or two
 * steps handle its expiry (retransmitting, counting, giving up, or only restarting it: a stutter),
 * and properties read it ({@code A.t is running leads to not A.t is running} needs the expiry's
 * fairness).
 * Every state space stays small: counters run over at most four values (large ranges are guarded
 * or start near their top), lanes hold at most two messages.
 */
public final class RandomProcedures {

	/** What kind of model the generator writes (see the class comment). */
	enum Profile {
		CLASSIC, LIVENESS, LIVENESS_GUARD_TWIN
	}

	private final Random random;
	private final long seed;
	private final Profile profile;
	private final StringBuilder text = new StringBuilder();
	private final List<String[]> variables = new ArrayList<>(); // role, name, type
	private final List<String> steps = new ArrayList<>();
	private boolean keyed;
	private int instances = 1;
	private boolean hugeRange;
	/**
	 * Whether the model has a timer t (semantics §3.5), and at which role: drawn from a stream of its
	 * own, so that a model without a timer is the text it was before timers (the draws of the main
	 * stream are unchanged), and a liveness model and its twin draw the same.
	 */
	private final boolean timer;
	private final String timerRole;
	/**
	 * Whether the classic model declares options marked independent (semantics §1.1): a third of
	 * them, from a stream of its own (the main stream's draws, and so the other models, unchanged).
	 * Then {@code p { one, two, three }} is independent and guards read it; {@code o}, where the model
	 * has it, is independent too half of the time.
	 */
	private final Random independence;
	private final boolean independentOptions;
	/**
	 * Whether the classic model says what happens to messages no step takes (semantics §3.6):
	 * otherwise blocks on guarded receives, ignores and defers. Drawn from a stream of its own, so
	 * that a model without them is the text it was before.
	 */
	private final Random handlings;
	private final boolean handling;
	private final java.util.Set<String> otherwise = new java.util.HashSet<>();
	/** The guard of the last step of a role that receives a message, by role and message. */
	private final java.util.Map<String, String> handlerGuards = new java.util.HashMap<>();
	/**
	 * Whether the model's properties may use past time and correspondence (semantics §6.5, §6.6),
	 * and the stream that draws them: apart from the main stream, as for timers, so that a model
	 * without them is the text it was before.
	 */
	private final boolean pastTime;
	private final Random past;
	/**
	 * Whether B is a shared role with per-session and shared variables, the roles hold identities of
	 * a pool (given by any, or unique per session), and B's steps look up session entries and ask
	 * about some session, and properties read another session's copy (semantics §1.3, §2.5–§2.6,
	 * §3.7, §6); checked with two sessions. Drawn from a stream of its own, as for timers.
	 */
	private final boolean sessions;
	private final Random session;
	/**
	 * Whether the procedure has an attacker (semantics §4.5, §6.7): on the channel, all or some of
	 * its capabilities; M1 carries a key the attacker may learn; properties ask secrecy, knowledge
	 * and authenticity. Drawn from a stream of its own, as for timers.
	 */
	private final boolean attacker;
	private final Random attack;
	/** The messages some step receives (what authentic may ask about). */
	private final java.util.Set<String> received = new java.util.HashSet<>();
	/** B's variables kept per session (the ones a lookup's or some's binder can read). */
	private final java.util.Set<String> perSession = new java.util.HashSet<>();

	/** The classic profile, as before (other tests replay its models by seed). */
	public RandomProcedures(long seed) {
		this(seed, Profile.CLASSIC);
	}

	RandomProcedures(long seed, Profile profile) {
		this.random = new Random(seed);
		this.seed = seed;
		this.profile = profile;
		Random timers = new Random(seed * 1_000_003L + 14);
		this.timer = timers.nextInt(3) == 0;
		this.timerRole = profile != Profile.CLASSIC || timers.nextBoolean() ? "A" : "B";
		this.handlings = new Random(seed * 1_000_003L + 15);
		this.handling = profile == Profile.CLASSIC && handlings.nextInt(3) == 0;
		this.past = new Random(seed * 1_000_003L + 65);
		this.pastTime = profile == Profile.CLASSIC && past.nextInt(3) == 0;
		this.session = new Random(seed * 1_000_003L + 77);
		this.sessions = profile == Profile.CLASSIC && session.nextInt(3) == 0;
		if (sessions) {
			instances = 2;
		}
		this.attack = new Random(seed * 1_000_003L + 91);
		this.attacker = profile == Profile.CLASSIC && attack.nextInt(3) == 0;
		this.independence = new Random(seed * 1_000_003L + 103);
		this.independentOptions = profile == Profile.CLASSIC && independence.nextInt(3) == 0;
	}

	/** Whether the model declares options marked independent (a third of the classic models). */
	boolean hasIndependentOptions() {
		return independentOptions;
	}

	/** Whether the model has an attacker (a third of the classic models). */
	boolean hasAttacker() {
		return attacker;
	}

	/** Whether the model has a shared role, identities, lookups and other-session reads (a third of the classic models). */
	public boolean hasSessions() {
		return sessions;
	}

	/** Whether the model has otherwise blocks, ignores or defers (a third of the classic models). */
	boolean hasHandling() {
		return handling;
	}

	/** Whether the model's properties may use once, since and correspondence (a third of the classic models). */
	boolean hasPastTime() {
		return pastTime;
	}

	/** Whether the model declares a timer (a third of the models of each profile). */
	boolean hasTimer() {
		return timer;
	}

	/**
	 * The generator of the m-th model of the differential test: classic for even m, the liveness
	 * profile with seed m for m = 1 (mod 4), and for m = 3 (mod 4) the guard-written twin of model
	 * m - 2 (same seed).
	 */
	static RandomProcedures forModel(int m) {
		return switch (m % 4) {
		case 1 -> new RandomProcedures(m, Profile.LIVENESS);
		case 3 -> new RandomProcedures(m - 2, Profile.LIVENESS_GUARD_TWIN);
		default -> new RandomProcedures(m, Profile.CLASSIC);
		};
	}

	long seed() {
		return seed;
	}

	Profile profile() {
		return profile;
	}

	/** How many concurrent instances to check the model with (chosen by the liveness profile; 1 otherwise). */
	public int instances() {
		return instances;
	}

	/**
	 * Whether the model declares a range with bounds near 2^31 (too large to enumerate, or whose
	 * arithmetic overflows int): a front end may refuse it, with a position.
	 */
	boolean hugeRange() {
		return hugeRange;
	}

	public String generate(String name) {
		if (profile != Profile.CLASSIC) {
			return new Liveness(profile == Profile.LIVENESS_GUARD_TWIN).generate(name);
		}
		text.append("procedure ").append(name).append(" clause \"random\"\n");
		// D has alternative parents, so that the term offsets of the second parent are exercised too
		text.append("enum E { e0, e1, e2 }\nkey K { k1, k2 }\nkey H { h1 }\nkey D = d(K | H, n: 0..1)\n");
		boolean option = random.nextBoolean();
		if (option) {
			text.append("option o { yes, no }").append(independentOptions && independence.nextBoolean() ? " independent"
					: "").append("\n");
		}
		if (independentOptions) {
			text.append("option p { one, two, three } independent\n");
		}
		keyed = random.nextInt(4) == 0;
		if (sessions) {
			text.append("identity I pool 2\n");
		}
		for (String role : List.of("A", "B")) {
			boolean shared = sessions && role.equals("B");
			text.append("role ").append(role).append(shared ? " shared {" : " {");
			int count = 1 + random.nextInt(3);
			for (int v = 0; v < count; v++) {
				String type = switch (random.nextInt(5)) {
				case 0 -> "bool";
				case 1 -> "0.." + (1 + random.nextInt(3));
				case 2 -> "E";
				case 3 -> "D?";
				default -> "K?";
				};
				String variable = role.toLowerCase() + v;
				variables.add(new String[] { role, variable, type });
				text.append(" var ").append(variable).append(" : ").append(type).append(" = ").append(initial(type));
				if (shared && session.nextBoolean()) {
					text.append(" per session");
					perSession.add(variable);
				}
			}
			if (sessions) {
				// an identity of each role: B's kept per session (the entry a lookup finds by it)
				String id = role.toLowerCase() + "id";
				boolean unique = role.equals("A") && session.nextBoolean();
				variables.add(new String[] { role, id, unique ? "I" : "I?" });
				text.append(" var ").append(id).append(unique ? " : I = unique" : " : I? = none")
						.append(shared ? " per session" : "");
				if (shared) {
					perSession.add(id);
				}
			}
			text.append(keyed ? " var mk : K = k1" : "").append(" }\n");
		}
		if (keyed) {
			variables.add(new String[] { "A", "mk", "K" });
			variables.add(new String[] { "B", "mk", "K" });
		}
		if (timer) {
			text.append("timer t at ").append(timerRole).append(" clause \"s\"\n");
		}
		text.append("channel c : A <-> B");
		if (keyed) {
			text.append(" integrity \"MAC\" keyed by A.mk and B.mk");
		}
		List<String> faults = new ArrayList<>();
		for (String fault : List.of("lossy", "reordering", "duplicating", "replaying")) {
			if (random.nextInt(5) == 0) {
				faults.add(fault);
			}
		}
		text.append(faults.isEmpty() ? " reliable" : " faults " + String.join(", ", faults));
		if (attacker && attack.nextBoolean()) {
			// semantics §4.5: the channel's own capabilities instead of the default (all of them)
			List<String> can = new ArrayList<>();
			for (String capability : List.of("eavesdrop", "inject", "replay", "drop")) {
				if (attack.nextBoolean()) {
					can.add(capability);
				}
			}
			text.append(" attacker ").append(can.isEmpty() ? "none" : String.join(", ", can));
		}
		text.append(" capacity ").append(1 + random.nextInt(2)).append('\n');
		if (attacker) {
			text.append("attacker \"random\"").append(attack.nextBoolean() ? " knows " + (attack.nextBoolean() ? "k2"
					: "D(h1, 1)") : "").append('\n');
		}
		String keyField = attacker ? ", k : " + (attack.nextBoolean() ? "K?" : "proof of K?") : "";
		text.append(sessions ? "message M1 { f : 0..2, g : I?" + keyField + " }\nmessage M2\n"
				: "message M1 { f : 0..2" + keyField + " }\nmessage M2\n");
		int stepCount = 2 + random.nextInt(4);
		for (int s = 1; s <= stepCount; s++) {
			steps.add(Integer.toString(s));
		}
		for (int s = 1; s <= stepCount; s++) {
			step(Integer.toString(s), option);
		}
		if (timer) {
			int expiries = 1 + random.nextInt(2);
			for (int x = 1; x <= expiries; x++) {
				expiryStep("x" + x, option);
			}
		}
		if (handling) {
			handlings(option);
		}
		if (random.nextBoolean()) {
			String role = random.nextBoolean() ? "A" : "B";
			text.append("event ev at ").append(role).append(" when ").append(condition(role, null, option))
					.append(" { ").append(statements(role, null, option, 1)).append(" }\n");
			steps.add("ev");
		}
		int properties = 1 + random.nextInt(3);
		for (int p = 0; p < properties; p++) {
			text.append("property p").append(p).append(" clause \"r\": ").append(pastTime && past.nextInt(3) != 0
					? pastProperty() : property()).append('\n');
		}
		if (sessions) {
			text.append("instances 2\n");
		}
		return text.toString();
	}

	private void step(String label, boolean option) {
		String role = random.nextBoolean() ? "A" : "B";
		text.append("step ").append(label).append(" clause \"s\": ").append(role)
				.append(random.nextBoolean() ? " shall" : " may");
		String received = null;
		if (random.nextInt(3) > 0) {
			received = random.nextBoolean() ? "M1" : "M2";
			text.append(" receive ").append(received).append(" as m on c");
		}
		boolean lookup = sessions && role.equals("B") && session.nextBoolean();
		if (lookup) {
			// semantics §3.7: the entry of some session, found by an identity the message carries or by its state
			text.append(" lookup e where ").append("M1".equals(received) && session.nextBoolean()
					? "e.bid == m.g" : sessionTest("e."));
		}
		String guard = random.nextInt(3) > 0 ? condition(role, received, option) : null;
		if (timer && role.equals(timerRole) && random.nextInt(4) == 0) {
			guard = (guard == null ? "" : "(" + guard + ") and ") + timerTest("");
		}
		if (guard != null) {
			text.append(" when ").append(guard);
		}
		text.append(" { ").append(statements(role, received, option, 2)).append(timerStatement(role));
		if (lookup) {
			text.append(' ').append(fromEntry());
		}
		text.append(" }");
		if (received != null) {
			handlerGuards.put(role + received, guard);
			this.received.add(received);
		}
		if (handling && received != null && guard != null && handlings.nextBoolean() && otherwise.add(role + received)) {
			// semantics §3.6: what the role does with the message when no guard of its handlers holds
			text.append(" otherwise { ").append(handlings.nextInt(3) == 0 ? "" : statements(role, received, option, 1))
					.append(" }");
		}
		text.append('\n');
	}

	/** A test of one of B's per-session variables through a binder ({@code e.} or {@code s.}) or a qualifier. */
	private String sessionTest(String prefix) {
		List<String[]> candidates = variables.stream().filter(v -> v[0].equals("B") && perSession.contains(v[1]))
				.toList();
		String[] variable = candidates.get(session.nextInt(candidates.size()));
		return variable[2].startsWith("I") ? prefix + variable[1] + (session.nextBoolean() ? " == none" : " != none")
				: test(variable, prefix);
	}

	/** An assignment of B from the located entry: a per-session variable of the same type, or an identity. */
	private String fromEntry() {
		List<String[]> candidates = variables.stream().filter(v -> v[0].equals("B") && perSession.contains(v[1]))
				.toList();
		String[] source = candidates.get(session.nextInt(candidates.size()));
		List<String[]> targets = variables.stream().filter(v -> v[0].equals("B") && v[2].equals(source[2])).toList();
		String[] target = targets.get(session.nextInt(targets.size()));
		return target[1] + " := e." + source[1];
	}

	/** Ignores and defers (semantics §3.6) of messages without an otherwise block, sometimes unconditional. */
	private void handlings(boolean option) {
		for (String role : List.of("A", "B")) {
			for (String message : List.of("M1", "M2")) {
				if (otherwise.contains(role + message) || handlings.nextInt(3) > 0) {
					continue;
				}
				text.append(handlings.nextBoolean() ? "ignore " : "defer ").append(message).append(" as m on c at ")
						.append(role);
				String guard = handlerGuards.get(role + message);
				int kind = handlings.nextInt(4);
				if (kind == 0 && guard != null) {
					// exactly where that handler refuses: the arrivals a lone handler leaves over
					text.append(" when not (").append(guard).append(')');
				} else if (kind > 1) {
					text.append(" when ").append(condition(role, message, option));
				}
				text.append('\n');
			}
		}
	}

	/** A step that handles the expiry of t (semantics §3.5): always shall; it may restart the timer. */
	private void expiryStep(String label, boolean option) {
		steps.add(label);
		text.append("step ").append(label).append(" clause \"s\": ").append(timerRole).append(" shall on expiry of t");
		if (random.nextBoolean()) {
			text.append(" when ").append(condition(timerRole, null, option));
		}
		text.append(" { ").append(random.nextInt(4) == 0 ? "" : statements(timerRole, null, option, 1))
				.append(random.nextBoolean() ? " start t" : "").append(" }\n");
	}

	/** In a step of the timer's role, sometimes a start or stop of t at the end of its body. */
	private String timerStatement(String role) {
		if (!timer || !role.equals(timerRole)) {
			return "";
		}
		return switch (random.nextInt(4)) {
		case 0, 1 -> " start t";
		case 2 -> " stop t";
		default -> "";
		};
	}

	private String timerTest(String prefix) {
		String state = switch (random.nextInt(3)) {
		case 0 -> "stopped";
		case 1 -> "running";
		default -> "expired";
		};
		return (random.nextInt(3) == 0 ? "not " : "") + prefix + "t is " + state;
	}

	private String statements(String role, String received, boolean option, int depth) {
		StringBuilder body = new StringBuilder();
		int count = 1 + random.nextInt(3);
		for (int s = 0; s < count; s++) {
			int kind = random.nextInt(depth > 0 ? 6 : 3);
			switch (kind) {
			case 0, 1 -> body.append(assignment(role, received)).append(' ');
			case 2 -> body.append(random.nextBoolean() ? "send M1(f = " + intValue(role, received)
					+ (sessions && session.nextBoolean() ? ", g = " + role.toLowerCase() + "id" : "")
					+ (attacker && attack.nextBoolean() ? ", k = " + attackerKey(role) : "") + ") on c "
					: "send M2 on c ");
			case 3 -> body.append("if ").append(condition(role, received, option)).append(" { ")
					.append(statements(role, received, option, depth - 1)).append(" } else { ")
					.append(statements(role, received, option, depth - 1)).append(" } ");
			case 4 -> body.append("either { ").append(statements(role, received, option, depth - 1))
					.append(" } or { ").append(statements(role, received, option, depth - 1)).append(" } ");
			default -> body.append(assignment(role, received)).append(' ');
			}
		}
		return body.toString();
	}

	private String assignment(String role, String received) {
		String[] variable = pick(role);
		String type = variable[2];
		String value = switch (type) {
		case "bool" -> random.nextBoolean() ? "not " + variable[1] : random.nextBoolean() ? "true" : "false";
		case "E" -> "e" + random.nextInt(3);
		case "K?" -> random.nextInt(3) == 0 ? "none" : random.nextBoolean() ? "k1" : "k2";
		case "K" -> random.nextBoolean() ? "k1" : "k2";
		case "I" -> "any I";
		case "I?" -> switch (random.nextInt(4)) {
			case 0 -> "none";
			case 1 -> "M1".equals(received) ? "m.g" : "any I";
			default -> "any I";
		};
		case "D?" -> switch (random.nextInt(4)) {
			case 0 -> "none";
			case 1 -> "D(h1, " + random.nextInt(2) + ")";
			case 2 -> "D(k" + (1 + random.nextInt(2)) + ", " + intValue(role, received) + ")";
			default -> "D(" + keyOf(role) + ", " + random.nextInt(2) + ")";
		};
		default -> random.nextBoolean() ? variable[1] + " + 1" : intValue(role, received);
		};
		return variable[1] + " := " + value;
	}

	/** A K-valued expression of the role: one of its K variables (possibly none) or a constant. */
	private String keyOf(String role) {
		for (String[] variable : variables) {
			if (variable[0].equals(role) && variable[2].startsWith("K") && random.nextBoolean()) {
				return variable[1];
			}
		}
		return "k" + (1 + random.nextInt(2));
	}

	private String intValue(String role, String received) {
		if ("M1".equals(received) && random.nextBoolean()) {
			return "m.f";
		}
		for (String[] variable : variables) {
			if (variable[0].equals(role) && variable[2].startsWith("0..") && random.nextBoolean()) {
				return variable[1];
			}
		}
		return Integer.toString(random.nextInt(3));
	}

	private String condition(String role, String received, boolean option) {
		String[] variable = pick(role);
		String atom = test(variable, "");
		if ("M1".equals(received) && random.nextBoolean()) {
			atom = "m.f " + (random.nextBoolean() ? "==" : "<") + " " + random.nextInt(3);
		}
		if (sessions && role.equals("B") && session.nextInt(4) == 0) {
			atom = "some s where " + sessionTest("s.");
		}
		if (option && random.nextInt(3) == 0) {
			atom = "(" + atom + (random.nextBoolean() ? " and" : " or") + " o == " + (random.nextBoolean() ? "yes" : "no")
					+ ")";
		}
		if (independentOptions && independence.nextInt(3) == 0) {
			atom = "(" + atom + (independence.nextBoolean() ? " and" : " or") + " p == " + List.of("one", "two", "three").get(independence
					.nextInt(3)) + ")";
		}
		return random.nextInt(4) == 0 ? "not " + atom : atom;
	}

	private String test(String[] variable, String prefix) {
		String name = prefix + variable[1];
		return switch (variable[2]) {
		case "bool" -> name;
		case "E" -> name + (random.nextBoolean() ? " == " : " != ") + "e" + random.nextInt(3);
		case "K?" -> name + (random.nextBoolean() ? " == none" : " == k" + (1 + random.nextInt(2)));
		case "K" -> name + " == k" + (1 + random.nextInt(2));
		case "I", "I?" -> name + (random.nextBoolean() ? " == " : " != ") + (variable[2].equals("I?") && random
				.nextBoolean() ? "none" : prefix + variable[0].toLowerCase() + "id");
		case "D?" -> name + (random.nextBoolean() ? " == none" : " == D(" + (random.nextBoolean() ? "h1" : "k2") + ", "
				+ random.nextInt(2) + ")");
		default -> name + (random.nextBoolean() ? " < " : " == ") + random.nextInt(3);
		};
	}

	/** A K-valued expression of the role for a message's key field: a K variable of the role or a constant. */
	private String attackerKey(String role) {
		for (String[] variable : variables) {
			if (variable[0].equals(role) && variable[2].startsWith("K") && attack.nextBoolean()) {
				return variable[1];
			}
		}
		return "k" + (1 + attack.nextInt(2));
	}

	/** Secrecy, knowledge and authenticity (semantics §6.7). */
	private String attackerProperty() {
		List<String[]> keys = variables.stream().filter(v -> v[2].startsWith("K") || v[2].startsWith("D")).toList();
		int kind = attack.nextInt(4);
		if (kind == 0 && !received.isEmpty()) {
			return "authentic " + (received.contains("M1") ? "M1" : "M2") + " on c";
		}
		if (kind == 1 || keys.isEmpty()) {
			return "never attacker knows " + (attack.nextBoolean() ? "k1" : "D(k" + (1 + attack.nextInt(2)) + ", "
					+ attack.nextInt(2) + ")");
		}
		String[] key = keys.get(attack.nextInt(keys.size()));
		return kind == 2 ? "secret " + key[0] + "." + key[1]
				: "always attacker knows " + key[0] + "." + key[1] + " implies step " + stepLabel();
	}

	private String property() {
		if (attacker && attack.nextInt(2) == 0) {
			return attackerProperty();
		}
		if (sessions && session.nextInt(3) == 0) {
			// semantics §2.6, §6: another session's copy, and some session
			String[] variable = variables.stream().filter(v -> !v[0].equals("B") || perSession.contains(v[1])).toList()
					.get(session.nextInt((int) variables.stream().filter(v -> !v[0].equals("B") || perSession.contains(
							v[1])).count()));
			String own = variable[0] + "." + variable[1];
			return switch (session.nextInt(4)) {
			case 0 -> "never " + own + " == other." + own + (variable[2].endsWith("?") ? " and " + own + " != none"
					: "");
			case 1 -> "always some s where " + sessionTest("s.B.").replace("s.B.", "s.B.");
			case 2 -> "never some s where " + sessionTest("s.B.");
			default -> "agree " + own + " with other." + own + " when step " + stepLabel();
			};
		}
		if (timer && random.nextInt(3) == 0) {
			String t = timerRole + ".";
			return switch (random.nextInt(4)) {
			case 0 -> "never " + timerTest(t);
			case 1 -> t + "t is running leads to not " + t + "t is running";
			case 2 -> "step " + stepLabel() + " leads to " + timerTest(t);
			default -> timerTest(t) + " before step " + stepLabel();
			};
		}
		String[] variable = variables.get(random.nextInt(variables.size()));
		String qualified = variable[0] + ".";
		return switch (random.nextInt(6)) {
		case 5 -> "step " + stepLabel() + " leads to " + (random.nextBoolean() ? "step " + stepLabel()
				: test(variable, qualified));
		case 0 -> "never " + test(variable, qualified);
		case 1 -> "always " + test(variable, qualified) + " or step " + stepLabel();
		case 2 -> "step " + stepLabel() + " before step " + stepLabel();
		case 3 -> {
			String[] other = sameType(variable);
			yield other == null ? "never " + test(variable, qualified)
					: "agree " + qualified + variable[1] + " with " + other[0] + "." + other[1] + " when step " + stepLabel();
		}
		default -> "fresh " + qualified + variable[1] + " when step " + stepLabel();
		};
	}

	/**
	 * A property with past-time operators or a correspondence (semantics §6.5, §6.6), drawn from
	 * the past-time stream only: invariants, precedence and response over past-time conditions,
	 * nested ones included, and correspondences between steps and conditions with small bounds (so
	 * that counters saturate on some runs).
	 */
	private String pastProperty() {
		return switch (past.nextInt(8)) {
		case 0 -> "never " + pastCondition(2);
		case 1 -> "always " + pastCondition(2) + " or " + pastAtom();
		case 2 -> pastCondition(1) + " before " + premiseAtom();
		case 3 -> premiseAtom() + " leads to " + pastCondition(1);
		case 4 -> "always " + premiseAtom() + " implies " + pastCondition(2);
		// the pattern of the texts: "no Y since the latest Z" when X happens
		case 5 -> "always " + stepAtom() + " implies (not " + stepAtom() + " since " + pastAtom() + ")";
		default -> "each " + pastAtom() + " preceded by " + (past.nextBoolean() ? pastAtom() : pastCondition(1))
				+ (past.nextBoolean() ? "" : " within " + (1 + past.nextInt(3)));
		};
	}

	/** A condition with once and since, nested up to {@code depth} deep. */
	private String pastCondition(int depth) {
		String a = depth > 1 && past.nextInt(3) == 0 ? "(" + pastCondition(depth - 1) + ")" : pastAtom();
		return switch (past.nextInt(6)) {
		case 0 -> "once " + a;
		case 1 -> "not once " + a;
		case 2 -> "once " + a + " and " + pastAtom();
		case 3 -> pastAtom() + " since " + a;
		case 4 -> "(" + a + " since " + pastAtom() + ")";
		default -> "once (" + pastAtom() + " since " + a + ")";
		};
	}

	/**
	 * An atom for a precedence's second condition, a response's trigger or an invariant's premise:
	 * one over a variable no step assigns may be false in every state, which the validator refuses
	 * (shall.vacuous-condition, semantics §7.5), so a step takes its place there.
	 */
	private String premiseAtom() {
		String atom = pastAtom();
		if (atom.startsWith("step ")) {
			return atom;
		}
		String name = atom.replaceFirst("^not ", "").split(" ")[0];
		String variable = name.substring(name.indexOf('.') + 1);
		return text.indexOf(" " + variable + " := ") >= 0 || text.indexOf("delete " + variable) >= 0 ? atom
				: stepAtom();
	}

	private String stepAtom() {
		return "step " + steps.get(past.nextInt(steps.size()));
	}

	/** A step that just happened or a test of a variable, of either role. */
	private String pastAtom() {
		if (past.nextBoolean()) {
			return stepAtom();
		}
		String[] variable = variables.get(past.nextInt(variables.size()));
		String name = variable[0] + "." + variable[1];
		return switch (variable[2]) {
		case "bool" -> (past.nextBoolean() ? "not " : "") + name;
		case "E" -> name + " == e" + past.nextInt(3);
		case "K?" -> name + (past.nextBoolean() ? " == none" : " == k" + (1 + past.nextInt(2)));
		case "K" -> name + " == k" + (1 + past.nextInt(2));
		case "D?", "I?" -> name + (past.nextBoolean() ? " == none" : " != none");
		case "I" -> name + (past.nextBoolean() ? " == " : " != ") + "other." + name;
		default -> name + (past.nextBoolean() ? " < " : " == ") + past.nextInt(3);
		};
	}

	private String[] sameType(String[] variable) {
		List<String[]> candidates = new ArrayList<>();
		for (String[] other : variables) {
			if (other != variable && other[2].replace("?", "").equals(variable[2].replace("?", ""))) {
				candidates.add(other);
			}
		}
		return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
	}

	private String stepLabel() {
		String label = steps.get(random.nextInt(steps.size()));
		return label.equals("ev") ? "ev" : label;
	}

	private String[] pick(String role) {
		List<String[]> own = variables.stream().filter(v -> v[0].equals(role)).toList();
		return own.get(random.nextInt(own.size()));
	}

	private static String initial(String type) {
		return switch (type) {
		case "bool" -> "false";
		case "E" -> "e0";
		case "K?", "D?" -> "none";
		default -> "0";
		};
	}

	/**
	 * A counter of the liveness profile: its declared range, initial value, and the values steps
	 * drive it through. Increments run up to {@code top}; when the range itself stops them (at most
	 * three values above the initial one), they are written without a guard and the step is blocked
	 * by the range at {@code hi} (its twin guards it instead); otherwise a guard keeps them below
	 * {@code top}, so that large ranges leave small state spaces. Decrements are written only near the
	 * bottom of the range, unguarded (blocked at {@code lo}).
	 */
	private record Counter(String role, String name, long lo, long hi, long init, long top) {

		String declaration() {
			return "var " + name + " : " + lo + ".." + hi + " = " + init;
		}

		/** Whether a step may increment without a guard: the range alone bounds the values reached. */
		boolean rangeBounded() {
			return hi - init <= 3;
		}

		boolean decrementable() {
			return init - lo <= 2;
		}
	}

	/** A statement that may leave its range, the guard it needs in any case, and the guard its twin adds. */
	private record Update(String statement, String guard, String twinGuard) {
	}

	private static final String[] FAULT_SETS = { "reliable", "reliable", "faults lossy", "faults duplicating",
			"faults replaying", "faults replaying", "faults reordering", "faults lossy, duplicating",
			"faults replaying, reordering", "faults duplicating, replaying", "faults lossy, replaying",
			"faults duplicating, reordering", "faults lossy, duplicating, replaying, reordering" };

	/** The liveness profile (see the class comment); {@code twin} writes the guard-written twin. */
	private final class Liveness {

		private final boolean twin;
		private final List<String> labels = new ArrayList<>();
		private boolean option;

		Liveness(boolean twin) {
			this.twin = twin;
		}

		String generate(String name) {
			// every draw is made whatever twin says, so that twins are the same model but for guards
			text.append("procedure ").append(name).append(" clause \"random\"\n");
			option = random.nextInt(3) == 0;
			instances = random.nextInt(8) == 0 ? 2 : 1;
			Counter n = counter("A", "n");
			Counter x = random.nextInt(4) == 0 ? counter("A", "x") : null;
			boolean done = random.nextBoolean();
			Counter got = counter("B", "got");
			boolean flag = random.nextBoolean();
			boolean looper = random.nextInt(4) == 0;
			boolean bidirectional = random.nextInt(3) == 0;
			String faults = FAULT_SETS[random.nextInt(FAULT_SETS.length)];
			int capacity = random.nextInt(5) < 3 ? 1 : 2;
			boolean field = random.nextInt(3) == 0;
			if (option) {
				text.append("option o { yes, no }\n");
			}
			text.append("role A { ").append(n.declaration()).append(x == null ? "" : "  " + x.declaration())
					.append(done ? "  var done : bool = false" : "").append(" }\n");
			text.append("role B { ").append(got.declaration()).append(flag ? "  var flag : bool = false" : "")
					.append(" }\n");
			if (looper) {
				text.append("role C { var flip : bool = false }\n");
			}
			if (timer) {
				text.append("timer t at A clause \"s\"\n");
			}
			text.append("channel c : A ").append(bidirectional ? "<->" : "->").append(" B ").append(faults)
					.append(" capacity ").append(capacity).append('\n');
			text.append(field ? "message M { f : 0..2 }\n" : "message M\n");
			if (bidirectional) {
				text.append("message R\n");
			}

			// emit: the sender fills the lane, and may overflow its counter
			{
				boolean shall = random.nextInt(4) > 0;
				List<String> guard = new ArrayList<>();
				List<String> twinGuard = new ArrayList<>();
				if (done && random.nextBoolean()) {
					guard.add("not done");
				}
				if (option && random.nextInt(4) == 0) {
					guard.add("o == yes");
				}
				StringBuilder body = new StringBuilder();
				if (random.nextInt(4) > 0) {
					Update update = update(n);
					body.append(update.statement()).append("  ");
					addGuards(guard, twinGuard, update);
				}
				if (random.nextInt(6) > 0) {
					body.append(field ? "send M(f = " + random.nextInt(3) + ") on c  " : "send M on c  ");
				}
				if (done && random.nextInt(4) == 0) {
					body.append("done := true  ");
				}
				if (timer && random.nextInt(3) > 0) {
					body.append("start t  ");
				}
				boolean stutter = random.nextInt(4) == 0;
				if (stutter) {
					twinGuard.clear(); // the update is inside a branch: the twin keeps it as it is
				}
				step("emit", "A", shall, null, guard, twinGuard, stutter ? "either { " + body + "} or { }"
						: body.toString());
			}

			// recv: the receiver empties the lane (shall, or optionally), and may overflow its counter
			{
				boolean shall = random.nextInt(4) > 0;
				List<String> guard = new ArrayList<>();
				List<String> twinGuard = new ArrayList<>();
				if (flag && random.nextInt(4) == 0) {
					guard.add("flag");
				}
				StringBuilder body = new StringBuilder();
				switch (random.nextInt(4)) {
				case 0, 1 -> {
					Update update = update(got);
					body.append(update.statement()).append("  ");
					addGuards(guard, twinGuard, update);
				}
				case 2 -> body.append("if got < ").append(got.top()).append(" { got := got + 1 }  ");
				default -> {
				}
				}
				if (flag && random.nextInt(3) == 0) {
					body.append("flag := true  ");
				}
				if (field && random.nextInt(3) == 0) {
					body.append("if m.f == 1 { got := ").append(got.init()).append(" }  ");
				}
				if (bidirectional && random.nextInt(3) > 0) {
					body.append("send R on c  ");
				}
				step("recv", "B", shall, "M as m", guard, twinGuard, body.toString());
			}

			// ack: the sender hears back
			if (bidirectional && random.nextInt(4) > 0) {
				boolean shall = random.nextInt(4) > 0;
				List<String> guard = new ArrayList<>();
				List<String> twinGuard = new ArrayList<>();
				StringBuilder body = new StringBuilder();
				switch (random.nextInt(3)) {
				case 0 -> body.append(done ? "done := true  " : "n := " + n.init() + "  ");
				case 1 -> body.append("n := ").append(n.init()).append("  ");
				default -> {
					Update update = update(x != null ? x : n);
					body.append(update.statement()).append("  ");
					addGuards(guard, twinGuard, update);
				}
				}
				if (timer && random.nextBoolean()) {
					body.append("stop t  ");
				}
				step("ack", "A", shall, "R", guard, twinGuard, body.toString());
			}

			// exp: the sender handles the expiry of its timer (semantics §3.5): retransmits (and counts,
			// possibly out of range: blocked), gives up, or only restarts the timer (a stutter)
			if (timer) {
				List<String> guard = new ArrayList<>();
				List<String> twinGuard = new ArrayList<>();
				StringBuilder body = new StringBuilder();
				String send = field ? "send M(f = " + random.nextInt(3) + ") on c  " : "send M on c  ";
				switch (random.nextInt(5)) {
				case 0, 1 -> {
					Update update = update(n);
					body.append(update.statement()).append("  ").append(send).append("start t");
					addGuards(guard, twinGuard, update);
				}
				case 2 -> body.append(send).append("start t");
				case 3 -> body.append(done ? "done := true" : "n := " + n.init());
				default -> body.append("start t");
				}
				if (random.nextInt(4) == 0) {
					guard.add("n != " + n.top());
				}
				step("exp", "A", true, "expiry of t", guard, twinGuard, body.toString());
			}

			// fin: an optional step that answers, once the counter is at its top (blocked-by-range.shall)
			if (done && random.nextBoolean()) {
				step("fin", "A", random.nextInt(3) == 0, null, new ArrayList<>(List.of("n == " + n
						.top())), new ArrayList<>(), "done := true");
			}

			// stut: a shall step whose body may change nothing (fairness-and-stutter.shall)
			if (random.nextBoolean()) {
				List<String> guard = new ArrayList<>();
				List<String> twinGuard = new ArrayList<>();
				String body;
				String role = "B";
				switch (random.nextInt(6)) {
				case 0 -> body = flag ? "either { flag := not flag } or { }" : "either { got := " + got.init()
						+ " } or { }";
				case 1 -> {
					Update update = update(got);
					body = "either { " + update.statement() + " } or { }";
					if (update.guard() != null) {
						guard.add(update.guard());
					}
				}
				case 2 -> {
					role = "A";
					guard.add("n == " + n.top());
					body = "n := n";
				}
				case 3 -> {
					body = flag ? "flag := true" : "got := " + got.init();
				}
				case 4 -> {
					role = "A";
					body = "either { n := " + n.init() + " } or { }";
				}
				default -> {
					role = "A";
					Update update = update(x != null ? x : n);
					body = update.statement();
					addGuards(guard, twinGuard, update);
				}
				}
				step("stut", role, true, null, guard, twinGuard, body);
			}

			// tog: a shall step that enables and disables recv's guard
			if (flag && random.nextInt(4) == 0) {
				step("tog", "B", true, null, new ArrayList<>(), new ArrayList<>(), "flag := not flag");
			}

			// spin: another role loops for ever (blocked-on-full-channel.shall)
			if (looper) {
				List<String> guard = new ArrayList<>();
				if (option && random.nextBoolean()) {
					guard.add("o == yes");
				}
				step("spin", "C", true, null, guard, new ArrayList<>(), "flip := not flip");
			}

			if (random.nextInt(4) == 0) {
				if (flag) {
					text.append("event ev at B when flag { flag := false }\n");
				} else {
					text.append("event ev at A when n == ").append(n.top()).append(" { n := ").append(n.init())
							.append(" }\n");
				}
				labels.add("ev");
			}

			int properties = 1 + random.nextInt(3);
			for (int p = 0; p < properties; p++) {
				text.append("property p").append(p).append(" clause \"r\": ").append(property(n, got, done, flag))
						.append('\n');
			}
			return text.toString();
		}

		private Counter counter(String role, String name) {
			int kind = random.nextInt(40);
			if (kind < 18) {
				int k = 1 + random.nextInt(3);
				return new Counter(role, name, 0, k, 0, k);
			}
			if (kind < 23) {
				int k = 1 + random.nextInt(2);
				return new Counter(role, name, 100, 100 + k, 100, 100 + k);
			}
			if (kind < 27) {
				int init = 998 + random.nextInt(2);
				return new Counter(role, name, 0, 1000, init, 1000);
			}
			if (kind < 31) {
				return new Counter(role, name, 100, 200, 100, 100 + 1 + random.nextInt(2));
			}
			if (kind < 35) {
				return new Counter(role, name, 0, 1000, 0, 1 + random.nextInt(2));
			}
			if (kind < 37) {
				return new Counter(role, name, 5, 7, 6, 7);
			}
			if (kind == 37) {
				// the last values below 2^31: n + 1 at the top overflows Java's int too
				hugeRange = true;
				return new Counter(role, name, 2147483645L, 2147483647L, 2147483645L, 2147483647L);
			}
			if (kind == 38) {
				hugeRange = true;
				return new Counter(role, name, 0, 2147483647L, 0, 2);
			}
			return new Counter(role, name, 1000, 1000, 1000, 1000);
		}

		/** An increment (or, near the bottom, sometimes a decrement) of the counter. */
		private Update update(Counter counter) {
			boolean decrement = counter.decrementable() && random.nextInt(4) == 0;
			String c = counter.name();
			if (decrement) {
				return new Update(c + " := " + c + " - 1", null, c + " > " + counter.lo());
			}
			if (counter.rangeBounded()) {
				return new Update(c + " := " + c + " + 1", null, c + " < " + counter.hi());
			}
			return new Update(c + " := " + c + " + 1", c + " < " + counter.top(), null);
		}

		private void addGuards(List<String> guard, List<String> twinGuard, Update update) {
			if (update.guard() != null) {
				guard.add(update.guard());
			}
			if (update.twinGuard() != null) {
				twinGuard.add(update.twinGuard());
			}
		}

		private void step(String label, String role, boolean shall, String receive, List<String> guard,
				List<String> twinGuard, String body) {
			labels.add(label);
			List<String> conditions = new ArrayList<>(guard);
			if (twin) {
				conditions.addAll(twinGuard);
			}
			text.append("step ").append(label).append(" clause \"s\": ").append(role).append(shall ? " shall" : " may");
			if (receive != null && receive.startsWith("expiry of ")) {
				text.append(" on ").append(receive);
			} else if (receive != null) {
				text.append(" receive ").append(receive).append(" on c");
			}
			if (!conditions.isEmpty()) {
				text.append(" when ").append(String.join(" and ", conditions));
			}
			text.append(" { ").append(body.strip()).append(" }\n");
		}

		private String property(Counter n, Counter got, boolean done, boolean flag) {
			String label = labels.get(random.nextInt(labels.size()));
			if (timer && random.nextInt(3) == 0) {
				return switch (random.nextInt(4)) {
				// needs the expiry's fairness (and holds unless the expiry is blocked, guarded off or a stutter)
				case 0 -> "A.t is running leads to not A.t is running";
				case 1 -> "step emit leads to A.t is expired or step " + label;
				case 2 -> "A.t is expired leads to step " + label;
				default -> "never A.t is expired and B.got == " + between(got);
				};
			}
			if (random.nextInt(4) == 0) {
				return switch (random.nextInt(3)) {
				case 0 -> "never B.got == " + between(got);
				case 1 -> "always A.n != " + between(n) + " or step " + label;
				default -> "step emit before step " + label;
				};
			}
			return switch (random.nextInt(6)) {
			case 0 -> n.top() > n.init() ? "A.n == " + n.init() + " leads to A.n == " + between(n)
					: "A.n == " + n.init() + " leads to step recv";
			case 1 -> "step emit leads to B.got " + (random.nextBoolean() ? "== " + between(got) : "!= " + got.init());
			case 2 -> done ? "A.n == " + n.init() + " leads to A.done" : "step emit leads to step recv";
			case 3 -> "step emit leads to step " + label;
			case 4 -> flag ? "step recv leads to B.flag" : "A.n == " + n.init() + " leads to B.got == " + got.top();
			// a trigger over an n no step assigns is false in every state: the validator refuses such a
			// property (shall.vacuous-condition, semantics §7.5), so the model asks another question
			default -> text.indexOf("n := ") >= 0 ? "A.n != " + n.init() + " leads to step " + label
					: "step emit leads to step " + label;
			};
		}

		/** A value the counter reaches by increments, above its initial value when it can. */
		private long between(Counter counter) {
			return counter.top() > counter.init() ? counter.init() + 1 + random.nextInt((int) (counter.top() - counter
					.init())) : counter.init();
		}
	}
}
