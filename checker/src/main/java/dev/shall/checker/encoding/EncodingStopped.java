package dev.shall.checker.encoding;

/**
 * The budget ran out while an encoding was being built: a circuit that grows with the size of the
 * domains (a 16-bit counter is 65,536 one-hot values per state) can take longer to build than the
 * whole question may last, so {@link Circuit} polls the budget as it grows and throws this.
 * Engines catch it and answer {@code unknown} with {@link #reason()}; it is never an internal failure.
 */
public final class EncodingStopped extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String reason;

	public EncodingStopped(String reason) {
		super(reason, null, false, false); // control flow, not a fault: no stack trace to fill
		this.reason = reason;
	}

	/** Why the budget ran out ("time limit", "cancelled", "memory limit …"). */
	public String reason() {
		return reason;
	}
}
