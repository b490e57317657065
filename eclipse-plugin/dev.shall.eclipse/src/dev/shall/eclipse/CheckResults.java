package dev.shall.eclipse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The latest live-check result, for the outline and verdicts views (which show the file last checked). */
public final class CheckResults {

	private static final List<Consumer<DocumentCheck.Result>> LISTENERS = new CopyOnWriteArrayList<>();
	private static volatile DocumentCheck.Result latest;

	private CheckResults() {
	}

	public static void publish(DocumentCheck.Result result) {
		latest = result;
		LISTENERS.forEach(listener -> listener.accept(result));
	}

	public static DocumentCheck.Result latest() {
		return latest;
	}

	public static void listen(Consumer<DocumentCheck.Result> listener) {
		LISTENERS.add(listener);
	}

	public static void stopListening(Consumer<DocumentCheck.Result> listener) {
		LISTENERS.remove(listener);
	}
}
