package dev.shall.dsl.ide;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.inject.Singleton;

/**
 * The hovers of the latest quick check, per document and per property or step name. The
 * validator writes them; the hover service reads them.
 */
@Singleton
public class QuickCheckResults {

	private final Map<String, Map<String, String>> hovers = new ConcurrentHashMap<>();

	public void put(String document, Map<String, String> bySubject) {
		hovers.put(document, Map.copyOf(bySubject));
	}

	/** The hover text of the property or step, or null before its first check. */
	public String hover(String document, String subject) {
		Map<String, String> bySubject = hovers.get(document);
		return bySubject == null ? null : bySubject.get(subject);
	}
}
