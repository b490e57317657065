package dev.shall.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.shall.checker.cli.ShallCommand;

/** SARIF output: valid against the published 2.1.0 schema, with the locations, flows and fingerprints promised. */
class SarifReportTest {

	private static JsonSchema schema;

	@TempDir
	Path folder;

	@BeforeAll
	static void loadSchema() throws Exception {
		try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
			schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
		}
	}

	private static Path resource(String name) throws Exception {
		return Path.of(SarifReportTest.class.getResource(name).toURI());
	}

	private String sarif(String... paths) throws Exception {
		Path out = folder.resolve("report.sarif");
		String[] args = new String[3 + paths.length];
		args[0] = "check";
		args[1] = "--format=sarif";
		args[2] = "--out=" + out;
		System.arraycopy(paths, 0, args, 3, paths.length);
		ShallCommand.execute(args);
		return Files.readString(out);
	}

	@Test
	void outputIsValidSarifWithTraceLocations() throws Exception {
		String text = sarif(resource("/fixtures/handshake.shall").toString(), resource("/cli/broken.shall").toString());
		assertEquals(Set.of(), schema.validate(new ObjectMapper().readTree(text)));
		JsonObject run = JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
		JsonObject violated = null;
		boolean diagnostic = false;
		for (JsonElement element : run.getAsJsonArray("results")) {
			JsonObject result = element.getAsJsonObject();
			if (result.get("ruleId").getAsString().equals("invariantViolated")) {
				violated = result;
			}
			diagnostic |= result.get("ruleId").getAsString().startsWith("shall.") && result.get("level").getAsString()
					.equals("error");
		}
		assertTrue(diagnostic, "the broken file's error is a result");
		assertEquals("note", violated.get("level").getAsString(), "a violation declared as expected is a note");
		JsonObject region = violated.getAsJsonArray("locations").get(0).getAsJsonObject()
				.getAsJsonObject("physicalLocation").getAsJsonObject("region");
		assertTrue(region.get("startLine").getAsInt() > 1);
		JsonArray related = violated.getAsJsonArray("relatedLocations");
		assertEquals(3, related.size(), "one related location per step of the 3-step run");
		assertEquals(3, violated.getAsJsonArray("codeFlows").get(0).getAsJsonObject().getAsJsonArray("threadFlows")
				.get(0).getAsJsonObject().getAsJsonArray("locations").size());
		// §3.14.14: locations relative to %SRCROOT%, which the run says where it was (the Git working tree)
		JsonObject artifact = violated.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject(
				"physicalLocation").getAsJsonObject("artifactLocation");
		assertEquals(SarifReport.SRCROOT, artifact.get("uriBaseId").getAsString());
		assertEquals(Path.of("..").toAbsolutePath().normalize().relativize(resource("/fixtures/handshake.shall"))
				.toString().replace('\\', '/'), artifact.get("uri").getAsString());
		assertTrue(artifact.get("uri").getAsString().startsWith("checker/"), artifact.toString());
		String root = run.getAsJsonObject("originalUriBaseIds").getAsJsonObject(SarifReport.SRCROOT).get("uri")
				.getAsString();
		assertEquals(Path.of("..").toAbsolutePath().normalize().toUri().toString(), root);
		assertTrue(java.nio.file.Files.isRegularFile(Path.of(java.net.URI.create(root).resolve(artifact.get("uri")
				.getAsString()))), "the base and the relative URI resolve to the file");
		JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
		assertEquals("invariantViolated", rules.get(violated.get("ruleIndex").getAsInt()).getAsJsonObject().get("id")
				.getAsString());
	}

	@Test
	void aMismatchIsAnError() throws Exception {
		String text = sarif(resource("/cli/mismatch.shall").toString());
		assertEquals(Set.of(), schema.validate(new ObjectMapper().readTree(text)));
		assertTrue(text.contains("\"level\": \"error\""), text);
	}

	@Test
	void fingerprintsAreStableAcrossRunsAndDistinctAcrossFindings() throws Exception {
		List<String> first = fingerprints(sarif(resource("/fixtures/handshake.shall").toString()));
		List<String> second = fingerprints(sarif(resource("/fixtures/handshake.shall").toString()));
		assertEquals(first, second);
		assertEquals(first.size(), new HashSet<>(first).size());
	}

	@Test
	void theSchemaRejectsWhatItShould() throws Exception {
		// guards the validation above against a schema that would accept anything
		ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(sarif(resource("/fixtures/handshake.shall").toString()));
		tree.put("version", "2.0.0");
		assertFalse(schema.validate(tree).isEmpty());
		tree.put("version", "2.1.0");
		((ObjectNode) tree.get("runs").get(0).get("results").get(0)).put("level", "fatal");
		assertFalse(schema.validate(tree).isEmpty());
	}

	@Test
	void diffOfTheLwipRevisionsIsValidSarifWithItsChanges() throws Exception {
		// the entry points: revision 2 fixes and breaks none of their verdicts; 16.2.2/s4 (delete → store)
		// replaces pskDeletedAfterHandshake by pskStoredWhileTunnelUp and pskAgreedWhileUp under each of the
		// 16 combinations checked (annexA16 × updateForAnyReason, each with unlocatedIdi and outsideTunnel at
		// their first values and once away from them, semantics §1.1): 32 new (the SARIF holds the results
		// of the new revision, so the 16 removed are not among them)
		Map<String, Integer> entry = changes(0, "../examples/seeds/001-lwip-revision-1.shall",
				"../examples/seeds/002-lwip-revision-2.shall");
		assertEquals(0, entry.getOrDefault("fixed", 0));
		assertEquals(0, entry.getOrDefault("broken", 0));
		assertEquals(32, entry.getOrDefault("new", 0));
		// the releases, 12 combinations (rlfDetection × releaseSignalled, each with wlanLossAtSegw and
		// releaseWithoutTunnel at their first values and once away from them): revision 2 deletes the
		// LWIP-PSK on release (16.2.2/s5, 16.6/s2), which fixes lastDrbUePskDeleted and
		// lastDrbSegwPskDeleted under the 8 combinations with releaseWithoutTunnel = deletes (16; under
		// keeps a release before the handshake is no release of "the IPsec tunnel") and rlfUePskDeleted
		// and rlfSegwPskDeleted under the 6 with rlfDetection = bothEnds (12): 28. It breaks
		// wlanLossSegwPskDeleted under the 4 with wlanLossAtSegw = notDetected: revision 1 deleted the key
		// after the handshake, revision 2 stores it (16.2.2/s4), and a SeGW that never learns of the WLAN
		// loss keeps it (exit code 1: something broken)
		Map<String, Integer> release = changes(1, "../examples/seeds/001-lwip-revision-1-release.shall",
				"../examples/seeds/002-lwip-revision-2-release.shall");
		assertEquals(28, release.getOrDefault("fixed", 0));
		assertEquals(4, release.getOrDefault("broken", 0));
	}

	/** The diff of two revisions as SARIF, checked against the schema: its count of each change present. */
	private Map<String, Integer> changes(int exit, String before, String after) throws Exception {
		java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
		java.io.PrintStream standardOut = System.out;
		System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			assertEquals(exit, ShallCommand.execute("diff", "--format", "sarif", before, after));
		} finally {
			System.setOut(standardOut);
		}
		String text = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
		assertEquals(Set.of(), schema.validate(new ObjectMapper().readTree(text)));
		Map<String, Integer> counts = new HashMap<>();
		for (JsonElement element : JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("runs").get(0)
				.getAsJsonObject().getAsJsonArray("results")) {
			JsonObject properties = element.getAsJsonObject().getAsJsonObject("properties");
			if (properties != null && properties.has("change")) {
				counts.merge(properties.get("change").getAsString(), 1, Integer::sum);
			}
		}
		return counts;
	}

	private static List<String> fingerprints(String text) {
		List<String> prints = new ArrayList<>();
		for (JsonElement element : JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("runs").get(0)
				.getAsJsonObject().getAsJsonArray("results")) {
			prints.add(element.getAsJsonObject().getAsJsonObject("partialFingerprints").get("shallFinding/v1")
					.getAsString());
		}
		return prints;
	}
}
