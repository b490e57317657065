package dev.shall.checker.executor;

import java.util.Map;

/** One step of a trace as a file states it; {@code message} and {@code state} may be null (not stated). */
public record StatedStep(int index, int instance, String role, String step, String message, Map<String, String> state) {
}
