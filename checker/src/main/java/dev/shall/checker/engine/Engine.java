package dev.shall.checker.engine;

/**
 * A model-checking algorithm. Every engine answers holds, violated (with the run) or unknown
 * (with the reason and the depth reached), never claiming holds when it ran out of budget.
 */
public interface Engine {

	String name();

	CheckResult check(CheckRequest request, Budget budget, ProgressListener progress);
}
