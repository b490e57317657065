package dev.shall.checker.report;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.shall.checker.text.Escaping;

/**
 * {@code shall merge}: the reports of the shards of one run ({@code shall check --shard K/N}),
 * all of one format, combined into the report the unsharded run writes — the same results in the
 * same order (each shard numbers its questions in the whole run), the input diagnostics once (every
 * shard reads every file), and no trace of the sharding. Timings are the shards' own.
 * <ul>
 * <li>JSON: {@code results} in question order, {@code diagnostics} without repeats;</li>
 * <li>SARIF: one run, its results in question order then the diagnostics' once, its rules merged
 * by id in the order the results first name them (and {@code ruleIndex} renumbered);</li>
 * <li>JUnit: a test suite per file, its test cases in question order, its counts and time summed
 * again.</li>
 * </ul>
 */
public final class ReportMerge {

	/** One shard's report: where it came from (for messages) and its text. */
	public record Input(String name, String text) {
	}

	/** Why the inputs cannot be merged: not a shard's report, or not the shards of one run. */
	public static final class Refused extends Exception {
		private static final long serialVersionUID = 1L;

		public Refused(String message) {
			super(message);
		}
	}

	private ReportMerge() {
	}

	/**
	 * The merged report, in {@code format} ({@code json}, {@code sarif} or {@code junit}), with a
	 * final line break as {@code shall check} writes it.
	 *
	 * @throws Refused when an input is not a shard's report of that format, when the shards'
	 *                 counts differ, or when a shard is missing or given twice
	 */
	public static String merge(String format, List<Input> inputs) throws Refused {
		return switch (format) {
		case "json" -> json(inputs);
		case "sarif" -> sarif(inputs);
		case "junit" -> junit(inputs);
		default -> throw new Refused("unknown format '" + format + "' (json, junit or sarif)");
		};
	}

	private static String json(List<Input> inputs) throws Refused {
		List<JsonObject> roots = new ArrayList<>();
		List<String> shards = new ArrayList<>();
		for (Input input : inputs) {
			JsonObject root = parse(input);
			JsonObject shard = root.has("shard") && root.get("shard").isJsonObject() ? root.getAsJsonObject("shard")
					: null;
			if (shard == null || !root.has("results")) {
				throw new Refused(input.name() + " is not the JSON report of a shard (shall check --shard K/N --format json)");
			}
			shards.add(shard.get("index").getAsInt() + "/" + shard.get("count").getAsInt());
			roots.add(root);
		}
		complete(inputs, shards);
		TreeMap<Integer, JsonObject> results = new TreeMap<>();
		List<JsonElement> diagnostics = new ArrayList<>();
		for (int i = 0; i < roots.size(); i++) {
			for (JsonElement element : roots.get(i).getAsJsonArray("results")) {
				JsonObject result = element.getAsJsonObject().deepCopy();
				JsonElement question = result.remove("question");
				if (question == null || results.put(question.getAsInt(), result) != null) {
					throw new Refused(inputs.get(i).name() + ": a result without its question number, or one another "
							+ "shard answered too");
				}
			}
			addNew(diagnostics, roots.get(i).getAsJsonArray("diagnostics"));
		}
		JsonObject merged = new JsonObject();
		merged.add("tool", roots.get(0).get("tool"));
		JsonArray resultArray = new JsonArray();
		results.values().forEach(resultArray::add);
		merged.add("results", resultArray);
		JsonArray diagnosticArray = new JsonArray();
		diagnostics.forEach(diagnosticArray::add);
		merged.add("diagnostics", diagnosticArray);
		return print(merged);
	}

	private static String sarif(List<Input> inputs) throws Refused {
		List<JsonObject> runs = new ArrayList<>();
		List<String> shards = new ArrayList<>();
		for (Input input : inputs) {
			JsonObject root = parse(input);
			JsonObject run = root.has("runs") && root.getAsJsonArray("runs").size() == 1 ? root.getAsJsonArray("runs")
					.get(0).getAsJsonObject() : null;
			JsonObject properties = run == null ? null : run.getAsJsonObject("properties");
			if (properties == null || !properties.has(SarifReport.SHARD)) {
				throw new Refused(input.name() + " is not the SARIF report of a shard (shall check --shard K/N --format sarif)");
			}
			shards.add(properties.get(SarifReport.SHARD).getAsString());
			runs.add(run);
		}
		complete(inputs, shards);
		TreeMap<Integer, JsonObject> answers = new TreeMap<>();
		List<JsonElement> diagnostics = new ArrayList<>();
		Map<String, JsonObject> rulesById = new LinkedHashMap<>();
		for (int i = 0; i < runs.size(); i++) {
			JsonObject run = runs.get(i);
			JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
			List<JsonElement> fromInputs = new ArrayList<>();
			for (JsonElement element : run.getAsJsonArray("results")) {
				JsonObject result = element.getAsJsonObject().deepCopy();
				// ruleIndex points into this shard's rules (so the same diagnostic differs in it from shard
				// to shard); the merged list has its own order, numbered below
				JsonObject rule = rules.get(result.remove("ruleIndex").getAsInt()).getAsJsonObject();
				rulesById.putIfAbsent(rule.get("id").getAsString(), rule);
				JsonObject properties = result.getAsJsonObject("properties");
				JsonElement question = properties == null ? null : properties.remove(SarifReport.QUESTION);
				if (question == null) {
					fromInputs.add(result); // an input diagnostic: every shard reports it
				} else if (answers.put(question.getAsInt(), result) != null) {
					throw new Refused(inputs.get(i).name() + ": question " + question + " is another shard's too");
				}
			}
			addNew(diagnostics, fromInputs);
		}
		List<JsonObject> ordered = new ArrayList<>(answers.values());
		diagnostics.forEach(d -> ordered.add(d.getAsJsonObject()));
		Map<String, Integer> ruleIndex = new LinkedHashMap<>();
		JsonArray resultArray = new JsonArray();
		for (JsonObject result : ordered) {
			String id = result.get("ruleId").getAsString();
			ruleIndex.putIfAbsent(id, ruleIndex.size());
			// back in its place after ruleId, where SarifReport writes it
			JsonObject placed = new JsonObject();
			for (Map.Entry<String, JsonElement> member : result.entrySet()) {
				placed.add(member.getKey(), member.getValue());
				if (member.getKey().equals("ruleId")) {
					placed.addProperty("ruleIndex", ruleIndex.get(id));
				}
			}
			resultArray.add(placed);
		}
		JsonArray ruleArray = new JsonArray();
		ruleIndex.keySet().forEach(id -> ruleArray.add(rulesById.get(id)));
		JsonObject first = runs.get(0);
		JsonObject driver = first.getAsJsonObject("tool").getAsJsonObject("driver").deepCopy();
		driver.add("rules", ruleArray);
		JsonObject tool = new JsonObject();
		tool.add("driver", driver);
		JsonObject run = new JsonObject();
		for (Map.Entry<String, JsonElement> member : first.entrySet()) {
			// the run's own members in the order the report writes them, less the shard's mark
			switch (member.getKey()) {
			case "tool" -> run.add("tool", tool);
			case "results" -> run.add("results", resultArray);
			case "properties" -> {
				JsonObject properties = member.getValue().getAsJsonObject().deepCopy();
				properties.remove(SarifReport.SHARD);
				if (properties.size() > 0) {
					run.add("properties", properties);
				}
			}
			default -> run.add(member.getKey(), member.getValue());
			}
		}
		JsonObject root = parse(inputs.get(0));
		JsonArray merged = new JsonArray();
		merged.add(run);
		root.add("runs", merged);
		return print(root);
	}

	private static String junit(List<Input> inputs) throws Refused {
		List<Document> documents = new ArrayList<>();
		List<String> shards = new ArrayList<>();
		for (Input input : inputs) {
			Document document;
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(input.text())));
			} catch (Exception e) {
				throw new Refused(input.name() + " is not XML: " + e.getMessage());
			}
			Element root = document.getDocumentElement();
			if (!root.getTagName().equals("testsuites") || !root.hasAttribute(JUnitReport.SHARD)) {
				throw new Refused(input.name() + " is not the JUnit report of a shard (shall check --shard K/N --format junit)");
			}
			shards.add(root.getAttribute(JUnitReport.SHARD));
			documents.add(document);
		}
		complete(inputs, shards);
		record Case(String file, Element element) {
		}
		TreeMap<Integer, Case> cases = new TreeMap<>();
		for (int i = 0; i < documents.size(); i++) {
			for (Element suite : children(documents.get(i).getDocumentElement(), "testsuite")) {
				for (Element testCase : children(suite, "testcase")) {
					String question = testCase.getAttribute(JUnitReport.QUESTION);
					if (question.isEmpty() || cases.put(Integer.parseInt(question), new Case(suite.getAttribute("name"),
							testCase)) != null) {
						throw new Refused(inputs.get(i).name() + ": a test case without its question number, or one "
								+ "another shard answered too");
					}
				}
			}
		}
		Map<String, List<Element>> byFile = new LinkedHashMap<>();
		for (Case c : cases.values()) {
			byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c.element());
		}
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("testsuites");
			copyAttributes(xml, documents.get(0).getDocumentElement(), List.of("name"), JUnitReport.SHARD);
			for (Map.Entry<String, List<Element>> file : byFile.entrySet()) {
				List<Element> suite = file.getValue();
				xml.writeStartElement("testsuite");
				xml.writeAttribute("name", file.getKey());
				xml.writeAttribute("tests", Integer.toString(suite.size()));
				xml.writeAttribute("failures", Long.toString(suite.stream().filter(e -> !children(e, "failure")
						.isEmpty()).count()));
				xml.writeAttribute("skipped", Long.toString(suite.stream().filter(e -> !children(e, "skipped")
						.isEmpty()).count()));
				xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", suite.stream().mapToDouble(e -> Double
						.parseDouble(e.getAttribute("time"))).sum()));
				for (Element testCase : suite) {
					copy(xml, testCase);
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
		} catch (XMLStreamException e) {
			throw new IllegalStateException("cannot write JUnit XML", e);
		}
		return out + "";
	}

	/** Every shard of one run exactly once: the same N everywhere, each K from 1 to N once. */
	private static void complete(List<Input> inputs, List<String> shards) throws Refused {
		Integer count = null;
		Map<Integer, String> seen = new TreeMap<>();
		for (int i = 0; i < shards.size(); i++) {
			String[] parts = shards.get(i).split("/");
			int index;
			int n;
			try {
				index = Integer.parseInt(parts[0]);
				n = Integer.parseInt(parts[1]);
			} catch (RuntimeException e) {
				throw new Refused(inputs.get(i).name() + ": shard '" + shards.get(i) + "' is not K/N");
			}
			if (count != null && n != count) {
				throw new Refused(inputs.get(i).name() + " is shard " + shards.get(i) + ", " + inputs.get(0).name()
						+ " one of " + count + ": not the shards of one run");
			}
			count = n;
			String before = seen.put(index, inputs.get(i).name());
			if (before != null) {
				throw new Refused(before + " and " + inputs.get(i).name() + " are both shard " + shards.get(i));
			}
		}
		List<String> missing = new ArrayList<>();
		for (int k = 1; k <= count; k++) {
			if (!seen.containsKey(k)) {
				missing.add(k + "/" + count);
			}
		}
		if (!missing.isEmpty()) {
			throw new Refused("shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " missing: "
					+ "a merge of some shards would look like the whole run");
		}
	}

	private static JsonObject parse(Input input) throws Refused {
		try {
			return JsonParser.parseString(input.text()).getAsJsonObject();
		} catch (RuntimeException e) {
			throw new Refused(input.name() + " is not a JSON object: " + e.getMessage());
		}
	}

	private static void addNew(List<JsonElement> into, Iterable<JsonElement> elements) {
		for (JsonElement element : elements) {
			if (!into.contains(element)) {
				into.add(element);
			}
		}
	}

	/** As {@link JsonReport} and {@link SarifReport} print: pretty, no HTML escaping, controls escaped. */
	private static String print(JsonObject root) {
		return Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root))
				+ System.lineSeparator();
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && e.getTagName().equals(name)) {
				found.add(e);
			}
		}
		return found;
	}

	/**
	 * The element's attributes: {@code first} in that order (the order {@link JUnitReport} writes),
	 * then the rest by name (a DOM keeps no order), less {@code dropped}.
	 */
	private static void copyAttributes(XMLStreamWriter xml, Element element, List<String> first, String dropped)
			throws XMLStreamException {
		for (String name : first) {
			if (element.hasAttribute(name)) {
				xml.writeAttribute(name, element.getAttribute(name));
			}
		}
		NamedNodeMap attributes = element.getAttributes();
		List<Attr> rest = new ArrayList<>();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (!first.contains(attribute.getName()) && !attribute.getName().equals(dropped)) {
				rest.add(attribute);
			}
		}
		rest.sort(Comparator.comparing(Attr::getName));
		for (Attr attribute : rest) {
			xml.writeAttribute(attribute.getName(), attribute.getValue());
		}
	}

	/** A test case and what it holds, as written, less its question number. */
	private static void copy(XMLStreamWriter xml, Element element) throws XMLStreamException {
		xml.writeStartElement(element.getTagName());
		copyAttributes(xml, element, switch (element.getTagName()) {
		case "testcase" -> List.of("classname", "name", "time");
		case "failure" -> List.of("message", "type");
		default -> List.of();
		}, JUnitReport.QUESTION);
		for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element child) {
				copy(xml, child);
			} else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
				xml.writeCharacters(n.getNodeValue());
			}
		}
		xml.writeEndElement();
	}
}
