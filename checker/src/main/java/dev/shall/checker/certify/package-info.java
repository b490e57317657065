/**
 * The certification stage of the pipeline (semantics §8.2, ADR 0009): between the engines and
 * the reports. An engine's definitive verdict comes with a {@link dev.shall.checker.engine.Claim}
 * — a run, a lasso, a completeness bound, an inductive invariant, the set of states seen — and
 * {@link dev.shall.checker.certify.Certifier} checks it with the implementation of the semantics
 * that did not produce it (the reference interpreter in {@code explicit/} or the SAT encoding in
 * {@code encoding/}), or re-proves it with fresh solvers. The result is a
 * {@link dev.shall.checker.engine.Certificate}, data that the reports show next to the verdict;
 * a verdict without one is reported {@code unknown}. Nothing here searches: the engines do.
 */
package dev.shall.checker.certify;
