package dev.shall.checker.report;

import dev.shall.checker.text.Escaping;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The report of {@code shall diff OLD NEW} in the formats of {@code shall check}: text, JSON,
 * JUnit XML (a broken verdict is a failure, a removed one skipped) and SARIF (the new revision's
 * results, each carrying its change in {@code properties.change}; a broken verdict is an error).
 * Text from the user is escaped as {@link Escaping} says for each format.
 */
public final class DiffReport {

	private final String before;
	private final String after;
	private final RunReport now;
	private final List<RevisionDiff.Entry> entries;

	public DiffReport(String before, String after, RunReport now, List<RevisionDiff.Entry> entries) {
		this.before = before;
		this.after = after;
		this.now = now;
		this.entries = entries;
	}

	/** The statements of the two revisions' CRs that differ (ADR 0016); null when they have none. */
	private dev.shall.checker.cr.CrDiff statements;

	/** This report with the CR statements that differ, shown in the text and JSON formats. */
	public DiffReport withStatements(dev.shall.checker.cr.CrDiff statements) {
		this.statements = statements;
		return this;
	}

	public void write(String format, PrintWriter out) {
		switch (format) {
		case "json" -> json(out);
		case "junit" -> junit(out);
		case "sarif" -> sarif(out);
		default -> text(out);
		}
		out.flush();
	}

	private void text(PrintWriter out) {
		for (RevisionDiff.Entry entry : entries) {
			out.println(Escaping.visible(String.format("%-10s %-40s %-9s → %-9s %s", entry.change().label(),
					entry.property(), label(entry.before(), entry.vacuousBefore()), label(entry.after(), entry
							.vacuousAfter()), entry.options().isEmpty() ? "" : entry.options())));
		}
		out.println();
		out.println(Escaping.visible(RevisionDiff.summary(entries)));
		if (statements != null) {
			out.println();
			statements.writeText(out);
		}
	}

	private void json(PrintWriter out) {
		JsonObject root = new JsonObject();
		root.addProperty("old", before);
		root.addProperty("new", after);
		JsonArray changes = new JsonArray();
		for (RevisionDiff.Entry entry : entries) {
			JsonObject change = new JsonObject();
			change.addProperty("property", entry.property());
			change.addProperty("kind", entry.kind().label());
			JsonObject options = new JsonObject();
			entry.options().forEach(options::addProperty);
			change.add("options", options);
			change.addProperty("change", entry.change().label());
			change.addProperty("old", entry.before() == null ? null : entry.before().label());
			change.addProperty("new", entry.after() == null ? null : entry.after().label());
			if (entry.vacuousBefore() || entry.vacuousAfter()) {
				// semantics §7.5: present only when either side holds vacuously
				change.addProperty("oldVacuous", entry.vacuousBefore());
				change.addProperty("newVacuous", entry.vacuousAfter());
			}
			changes.add(change);
		}
		root.add("changes", changes);
		root.addProperty("summary", RevisionDiff.summary(entries));
		if (statements != null) {
			root.add("statements", statements.toJson());
		}
		out.println(Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)));
	}

	private void junit(PrintWriter out) {
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("testsuite");
			JUnitReport.attribute(xml, "name", "shall diff " + before + " " + after);
			JUnitReport.attribute(xml, "tests", Integer.toString(entries.size()));
			JUnitReport.attribute(xml, "failures", Long.toString(count(RevisionDiff.Change.BROKEN)));
			JUnitReport.attribute(xml, "skipped", Long.toString(count(RevisionDiff.Change.REMOVED)));
			for (RevisionDiff.Entry entry : entries) {
				xml.writeStartElement("testcase");
				JUnitReport.attribute(xml, "classname", entry.kind() + (entry.options().isEmpty() ? "" : " " + entry.options()));
				JUnitReport.attribute(xml, "name", entry.property());
				String what = entry.change().label() + ": " + label(entry.before(), entry.vacuousBefore()) + " → "
						+ label(entry.after(), entry.vacuousAfter());
				switch (entry.change()) {
				case BROKEN -> {
					xml.writeStartElement("failure");
					JUnitReport.attribute(xml, "message", what);
					xml.writeEndElement();
				}
				case REMOVED -> {
					xml.writeStartElement("skipped");
					JUnitReport.attribute(xml, "message", what);
					xml.writeEndElement();
				}
				default -> {
					xml.writeStartElement("system-out");
					JUnitReport.characters(xml, what);
					xml.writeEndElement();
				}
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
			out.println();
		} catch (XMLStreamException e) {
			throw new IllegalStateException("writing XML to a stream failed", e);
		}
	}

	private void sarif(PrintWriter out) {
		StringWriter text = new StringWriter();
		new SarifReport().write(now, new PrintWriter(text));
		JsonObject root = JsonParser.parseString(text.toString()).getAsJsonObject();
		JsonArray results = root.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
		for (JsonElement element : results) {
			JsonObject result = element.getAsJsonObject();
			JsonObject properties = result.getAsJsonObject("properties");
			if (properties == null) {
				continue; // an input diagnostic
			}
			RevisionDiff.Entry entry = entryFor(result.get("ruleId").getAsString(), properties);
			if (entry == null) {
				continue;
			}
			properties.addProperty("change", entry.change().label());
			properties.addProperty("previousVerdict", label(entry.before()));
			if (entry.change() == RevisionDiff.Change.BROKEN) {
				result.addProperty("level", "error");
				result.addProperty("kind", "fail");
				JsonObject message = result.getAsJsonObject("message");
				message.addProperty("text", "Broken by this revision (" + label(entry.before()) + " before): "
						+ message.get("text").getAsString());
			}
		}
		out.println(Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)));
	}

	private RevisionDiff.Entry entryFor(String ruleId, JsonObject properties) {
		JsonObject options = properties.getAsJsonObject("options");
		for (RevisionDiff.Entry entry : entries) {
			boolean sameRule = entry.property().equals(ruleId) || ruleId.equals(SarifReport.VACUOUS_RULE)
					&& entry.kind() == Finding.Kind.PROPERTY && properties.has("property") && entry.property().equals(
							properties.get("property").getAsString()) || ruleId.equals("withinDeclaredBounds")
					&& entry.kind() == Finding.Kind.BOUNDS || ruleId.equals("deadStep") && entry.kind() == Finding.Kind.DEAD_STEP
					|| ruleId.equals("unhandledMessage") && entry.kind() == Finding.Kind.UNHANDLED;
			if (sameRule && entry.after() != null && entry.after().label().equals(properties.get("verdict").getAsString())
					&& entry.options().size() == options.size() && entry.options().entrySet().stream().allMatch(
							o -> options.has(o.getKey()) && options.get(o.getKey()).getAsString().equals(o.getValue()))) {
				return entry;
			}
		}
		return null;
	}

	private long count(RevisionDiff.Change change) {
		return entries.stream().filter(e -> e.change() == change).count();
	}

	private static String label(dev.shall.checker.engine.Verdict verdict, boolean vacuous) {
		return label(verdict) + (vacuous ? " (vacuous)" : "");
	}

	private static String label(dev.shall.checker.engine.Verdict verdict) {
		return verdict == null ? "-" : verdict.label().toLowerCase(Locale.ROOT);
	}
}
