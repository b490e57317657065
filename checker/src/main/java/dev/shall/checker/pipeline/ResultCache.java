package dev.shall.checker.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializer;

import dev.shall.checker.engine.Certificate;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.report.Finding;
import dev.shall.checker.report.JsonReport;
import dev.shall.checker.report.Vacuity;

/**
 * The results of earlier runs ({@code shall check --cache DIR}), one entry per procedure file and
 * run settings: reused when nothing a verdict depends on has changed, in a folder CI keeps
 * between runs.
 *
 * <p>An entry's key is the SHA-256 of: the format of the cache; the tool — its version and a
 * fingerprint of its code (the jar's bytes, or each class file's path, size and time when run from
 * classes); the file's bytes and the bytes of every file it imports, transitively
 * ({@link Imports}), with their paths; the procedure's name; every setting that can change a
 * verdict or a trace — engine, SAT backend, depth, timeout, instances, fixed options, the combinations limit;
 * and, for a shard, the shard and the procedure's first question number. Any change to any of
 * them is a different key: the old entry is simply never read again.
 *
 * <p>Only procedures whose every answer is definitive are stored: an unknown verdict or an
 * undecided vacuity depends on time and memory, which are not part of the key. A cached finding
 * is reported as such: its engine reads {@code "<engine> (cached)"} and its time is 0. Entries
 * are written to a temporary file and moved into place, so that jobs sharing a folder never read
 * half an entry; an entry that cannot be read is a miss.
 */
public final class ResultCache {

	private static final String FORMAT = "shall-cache-1";

	private static final Gson PLAIN = new Gson();

	private static String satBackend() {
		try {
			return dev.shall.checker.sat.SatBackend.selected().name();
		} catch (IllegalArgumentException unusable) {
			return "unusable";
		}
	}

	/** How a cached finding's engine reads: the engine that answered, and that it came from the cache. */
	public static final String CACHED = " (cached)";

	private final Path folder;
	private final String tool;
	private final Gson gson;

	/**
	 * A cache in {@code folder} (created on the first store).
	 *
	 * @throws IllegalArgumentException when {@code folder} exists and is not a folder
	 */
	public ResultCache(Path folder) {
		if (Files.exists(folder) && !Files.isDirectory(folder)) {
			throw new IllegalArgumentException("--cache " + folder + " is a file, not a folder");
		}
		this.folder = folder;
		this.tool = JsonReport.VERSION + "|" + codeFingerprint();
		JsonSerializer<Certificate> write = (certificate, type, context) -> {
			JsonObject tagged = new JsonObject();
			tagged.addProperty("type", certificate.getClass().getSimpleName());
			// a Gson of its own for the record itself: this adapter also covers the subclasses
			tagged.add("value", PLAIN.toJsonTree(certificate, certificate.getClass()));
			return tagged;
		};
		JsonDeserializer<Certificate> read = (json, type, context) -> {
			String name = json.getAsJsonObject().get("type").getAsString();
			for (Class<?> kind : Certificate.class.getPermittedSubclasses()) {
				if (kind.getSimpleName().equals(name)) {
					return (Certificate) PLAIN.fromJson(json.getAsJsonObject().get("value"), kind);
				}
			}
			throw new JsonParseException("no certificate " + name);
		};
		this.gson = new GsonBuilder().registerTypeHierarchyAdapter(Certificate.class, write).registerTypeAdapter(
				Certificate.class, read).serializeNulls().create();
	}

	/** A cached entry: the findings of a procedure's questions and, for a shard, their question numbers. */
	public record Entry(List<Finding> findings, List<Integer> numbers) {
		public Entry {
			findings = List.copyOf(findings);
			numbers = List.copyOf(numbers);
		}
	}

	/** The key of a procedure's results: see the class comment for what goes in. */
	public String key(Path file, String procedure, CheckRunner.Settings settings, CheckRunner.Shard shard, int first,
			String context) {
		MessageDigest digest = sha256();
		line(digest, FORMAT);
		line(digest, tool);
		line(digest, "procedure " + procedure);
		// the path as given too: reports name the file as the command line did
		line(digest, "given " + file);
		for (Path part : Imports.closure(file)) {
			line(digest, "file " + part);
			try {
				line(digest, HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(part))));
			} catch (IOException e) {
				line(digest, "unreadable");
			}
		}
		line(digest, "engine " + settings.engine().label());
		line(digest, "depth " + settings.depth());
		// another SAT solver can find another counterexample (the trace is part of the result)
		line(digest, "sat " + satBackend());
		line(digest, "timeout " + settings.timeout());
		line(digest, "instances " + settings.instances());
		line(digest, "options " + (settings.options() == null ? "{}" : new TreeMap<>(settings.options()).toString()));
		line(digest, "combinations " + System.getProperty(dev.shall.model.frontend.Limits.OPTION_COMBINATIONS_PROPERTY));
		line(digest, "shard " + shard + " first " + (shard == null ? 0 : first));
		// what else selects or adds findings: the questions asked (--property, --step, --kind) and the CR
		line(digest, "context " + context);
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The entry under {@code key}, marked as cached; null when there is none or it cannot be read. */
	public Entry load(String key) {
		Path file = path(key);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			Entry entry = gson.fromJson(Files.readString(file, StandardCharsets.UTF_8), Entry.class);
			if (entry == null || entry.findings() == null || entry.numbers() == null) {
				return null;
			}
			List<Finding> marked = new ArrayList<>();
			for (Finding f : entry.findings()) {
				marked.add(new Finding(f.file(), f.procedure(), f.property(), f.kind(), f.step(), f.clause(), f.options(),
						f.instances(), f.verdict(), f.expected(), f.engine() + CACHED, f.bound(), f.certificate(), 0, f
								.reason(), f.trace(), f.line(), f.column(), f.vacuity()));
			}
			return new Entry(marked, entry.numbers());
		} catch (IOException | RuntimeException e) {
			return null; // a damaged or foreign entry is a miss; the next store replaces it
		}
	}

	/**
	 * Stores the findings under {@code key} when every answer is definitive; otherwise nothing.
	 * Failing to write is not an error of the check: it is reported to the caller as false.
	 */
	public boolean store(String key, List<Finding> findings, List<Integer> numbers) {
		for (Finding finding : findings) {
			if (finding.verdict() == Verdict.UNKNOWN || finding.vacuity() != null && finding.vacuity()
					.status() == Vacuity.Status.UNDECIDED) {
				return false;
			}
		}
		Path file = path(key);
		try {
			Files.createDirectories(file.getParent());
			Path temporary = Files.createTempFile(file.getParent(), key, ".tmp");
			Files.writeString(temporary, gson.toJson(new Entry(findings, numbers)), StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
			return true;
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private Path path(String key) {
		return folder.resolve(key.substring(0, 2)).resolve(key + ".json");
	}

	/** The code that computes verdicts: a different build must not reuse another's results. */
	private static String codeFingerprint() {
		try {
			Path code = Path.of(CheckRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			MessageDigest digest = sha256();
			if (Files.isRegularFile(code)) {
				try (InputStream in = Files.newInputStream(code)) {
					byte[] buffer = new byte[1 << 16];
					for (int n; (n = in.read(buffer)) > 0;) {
						digest.update(buffer, 0, n);
					}
				}
			} else {
				try (Stream<Path> walk = Files.walk(code)) {
					for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
						line(digest, code.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p)
								.toMillis());
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (IOException | URISyntaxException | RuntimeException e) {
			return "unknown-code";
		}
	}

	private static void line(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) '\n');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from the JDK", e);
		}
	}

}
