package dev.shall.dsl.frontend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;

/**
 * How the front end reads a {@code .shall} file or an import: only local regular files (never the
 * network; a FIFO or device would block the reader), at most {@link #MAX_BYTES}, as UTF-8 text
 * whatever the editor wrote — a byte-order mark is dropped and old Mac line endings (CR alone)
 * become LF, so that lines and columns are the ones the author sees.
 */
final class SourceReading extends ExtensibleURIConverterImpl {

	/** The largest source file read: far beyond any procedure, small enough to parse in seconds. */
	static final long MAX_BYTES = 16L << 20;

	@Override
	public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
		if (!uri.isFile()) {
			throw new IOException("only local files can be read, not " + uri);
		}
		Path path = Path.of(uri.toFileString());
		if (!Files.isRegularFile(path)) {
			throw new IOException(path + (Files.isDirectory(path) ? " is a folder"
					: Files.exists(path) ? " is not a regular file" : " does not exist"));
		}
		if (Files.size(path) > MAX_BYTES) {
			throw new IOException(path + " is larger than " + (MAX_BYTES >> 20) + " MB");
		}
		return new ByteArrayInputStream(normalized(Files.readAllBytes(path)));
	}

	/** Without a UTF-8 byte-order mark, and with every lone CR turned into LF (CRLF stays). */
	static byte[] normalized(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
				&& (bytes[2] & 0xff) == 0xbf ? 3 : 0;
		byte[] text = new byte[bytes.length - start];
		for (int i = start; i < bytes.length; i++) {
			boolean loneCr = bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n');
			text[i - start] = loneCr ? (byte) '\n' : bytes[i];
		}
		return text;
	}
}
