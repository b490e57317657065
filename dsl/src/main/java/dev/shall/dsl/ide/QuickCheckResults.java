package dev.shall.dsl.ide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.inject.Singleton;

import dev.shall.model.check.CheckMark;

/**
 * The marks of the latest quick check, per document and per question (a property, a step or
 * event, the bounds): the structured verdicts, which the hover renders. The validator writes
 * them; the hover service reads them.
 */
@Singleton
public class QuickCheckResults {

	private final Map<String, Map<String, CheckMark>> marks = new ConcurrentHashMap<>();

	public void put(String document, List<CheckMark> checked) {
		Map<String, CheckMark> byQuestion = new HashMap<>();
		for (CheckMark mark : checked) {
			byQuestion.put(key(mark.question(), mark.subject()), mark);
		}
		marks.put(document, Map.copyOf(byQuestion));
	}

	/** The mark of the property, step or event named {@code subject}, or null before its first check. */
	public CheckMark mark(String document, CheckMark.Question question, String subject) {
		Map<String, CheckMark> byQuestion = marks.get(document);
		return byQuestion == null ? null : byQuestion.get(key(question, subject));
	}

	/** The marks of one kind of question whose subject starts with {@code prefix}, e.g. every arrival of a message. */
	public List<CheckMark> marks(String document, CheckMark.Question question, String prefix) {
		Map<String, CheckMark> byQuestion = marks.get(document);
		return byQuestion == null ? List.of() : byQuestion.values().stream().filter(m -> m.question() == question && m
				.subject().startsWith(prefix)).sorted(java.util.Comparator.comparing(CheckMark::subject)).toList();
	}

	private static String key(CheckMark.Question question, String subject) {
		return question.label() + "|" + subject;
	}
}
