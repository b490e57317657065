package dev.shall.checker.engine;

import dev.shall.checker.lowering.Layout;
import dev.shall.checker.lowering.Obligation;
import dev.shall.checker.lowering.OptionAssignment;

/** One question: an obligation about N instances of a procedure, read with one option combination. */
public record CheckRequest(Layout layout, OptionAssignment options, int instances, Obligation obligation) {
}
