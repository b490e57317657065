package dev.shall.checker.report;

/**
 * Whether a property that holds holds only vacuously (semantics §7.5): its vacuity condition is
 * true in no reachable state. Asked only of a property whose holds is decided and that has a
 * vacuity condition; claimed only from a certified answer (§8.2).
 *
 * @param status  what the question found
 * @param reason  for {@link Status#VACUOUS}, why, naming the condition and how it was proved
 *                ({@code the agreement's condition "step 6" is true in no reachable state (proved by
 *                k-induction, certified inductive-invariant)}); for {@link Status#UNDECIDED}, why
 *                it was not decided ({@code vacuity not decided: time limit}); for
 *                {@link Status#NOT_VACUOUS}, the condition that some reachable state satisfies
 */
public record Vacuity(Status status, String reason) {

	public enum Status {
		/** The condition is true in no reachable state: a certified {@code never C} holds. */
		VACUOUS,
		/** A certified run reaches a state where the condition is true. */
		NOT_VACUOUS,
		/** The question ended unknown or uncertified: nothing is claimed. */
		UNDECIDED
	}

	public boolean vacuous() {
		return status == Status.VACUOUS;
	}
}
