package dev.shall.dsl.validation;

/**
 * The codes of every diagnostic the language reports. Tests, quick fixes and the JSON and SARIF
 * outputs of the command line refer to them, so they never change meaning once published.
 */
public final class IssueCodes {

	private static final String PREFIX = "shall.";

	/** A name that denotes nothing visible at that point. */
	public static final String UNDEFINED_NAME = PREFIX + "undefined-name";
	/** Two declarations of the same kind with the same name (or two steps with the same label). */
	public static final String DUPLICATE_NAME = PREFIX + "duplicate-name";
	/** A simple name that denotes several constants; qualify it as {@code Type.name}. */
	public static final String AMBIGUOUS_NAME = PREFIX + "ambiguous-name";
	/** An expression whose type does not fit where it is used. */
	public static final String TYPE_MISMATCH = PREFIX + "type-mismatch";
	/** A send or receive on a channel that does not connect the acting role in that direction. */
	public static final String CHANNEL_ENDPOINT = PREFIX + "channel-endpoint";
	/** A property whose value can never change, so that checking it says nothing. */
	public static final String CONSTANT_PROPERTY = PREFIX + "constant-property";
	/**
	 * A property whose vacuity condition (semantics §7.5: an agreement's or freshness's
	 * {@code when}, a precedence's second condition, a response's trigger, an {@code always}'s
	 * premise) reads only variables no step or event assigns and is false in the initial state: it
	 * is true in no state, so the property holds only vacuously, whatever the procedure does.
	 */
	public static final String VACUOUS_CONDITION = PREFIX + "vacuous-condition";
	/** A procedure, step, event, property or rule without the clause of the text it models. */
	public static final String MISSING_CLAUSE = PREFIX + "missing-clause";
	/** An integer range whose lower bound exceeds its upper bound. */
	public static final String EMPTY_RANGE = PREFIX + "empty-range";
	/** A send that leaves out a field that cannot be absent, or gives a field twice. */
	public static final String MESSAGE_FIELDS = PREFIX + "message-fields";
	/** A key derivation with the wrong number or kind of inputs, or a derivation cycle. */
	public static final String KEY_DERIVATION = PREFIX + "key-derivation";
	/** {@code none} or {@code delete} on something that cannot be absent. */
	public static final String NOT_OPTIONAL = PREFIX + "not-optional";
	/** A channel protection keyed by something that is not a key of the channel's endpoints. */
	public static final String PROTECTION_KEY = PREFIX + "protection-key";
	/** A number that must be positive (channel capacity, instances). */
	public static final String NOT_POSITIVE = PREFIX + "not-positive";
	/** A rule applied with the wrong number or kind of arguments. */
	public static final String RULE_ARGUMENTS = PREFIX + "rule-arguments";
	/** {@code step X} used inside behaviour: a role cannot observe what other roles did. */
	public static final String FIRED_IN_BEHAVIOUR = PREFIX + "fired-in-behaviour";
	/** A procedure without steps, or a role without anything to do. */
	public static final String NOTHING_TO_CHECK = PREFIX + "nothing-to-check";
	/** Key material sent on a channel that does not keep it confidential, or "proof of" a non-key. */
	public static final String KEY_EXPOSURE = PREFIX + "key-exposure";
	/**
	 * An option condition in an expectation that names the same option twice; a warning for one that
	 * names two independent options away from their first values, a combination never checked.
	 */
	public static final String EXPECTATION = PREFIX + "expectation";
	/**
	 * A type with more values than the checker enumerates ({@code Limits.MAX_VALUES}, 65,536): an
	 * integer range of a variable, field or key input, an enumeration, or a derived key with that
	 * many terms.
	 */
	public static final String RANGE_TOO_LARGE = PREFIX + "range-too-large";
	/** An import that is not a readable regular file inside the project folder. */
	public static final String BAD_IMPORT = PREFIX + "bad-import";
	/**
	 * An integer beyond ±{@code Limits.MAX_MAGNITUDE} (1,073,741,823): a literal, a bound of a
	 * range, or a sum or difference that can reach it.
	 */
	public static final String INTEGER_TOO_LARGE = PREFIX + "integer-too-large";
	/**
	 * A size beyond what the checker can hold: a channel capacity above 32,768, instances times
	 * actions above 65,536 moves, more than 1,024 combinations of option values, an either of more
	 * than 65,536 branches, 65,536 message types or more.
	 */
	public static final String LIMIT_EXCEEDED = PREFIX + "limit-exceeded";
	/** An initial value outside the declared range of its variable. */
	public static final String OUT_OF_RANGE = PREFIX + "out-of-range";
	/**
	 * A timer started, stopped, read or handled on expiry in a step or event of another role than
	 * the one it runs at ({@code timer T3460 at SourceMME}): a role sees only its own timers.
	 */
	public static final String TIMER_ROLE = PREFIX + "timer-role";
	/**
	 * A step {@code on expiry of T} written {@code may}: a running timer expires, fairly (semantics
	 * §3.5), so its expiry step is written {@code shall}.
	 */
	public static final String EXPIRY_STRENGTH = PREFIX + "expiry-strength";
	/**
	 * An {@code otherwise} block on a step that receives nothing (it says what happens when a
	 * received message finds no handler, semantics §3.6), or a second one for the same message,
	 * channel and role: which of the two would run is not said.
	 */
	public static final String OTHERWISE = PREFIX + "otherwise";
	/**
	 * An {@code otherwise} that never runs, or an {@code ignore} or {@code defer} that never applies:
	 * a step of the role takes the message whatever its state (no guard), or an otherwise block
	 * already takes every arrival nothing else takes (semantics §3.6).
	 */
	public static final String NEVER_APPLIES = PREFIX + "never-applies";
	/**
	 * A declared finding that cannot be asked as written: {@code expect dead step X otherwise} of a
	 * step without an otherwise block, {@code expect unhandled M on c} without {@code at R} on a
	 * channel that carries messages both ways, or with a role that does not receive on c.
	 */
	public static final String FINDING_EXPECTATION = PREFIX + "finding-expectation";
	/**
	 * {@code once} or {@code since} in a step's guard or body, an event or an initial value: past
	 * time is part of a property's monitor (semantics §6.5), which no role can read.
	 */
	public static final String PAST_TIME_IN_GUARD = PREFIX + "past-time-in-guard";
	/** A correspondence bound ({@code within N}) below 1 or above 255 (semantics §6.6). */
	public static final String CORRESPONDENCE_BOUND = PREFIX + "correspondence-bound";
	/**
	 * Sessions and shared roles (semantics §1.3, §2.5–2.6, §3.7, §6): {@code per session} outside
	 * a shared role (warning: redundant); a lookup on a step of a per-session role; a binder named
	 * like a role or {@code other}; {@code some} in the behaviour of a per-session role;
	 * {@code other} with fewer than two sessions; an identity variable that is not optional; an
	 * {@code any} of another pool than the variable's; an empty pool.
	 */
	public static final String SESSIONS = PREFIX + "sessions";
	/**
	 * A statement id in {@code covers} or {@code out of scope} that is not of the inventory's form
	 * {@code <clause>/s<n>} (or p, n, e for possibilities, NOTEs, Editor's Notes; ADR 0016).
	 */
	public static final String STATEMENT_ID = PREFIX + "statement-id";
	/**
	 * A statement both covered by a model element and declared out of scope, or declared out of
	 * scope twice; or a second {@code cr} line.
	 */
	public static final String COVERAGE_CONFLICT = PREFIX + "coverage-conflict";
	/**
	 * A statement id the procedure's CR does not have (a warning, from the checker, which reads the
	 * CR: the language does not parse CRs).
	 */
	public static final String UNKNOWN_STATEMENT = PREFIX + "unknown-statement";
	/** A statement of the CR that no model element covers and none declares out of scope (a warning, from the checker). */
	public static final String UNCOVERED_STATEMENT = PREFIX + "uncovered-statement";

	/**
	 * The attacker (semantics §4.5, §6.7): a second {@code attacker} declaration; what it
	 * {@code knows} not a constant key term; {@code attacker knows} outside a property or of a
	 * value that is not a key; {@code secret} of a value that is not a key; {@code authentic M on c}
	 * where nothing receives M on c (errors). Attacker properties or channel capabilities in a
	 * procedure that declares no attacker (a warning: nothing can know or inject anything).
	 */
	public static final String ATTACKER = PREFIX + "attacker";

	/**
	 * A check of shall itself failed on this element (a fault of shall, not of the file); the rest
	 * of the file is still checked.
	 */
	public static final String INTERNAL_ERROR = PREFIX + "internal-error";

	private IssueCodes() {
	}
}
