/**
 * The shared vocabulary of the two semantics: how one instance of a compiled procedure is named
 * and numbered, so that the reference interpreter ({@code explicit}) and the SAT encoding
 * ({@code encoding}) speak of the same values, lanes, actions and moves (docs/semantics.md;
 * ADR 0001). Nothing here executes a move: what a move does is written twice, once on each side,
 * and the two certify each other. Because both sides build on this package, a fault here would
 * make them agree on a wrong answer; its own unit tests check it against the definitions.
 *
 * <p>The package depends only on the model ({@code dev.shall.model}); {@code explicit},
 * {@code encoding}, {@code engine} and the rest of the checker depend on it, never the reverse.
 *
 * <ul>
 * <li>{@link dev.shall.checker.lowering.Domain}: the finite, ordered set of values of a type
 * (semantics §2.4) — booleans 0/1, integers themselves, enumeration literals and key terms by
 * number, {@link dev.shall.checker.lowering.Domain#NONE} for an absent optional value; whether a
 * value lies in it decides the declared bounds of variables and fields (§3.2). The encoding
 * stores a value's index in the order in {@code bits()} bits.</li>
 * <li>{@link dev.shall.checker.lowering.KeyUniverse}: the key terms of each key declaration and
 * their numbering (§2.4): a base key's atoms; a derived key's terms, one per parent term and
 * inputs, so that two terms are equal exactly when derived from equal inputs (what key agreement,
 * freshness and the integrity check of §4.4 compare); a derivation from an input outside its
 * range has no term (§3.2).</li>
 * <li>{@link dev.shall.checker.lowering.Lane}: one direction of a channel (§4.1), its capacity
 * (§3.2), its length with fault copies (§4.3) and its keys (§4.4).</li>
 * <li>{@link dev.shall.checker.lowering.Action}: a step or event (§3.1, §3.4) or a fault of a lane
 * (§4.2–§4.4), numbered in one order.</li>
 * <li>{@link dev.shall.checker.lowering.Move}: what the scheduler chooses at one step of a run
 * (§5.1): the instance (§1.2), the action, the queue slot a receive, loss or discard takes (§3.1,
 * §4.2, §4.4) and the branch of every choice (§3.3).</li>
 * <li>{@link dev.shall.checker.lowering.Layout}: the shape of one instance state (§2.1) — the
 * variables with their domains, the lanes, the actions, the choices and the paths through a
 * step's choices (§3.3).</li>
 * <li>{@link dev.shall.checker.lowering.Obligation}: one question asked of a procedure (§7).</li>
 * <li>{@link dev.shall.checker.lowering.OptionAssignment}: one combination of option values, a
 * model of its own (§1.1), with the verdict the author expects under it.</li>
 * <li>{@link dev.shall.checker.lowering.ConeOfInfluence}: the variables, lanes and actions an
 * obligation can observe. No clause of the semantics: the encoding leaves the rest out to stay
 * small, and the differential tests check that doing so changes no verdict.</li>
 * </ul>
 */
package dev.shall.checker.lowering;
