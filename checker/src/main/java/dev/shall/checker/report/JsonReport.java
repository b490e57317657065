package dev.shall.checker.report;

import dev.shall.checker.text.Escaping;
import java.io.PrintWriter;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.shall.checker.engine.Certificate;
import dev.shall.checker.trace.TraceFormat;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * The machine-readable report; its fields are documented in the README, each result's
 * {@code trace} in {@code docs/trace-format.md} ({@link TraceFormat}). Strings are JSON strings
 * (RFC 8259 §7) with every control and bidirectional formatting character escaped
 * ({@link Escaping#json}).
 */
public final class JsonReport {

	public static final String TOOL = "shall";
	public static final String VERSION = "0.1.0";

	public void write(RunReport report, PrintWriter out) {
		JsonObject root = new JsonObject();
		JsonObject tool = new JsonObject();
		tool.addProperty("name", TOOL);
		tool.addProperty("version", VERSION);
		root.add("tool", tool);
		if (report.shard() != null) {
			// a shard's report says which shard it is and numbers its questions in the whole run (shall merge)
			JsonObject shard = new JsonObject();
			shard.addProperty("index", report.shard().index());
			shard.addProperty("count", report.shard().count());
			root.add("shard", shard);
		}
		JsonArray results = new JsonArray();
		for (int i = 0; i < report.results().size(); i++) {
			JsonObject result = result(report.results().get(i));
			if (report.shard() != null) {
				result.addProperty("question", report.question(i));
			}
			results.add(result);
		}
		root.add("results", results);
		JsonArray diagnostics = new JsonArray();
		for (SourceDiagnostic diagnostic : report.diagnostics()) {
			JsonObject d = new JsonObject();
			d.addProperty("file", diagnostic.file());
			d.addProperty("line", diagnostic.line());
			d.addProperty("column", diagnostic.column());
			d.addProperty("severity", diagnostic.severity().label());
			d.addProperty("code", diagnostic.code());
			d.addProperty("message", diagnostic.message());
			diagnostics.add(d);
		}
		root.add("diagnostics", diagnostics);
		out.println(Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)));
		out.flush();
	}

	/**
	 * The certificate as data: {@code kind}, {@code description}, and what the kind checked (a
	 * depth, a number of states, the loop start, the invariant's clauses); see ADR 0009.
	 */
	static JsonObject certificate(Certificate certificate) {
		JsonObject c = new JsonObject();
		c.addProperty("kind", certificate.kind());
		c.addProperty("description", certificate.describe());
		switch (certificate) {
		case Certificate.ReplayedRun run -> c.addProperty("steps", run.steps());
		case Certificate.AcceptedRun run -> c.addProperty("steps", run.steps());
		case Certificate.ReplayedLasso lasso -> {
			c.addProperty("steps", lasso.steps());
			c.addProperty("loopStart", lasso.loopStart());
		}
		case Certificate.CompletenessBound bound -> c.addProperty("depth", bound.depth());
		case Certificate.InductiveInvariant invariant -> {
			c.addProperty("depth", invariant.depth());
			JsonArray clauses = new JsonArray();
			invariant.clauses().forEach(clauses::add);
			c.add("clauses", clauses);
		}
		case Certificate.InvariantClauses invariant -> {
			JsonArray clauses = new JsonArray();
			invariant.clauses().forEach(clauses::add);
			c.add("clauses", clauses);
		}
		case Certificate.ClosedStateSet set -> c.addProperty("states", set.states());
		case Certificate.ClosedUpToSymmetry set -> {
			c.addProperty("states", set.representatives());
			c.addProperty("steps", set.steps());
			c.addProperty("group", set.group());
		}
		case Certificate.EncodingGraph graph -> {
			c.addProperty("states", graph.states());
			c.addProperty("fair", graph.fair());
		}
		case Certificate.Missing missing -> {
		}
		}
		return c;
	}

	private static JsonObject result(Finding finding) {
		JsonObject r = new JsonObject();
		r.addProperty("file", finding.file());
		r.addProperty("procedure", finding.procedure());
		r.addProperty("property", finding.property());
		r.addProperty("kind", finding.kind().label());
		if (finding.step() != null) {
			// the step, or the arrival (M on c at R), that a dead-step or unhandled-message question is about
			r.addProperty("step", finding.step());
		}
		r.addProperty("clause", finding.clause());
		JsonObject options = new JsonObject();
		finding.options().forEach(options::addProperty);
		r.add("options", options);
		r.addProperty("instances", finding.instances());
		r.addProperty("verdict", finding.verdict().label());
		r.addProperty("expected", finding.expected());
		r.addProperty("engine", finding.engine());
		r.addProperty("bound", finding.bound());
		r.addProperty("certified", finding.certified());
		r.add("certificate", certificate(finding.certificate()));
		r.addProperty("seconds", Math.round(finding.seconds() * 1000) / 1000.0);
		r.addProperty("line", finding.line());
		r.addProperty("column", finding.column());
		if (finding.reason() != null) {
			r.addProperty("reason", finding.reason());
		}
		if (finding.vacuity() != null) {
			// semantics §7.5: asked of every property that holds and has a vacuity condition
			r.addProperty("vacuous", finding.vacuous());
			r.addProperty("vacuity", finding.vacuity().reason());
		}
		if (!finding.statements().isEmpty()) {
			// ADR 0016: the CR statements the verdict is about (the run crosses them, the step covers them)
			JsonArray statements = new JsonArray();
			finding.statements().forEach(statements::add);
			r.add("statements", statements);
		}
		if (finding.trace() != null) {
			// one trace format for every trace shall writes or reads (docs/trace-format.md)
			r.add("trace", TraceFormat.toJson(finding.traceDocument()));
		}
		return r;
	}
}
