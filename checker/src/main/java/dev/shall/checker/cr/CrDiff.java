package dev.shall.checker.cr;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.shall.checker.report.Finding;
import dev.shall.checker.report.RevisionDiff;
import dev.shall.checker.text.Escaping;
import dev.shall.model.Option;
import dev.shall.model.Procedure;
import dev.shall.model.Property;
import dev.shall.model.Transition;
import dev.shall.model.TransitionKind;

/**
 * The statements that differ between two revisions of a CR (ADR 0016). Statements are matched
 * first by their text (a statement whose id moved because another was inserted before it in its
 * clause is {@link Change#MOVED}, not changed), then the rest by similar text in the same clause
 * (at least {@value #SIMILAR} of their words in common, Jaccard: an edited sentence, a typo fixed),
 * then by id ({@link Change#CHANGED} both); what is left is {@link Change#ADDED} or
 * {@link Change#REMOVED}.
 *
 * @param entries the statements that differ, in the new revision's order, then the removed ones
 */
public record CrDiff(String before, String after, List<Entry> entries) {

	/** How a statement differs. */
	public enum Change {
		ADDED, REMOVED, CHANGED, MOVED;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/**
	 * @param old      the statement in the old revision, null when added
	 * @param now      the statement in the new revision, null when removed
	 * @param verdicts the verdicts that changed with it: "property p: holds → violated", for the
	 *                 elements that cover it in either model (filled by {@link #withVerdicts})
	 */
	public record Entry(Change change, Statement old, Statement now, List<String> verdicts) {
		public Entry {
			verdicts = List.copyOf(verdicts);
		}

		/** The id in the new revision, or in the old one when removed. */
		public String id() {
			return now != null ? now.id() : old.id();
		}
	}

	public CrDiff {
		entries = List.copyOf(entries);
	}

	/** The statements of {@code now} that differ from those of {@code old}. */
	public static CrDiff of(StatementInventory old, StatementInventory now) {
		List<Statement> unmatchedOld = new ArrayList<>(old.statements());
		Map<Statement, Statement> matched = new LinkedHashMap<>();
		List<Statement> unmatchedNew = new ArrayList<>();
		for (Statement s : now.statements()) {
			Statement same = unmatchedOld.stream().filter(o -> normal(o.text()).equals(normal(s.text()))
					&& o.clause().equals(s.clause())).findFirst().orElse(null);
			if (same == null) {
				same = unmatchedOld.stream().filter(o -> normal(o.text()).equals(normal(s.text()))).findFirst().orElse(null);
			}
			if (same != null) {
				unmatchedOld.remove(same);
				matched.put(s, same);
			} else {
				unmatchedNew.add(s);
			}
		}
		List<Entry> entries = new ArrayList<>();
		for (Statement s : now.statements()) {
			Statement was = matched.get(s);
			if (was != null) {
				if (!was.id().equals(s.id())) {
					entries.add(new Entry(Change.MOVED, was, s, List.of()));
				}
				continue;
			}
			Statement sameId = null;
			double best = SIMILAR;
			for (Statement o : unmatchedOld) {
				double similarity = similarity(o.text(), s.text());
				if (o.clause().equals(s.clause()) && similarity >= best) {
					best = similarity;
					sameId = o;
				}
			}
			if (sameId == null) {
				sameId = unmatchedOld.stream().filter(o -> o.id().equals(s.id())).findFirst().orElse(null);
			}
			if (sameId != null) {
				unmatchedOld.remove(sameId);
				entries.add(new Entry(Change.CHANGED, sameId, s, List.of()));
			} else {
				entries.add(new Entry(Change.ADDED, null, s, List.of()));
			}
		}
		for (Statement o : unmatchedOld) {
			entries.add(new Entry(Change.REMOVED, o, null, List.of()));
		}
		return new CrDiff(old.file(), now.file(), entries);
	}

	/** The share of words two sentences have in common for an edit of one into the other. */
	static final double SIMILAR = 0.6;

	/** Jaccard similarity of the sentences' sets of words (lower case). */
	static double similarity(String a, String b) {
		Set<String> left = new HashSet<>(List.of(normal(a).split("[^a-z0-9]+")));
		Set<String> right = new HashSet<>(List.of(normal(b).split("[^a-z0-9]+")));
		Set<String> union = new HashSet<>(left);
		union.addAll(right);
		left.retainAll(right);
		return union.isEmpty() ? 1 : (double) left.size() / union.size();
	}

	/** Text compared without differences of white space and case of the spelling ("LWIP-SEGW"). */
	private static String normal(String text) {
		return text.replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * This diff with, per statement, the verdicts that changed with it: the entries of
	 * {@code verdicts} that are not unchanged and whose element ("property p", "step 5") covers the
	 * statement (its old id in the old model, its new id in the new one).
	 */
	public CrDiff withVerdicts(Procedure oldModel, Procedure newModel, List<RevisionDiff.Entry> verdicts) {
		Map<String, Set<String>> oldCovers = coversByElement(oldModel);
		Map<String, Set<String>> newCovers = coversByElement(newModel);
		List<Entry> linked = new ArrayList<>();
		for (Entry entry : entries) {
			List<String> changed = new ArrayList<>();
			for (RevisionDiff.Entry verdict : verdicts) {
				if (verdict.change() == RevisionDiff.Change.UNCHANGED) {
					continue;
				}
				String element = verdict.kind() == Finding.Kind.DEAD_STEP ? verdict.step() : "property " + verdict
						.property();
				boolean covers = entry.old() != null && oldCovers.getOrDefault(element, Set.of()).contains(entry.old().id())
						|| entry.now() != null && newCovers.getOrDefault(element, Set.of()).contains(entry.now().id());
				if (covers) {
					changed.add(element + (verdict.options().isEmpty() ? "" : " " + verdict.options()) + ": " + verdict
							.change().label() + " (" + label(verdict.before()) + " → " + label(verdict.after()) + ")");
				}
			}
			linked.add(new Entry(entry.change(), entry.old(), entry.now(), changed));
		}
		return new CrDiff(before, after, linked);
	}

	private static String label(dev.shall.checker.engine.Verdict verdict) {
		return verdict == null ? "absent" : verdict.label();
	}

	/** "step 5", "event rlf", "option o", "property p" → the ids they cover. */
	public static Map<String, Set<String>> coversByElement(Procedure procedure) {
		Map<String, Set<String>> covers = new LinkedHashMap<>();
		if (procedure == null) {
			return covers;
		}
		for (Option o : procedure.getOptions()) {
			covers.computeIfAbsent("option " + o.getName(), k -> new HashSet<>()).addAll(o.getCovers());
		}
		for (Transition t : procedure.getTransitions()) {
			String what = (t.getKind() == TransitionKind.ENVIRONMENT ? "event " : "step ") + t.getName();
			covers.computeIfAbsent(what, k -> new HashSet<>()).addAll(t.getCovers());
		}
		for (Property p : procedure.getProperties()) {
			covers.computeIfAbsent("property " + p.getName(), k -> new HashSet<>()).addAll(p.getCovers());
		}
		return covers;
	}

	/** One line per statement that differs, its text(s), and the verdicts that changed with it. */
	public void writeText(PrintWriter out) {
		out.println(Escaping.visible("Statements of " + after + " against " + before + ": " + entries.size()
				+ " differ"));
		for (Entry e : entries) {
			String ids = e.change() == Change.MOVED || e.change() == Change.CHANGED && !e.old().id().equals(e.now().id())
					? e.old().id() + " → " + e.now().id() : e.id();
			out.println(Escaping.visible(String.format("  %-8s %s", e.change().label(), ids)));
			if (e.old() != null && e.change() != Change.MOVED) {
				out.println(Escaping.visible("           - " + e.old().text()));
			}
			if (e.now() != null) {
				out.println(Escaping.visible("           + " + e.now().text()));
			}
			for (String verdict : e.verdicts()) {
				out.println(Escaping.visible("           verdict " + verdict));
			}
		}
		out.flush();
	}

	/** As JSON: old, new, and the statements that differ. */
	public JsonObject toJson() {
		JsonObject root = new JsonObject();
		root.addProperty("old", before);
		root.addProperty("new", after);
		JsonArray array = new JsonArray();
		for (Entry e : entries) {
			JsonObject o = new JsonObject();
			o.addProperty("change", e.change().label());
			o.addProperty("id", e.id());
			if (e.old() != null) {
				o.addProperty("oldId", e.old().id());
				o.addProperty("oldText", e.old().text());
			}
			if (e.now() != null) {
				o.addProperty("newText", e.now().text());
				o.addProperty("line", e.now().line());
				o.addProperty("column", e.now().column());
			}
			JsonArray verdicts = new JsonArray();
			e.verdicts().forEach(verdicts::add);
			o.add("verdicts", verdicts);
			array.add(o);
		}
		root.add("statements", array);
		return root;
	}
}
