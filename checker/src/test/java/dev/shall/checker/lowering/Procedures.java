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

	/**
	 * Every kind of lane: a two-way lossy and duplicating channel c, a replaying d, a reliable e, a
	 * keyed two-way f, a reordering g; message types sent in a known order; a variable of each type.
	 */
	static final String LANES = """
			procedure Lanes clause "t"
			enum Phase { idle, busy }
			key K { k1, k2 }
			key D = d(K, i: 0..1)
			role A { var k : K = k1  var n : 0..3 = 0  var p : Phase = idle }
			role B { var k : K = k1  var m : 0..3? = none  var dk : D? = none }
			role C { var seen : bool = false }
			channel c : A <-> B faults lossy, duplicating capacity 2
			channel d : A -> C faults replaying capacity 3
			channel e : B -> C reliable capacity 1
			channel f : A <-> B integrity keyed by A.k and B.k capacity 1
			channel g : B -> A faults reordering capacity 2
			message M1 { v : 0..3 }
			message M2
			message M3
			step 1 clause "1": A shall when n == 0 { send M2 on c  send M1(v = n) on c  send M1(v = 1) on d  n := 1 }
			step 2 clause "2": B shall receive M1 as x on c { m := x.v  send M3 on c  send M2 on e  send M1(v = 0) on g }
			step 3 clause "3": C shall receive M1 on d { seen := true }
			step 4 clause "4": C may receive M2 on e
			step 5 clause "5": A shall when n == 1 { send M3 on f  n := 2 }
			step 6 clause "6": B shall receive M3 on f { dk := D(k, 1) }
			step 7 clause "7": A shall receive M1 on g { p := busy }
			step 8 clause "8": A shall receive M3 on c
			event rekey at A when k == k1 { k := k2 }
			""";

	private static Procedure lanes;

	private Procedures() {
	}

	/** {@link #LANES}, compiled once. */
	static synchronized Procedure lanes() {
		if (lanes == null) {
			lanes = compile(LANES);
		}
		return lanes;
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
