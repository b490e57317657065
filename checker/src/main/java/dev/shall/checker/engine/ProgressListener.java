package dev.shall.checker.engine;

/** Hears how deep an engine got, for progress lines on a terminal and in the IDE. */
@FunctionalInterface
public interface ProgressListener {

	void depthDone(String engine, int depth);

	/** The size of the SAT problem and the time spent when a depth is done (for benchmarks). */
	default void depthStatistics(String engine, int depth, CheckResult.Statistics statistics) {
	}

	ProgressListener NONE = (engine, depth) -> {
	};
}
