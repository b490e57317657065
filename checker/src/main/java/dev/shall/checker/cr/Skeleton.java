package dev.shall.checker.cr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A skeleton {@code .shall} for a CR: a start an author edits, not a model. It holds the procedure
 * with its spec and first clause, a {@code cr} line naming the CR, a role per entity the CR names,
 * one step per numbered step (its label, its clause, its text as the description, its first named
 * entity as the actor), one {@code option} per Editor's Note, and every statement of the inventory as
 * a comment under its clause, to be modelled ({@code covers}) or declared {@code out of scope}.
 *
 * <p>The skeleton parses and validates: names are made valid identifiers ("LWIP-SeGW" becomes the
 * role {@code LWIP_SeGW} with the display name "LWIP-SeGW"), labels unique (a label that two
 * clauses use is prefixed with its clause), strings escaped.
 */
public final class Skeleton {

	private Skeleton() {
	}

	/**
	 * The skeleton's text.
	 *
	 * @param inventory the CR's inventory
	 * @param crPath    the CR as the skeleton's {@code cr} line names it (relative to the skeleton's
	 *                  folder)
	 * @param name      the procedure's name, or null to make one from the first clause's title
	 * @param spec      the specification, or null for the one the CR names (if any)
	 */
	public static String write(StatementInventory inventory, String crPath, String name, String spec) {
		StringBuilder out = new StringBuilder();
		CrDocument.Clause first = inventory.clauses().get(0);
		String procedure = name != null ? name : procedureName(first);
		String theSpec = spec != null ? spec : inventory.spec();
		out.append("// Skeleton written by `shall import` from ").append(comment(inventory.file())).append('\n');
		out.append("// A start to edit, not a model: give the roles their variables, the steps their messages and\n");
		out.append("// effects, write the properties, and mark what each element models with covers \"<id>\" (or\n");
		out.append("// out of scope \"<id>\" \"why\"). `shall coverage` lists the statements still uncovered.\n");
		out.append("procedure ").append(procedure);
		if (theSpec != null) {
			out.append(" spec ").append(string(theSpec));
		}
		out.append(" clause ").append(string(first.number()));
		if (first.title() != null) {
			out.append(' ').append(string(first.title()));
		}
		out.append("\n\ncr ").append(string(crPath)).append("\n\n");

		int notes = 0;
		for (Statement s : inventory.statements()) {
			if (s.kind() == Statement.Kind.EDITORS_NOTE) {
				notes++;
				out.append("// ").append(s.id()).append(": the note leaves the text open; yes and no are the two readings\n");
				out.append("option editorsNote").append(notes).append(' ').append(string(s.text())).append(" clause ")
						.append(string(s.clause())).append(" { yes, no }\n");
			}
		}
		if (notes > 0) {
			out.append('\n');
		}
		Map<String, String> roleIds = new LinkedHashMap<>();
		List<String> roles = new ArrayList<>(inventory.roles());
		if (roles.isEmpty()) {
			roles.add("Network");
		}
		for (String role : roles) {
			String id = identifier(role);
			roleIds.put(role, id);
			out.append("role ").append(id);
			if (!id.equals(role)) {
				out.append(' ').append(string(role));
			}
			out.append(" { }\n");
		}
		out.append('\n');
		Set<String> labels = new HashSet<>();
		Map<String, Integer> uses = new LinkedHashMap<>();
		inventory.steps().forEach(s -> uses.merge(s.label(), 1, Integer::sum));
		for (StatementInventory.Step step : inventory.steps()) {
			String label = label(step.label());
			if (uses.get(step.label()) > 1 || !labels.add(label)) {
				label = label(step.clause() + "." + step.label());
				labels.add(label);
			}
			String actor = step.roles().isEmpty() ? roleIds.values().iterator().next() : roleIds.get(step.roles().get(0));
			String strength = StatementInventory.kind(StatementInventory.keywords(step.text())) == Statement.Kind.PERMISSION
					? "may" : "shall";
			out.append("step ").append(label).append(" clause ").append(string(step.clause() + " step " + step.label()))
					.append(": ").append(actor).append(' ').append(strength).append(' ').append(string(step.text()))
					.append('\n');
		}
		if (!inventory.steps().isEmpty()) {
			out.append('\n');
		}
		out.append("// The statements of the CR (shall import's inventory), none modelled yet:\n");
		String clause = null;
		for (Statement s : inventory.statements()) {
			if (!s.clause().equals(clause)) {
				clause = s.clause();
				String c = clause;
				String title = inventory.clauses().stream().filter(k -> k.number().equals(c)).map(CrDocument.Clause::title)
						.filter(java.util.Objects::nonNull).findFirst().orElse("");
				out.append("//\n// ").append(comment(clause + (title.isEmpty() ? "" : "  " + title))).append('\n');
			}
			out.append("//   ").append(s.id()).append("  ").append(s.kind().label()).append(s.keywords().isEmpty() ? ""
					: " (" + String.join(", ", s.keywords()) + ")").append(s.step() == null ? "" : ", step " + s.step())
					.append(", ").append(s.status().label()).append('\n');
			out.append("//     ").append(comment(s.text())).append('\n');
		}
		return out.toString();
	}

	/** The CR's path as the skeleton in {@code folder} names it: relative when it can be. */
	public static String relative(Path folder, Path cr) {
		try {
			return folder.toAbsolutePath().normalize().relativize(cr.toAbsolutePath().normalize()).toString().replace('\\',
					'/');
		} catch (IllegalArgumentException e) {
			return cr.toAbsolutePath().toString();
		}
	}

	/** "UE to LWIP-SeGW interaction for setting up" → UeToLwipSeGWInteractionFor… (at most 6 words). */
	static String procedureName(CrDocument.Clause clause) {
		StringBuilder name = new StringBuilder();
		if (clause.title() != null) {
			int words = 0;
			for (String word : clause.title().split("[^A-Za-z0-9]+")) {
				if (word.isEmpty() || words == 6) {
					continue;
				}
				words++;
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
			name.insert(0, "Clause" + clause.number().replaceAll("[^A-Za-z0-9]", "_"));
		}
		return name.toString();
	}

	/** A valid identifier of the language for an entity name: "LWIP-SeGW" → LWIP_SeGW. */
	static String identifier(String name) {
		String id = name.replaceAll("[^A-Za-z0-9_]", "_");
		if (id.isEmpty() || !Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
			id = "_" + id;
		}
		// words of the language are not names (a role called "key" would be, through ValidID, but
		// plain identifiers are safer for an author to edit)
		return KEYWORDS.contains(id.toLowerCase(Locale.ROOT)) ? id + "_" : id;
	}

	private static final Set<String> KEYWORDS = Set.of("procedure", "role", "step", "event", "option", "channel",
			"message", "property", "shall", "may", "when", "receive", "send", "on", "as", "if", "else", "true", "false",
			"none", "not", "and", "or", "implies", "always", "never", "agree", "fresh", "each", "expect", "holds",
			"violated", "instances", "import", "rules", "rule", "enum", "key", "var", "bool", "spec", "clause", "cr",
			"covers", "out", "of", "scope", "at", "either", "delete");

	/** A step label of the language: parts of digits (then letters) or letters, joined by dots. */
	static String label(String text) {
		StringBuilder label = new StringBuilder();
		for (String part : text.split("[^A-Za-z0-9]+")) {
			if (part.isEmpty()) {
				continue;
			}
			if (label.length() > 0) {
				label.append('.');
			}
			// "1a" is a part; "a1" too (an ID); "1a2" is not: keep digits then letters
			label.append(part.matches("[0-9]+[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[A-Za-z_][A-Za-z0-9_]*") ? part : "_" + part);
		}
		return label.isEmpty() ? "step" : label.toString();
	}

	/** A string literal of the language. */
	static String string(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ") + "\"";
	}

	private static String comment(String text) {
		return text.replace('\n', ' ').replace('\r', ' ');
	}
}
