package dev.shall.checker;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import dev.shall.model.Procedure;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;

/** Loads test procedures through the front-end interface (the language is only on the test class path). */
public final class Fixtures {

	private Fixtures() {
	}

	public static Procedure load(String name) {
		try {
			Path file = Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
			return load(file);
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException(e);
		}
	}

	public static Procedure load(Path file) {
		LoadedFile loaded = ProcedureFrontEnd.find().load(List.of(file)).get(0);
		if (loaded.hasErrors() || loaded.procedure().isEmpty()) {
			throw new IllegalArgumentException("Fixture " + file + " does not compile: " + loaded.diagnostics());
		}
		return loaded.procedure().get();
	}
}
