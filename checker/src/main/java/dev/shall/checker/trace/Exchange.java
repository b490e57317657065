package dev.shall.checker.trace;

/**
 * A message crossing a lane at one step, for charts: what happened to it ({@code sent},
 * {@code received}, {@code lost}, {@code discarded}, {@code duplicated}, {@code replayed}), the
 * message as written, the channel, and the lane's sender and receiver roles.
 */
public record Exchange(String kind, String message, String channel, String from, String to) {

	/** As the text report says it: {@code sent Hello(k=K.a) on c}. */
	public String text() {
		return (kind.equals("discarded") ? "discarded (integrity check failed)" : kind) + " " + message + " on " + channel;
	}
}
