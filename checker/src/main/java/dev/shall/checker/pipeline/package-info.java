/**
 * The one pipeline every front door goes through — the command line ({@code shall check},
 * {@code shall diff}), the language server ({@code shall lsp}) and the Eclipse plug-in — from
 * source text to verdicts. {@link dev.shall.checker.pipeline.CheckRunner} orchestrates it; the
 * stages themselves live in the packages below, and this one only strings them together.
 *
 * <table>
 * <caption>Stage → where it lives</caption>
 * <tr><th>stage</th><th>what happens</th><th>where</th></tr>
 * <tr><td>1. collect, validate</td>
 * <td>the command line collects the {@code .shall} files of its paths
 * ({@code CheckRunner.run}); the language front end parses, links and validates them, imports
 * included, into diagnostics. The editors validate the open document with the same Xtext
 * validator.</td>
 * <td>{@code dev.shall.model.frontend.ProcedureFrontEnd}, found through {@code ServiceLoader}
 * (implemented by {@code dsl/…/frontend/ShallFrontEnd}); in the editors
 * {@code dsl/…/ide/ModelCheckingValidator} and {@code eclipse-plugin/…/DocumentCheck}</td></tr>
 * <tr><td>2. compile</td>
 * <td>a file without errors becomes a {@link dev.shall.model.Procedure}; its
 * {@link dev.shall.checker.lowering.Layout} numbers states, lanes and actions, refusing sizes
 * beyond {@link dev.shall.model.frontend.Limits} (instances × actions too); every combination of
 * option values is a model of its own ({@link dev.shall.checker.lowering.OptionAssignment}, those
 * {@code --option} fixes); {@code CheckRunner.check}</td>
 * <td>{@code dsl/…/compiler/ProcedureCompiler} (through the front end; for the editors through
 * {@code dsl/…/frontend/EditorPipeline}), {@code lowering}</td></tr>
 * <tr><td>3. check</td>
 * <td>per combination, every question ({@link dev.shall.checker.lowering.Obligation}: the
 * properties, the bounds, whether each step and event can happen; semantics §7) goes to the
 * engine chosen ({@link dev.shall.checker.pipeline.CheckRunner.EngineChoice}) within its
 * {@link dev.shall.checker.engine.Budget}; each engine returns its verdict with a claim</td>
 * <td>{@code engine} (on {@code encoding}, {@code explicit}, {@code sat})</td></tr>
 * <tr><td>3a. certify</td>
 * <td>the claim behind each decided verdict is checked with the other semantics or re-proved
 * ({@link dev.shall.checker.certify.Certifier}); the certificate is data the reports show, and a
 * verdict without one is reported {@code unknown} (semantics §8.2, ADR 0009) — the editor's quick
 * check leaves its breadth-first answers uncertified (ADR 0006); the run behind a verdict is put in the author's
 * words</td>
 * <td>{@code certify} (on {@code explicit}, {@code encoding}), {@code trace}</td></tr>
 * <tr><td>3b. vacuity</td>
 * <td>a property that holds and has a vacuity condition C is asked one more question, the
 * invariant {@code never C}, through 3 and 3a (certified in full, even in the quick check); a
 * certified holds marks the finding vacuous ({@link dev.shall.checker.report.Vacuity}; semantics
 * §7.5, ADR 0013)</td>
 * <td>{@code CheckRunner.vacuity}, {@code lowering/VacuityCondition}</td></tr>
 * <tr><td>4. report</td>
 * <td>each answer is a {@link dev.shall.checker.report.Finding}; the command line writes them as
 * text, JSON, SARIF, JUnit or HTML ({@link dev.shall.checker.report.RunReport} decides the exit
 * code); the editors get them as structured data, {@link dev.shall.model.check.CheckMark}s
 * ({@link dev.shall.checker.pipeline.EditorMarks}), through
 * {@link dev.shall.model.check.QuickChecker} (implemented by
 * {@link dev.shall.checker.ide.EditorQuickCheck}), and render markers, hovers and the verdicts
 * view from that data</td>
 * <td>{@code report}; {@code pipeline.EditorMarks} → {@code model/…/check/CheckMark}</td></tr>
 * </table>
 *
 * <p>The arrows stay {@code dsl → model ← checker}: the checker finds the language through
 * {@code ProcedureFrontEnd}, the language server finds the checker through {@code QuickChecker},
 * and the data they exchange ({@code Procedure} in, {@code CheckMark} out) is the model's. ADR
 * 0011 records why the editors receive data rather than text.
 */
package dev.shall.checker.pipeline;
