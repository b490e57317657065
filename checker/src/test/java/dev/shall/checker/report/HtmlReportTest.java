package dev.shall.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import dev.shall.checker.cli.ShallCommand;

/**
 * The HTML report and its sequence charts, checked on their structure: each chart parsed as XML,
 * its texts measured as the layout measures them — no two overlap; every arrow horizontal; every
 * step of the run present; the final state shown (both sides of an agreement); faults drawn; the
 * report grouped per procedure with the findings first.
 */
class HtmlReportTest {

	@TempDir
	static Path folder;

	private static Path report;

	@BeforeAll
	static void check() throws Exception {
		report = folder.resolve("report");
		int code = ShallCommand.execute("check", "-q", "--report", report.toString(), "--out=" + folder.resolve(
				"out.txt"), "--option", "restrainedSmc=newKasme", "--option", "completion=anyEnd", "--option",
				"deliverInStep2=no", "--option", "algorithmToUe=carried",
				"--option", "replayCheck=skipped",
				"../examples/seeds/003-smc-vs-inter-mme-handover.shall", "../examples/seeds/000-senb-addition.shall",
				"../examples/more/as-security-mode-command.shall", "../examples/more/nas-smc-replay.shall");
		assertEquals(0, code, Files.readString(folder.resolve("out.txt")));
	}

	private static String chart(String name) throws Exception {
		return Files.readString(report.resolve("charts").resolve(name + ".svg"));
	}

	@Test
	void chartsAreNamedAfterProcedurePropertyAndOptions() throws Exception {
		Set<String> names = new TreeSet<>();
		try (var files = Files.list(report.resolve("charts"))) {
			files.filter(f -> f.toString().endsWith(".svg")).forEach(f -> names.add(f.getFileName().toString()));
		}
		assertTrue(names.contains("SeNBAddition-sameSKeNB-deliverInStep2=no-algorithmToUe=carried.svg"),
				names.toString());
		assertTrue(names.contains("SmcVersusInterMmeHandover-kasmeAgreedAfterHandover-restrainedSmc=newKasme-"
				+ "completion=anyEnd.svg"), names.toString());
		for (String name : names) {
			assertTrue(name.matches("[A-Za-z0-9._=-]+"), name);
			String base = name.substring(0, name.length() - 4);
			assertTrue(Files.isRegularFile(report.resolve("traces").resolve(base + ".json")), base);
		}
	}

	@Test
	void everyChartIsLaidOutWithoutOverlapsAndHorizontalArrows() throws Exception {
		int charts = 0;
		try (var files = Files.list(report.resolve("charts"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".svg")).toList()) {
				assertLaidOut(parse(Files.readString(file)), file.getFileName().toString());
				charts++;
			}
		}
		assertTrue(charts >= 5, "charts: " + charts);
	}

	@Test
	void anAgreementShowsBothKeysSideBySideWithDisplayNamesAndDescriptions() throws Exception {
		String svg = chart("SmcVersusInterMmeHandover-kasmeAgreedAfterHandover-restrainedSmc=newKasme-"
				+ "completion=anyEnd");
		Document document = parse(svg);
		Set<String> lifelines = new HashSet<>();
		for (Element group : groups(document, "lifeline")) {
			lifelines.add(group.getAttribute("data-role"));
		}
		assertEquals(Set.of("UE", "SourceMME", "TargetMME", "SourceENB"), lifelines);
		assertTrue(svg.contains(">source MME</text>") && svg.contains(">target MME</text>"), "display names");
		assertTrue(svg.contains("“execute the inter-MME handover”"), "the step's description beside its box");
		// one arrow per message sent: SMC, SMC Complete (never received), the retransmitted SMC (never
		// received), HandoverRequired, FORWARD RELOCATION, HandoverCommand
		assertEquals(6, groups(document, "arrow").size());
		assertEquals(2, groups(document, "arrow inflight").size(), "the two messages still in flight");
		assertEquals(8, groups(document, "step").size(), "every step of the 8-step run has its box");
		// the final state: the UE's KASME and the target MME's, on their lifelines, ≠ between
		List<Element> states = new ArrayList<>();
		NodeList rects = document.getElementsByTagName("rect");
		for (int i = 0; i < rects.getLength(); i++) {
			Element rect = (Element) rects.item(i);
			if (rect.getAttribute("class").startsWith("state ")) {
				states.add(rect);
			}
		}
		assertEquals(2, states.size());
		assertTrue(svg.contains(">kasme = KASME.new</text>") && svg.contains(">kasme = KASME.old</text>"), svg);
		assertTrue(svg.contains(">≠</text>"));
		assertEquals(centre(document, "UE"), centreOf(states, "left"), 0.5);
		assertEquals(centre(document, "TargetMME"), centreOf(states, "right"), 0.5);
		assertTrue(svg.contains("violates kasmeAgreedAfterHandover"));
		// a message still in flight is dashed and said to be so
		assertTrue(svg.contains("SecurityModeComplete (never received)"), svg);
	}

	@Test
	void faultsAreDrawnAsSuch() throws Exception {
		String lost = chart("AsSecurityModeCommand-smcCompletes");
		Document document = parse(lost);
		assertEquals(1, groups(document, "arrow lost").size(), lost);
		assertTrue(lost.contains("class=\"cross\""), "crossed where lost");
		assertTrue(lost.contains("3. lost on rrc"), lost);
		assertTrue(lost.contains("the run stops here"), lost);
		String replayed = chart("NasSmcReplay-completeAnswersItsCommand-replayCheck=skipped");
		assertEquals(1, groups(parse(replayed), "arrow replayed").size(), replayed);
		assertTrue(replayed.contains("— replayed by"), replayed);
	}

	@Test
	void theReportGroupsFindingsFirstPerProcedureAndLinksToTheModel() throws Exception {
		String html = Files.readString(report.resolve("index.html"));
		assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("<link"),
				"the report fetches nothing");
		assertTrue(html.contains("name=\"viewport\""), "readable on a phone");
		// one section per procedure, in the run's order
		List<String> sections = new ArrayList<>();
		for (String part : html.split("<section class=\"procedure")) {
			if (part.contains("<h2>")) {
				sections.add(part.substring(part.indexOf("<h2>") + 4, part.indexOf(" <small>")));
			}
		}
		assertEquals(List.of("SmcVersusInterMmeHandover", "SeNBAddition", "AsSecurityModeCommand", "NasSmcReplay"),
				sections);
		String senb = html.substring(html.indexOf("<h2>SeNBAddition"), html.indexOf("<h2>AsSecurityModeCommand"));
		// the findings come before the table of verdicts, each with its chart inline and a link to its line
		int finding = senb.indexOf("<article class=\"finding");
		assertTrue(finding > 0 && finding < senb.indexOf("Verdicts by option combination"), senb);
		String article = senb.substring(finding, senb.indexOf("</article>", finding));
		assertTrue(article.contains("<svg"), "the chart next to its finding");
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"#(p2-L(\\d+))\" class=\"source-link\"")
				.matcher(article);
		assertTrue(link.find(), article);
		assertTrue(senb.contains("<span id=\"" + link.group(1) + "\" class=\"marked\">"), "the linked line is there");
		String line = Files.readAllLines(Path.of("../examples/seeds/000-senb-addition.shall")).get(Integer.parseInt(link
				.group(2)) - 1);
		assertTrue(line.contains("sameSKeNB"), line);
		assertTrue(senb.contains("<h4>deliverInStep2 = no"), "verdicts grouped by option combination");
		assertTrue(html.contains("<h3 class=\"kind\" data-kind=\"property\">"), html);
		assertTrue(html.contains("data-kind=\"unhandled-message\""), html);
		assertTrue(html.contains("id=\"filter\"") && html.contains("<script>"), "filters");
	}

	@Test
	void aKindOfQuestionTheReportDoesNotKnowGetsAHeadingOfItsOwn() {
		for (Finding.Kind kind : Finding.Kind.values()) {
			String title = HtmlReport.kindTitle(kind);
			assertFalse(title.isBlank());
			assertTrue(Character.isUpperCase(title.charAt(0)), title);
		}
	}

	// ------------------------------------------------------------------------------------------------

	/** No two texts overlap (measured as the layout measures them), arrows are horizontal, text stays on the canvas. */
	private static void assertLaidOut(Document svg, String name) {
		Element root = svg.getDocumentElement();
		assertEquals("1.1", root.getAttribute("version"), name);
		assertEquals("", root.getAttribute("style"), "no CSS: " + name);
		assertEquals(0, svg.getElementsByTagName("style").getLength(), "no CSS: " + name);
		assertEquals(0, svg.getElementsByTagName("marker").getLength(), "no markers: " + name);
		double width = Double.parseDouble(root.getAttribute("width"));
		NodeList texts = svg.getElementsByTagName("text");
		List<double[]> boxes = new ArrayList<>();
		List<String> contents = new ArrayList<>();
		for (int i = 0; i < texts.getLength(); i++) {
			Element text = (Element) texts.item(i);
			assertFalse(text.getAttribute("font-family").isEmpty(), "an explicit font-family: " + name);
			double size = Double.parseDouble(text.getAttribute("font-size"));
			double w = TextMetrics.width(text.getTextContent(), size, text.getAttribute("font-weight").equals("bold"));
			double x = Double.parseDouble(text.getAttribute("x"));
			double y = Double.parseDouble(text.getAttribute("y"));
			double left = text.getAttribute("text-anchor").equals("middle") ? x - w / 2 : x;
			double[] box = { left, y - size * 0.8, left + w, y + size * 0.2 };
			assertTrue(box[0] >= 0 && box[2] <= width, "on the canvas: " + text.getTextContent() + " in " + name);
			for (int j = 0; j < boxes.size(); j++) {
				double[] other = boxes.get(j);
				boolean overlap = box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3];
				assertFalse(overlap, "'" + text.getTextContent() + "' overlaps '" + contents.get(j) + "' in " + name);
			}
			boxes.add(box);
			contents.add(text.getTextContent());
		}
		Set<Integer> steps = new TreeSet<>();
		for (Element group : groups(svg, "arrow")) {
			NodeList lines = group.getElementsByTagName("line");
			assertEquals(1, lines.getLength(), name);
			Element line = (Element) lines.item(0);
			assertEquals(line.getAttribute("y1"), line.getAttribute("y2"), "horizontal: " + name);
		}
		for (Element group : groups(svg, "step")) {
			steps.add(Integer.parseInt(group.getAttribute("data-step")));
		}
		for (int i = 0; i < texts.getLength(); i++) {
			Element text = (Element) texts.item(i);
			if (text.getAttribute("class").equals("faultlabel") || text.getAttribute("class").equals("msg")) {
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\. ").matcher(text.getTextContent());
				if (m.find()) {
					steps.add(Integer.parseInt(m.group(1)));
				}
			}
		}
		// every step of the run is numbered somewhere: a box, a fault, or a copy's arrow
		int last = steps.isEmpty() ? 0 : ((TreeSet<Integer>) steps).last();
		for (int i = 1; i <= last; i++) {
			assertTrue(steps.contains(i), "step " + i + " missing in " + name + ": " + steps);
		}
		assertFalse(groups(svg, "verdict").isEmpty(), "the verdict at the end: " + name);
	}

	private static double centre(Document svg, String role) {
		for (Element group : groups(svg, "lifeline")) {
			if (group.getAttribute("data-role").equals(role)) {
				return Double.parseDouble(((Element) group.getElementsByTagName("line").item(0)).getAttribute("x1"));
			}
		}
		throw new AssertionError("no lifeline " + role);
	}

	private static double centreOf(List<Element> states, String side) {
		for (Element rect : states) {
			if (rect.getAttribute("class").equals("state " + side)) {
				return Double.parseDouble(rect.getAttribute("x")) + Double.parseDouble(rect.getAttribute("width")) / 2;
			}
		}
		throw new AssertionError("no " + side + " state");
	}

	private static List<Element> groups(Document svg, String css) {
		List<Element> found = new ArrayList<>();
		NodeList groups = svg.getElementsByTagName("g");
		for (int i = 0; i < groups.getLength(); i++) {
			Node node = groups.item(i);
			String value = ((Element) node).getAttribute("class");
			if (value.equals(css) || css.equals("arrow") && value.startsWith("arrow")) {
				found.add((Element) node);
			}
		}
		return found;
	}

	private static Document parse(String xml) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}
}
