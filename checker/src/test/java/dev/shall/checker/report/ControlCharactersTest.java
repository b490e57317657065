package dev.shall.checker.report;

import dev.shall.checker.text.Escaping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import dev.shall.checker.cli.ShallCommand;

/**
 * A model whose clauses and step descriptions, file name and import carry ESC, NUL, BEL, DEL, the
 * C1 CSI, a bidi override and isolate, a line separator, a newline and an unpaired surrogate, run
 * through every output of {@code check} (text, JSON, JUnit, SARIF, HTML, SVG), {@code diff} and
 * {@code replay}: every output parses as its format (XML 1.0, strict JSON) and none holds a raw
 * control or bidirectional formatting character (issue 12).
 */
class ControlCharactersTest {

	/** What a clause says: every kind of character {@link Escaping} escapes that a source file can hold. */
	private static final String HOSTILE = "A\u001b[31mB\u0000C\u0007D\u007fE\u009bF\u202eG\u2066H\nI\u2028J";

	@TempDir
	Path folder;

	private Path model;
	private Path broken;

	@BeforeEach
	void models() throws Exception {
		// the file name itself carries an escape sequence
		model = folder.resolve("p\u001b[31m.shall");
		Files.writeString(model, """
				procedure Hostile clause "%1$s"
				role A { var x : bool = false }
				step s1 clause "%1$s": A shall "%1$s" when not x { x := true }
				property p clause "%1$s": never A.x
				property q clause "surrogate \\uD800 and escape \\u001b[2J": never A.x
				""".formatted(HOSTILE));
		broken = folder.resolve("broken.shall");
		Files.writeString(broken, "import \"missing\u001b[2J.shall\"\nprocedure Broken clause \"1\"\n");
	}

	private record Run(int code, String out, String err) {
	}

	private static Run shall(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = ShallCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void everyFormatOfCheckParsesAndHoldsNoRawControl() throws Exception {
		Path reports = folder.resolve("out");
		Files.createDirectories(reports);
		Run run = shall("check", "--out", "text=" + reports.resolve("r.txt"), "--out", "json=" + reports.resolve(
				"r.json"), "--out", "junit=" + reports.resolve("r.xml"), "--out", "sarif=" + reports.resolve("r.sarif"),
				"--report", reports.resolve("html").toString(), model.toString(), broken.toString());
		assertEquals(3, run.code(), "the broken import is bad input: " + run.err());
		assertClean("stderr", run.err());

		String text = Files.readString(reports.resolve("r.txt"));
		assertClean("text", text);
		assertTrue(text.contains("[A\\u001B[31mB\\u0000C\\u0007D\\u007FE\\u009BF\\u202EG\\u2066H\\u000AI\\u2028J]"), text);
		assertTrue(text.contains("p\\u001B[31m.shall"), text);
		assertTrue(text.contains("missing\\u001B[2J.shall"), "the diagnostic quotes the import: " + text);

		String json = Files.readString(reports.resolve("r.json"));
		assertClean("json", json);
		JsonElement report = strictJson(json);
		assertEquals(HOSTILE, report.getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject().get("clause")
				.getAsString(), "JSON keeps the data exactly");
		assertEquals(model.toString(), report.getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject()
				.get("file").getAsString());

		String sarif = Files.readString(reports.resolve("r.sarif"));
		assertClean("sarif", sarif);
		assertTrue(strictJson(sarif).toString().contains("A\\u001b[31mB"), sarif);

		String junit = Files.readString(reports.resolve("r.xml"));
		assertClean("junit", junit);
		xml(junit);
		assertTrue(junit.contains("A\\u001B[31mB"), junit);

		String html = Files.readString(reports.resolve("html").resolve("index.html"));
		assertClean("html", html);
		assertTrue(html.contains("A\\u001B[31mB\\u0000C"), html);
		List<Path> charts = new ArrayList<>();
		try (var files = Files.list(reports.resolve("html").resolve("charts"))) {
			files.filter(f -> f.toString().endsWith(".svg")).forEach(charts::add); // beside them PNGs, when rsvg-convert is present
		}
		assertFalse(charts.isEmpty());
		for (Path chart : charts) {
			String svg = Files.readString(chart);
			assertClean(chart.toString(), svg);
			xml(svg);
		}
	}

	@Test
	void everyFormatOfDiffParsesAndHoldsNoRawControl() throws Exception {
		Path again = folder.resolve("q\u001b[0m\u202e.shall");
		Files.copy(model, again);
		for (String format : List.of("text", "json", "junit", "sarif")) {
			Run run = shall("diff", "--format", format, model.toString(), again.toString());
			assertEquals(0, run.code(), format + ": " + run.err());
			assertClean("diff " + format, run.out());
			switch (format) {
			case "json", "sarif" -> strictJson(run.out());
			case "junit" -> xml(run.out());
			default -> {
			}
			}
		}
	}

	@Test
	void replayTextHoldsNoRawControl() throws Exception {
		Path report = folder.resolve("r.json");
		shall("check", "--format", "json", "--out", report.toString(), model.toString());
		Run run = shall("replay", report.toString(), "--property", "p");
		assertEquals(0, run.code(), run.err());
		assertClean("replay", run.out());
		assertTrue(run.out().contains("1. [0] A s1 (A\\u001B[31mB"), run.out());
	}

	/** No character {@link Escaping} escapes, but the line breaks of the format's own layout. */
	private static void assertClean(String what, String output) {
		for (int i = 0; i < output.length(); i++) {
			char c = output.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < output.length()
					&& Character.isLowSurrogate(output.charAt(i + 1));
			if (paired) {
				i++;
				continue;
			}
			assertFalse(c != '\n' && c != '\r' && (Escaping.isUnsafe(c) || Character.isSurrogate(c)), what
					+ " holds a raw U+" + String.format("%04X", (int) c) + " at " + i + ": " + output);
		}
	}

	private static JsonElement strictJson(String text) throws Exception {
		JsonReader reader = new JsonReader(new StringReader(text));
		reader.setStrictness(Strictness.STRICT);
		return JsonParser.parseReader(reader);
	}

	/** Parsed by the JDK's XML 1.0 parser, which refuses control characters even as character references. */
	private static void xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setNamespaceAware(true);
		factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
	}
}
