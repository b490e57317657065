package dev.shall.checker.report;

import dev.shall.checker.text.Escaping;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceStep;

/**
 * JUnit XML for CI dashboards: a test suite per file, a test case per procedure × property ×
 * option combination; a verdict that differs from its expectation is a failure carrying the trace,
 * an unknown verdict is skipped with its reason, a dead step is a passing case with a message.
 * Every attribute and text goes through {@link Escaping#visible}: the JDK's XML writer escapes
 * markup but writes control characters as they are, which XML 1.0 §2.2 forbids.
 */
public final class JUnitReport {

	/** In a shard's report, the attribute of {@code testsuites} naming the shard ({@code K/N}). */
	public static final String SHARD = "shall.shard";

	/** In a shard's report, the attribute of each test case numbering its question in the whole run. */
	public static final String QUESTION = "shall.question";

	public void write(RunReport report, Writer out) {
		Map<Finding, Integer> numbers = new java.util.IdentityHashMap<>();
		for (int i = 0; i < report.results().size(); i++) {
			numbers.put(report.results().get(i), report.question(i));
		}
		Map<String, List<Finding>> byFile = report.results().stream().collect(Collectors.groupingBy(Finding::file,
				LinkedHashMap::new, Collectors.toList()));
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("testsuites");
			attribute(xml, "name", "shall");
			if (report.shard() != null) {
				attribute(xml, SHARD, report.shard().toString());
			}
			for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
				List<Finding> findings = file.getValue();
				xml.writeStartElement("testsuite");
				attribute(xml, "name", file.getKey());
				attribute(xml, "tests", Integer.toString(findings.size()));
				attribute(xml, "failures", Long.toString(findings.stream().filter(Finding::mismatch).count()));
				attribute(xml, "skipped", Long.toString(findings.stream().filter(f -> f.verdict() == Verdict.UNKNOWN)
						.count()));
				attribute(xml, "time", String.format(java.util.Locale.ROOT, "%.3f", findings.stream().mapToDouble(
						Finding::seconds).sum()));
				for (Finding finding : findings) {
					testCase(xml, finding, report.shard() == null ? -1 : numbers.get(finding));
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
		} catch (XMLStreamException e) {
			throw new IllegalStateException("cannot write JUnit XML", e);
		}
	}

	private static void testCase(XMLStreamWriter xml, Finding finding, int question) throws XMLStreamException {
		xml.writeStartElement("testcase");
		attribute(xml, "classname", finding.procedure() + options(finding));
		attribute(xml, "name", finding.property());
		attribute(xml, "time", String.format(java.util.Locale.ROOT, "%.3f", finding.seconds()));
		if (question >= 0) {
			// the question's number in the whole run, by which shall merge restores its order
			attribute(xml, QUESTION, Integer.toString(question));
		}
		if (finding.mismatch()) {
			xml.writeStartElement("failure");
			attribute(xml, "message", finding.property() + " is " + finding.verdict().label() + ", expected "
					+ finding.expected());
			attribute(xml, "type", finding.verdict().label());
			// a holds declared violated may hold only vacuously: that is the likelier explanation (§7.5)
			characters(xml, trace(finding) + (finding.vacuous() ? "\nwarning: holds vacuously: " + finding.vacuity()
					.reason() : ""));
			xml.writeEndElement();
		} else if (finding.verdict() == Verdict.UNKNOWN) {
			xml.writeStartElement("skipped");
			attribute(xml, "message", "unknown: " + finding.reason());
			xml.writeEndElement();
		} else if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT) {
			// a warning, not a failure (ADR 0016)
			xml.writeStartElement("system-out");
			characters(xml, "uncovered statement " + finding.property() + " (" + finding.file() + ":" + finding.line()
					+ ":" + finding.column() + "): " + finding.reason());
			xml.writeEndElement();
		} else if (finding.kind() == Finding.Kind.DEAD_STEP && finding.verdict() == Verdict.VIOLATED) {
			xml.writeStartElement("system-out");
			characters(xml, "dead step" + (finding.declaredFinding() ? " (declared)" : "") + ": " + finding.step()
					+ " can never happen");
			xml.writeEndElement();
		} else if (finding.kind() == Finding.Kind.UNHANDLED && finding.verdict() == Verdict.VIOLATED) {
			// a warning, not a failure, unless declared otherwise (semantics §7.6); the run is kept
			xml.writeStartElement("system-out");
			characters(xml, "unhandled message" + (finding.declaredFinding() ? " (declared)" : "") + ": "
					+ finding.step() + " finds no step that takes it\n" + trace(finding));
			xml.writeEndElement();
		} else if (finding.vacuous()) {
			// semantics §7.5: a warning, not a failure — the verdict matches its expectation
			xml.writeStartElement("system-out");
			characters(xml, "warning: holds vacuously: " + finding.vacuity().reason());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	/** An attribute whose value may come from the user (the JDK's writer escapes the markup). */
	static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeAttribute(name, Escaping.visible(value));
	}

	/** Character data that may come from the user, line by line: the line breaks between steps stay. */
	static void characters(XMLStreamWriter xml, String text) throws XMLStreamException {
		xml.writeCharacters(String.join("\n", java.util.Arrays.stream(text.split("\n", -1)).map(Escaping::visible)
				.toList()));
	}

	private static String options(Finding finding) {
		return finding.options().isEmpty() ? "" : finding.options().entrySet().stream().map(e -> e.getKey() + "=" + e
				.getValue()).collect(Collectors.joining(",", "[", "]"));
	}

	private static String trace(Finding finding) {
		if (finding.trace() == null) {
			return finding.reason() == null ? "" : finding.reason();
		}
		StringBuilder text = new StringBuilder();
		Trace.Ending ending = finding.trace().ending();
		for (TraceStep step : finding.trace().steps()) {
			if (ending.kind() == Trace.Ending.Kind.LOOP && step.index() == ending.loopStart() + 1) {
				text.append("from here, ").append(ending.describe(finding.trace().steps().size())).append(":\n");
			}
			StringBuilder line = new StringBuilder();
			line.append(step.index()).append(". ").append(step.role()).append(' ').append(step.step());
			if (step.clause() != null) {
				line.append(" (").append(step.clause()).append(')');
			}
			if (!step.message().isEmpty()) {
				line.append(": ").append(step.message());
			}
			text.append(Escaping.visible(line.toString())).append('\n');
		}
		if (ending.kind() == Trace.Ending.Kind.STOPS) {
			text.append("the run stops here: it stays in this state forever\n");
		}
		return text.toString();
	}
}
