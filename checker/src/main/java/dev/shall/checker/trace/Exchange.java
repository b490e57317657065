package dev.shall.checker.trace;

import java.util.Objects;
import java.util.Set;

/**
 * A message crossing a lane at one step: what happened to it ({@code sent}, {@code received},
 * {@code lost}, {@code discarded}, {@code duplicated}, {@code replayed}), the message as written,
 * the channel, and the lane's sender and receiver roles.
 */
public record Exchange(String kind, String message, String channel, String from, String to) {

	/** Every kind an exchange has. */
	public static final Set<String> KINDS = Set.of("sent", "received", "lost", "discarded", "duplicated", "replayed", "injected");

	public Exchange {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
	}

	/** As the text report says it: {@code sent Hello(k=K.a) on c}. */
	public String text() {
		return (kind.equals("discarded") ? "discarded (integrity check failed)" : kind) + " " + message + " on " + channel;
	}
}
