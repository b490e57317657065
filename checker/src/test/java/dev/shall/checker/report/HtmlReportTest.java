package dev.shall.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import dev.shall.checker.cli.ShallCommand;

/** The HTML report and its sequence charts: well-formed SVG with a lifeline per role and an arrow per message. */
class HtmlReportTest {

	@TempDir
	Path folder;

	@Test
	void seed003ChartHasALifelinePerRoleAndAnArrowPerMessage() throws Exception {
		Path report = folder.resolve("report");
		int code = ShallCommand.execute("check", "--option", "rule7210=ignored", "--option",
				"smcDuringRelocation=notStarted", "--report", report.toString(), "--out=" + folder.resolve("out.txt"),
				"../examples/seeds/003-smc-vs-inter-mme-handover.shall");
		assertEquals(0, code);
		String html = Files.readString(report.resolve("index.html"));
		assertTrue(html.contains("contextsMatchAfterHandover"));
		assertTrue(html.contains("<svg"), "charts are inline");
		assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("<link"),
				"the report fetches nothing");
		Document svg = parse(Files.readString(report.resolve("charts/1.svg")));
		Set<String> lifelines = new HashSet<>();
		NodeList groups = svg.getElementsByTagName("g");
		int arrows = 0;
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			String css = group.getAttribute("class");
			if (css.equals("lifeline")) {
				lifelines.add(group.getAttribute("data-role"));
			}
			if (css.startsWith("arrow")) {
				arrows++;
			}
		}
		// the 9-step run of contextsMatchAfterHandover without the rule involves all four roles
		assertEquals(Set.of("UE", "SourceMME", "TargetMME", "SourceENB"), lifelines);
		// one arrow per message sent: HandoverRequired, SMC, SMC Complete (in flight), FORWARD RELOCATION request and
		// response, HandoverCommand twice, HandoverNotify
		assertEquals(8, arrows);
		assertTrue(Files.readString(report.resolve("charts/1.svg")).contains("violates contextsMatchAfterHandover"));
	}

	@Test
	void lostMessagesAreCrossedOut() throws Exception {
		Path report = folder.resolve("report");
		ShallCommand.execute("check", "--report", report.toString(), "--out=" + folder.resolve("out.txt"),
				"../examples/more/as-security-mode-command.shall");
		String chart = Files.readString(report.resolve("charts/1.svg"));
		parse(chart);
		assertTrue(chart.contains("class=\"arrow lost\""), chart);
		assertTrue(chart.contains("lost on rrc"), chart);
	}

	private static Document parse(String xml) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}
}
