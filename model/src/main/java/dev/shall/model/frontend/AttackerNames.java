package dev.shall.model.frontend;

/**
 * The names the compiler gives to what it makes for a procedure's attacker (semantics §4.5), so
 * that traces and charts can show the attacker as a lifeline of its own and leave out its marks.
 */
public final class AttackerNames {

	/** The attacker's role: its variables are its knowledge and the values it chooses while injecting. */
	public static final String ROLE = "attacker";

	/**
	 * The field that marks a message as injected in a procedure that asks {@code authentic M on c}:
	 * true on the attacker's messages, none on the procedure's.
	 */
	public static final String INJECTED_MARK = "injected by attacker";

	private AttackerNames() {
	}
}
