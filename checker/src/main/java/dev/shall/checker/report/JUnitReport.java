package dev.shall.checker.report;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.trace.TraceStep;

/**
 * JUnit XML for CI dashboards: a test suite per file, a test case per procedure × property ×
 * option combination; a verdict that differs from its expectation is a failure carrying the trace,
 * an unknown verdict is skipped with its reason, a dead step is a passing case with a message.
 */
public final class JUnitReport {

	public void write(RunReport report, Writer out) {
		Map<String, List<Finding>> byFile = report.results().stream().collect(Collectors.groupingBy(Finding::file,
				LinkedHashMap::new, Collectors.toList()));
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("testsuites");
			xml.writeAttribute("name", "shall");
			for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
				List<Finding> findings = file.getValue();
				xml.writeStartElement("testsuite");
				xml.writeAttribute("name", file.getKey());
				xml.writeAttribute("tests", Integer.toString(findings.size()));
				xml.writeAttribute("failures", Long.toString(findings.stream().filter(Finding::mismatch).count()));
				xml.writeAttribute("skipped", Long.toString(findings.stream().filter(f -> f.verdict() == Verdict.UNKNOWN)
						.count()));
				xml.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", findings.stream().mapToDouble(
						Finding::seconds).sum()));
				for (Finding finding : findings) {
					testCase(xml, finding);
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

	private static void testCase(XMLStreamWriter xml, Finding finding) throws XMLStreamException {
		xml.writeStartElement("testcase");
		xml.writeAttribute("classname", finding.procedure() + options(finding));
		xml.writeAttribute("name", finding.property());
		xml.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", finding.seconds()));
		if (finding.mismatch()) {
			xml.writeStartElement("failure");
			xml.writeAttribute("message", finding.property() + " is " + finding.verdict().label() + ", expected "
					+ finding.expected());
			xml.writeAttribute("type", finding.verdict().label());
			xml.writeCharacters(trace(finding));
			xml.writeEndElement();
		} else if (finding.verdict() == Verdict.UNKNOWN) {
			xml.writeStartElement("skipped");
			xml.writeAttribute("message", "unknown: " + finding.reason());
			xml.writeEndElement();
		} else if (Finding.DEAD_STEP.equals(finding.kind()) && finding.verdict() == Verdict.VIOLATED) {
			xml.writeStartElement("system-out");
			xml.writeCharacters("dead step: " + finding.property().replace(" can happen", "") + " can never happen");
			xml.writeEndElement();
		}
		xml.writeEndElement();
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
		for (TraceStep step : finding.trace().steps()) {
			text.append(step.index()).append(". ").append(step.role()).append(' ').append(step.step());
			if (step.clause() != null) {
				text.append(" (").append(step.clause()).append(')');
			}
			if (!step.message().isEmpty()) {
				text.append(": ").append(step.message());
			}
			text.append('\n');
		}
		return text.toString();
	}
}
