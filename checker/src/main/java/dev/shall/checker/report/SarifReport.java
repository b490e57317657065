package dev.shall.checker.report;

import dev.shall.checker.text.Escaping;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.shall.checker.engine.Verdict;
import dev.shall.checker.trace.Trace;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.checker.trace.TraceStep;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * SARIF 2.1.0 (OASIS), for code-scanning tools. One result per verdict on a property or bound and
 * per dead step; the rule is the property (ruleId = its name), the location its line, the related
 * locations and the code flow the trace's steps (a fault step in the flow only, having no line; the
 * steps of a cycle nested one level), and {@code properties.trace} the whole trace in the trace
 * format. A verdict that differs from its expectation is an error, an unknown verdict a warning, a
 * violation declared as expected a note, a verdict that holds as expected a pass. Input diagnostics are results of rules named by their codes. Fingerprints hash
 * file, procedure, property and options, so a finding keeps its identity across runs. Strings
 * escape every control and bidirectional formatting character ({@link Escaping#json}).
 */
public final class SarifReport {

	public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	/** The rule of a property that holds only vacuously (semantics §7.5). */
	public static final String VACUOUS_RULE = "vacuousProperty";

	/** The rule of a CR statement no model element covers (ADR 0016). */
	public static final String UNCOVERED_RULE = "uncoveredStatement";

	/** In a shard's report, the run property naming the shard ({@code K/N}). */
	public static final String SHARD = "shardIndex";

	/** In a shard's report, the result property numbering its question in the whole run. */
	public static final String QUESTION = "shardQuestion";

	/** The base of every relative artifact location (SARIF 2.1.0 §3.4.4, §3.14.14). */
	public static final String SRCROOT = "%SRCROOT%";

	private final Path sourceRoot;

	/**
	 * A report whose file locations are relative to the source root: the {@code --root} folder
	 * when one was given ({@code shall.root}), else the Git working tree of the working directory,
	 * else the working directory — where GitHub code scanning and other viewers resolve them.
	 */
	public SarifReport() {
		this(defaultRoot());
	}

	/** A report whose file locations are relative to {@code sourceRoot} (files outside it stay absolute URIs). */
	public SarifReport(Path sourceRoot) {
		this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
	}

	private static Path defaultRoot() {
		String root = System.getProperty("shall.root");
		if (root != null) {
			return Path.of(root);
		}
		Path here = Path.of("").toAbsolutePath();
		// the working tree of a file in the working directory: the search starts at the file's folder
		return dev.shall.model.frontend.ProjectFolder.gitWorkingTree(here.resolve("report.sarif")).orElse(here);
	}

	public void write(RunReport report, PrintWriter out) {
		Map<String, JsonObject> rules = new LinkedHashMap<>();
		JsonArray results = new JsonArray();
		for (int i = 0; i < report.results().size(); i++) {
			Finding finding = report.results().get(i);
			if ((finding.kind() == Finding.Kind.DEAD_STEP || finding.kind() == Finding.Kind.UNHANDLED)
					&& finding.verdict() == Verdict.HOLDS && !finding.mismatch()) {
				continue; // a step that can happen, a message always handled: not findings
			}
			JsonObject result = result(finding, rules);
			if (report.shard() != null) {
				// the question's number in the whole run, by which shall merge restores its order
				result.getAsJsonObject("properties").addProperty(QUESTION, report.question(i));
			}
			results.add(result);
		}
		for (SourceDiagnostic diagnostic : report.diagnostics()) {
			results.add(diagnostic(diagnostic, rules));
		}
		JsonObject driver = new JsonObject();
		driver.addProperty("name", JsonReport.TOOL);
		driver.addProperty("version", JsonReport.VERSION);
		JsonArray ruleArray = new JsonArray();
		for (JsonObject rule : rules.values()) {
			rule.remove("index");
			ruleArray.add(rule);
		}
		driver.add("rules", ruleArray);
		JsonObject tool = new JsonObject();
		tool.add("driver", driver);
		JsonObject run = new JsonObject();
		run.add("tool", tool);
		run.add("results", results);
		// §3.14.14: where %SRCROOT% was on this machine; viewers that know the checkout resolve without it
		JsonObject base = new JsonObject();
		base.addProperty("uri", sourceRoot.toUri().toString());
		JsonObject description = new JsonObject();
		description.addProperty("text", "The source root: the project folder the checked files' paths are relative to");
		base.add("description", description);
		JsonObject bases = new JsonObject();
		bases.add(SRCROOT, base);
		run.add("originalUriBaseIds", bases);
		if (report.shard() != null) {
			JsonObject properties = new JsonObject();
			properties.addProperty(SHARD, report.shard().toString());
			run.add("properties", properties);
		}
		JsonArray runs = new JsonArray();
		runs.add(run);
		JsonObject root = new JsonObject();
		root.addProperty("$schema", SCHEMA);
		root.addProperty("version", "2.1.0");
		root.add("runs", runs);
		out.println(Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)));
		out.flush();
	}

	private JsonObject result(Finding finding, Map<String, JsonObject> rules) {
		// semantics §7.5: a vacuous holds is a finding of its own rule, as dead steps are
		String ruleId = switch (finding.kind()) {
		case BOUNDS -> "withinDeclaredBounds";
		case DEAD_STEP -> "deadStep";
		case UNHANDLED -> "unhandledMessage";
		case UNCOVERED_STATEMENT -> UNCOVERED_RULE;
		case PROPERTY -> finding.vacuous() && !finding.mismatch() ? VACUOUS_RULE : finding.property();
		};
		int ruleIndex = rule(rules, ruleId, switch (finding.kind()) {
		case PROPERTY -> ruleId.equals(VACUOUS_RULE)
				? "A property holds only because its condition is true in no reachable state"
				: "Property " + finding.property() + (finding.clause() == null ? "" : " (" + finding.clause() + ")");
		case BOUNDS -> "No step overflows a channel or leaves a declared range";
		case DEAD_STEP -> "Every step of the CR text can happen";
		case UNHANDLED -> "Every message that arrives is taken, ignored or deferred by its receiver";
		case UNCOVERED_STATEMENT -> "Every normative statement of the CR is modelled (covers) or declared out of scope";
		});
		JsonObject result = new JsonObject();
		result.addProperty("ruleId", ruleId);
		result.addProperty("ruleIndex", ruleIndex);
		boolean expectedViolation = finding.verdict() == Verdict.VIOLATED && !finding.mismatch();
		String kind;
		String level;
		if (finding.mismatch()) {
			kind = "fail";
			level = "error";
		} else if (finding.verdict() == Verdict.UNKNOWN) {
			kind = "open";
			level = "warning";
		} else if (finding.warning() || finding.vacuous()) {
			kind = "fail";
			level = "warning";
		} else if (expectedViolation) {
			kind = "fail";
			level = "note";
		} else {
			kind = "pass";
			level = "none";
		}
		result.addProperty("kind", kind);
		result.addProperty("level", level);
		JsonObject message = new JsonObject();
		message.addProperty("text", message(finding));
		result.add("message", message);
		JsonArray locations = new JsonArray();
		locations.add(location(finding.file(), finding.line(), finding.column()));
		result.add("locations", locations);
		if (finding.trace() != null) {
			JsonArray related = new JsonArray();
			JsonArray flow = new JsonArray();
			Trace trace = finding.trace();
			for (TraceStep step : trace.steps()) {
				JsonObject text = new JsonObject();
				text.addProperty("text", "step " + step.index() + ": " + step.role() + " " + step.step()
						+ (step.message().isEmpty() ? "" : " — " + step.message()) + ending(trace, step));
				JsonObject where;
				if (step.file() != null) {
					where = location(step.file(), step.line(), 1);
					where.addProperty("id", step.index());
					where.add("message", text);
					related.add(where);
					where = where.deepCopy();
					where.remove("id");
				} else {
					// a fault of a channel is a step of the run (semantics §4.2–§4.4), with no line of its own
					where = new JsonObject();
					where.add("message", text);
				}
				JsonObject flowLocation = new JsonObject();
				flowLocation.add("location", where);
				flowLocation.addProperty("executionOrder", step.index());
				if (trace.ending().kind() == Trace.Ending.Kind.LOOP && step.index() > trace.ending().loopStart()) {
					flowLocation.addProperty("nestingLevel", 1); // the cycle that repeats forever
				}
				flow.add(flowLocation);
			}
			result.add("relatedLocations", related);
			if (!flow.isEmpty()) {
				JsonObject threadFlow = new JsonObject();
				threadFlow.add("locations", flow);
				JsonArray threadFlows = new JsonArray();
				threadFlows.add(threadFlow);
				JsonObject codeFlow = new JsonObject();
				codeFlow.add("threadFlows", threadFlows);
				JsonArray codeFlows = new JsonArray();
				codeFlows.add(codeFlow);
				result.add("codeFlows", codeFlows);
			}
		}
		JsonObject fingerprints = new JsonObject();
		fingerprints.addProperty("shallFinding/v1", fingerprint(fileName(finding.file()) + "|" + finding.procedure() + "|"
				+ finding.kind() + "|" + finding.property() + "|" + finding.options()));
		result.add("partialFingerprints", fingerprints);
		JsonObject properties = new JsonObject();
		properties.addProperty("procedure", finding.procedure());
		properties.addProperty("verdict", finding.verdict().label());
		properties.addProperty("expected", finding.expected());
		properties.addProperty("engine", finding.engine());
		properties.addProperty("bound", finding.bound());
		properties.addProperty("certified", finding.certified());
		properties.addProperty("certificate", finding.certificate().kind());
		properties.addProperty("instances", finding.instances());
		if (!finding.statements().isEmpty()) {
			JsonArray statements = new JsonArray();
			finding.statements().forEach(statements::add);
			properties.add("statements", statements);
		}
		if (finding.vacuity() != null) {
			properties.addProperty("property", finding.property()); // the ruleId may be vacuousProperty
			properties.addProperty("vacuous", finding.vacuous());
			properties.addProperty("vacuity", finding.vacuity().reason());
		}
		JsonObject options = new JsonObject();
		finding.options().forEach(options::addProperty);
		properties.add("options", options);
		if (finding.trace() != null) {
			// the whole run as data, in the one trace format (docs/trace-format.md)
			properties.add("trace", TraceFormat.toJson(finding.traceDocument()));
		}
		result.add("properties", properties);
		return result;
	}

	/** What a step's message adds about how the run ends: where the cycle starts, where it stops. */
	private static String ending(Trace trace, TraceStep step) {
		Trace.Ending ending = trace.ending();
		int length = trace.steps().size();
		if (ending.kind() == Trace.Ending.Kind.LOOP && step.index() == ending.loopStart() + 1) {
			return " (the cycle starts here: " + ending.describe(length) + ")";
		}
		if (ending.kind() == Trace.Ending.Kind.STOPS && step.index() == length) {
			return " (" + ending.describe(length) + ")";
		}
		return "";
	}

	private static String message(Finding finding) {
		String options = finding.options().isEmpty() ? "" : " with " + finding.options();
		String what = switch (finding.kind()) {
		case DEAD_STEP -> finding.verdict() == Verdict.VIOLATED ? "Dead step: " + finding.step() + " can never happen" : "Unknown whether " + finding.property();
		case BOUNDS -> "Declared bounds: " + finding.verdict().label();
		case UNHANDLED -> switch (finding.verdict()) {
		case VIOLATED -> "Unhandled message: " + finding.step() + " finds no step that takes it"
				+ (finding.trace() == null ? "" : " (" + TextReport.receiverState(finding) + ")");
		case HOLDS -> "Every " + finding.step() + " is handled";
		default -> "Unknown whether " + finding.property();
		};
		// the location is the statement's in the CR text (ADR 0016)
		case UNCOVERED_STATEMENT -> "Statement " + finding.property() + " of the CR is covered by no element of "
				+ finding.procedure() + " and not declared out of scope: " + finding.reason();
		default -> finding.property() + " " + finding.verdict().label();
		};
		String expectation = finding.mismatch() ? " (declared: " + finding.expected() + ")"
				: finding.verdict() == Verdict.VIOLATED && finding.kind() != Finding.Kind.DEAD_STEP
						&& !finding.warning() && !"holds".equals(finding.expected()) ? " (as declared)" : "";
		String trace = finding.trace() != null && finding.verdict() == Verdict.VIOLATED
				&& finding.kind() != Finding.Kind.DEAD_STEP ? " by a " + finding.trace().steps().size() + "-step run" : "";
		if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT) {
			return what;
		}
		String crosses = finding.statements().isEmpty() ? "" : " The run crosses " + String.join(", ", finding
				.statements()) + ".";
		String reason = finding.verdict() == Verdict.UNKNOWN && finding.reason() != null ? ": " + finding.reason()
				: finding.vacuous() ? ", vacuously: " + finding.vacuity().reason() : "";
		return what + trace + expectation + options + reason + "." + crosses;
	}

	private JsonObject diagnostic(SourceDiagnostic diagnostic, Map<String, JsonObject> rules) {
		JsonObject result = new JsonObject();
		result.addProperty("ruleId", diagnostic.code());
		result.addProperty("ruleIndex", rule(rules, diagnostic.code(), "Input diagnostic " + diagnostic.code()));
		result.addProperty("kind", "fail");
		result.addProperty("level", switch (diagnostic.severity()) {
		case ERROR -> "error";
		case WARNING -> "warning";
		default -> "note";
		});
		JsonObject message = new JsonObject();
		message.addProperty("text", diagnostic.message());
		result.add("message", message);
		JsonArray locations = new JsonArray();
		locations.add(location(diagnostic.file(), diagnostic.line(), diagnostic.column()));
		result.add("locations", locations);
		JsonObject fingerprints = new JsonObject();
		fingerprints.addProperty("shallDiagnostic/v1", fingerprint(fileName(diagnostic.file()) + "|" + diagnostic.code() + "|"
				+ diagnostic.message()));
		result.add("partialFingerprints", fingerprints);
		return result;
	}

	/** The index of the rule in the driver's list, adding it the first time. */
	private static int rule(Map<String, JsonObject> rules, String id, String description) {
		JsonObject known = rules.get(id);
		if (known != null) {
			return known.get("index").getAsInt();
		}
		JsonObject rule = new JsonObject();
		rule.addProperty("id", id);
		JsonObject text = new JsonObject();
		text.addProperty("text", description);
		rule.add("shortDescription", text);
		// a working field, removed before writing: the insertion order is the index
		rule.addProperty("index", rules.size());
		rules.put(id, rule);
		return rules.size() - 1;
	}

	private JsonObject location(String file, int line, int column) {
		JsonObject artifact = artifactLocation(file);
		JsonObject region = new JsonObject();
		region.addProperty("startLine", Math.max(1, line));
		region.addProperty("startColumn", Math.max(1, column));
		JsonObject physical = new JsonObject();
		physical.add("artifactLocation", artifact);
		physical.add("region", region);
		JsonObject location = new JsonObject();
		location.add("physicalLocation", physical);
		return location;
	}

	/**
	 * A file inside the source root as a relative URI with {@code uriBaseId} {@value #SRCROOT}; a
	 * file outside it as an absolute file URI (no base).
	 */
	JsonObject artifactLocation(String file) {
		JsonObject artifact = new JsonObject();
		Path path;
		try {
			path = Path.of(file).toAbsolutePath().normalize();
		} catch (java.nio.file.InvalidPathException e) {
			artifact.addProperty("uri", uri(file));
			return artifact;
		}
		if (path.startsWith(sourceRoot) && !path.equals(sourceRoot)) {
			StringBuilder relative = new StringBuilder();
			for (Path part : sourceRoot.relativize(path)) {
				relative.append(relative.isEmpty() ? "" : "/").append(part);
			}
			artifact.addProperty("uri", uri(relative.toString()));
			artifact.addProperty("uriBaseId", SRCROOT);
		} else {
			artifact.addProperty("uri", uri(path.toString()));
		}
		return artifact;
	}

	/** A relative path stays relative (with forward slashes); an absolute one becomes a file URI. */
	static String uri(String file) {
		Path path = Path.of(file);
		if (path.isAbsolute()) {
			return path.toUri().toString();
		}
		try {
			return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
		} catch (URISyntaxException e) {
			return file.replace('\\', '/');
		}
	}

	/** The file's own name: fingerprints must not change with the folder a checkout sits in. */
	private static String fileName(String file) {
		Path name = Path.of(file).getFileName();
		return name == null ? file : name.toString();
	}

	private static String fingerprint(String identity) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from the JDK", e);
		}
	}
}
