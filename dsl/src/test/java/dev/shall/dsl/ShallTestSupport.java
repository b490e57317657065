package dev.shall.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures shared by the parser, validator and compiler tests. */
final class ShallTestSupport {

	private ShallTestSupport() {
	}

	static String resource(String name) {
		try (InputStream in = ShallTestSupport.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
