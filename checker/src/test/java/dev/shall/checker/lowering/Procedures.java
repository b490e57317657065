package dev.shall.checker.lowering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.shall.checker.Fixtures;
import dev.shall.model.Channel;
import dev.shall.model.IntType;
import dev.shall.model.KeyDecl;
import dev.shall.model.ModelFactory;
import dev.shall.model.OptionalType;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Role;
import dev.shall.model.StateVariable;
import dev.shall.model.Transition;
import dev.shall.model.Type;

/**
 * Small procedures for the vocabulary's tests: compiled from {@code .shall} text by the real front
 * end (validation included), or, for what validation refuses, built from the model's factory.
 */
final class Procedures {

	static final ModelFactory MODEL = ModelFactory.eINSTANCE;

	private Procedures() {
	}

	/** The procedure of a {@code .shall} text; an error in it fails the test. */
	static Procedure compile(String text) {
		try {
			Path folder = Files.createTempDirectory("shall-lowering");
			Path file = Files.writeString(folder.resolve("procedure.shall"), text);
			try {
				return Fixtures.load(file);
			} finally {
				Files.delete(file);
				Files.delete(folder);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Transition transition(Procedure procedure, String name) {
		return procedure.getTransitions().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow(
				() -> new IllegalArgumentException("no step " + name));
	}

	/** A variable by its qualified name, {@code Role.variable}. */
	static StateVariable variable(Procedure procedure, String qualified) {
		String[] parts = qualified.split("\\.");
		Role role = procedure.getRoles().stream().filter(r -> r.getName().equals(parts[0])).findFirst().orElseThrow();
		return role.getVariables().stream().filter(v -> v.getName().equals(parts[1])).findFirst().orElseThrow(
				() -> new IllegalArgumentException("no variable " + qualified));
	}

	static Channel channel(Procedure procedure, String name) {
		return procedure.getChannels().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
	}

	static Role role(Procedure procedure, String name) {
		return procedure.getRoles().stream().filter(r -> r.getName().equals(name)).findFirst().orElseThrow();
	}

	static KeyDecl key(Procedure procedure, String name) {
		return procedure.getKeys().stream().filter(k -> k.getName().equals(name)).findFirst().orElseThrow();
	}

	static Property property(Procedure procedure, String name) {
		return procedure.getProperties().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
	}

	/** The type {@code min..max}, which the grammar cannot write when min is negative. */
	static IntType range(int min, int max) {
		IntType type = MODEL.createIntType();
		type.setMin(min);
		type.setMax(max);
		return type;
	}

	static OptionalType optional(Type element) {
		OptionalType type = MODEL.createOptionalType();
		type.setElement(element);
		return type;
	}
}
