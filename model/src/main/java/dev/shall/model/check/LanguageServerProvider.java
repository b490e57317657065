package dev.shall.model.check;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The language server (in dsl/), found through {@link ServiceLoader} by the command line in
 * checker/, which must not depend on the language.
 */
public interface LanguageServerProvider {

	/**
	 * Serves the Language Server Protocol on the streams until the {@code exit} notification or
	 * the end of the input, and returns the process's exit code: 0 if the {@code shutdown} request
	 * came before, else 1 (LSP 3.17, "Exit Notification").
	 */
	int serve(InputStream in, OutputStream out) throws Exception;

	static Optional<LanguageServerProvider> find() {
		return ServiceLoader.load(LanguageServerProvider.class, LanguageServerProvider.class.getClassLoader())
				.findFirst();
	}
}
