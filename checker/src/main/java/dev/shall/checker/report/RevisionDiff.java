package dev.shall.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.shall.checker.engine.Verdict;

/**
 * Compares the findings of two revisions of a procedure, property by property (matched by kind,
 * name and option combination): fixed, broken, unchanged, new or removed.
 */
public final class RevisionDiff {

	public enum Change {
		FIXED, BROKEN, UNCHANGED, NEW, REMOVED;

		public String label() {
			return name().toLowerCase();
		}
	}

	/**
	 * @param step          for a dead-step question, the step or event asked about; null otherwise
	 * @param vacuousBefore whether the old revision's verdict holds only vacuously (semantics §7.5)
	 * @param vacuousAfter  the same for the new revision
	 */
	public record Entry(String property, Finding.Kind kind, String step, Map<String, String> options, Change change,
			Verdict before, Verdict after, boolean vacuousBefore, boolean vacuousAfter) {

		/** An entry with no vacuous verdict on either side. */
		public Entry(String property, Finding.Kind kind, String step, Map<String, String> options, Change change,
				Verdict before, Verdict after) {
			this(property, kind, step, options, change, before, after, false, false);
		}
	}

	public List<Entry> compare(RunReport before, RunReport after) {
		Map<String, Finding> old = index(before);
		Map<String, Finding> now = index(after);
		List<Entry> entries = new ArrayList<>();
		for (Map.Entry<String, Finding> entry : old.entrySet()) {
			Finding was = entry.getValue();
			Finding is = now.get(entry.getKey());
			if (is == null) {
				entries.add(new Entry(was.property(), was.kind(), was.step(), was.options(), Change.REMOVED, was.verdict(), null,
						was.vacuous(), false));
			} else {
				entries.add(new Entry(was.property(), was.kind(), was.step(), was.options(), change(was.verdict(), is.verdict()), was
						.verdict(), is.verdict(), was.vacuous(), is.vacuous()));
			}
		}
		for (Map.Entry<String, Finding> entry : now.entrySet()) {
			if (!old.containsKey(entry.getKey())) {
				Finding is = entry.getValue();
				entries.add(new Entry(is.property(), is.kind(), is.step(), is.options(), Change.NEW, null, is.verdict(), false,
						is.vacuous()));
			}
		}
		return entries;
	}

	private static Change change(Verdict before, Verdict after) {
		if (before == after) {
			return Change.UNCHANGED;
		}
		if (before == Verdict.VIOLATED && after == Verdict.HOLDS) {
			return Change.FIXED;
		}
		if (before == Verdict.HOLDS && after == Verdict.VIOLATED) {
			return Change.BROKEN;
		}
		return Change.UNCHANGED;
	}

	private static Map<String, Finding> index(RunReport report) {
		Map<String, Finding> index = new LinkedHashMap<>();
		for (Finding finding : report.results()) {
			if (finding.kind() == Finding.Kind.UNCOVERED_STATEMENT) {
				continue; // not a verdict: the CR's statements are compared apart (CrDiff)
			}
			index.put(finding.kind() + "|" + finding.property() + "|" + finding.options(), finding);
		}
		return index;
	}

	/** One paragraph a spec author can paste into a CR discussion. */
	public static String summary(List<Entry> entries) {
		Map<Change, List<String>> names = new LinkedHashMap<>();
		for (Entry entry : entries) {
			String name = (entry.kind() == Finding.Kind.DEAD_STEP ? entry.step() + " (reachable)"
					: entry.property()) + (entry.options().isEmpty() ? "" : " " + entry.options());
			names.computeIfAbsent(entry.change(), c -> new ArrayList<>()).add(name);
		}
		StringBuilder text = new StringBuilder();
		text.append(String.format("Of %d verdicts, the new revision fixes %d, breaks %d and leaves %d unchanged; %d are"
				+ " new and %d removed.", entries.size(), size(names, Change.FIXED), size(names, Change.BROKEN), size(
						names, Change.UNCHANGED), size(names, Change.NEW), size(names, Change.REMOVED)));
		for (Change change : List.of(Change.FIXED, Change.BROKEN)) {
			if (names.containsKey(change)) {
				text.append(' ').append(change == Change.FIXED ? "Fixed: " : "Broken: ").append(String.join("; ", names
						.get(change))).append('.');
			}
		}
		// semantics §7.5: a property that holds only vacuously is a warning, in the diff too
		List<String> vacuous = entries.stream().filter(Entry::vacuousAfter).map(e -> e.property() + (e.options()
				.isEmpty() ? "" : " " + e.options()) + (e.vacuousBefore() ? "" : " (newly)")).toList();
		if (!vacuous.isEmpty()) {
			text.append(' ').append(vacuous.size()).append(vacuous.size() == 1 ? " holds" : " hold").append(
					" only vacuously in the new revision: ").append(String.join("; ", vacuous)).append('.');
		}
		return text.toString();
	}

	private static int size(Map<Change, List<String>> names, Change change) {
		return names.getOrDefault(change, List.of()).size();
	}
}
