package dev.shall.checker.cr;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.shall.checker.engine.Certificate;
import dev.shall.checker.engine.Verdict;
import dev.shall.checker.report.Finding;
import dev.shall.checker.text.Escaping;
import dev.shall.model.Element;
import dev.shall.model.Option;
import dev.shall.model.OutOfScope;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.SourceLocation;
import dev.shall.model.Transition;
import dev.shall.model.TransitionKind;
import dev.shall.model.frontend.SourceDiagnostic;

/**
 * Which statements of a CR a procedure models (ADR 0016): each statement of the inventory is
 * covered (some step, event, option or property says {@code covers} it), out of scope (the
 * procedure says {@code out of scope} with a reason) or uncovered.
 *
 * <p>The figure counts the statements that are warnings when uncovered — requirements,
 * recommendations, permissions and Editor's Notes ({@link Statement.Kind#warnsUncovered()}) —:
 * {@code covered / (counted − out of scope)}, the share of the statements in scope that the model
 * covers; NOTEs and possibilities are listed with their state but not counted.
 *
 * @param procedure   the procedure's name
 * @param modelFile   the .shall file
 * @param inventory   the CR's inventory
 * @param entries     one per statement, in the inventory's order
 * @param diagnostics warnings for ids the CR does not have ({@code shall.unknown-statement}), at the
 *                    model element that names them
 */
public record Coverage(String procedure, String modelFile, StatementInventory inventory, List<Entry> entries,
		List<SourceDiagnostic> diagnostics) {

	/** The code of a statement id the CR does not have. */
	public static final String UNKNOWN_STATEMENT = "shall.unknown-statement";

	/** A statement's state. */
	public enum State {
		COVERED("covered"), OUT_OF_SCOPE("out of scope"), UNCOVERED("uncovered");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * @param elements the model elements that cover it ("step 5", "property keysAgree"), when covered
	 * @param reason   why it is out of scope, when it is
	 */
	public record Entry(Statement statement, State state, List<String> elements, String reason) {
		public Entry {
			elements = List.copyOf(elements);
		}
	}

	public Coverage {
		entries = List.copyOf(entries);
		diagnostics = List.copyOf(diagnostics);
	}

	/**
	 * The CR a procedure is checked against: {@code override} (--cr) when given, else the
	 * procedure's {@code cr "…"} resolved against the folder of its .shall file; null when neither.
	 */
	public static Path crPath(Procedure procedure, Path modelFile, Path override) {
		if (override != null) {
			return override;
		}
		if (procedure.getCr() == null || procedure.getCr().isBlank()) {
			return null;
		}
		Path folder = modelFile.toAbsolutePath().getParent();
		Path cr = Path.of(procedure.getCr());
		Path resolved = folder == null || cr.isAbsolute() ? cr : folder.resolve(cr).normalize();
		// relative to the working directory when the model file was given relatively, as reports name files
		Path here = Path.of("").toAbsolutePath();
		return resolved.startsWith(here) ? here.relativize(resolved) : resolved;
	}

	/** The coverage of {@code inventory} by {@code procedure}. */
	public static Coverage of(Procedure procedure, String modelFile, StatementInventory inventory) {
		Map<String, List<String>> covering = new LinkedHashMap<>();
		List<SourceDiagnostic> diagnostics = new ArrayList<>();
		for (Option option : procedure.getOptions()) {
			note(covering, option.getCovers(), "option " + option.getName(), option, inventory, modelFile, diagnostics);
		}
		for (Transition transition : procedure.getTransitions()) {
			if (transition.getKind() == TransitionKind.STEP || transition.getKind() == TransitionKind.ENVIRONMENT) {
				String what = (transition.getKind() == TransitionKind.ENVIRONMENT ? "event " : "step ") + transition
						.getName();
				note(covering, transition.getCovers(), what, transition, inventory, modelFile, diagnostics);
			}
		}
		for (Property property : procedure.getProperties()) {
			note(covering, property.getCovers(), "property " + property.getName(), property, inventory, modelFile,
					diagnostics);
		}
		Map<String, String> outOfScope = new LinkedHashMap<>();
		for (OutOfScope out : procedure.getOutOfScope()) {
			outOfScope.putIfAbsent(out.getStatement(), out.getReason());
			if (inventory.find(out.getStatement()) == null) {
				diagnostics.add(unknown(out.getStatement(), out, inventory, modelFile));
			}
		}
		List<Entry> entries = new ArrayList<>();
		for (Statement statement : inventory.statements()) {
			List<String> elements = covering.getOrDefault(statement.id(), List.of());
			String reason = outOfScope.get(statement.id());
			State state = !elements.isEmpty() ? State.COVERED : reason != null ? State.OUT_OF_SCOPE : State.UNCOVERED;
			entries.add(new Entry(statement, state, elements, reason));
		}
		return new Coverage(procedure.getName(), modelFile, inventory, entries, diagnostics);
	}

	/**
	 * The coverage of one CR by several procedures together (a seed checked in an entry point and
	 * companion files): a statement is covered when one of them covers it (its elements named
	 * {@code file: element}), out of scope when none covers it and one declares it out of scope
	 * (the reasons joined), uncovered otherwise.
	 *
	 * @param parts at least one coverage, all of the same CR (the same {@link StatementInventory#file()})
	 * @throws IllegalArgumentException for no parts, or parts of different CRs
	 */
	public static Coverage together(List<Coverage> parts) {
		if (parts.isEmpty() || parts.stream().map(c -> c.inventory().file()).distinct().count() != 1) {
			throw new IllegalArgumentException("coverages of one CR, at least one");
		}
		StatementInventory inventory = parts.get(0).inventory();
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < inventory.statements().size(); i++) {
			Statement statement = inventory.statements().get(i);
			List<String> elements = new ArrayList<>();
			List<String> reasons = new ArrayList<>();
			for (Coverage part : parts) {
				Entry entry = part.entries().get(i);
				entry.elements().forEach(e -> elements.add(part.modelFile() + ": " + e));
				if (entry.reason() != null && !reasons.contains(entry.reason())) {
					reasons.add(entry.reason());
				}
			}
			State state = !elements.isEmpty() ? State.COVERED : !reasons.isEmpty() ? State.OUT_OF_SCOPE : State.UNCOVERED;
			entries.add(new Entry(statement, state, elements, state == State.OUT_OF_SCOPE ? String.join("; ", reasons)
					: null));
		}
		List<SourceDiagnostic> diagnostics = new ArrayList<>();
		parts.forEach(p -> diagnostics.addAll(p.diagnostics()));
		return new Coverage(String.join(" + ", parts.stream().map(Coverage::procedure).toList()), parts.size()
				+ " files together", inventory, entries, diagnostics);
	}

	private static void note(Map<String, List<String>> covering, List<String> ids, String what, Element element,
			StatementInventory inventory, String modelFile, List<SourceDiagnostic> diagnostics) {
		for (String id : ids) {
			covering.computeIfAbsent(id, k -> new ArrayList<>()).add(what);
			if (inventory.find(id) == null) {
				diagnostics.add(unknown(id, element, inventory, modelFile));
			}
		}
	}

	private static SourceDiagnostic unknown(String id, Element element, StatementInventory inventory, String modelFile) {
		SourceLocation at = element.getLocation();
		return new SourceDiagnostic(SourceDiagnostic.Severity.WARNING, UNKNOWN_STATEMENT, "statement " + id
				+ " is not in the CR " + inventory.file() + " (shall import lists its statements)", at == null
						|| at.getFile() == null ? modelFile : at.getFile(), at == null ? 1 : at.getLine(), at == null ? 1
								: at.getColumn());
	}

	/** The statements counted in the figure. */
	public long counted() {
		return entries.stream().filter(e -> e.statement().kind().warnsUncovered()).count();
	}

	/** Counted statements in {@code state}. */
	public long count(State state) {
		return entries.stream().filter(e -> e.statement().kind().warnsUncovered() && e.state() == state).count();
	}

	/** covered / (counted − out of scope), in [0, 1]; 1 when nothing is in scope. */
	public double figure() {
		long inScope = counted() - count(State.OUT_OF_SCOPE);
		return inScope == 0 ? 1.0 : (double) count(State.COVERED) / inScope;
	}

	/** "2 of 3 statements in scope covered (67%), 1 out of scope, 1 uncovered". */
	public String summary() {
		long inScope = counted() - count(State.OUT_OF_SCOPE);
		return String.format("%d of %d statement%s in scope covered (%d%%), %d out of scope, %d uncovered", count(
				State.COVERED), inScope, inScope == 1 ? "" : "s", Math.round(figure() * 100), count(State.OUT_OF_SCOPE),
				count(State.UNCOVERED));
	}

	/**
	 * The uncovered statements that warn, as findings of kind {@link Finding.Kind#UNCOVERED_STATEMENT}
	 * located in the CR text, so that every report format shows them.
	 */
	public List<Finding> findings() {
		List<Finding> findings = new ArrayList<>();
		for (Entry entry : entries) {
			Statement s = entry.statement();
			if (entry.state() == State.UNCOVERED && s.kind().warnsUncovered()) {
				findings.add(new Finding(s.file(), procedure, s.id(), Finding.Kind.UNCOVERED_STATEMENT, null, s.clause(),
						Map.of(), 1, Verdict.VIOLATED, "holds", "coverage", 0, new Certificate.Missing(
								"coverage is read from the model, not checked"), 0, s.text(), null, s.line(), s.column(),
						null, List.of(s.id())));
			}
		}
		return findings;
	}

	/** The report for people: the figure, then one line per statement. */
	public void writeText(PrintWriter out) {
		out.println(Escaping.visible(modelFile + "  " + procedure + "  against " + inventory.file()));
		out.println(Escaping.visible("  " + summary()));
		for (Entry entry : entries) {
			Statement s = entry.statement();
			String state = switch (entry.state()) {
			case COVERED -> "covered by " + String.join(", ", entry.elements());
			case OUT_OF_SCOPE -> "out of scope: " + entry.reason();
			case UNCOVERED -> s.kind().warnsUncovered() ? "UNCOVERED" : "uncovered (" + s.kind().label() + ")";
			};
			out.println(Escaping.visible(String.format("  %-12s %-40s %s", s.id(), state, abbreviate(s.text()))));
		}
		diagnostics.forEach(d -> out.println(Escaping.visible(d.toString())));
		out.flush();
	}

	private static String abbreviate(String text) {
		return text.length() <= 90 ? text : text.substring(0, 87) + "...";
	}

	/** As JSON: procedure, file, cr, counts, figure, and per statement its state. */
	public JsonObject toJson() {
		JsonObject o = new JsonObject();
		o.addProperty("procedure", procedure);
		o.addProperty("file", modelFile);
		o.addProperty("cr", inventory.file());
		o.addProperty("counted", counted());
		o.addProperty("covered", count(State.COVERED));
		o.addProperty("outOfScope", count(State.OUT_OF_SCOPE));
		o.addProperty("uncovered", count(State.UNCOVERED));
		o.addProperty("figure", Math.round(figure() * 1000) / 1000.0);
		JsonArray statements = new JsonArray();
		for (Entry entry : entries) {
			JsonObject s = StatementInventory.toJson(entry.statement());
			s.addProperty("state", entry.state().label());
			JsonArray elements = new JsonArray();
			entry.elements().forEach(elements::add);
			s.add("coveredBy", elements);
			if (entry.reason() != null) {
				s.addProperty("reason", entry.reason());
			}
			statements.add(s);
		}
		o.add("statements", statements);
		JsonArray warnings = new JsonArray();
		for (SourceDiagnostic d : diagnostics) {
			JsonObject w = new JsonObject();
			w.addProperty("file", d.file());
			w.addProperty("line", d.line());
			w.addProperty("column", d.column());
			w.addProperty("code", d.code());
			w.addProperty("message", d.message());
			warnings.add(w);
		}
		o.add("diagnostics", warnings);
		return o;
	}
}
