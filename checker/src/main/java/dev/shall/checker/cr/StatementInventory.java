package dev.shall.checker.cr;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.shall.checker.text.Escaping;

/**
 * The statements of a CR (ADR 0016): every sentence with a normative keyword, every sentence of
 * possibility, every NOTE and Editor's Note inside its changes, with a stable id, its clause,
 * keywords, the entities it names, its change status and where it is.
 *
 * <p>Ids: within a clause, normative sentences are numbered s1, s2… in document order (deleted ones
 * included, so that a statement has the same id whether the CR is read before or after its
 * changes), possibilities p1…, NOTEs n1…, Editor's Notes e1…. A change in another clause never
 * moves an id; resolving an Editor's Note or editing a NOTE never moves a normative id.
 *
 * @param file       the CR, as given
 * @param spec       the specification it changes, when the CR says so, else null
 * @param clauses    its clauses
 * @param statements in document order
 */
public record StatementInventory(String file, String spec, List<CrDocument.Clause> clauses, List<Statement> statements,
		List<String> roles, List<Step> steps) {

	/** A numbered step of the CR: its clause, label, text, and where. */
	public record Step(String clause, String label, String text, int line, List<String> roles) {
	}

	private static final Pattern KEYWORDS = Pattern.compile(
			"\\b(shall\\s+not|shall|should\\s+not|should|must\\s+not|must|may\\s+not|may|need\\s+not|cannot|can\\s+not|can)\\b",
			Pattern.CASE_INSENSITIVE);

	public StatementInventory {
		clauses = List.copyOf(clauses);
		statements = List.copyOf(statements);
		roles = List.copyOf(roles);
		steps = List.copyOf(steps);
	}

	/**
	 * Reads, parses and inventories the CR at {@code path}.
	 *
	 * @throws CrInputException missing, unreadable, or without a clause (file:line:column)
	 */
	public static StatementInventory of(Path path) throws CrInputException {
		String file = path.toString();
		return of(CrStructureReader.parse(file, CrReader.read(path)));
	}

	/** The inventory of a parsed CR. */
	public static StatementInventory of(CrDocument document) {
		List<Statement> statements = new ArrayList<>();
		Map<String, Integer> counters = new LinkedHashMap<>();
		List<String> roles = new ArrayList<>();
		Map<String, Step> steps = new LinkedHashMap<>();
		for (CrDocument.Block block : document.blocks()) {
			Paragraph paragraph = block.paragraph();
			String content = block.content();
			for (String role : Entities.named(content)) {
				if (!roles.contains(role)) {
					roles.add(role);
				}
			}
			if (block.step() != null) {
				String key = block.clause() + "/" + block.step();
				Step known = steps.get(key);
				if (known == null) {
					steps.put(key, new Step(block.clause(), block.step(), content, paragraph.line(), Entities.named(content)));
				} else if (block.kind() == CrDocument.Kind.STEP) {
					String text = known.text() + " " + content;
					steps.put(key, new Step(known.clause(), known.label(), text, known.line(), Entities.named(text)));
				}
			}
			// positions: the block's content in combined text (deleted runs included)
			String combined = paragraph.combined();
			ChangeStatus[] statuses = paragraph.statuses();
			int[] structureToCombined = structureToCombined(paragraph, statuses);
			int from = structureToCombined[Math.min(block.offset(), structureToCombined.length - 1)];
			if (block.kind() == CrDocument.Kind.NOTE || block.kind() == CrDocument.Kind.EDITORS_NOTE) {
				Statement.Kind kind = block.kind() == CrDocument.Kind.NOTE ? Statement.Kind.NOTE
						: Statement.Kind.EDITORS_NOTE;
				ChangeStatus status = status(statuses, from, combined.length(), block.region(), paragraph.deleted());
				statements.add(statement(document.file(), counters, kind, block, content, keywords(content), status, from, paragraph));
				continue;
			}
			for (int[] sentence : sentences(combined, statuses, from, paragraph.deleted())) {
				String text = combined.substring(sentence[0], sentence[1]);
				if (sentence[2] == 0) {
					// a sentence as the CR leaves it: its deleted runs left out
					text = without(combined, statuses, sentence[0], sentence[1], ChangeStatus.DELETED);
				}
				List<String> keywords = keywords(text);
				Statement.Kind kind = kind(keywords);
				if (kind == null) {
					continue;
				}
				ChangeStatus status = sentence[2] == 1 ? ChangeStatus.DELETED
						: status(statuses, sentence[0], sentence[1], block.region(), paragraph.deleted());
				statements.add(statement(document.file(), counters, kind, block, text, keywords, status, sentence[0], paragraph));
			}
		}
		return new StatementInventory(document.file(), document.spec(), document.clauses(), statements, roles,
				new ArrayList<>(steps.values()));
	}

	private static Statement statement(String file, Map<String, Integer> counters, Statement.Kind kind, CrDocument.Block block,
			String text, List<String> keywords, ChangeStatus status, int offset, Paragraph paragraph) {
		String counter = block.clause() + "/" + kind.prefix();
		int n = counters.merge(counter, 1, Integer::sum);
		// 1-based; in a .docx list item the label the reader put before the text counts too
		int column = offset + 1;
		return new Statement(counter + n, kind, block.clause(), block.step(), keywords, Entities.named(text), status,
				text.strip(), file, paragraph.line(), column, block.references().stream().filter(r -> text.replaceAll(
						"[\\s\\u00A0]+", " ").contains(r)).toList());
	}

	/** Maps each offset of the structure text to its offset in the combined text. */
	private static int[] structureToCombined(Paragraph paragraph, ChangeStatus[] statuses) {
		boolean deleted = paragraph.deleted();
		int[] map = new int[statuses.length + 1];
		int at = 0;
		for (int i = 0; i < statuses.length; i++) {
			if (deleted || statuses[i] != ChangeStatus.DELETED) {
				map[at++] = i;
			}
		}
		map[at] = statuses.length;
		return java.util.Arrays.copyOf(map, at + 1);
	}

	/**
	 * Sentences from {@code from}: those of the text after the CR (deleted runs skipped), then those
	 * of the text before it that are deleted entirely, in order of position; each as {start, end,
	 * deleted?1:0} in combined offsets.
	 */
	private static List<int[]> sentences(String combined, ChangeStatus[] statuses, int from, boolean wholeDeleted) {
		List<int[]> found = new ArrayList<>();
		if (wholeDeleted) {
			for (int[] s : Sentences.split(combined.substring(from))) {
				found.add(new int[] { s[0] + from, s[1] + from, 1 });
			}
			return found;
		}
		for (ChangeStatus left : new ChangeStatus[] { ChangeStatus.DELETED, ChangeStatus.INSERTED }) {
			StringBuilder view = new StringBuilder();
			List<Integer> positions = new ArrayList<>();
			for (int i = from; i < combined.length(); i++) {
				if (statuses[i] != left) {
					view.append(combined.charAt(i));
					positions.add(i);
				}
			}
			for (int[] s : Sentences.split(view.toString())) {
				int start = positions.get(s[0]);
				int end = positions.get(s[1] - 1) + 1;
				if (left == ChangeStatus.DELETED) {
					found.add(new int[] { start, end, 0 });
				} else {
					// the text before the CR: only its sentences that the CR deletes entirely are new here
					boolean allDeleted = true;
					for (int i = s[0]; i < s[1]; i++) {
						if (!Character.isWhitespace(view.charAt(i)) && statuses[positions.get(i)] != ChangeStatus.DELETED) {
							allDeleted = false;
						}
					}
					if (allDeleted) {
						found.add(new int[] { start, end, 1 });
					}
				}
			}
		}
		found.sort((a, b) -> Integer.compare(a[0], b[0]));
		return found;
	}

	private static String without(String combined, ChangeStatus[] statuses, int start, int end, ChangeStatus left) {
		StringBuilder text = new StringBuilder();
		for (int i = start; i < end; i++) {
			if (statuses[i] != left) {
				text.append(combined.charAt(i));
			}
		}
		return text.toString();
	}

	/** Inserted when every character is, modified when some are inserted or deleted, else the region's. */
	private static ChangeStatus status(ChangeStatus[] statuses, int start, int end, ChangeStatus region,
			boolean wholeDeleted) {
		if (wholeDeleted) {
			return ChangeStatus.DELETED;
		}
		boolean inserted = true;
		boolean touched = false;
		for (int i = start; i < end; i++) {
			if (statuses[i] != ChangeStatus.INSERTED) {
				inserted = false;
			}
			if (statuses[i] == ChangeStatus.INSERTED || statuses[i] == ChangeStatus.DELETED) {
				touched = true;
			}
		}
		return end > start && inserted ? ChangeStatus.INSERTED : touched ? ChangeStatus.MODIFIED : region;
	}

	/** The normative keywords of a sentence, in order, each once, lower case with single spaces. */
	static List<String> keywords(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = KEYWORDS.matcher(text);
		while (m.find()) {
			String keyword = m.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
			if (keyword.equals("can not")) {
				keyword = "cannot";
			}
			if (keyword.equals("may") && text.substring(m.start()).matches("(?s)May\\s+\\d.*")) {
				continue; // the month ("May 2016")
			}
			if (!found.contains(keyword)) {
				found.add(keyword);
			}
		}
		return found;
	}

	/** The strongest verbal form's kind (TR 21.801 Annex E), or null for a sentence without one. */
	static Statement.Kind kind(List<String> keywords) {
		if (keywords.stream().anyMatch(k -> k.startsWith("shall") || k.startsWith("must"))) {
			return Statement.Kind.REQUIREMENT;
		}
		if (keywords.stream().anyMatch(k -> k.startsWith("should"))) {
			return Statement.Kind.RECOMMENDATION;
		}
		if (keywords.stream().anyMatch(k -> k.startsWith("may") || k.equals("need not"))) {
			return Statement.Kind.PERMISSION;
		}
		if (keywords.stream().anyMatch(k -> k.equals("can") || k.equals("cannot"))) {
			return Statement.Kind.POSSIBILITY;
		}
		return null;
	}

	/** The statement with this id, or null. */
	public Statement find(String id) {
		for (Statement statement : statements) {
			if (statement.id().equals(id)) {
				return statement;
			}
		}
		return null;
	}

	/** One line per statement: id, kind, status, keywords, roles, location, then the text. */
	public void writeText(PrintWriter out) {
		out.println(Escaping.visible(file + (spec == null ? "" : "  " + spec) + ": " + statements.size() + " statements in "
				+ clauses.size() + (clauses.size() == 1 ? " clause" : " clauses")));
		String clause = null;
		for (Statement s : statements) {
			if (!s.clause().equals(clause)) {
				clause = s.clause();
				String title = clauses.stream().filter(c -> c.number().equals(s.clause())).map(CrDocument.Clause::title)
						.filter(java.util.Objects::nonNull).findFirst().orElse("");
				out.println();
				out.println(Escaping.visible(clause + (title.isEmpty() ? "" : "  " + title)));
			}
			out.println(Escaping.visible(String.format("  %-12s %-14s %-9s %s%s  %s", s.id(), s.kind().label(), s.status()
					.label(), String.join(", ", s.keywords()), s.roles().isEmpty() ? "" : "  [" + String.join(", ", s
							.roles()) + "]", s.location())));
			out.println(Escaping.visible("               " + s.text()));
		}
		out.flush();
	}

	/** The inventory as JSON: {@code file}, {@code spec}, {@code clauses}, {@code statements}. */
	public JsonObject toJson() {
		JsonObject root = new JsonObject();
		root.addProperty("file", file);
		root.addProperty("spec", spec);
		JsonArray clauseArray = new JsonArray();
		for (CrDocument.Clause c : clauses) {
			JsonObject o = new JsonObject();
			o.addProperty("number", c.number());
			o.addProperty("title", c.title());
			o.addProperty("line", c.line());
			clauseArray.add(o);
		}
		root.add("clauses", clauseArray);
		JsonArray array = new JsonArray();
		for (Statement s : statements) {
			array.add(toJson(s));
		}
		root.add("statements", array);
		return root;
	}

	/** One statement as JSON. */
	public static JsonObject toJson(Statement s) {
		JsonObject o = new JsonObject();
		o.addProperty("id", s.id());
		o.addProperty("kind", s.kind().label());
		o.addProperty("clause", s.clause());
		if (s.step() != null) {
			o.addProperty("step", s.step());
		}
		JsonArray keywords = new JsonArray();
		s.keywords().forEach(keywords::add);
		o.add("keywords", keywords);
		JsonArray roles = new JsonArray();
		s.roles().forEach(roles::add);
		o.add("roles", roles);
		o.addProperty("status", s.status().label());
		o.addProperty("text", s.text());
		o.addProperty("file", s.file());
		o.addProperty("line", s.line());
		o.addProperty("column", s.column());
		JsonArray references = new JsonArray();
		s.references().forEach(references::add);
		o.add("references", references);
		return o;
	}

	/** {@link #toJson()} written out, strings escaped as the reports escape them. */
	public void writeJson(PrintWriter out) {
		out.println(Escaping.json(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
				.toJson(toJson())));
		out.flush();
	}
}
