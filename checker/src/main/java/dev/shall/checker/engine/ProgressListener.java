package dev.shall.checker.engine;

/** Hears how deep an engine got, for progress lines on a terminal and in the IDE. */
@FunctionalInterface
public interface ProgressListener {

	void depthDone(String engine, int depth);

	ProgressListener NONE = (engine, depth) -> {
	};
}
