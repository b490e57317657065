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

	/**
	 * The engine's answer through the certification stage, as the runner gives it (semantics §8.2):
	 * engines only claim; the certifier checks the claim, and a verdict it cannot certify is
	 * {@code unknown}.
	 */
	public static dev.shall.checker.engine.CheckResult certified(dev.shall.checker.engine.Engine engine,
			dev.shall.checker.engine.CheckRequest request, dev.shall.checker.engine.Budget budget) {
		var certifier = new dev.shall.checker.certify.Certifier();
		return certifier.decided(certifier.certify(request, engine.check(request, budget,
				dev.shall.checker.engine.ProgressListener.NONE), budget));
	}
}
