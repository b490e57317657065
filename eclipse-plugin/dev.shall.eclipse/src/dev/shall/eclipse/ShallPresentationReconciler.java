package dev.shall.eclipse;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/** Syntax colouring: keywords of the grammar, comments, quoted text (clauses and CR sentences). */
public class ShallPresentationReconciler extends PresentationReconciler {

	/** The keywords of Shall.xtext, enumeration literals included. */
	static final String[] KEYWORDS = { "agree", "always", "and", "as", "at", "before", "bool", "by", "capacity",
			"channel", "clause", "condition", "delete", "either", "else", "enum", "event", "expect", "false", "faults",
			"fresh", "if", "import", "instances", "key", "keyed", "leads", "message", "ndsip", "never", "none", "not",
			"on", "option", "or", "procedure", "property", "receive", "reliable", "role", "rule", "rules", "send",
			"shall", "may", "spec", "step", "to", "true", "unprotected", "value", "var", "when", "with", "holds",
			"violated", "integrity", "ciphered", "integrity-and-ciphered", "lossy", "reordering", "duplicating",
			"replaying", "implies", "timer", "start", "stop", "expiry", "of", "is", "stopped", "running", "expired",
			"once", "since", "each", "preceded", "within" };

	public ShallPresentationReconciler() {
		Token keyword = new Token(new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD));
		Token comment = new Token(new TextAttribute(new Color(63, 127, 95)));
		Token string = new Token(new TextAttribute(new Color(42, 0, 255)));
		WordRule words = new WordRule(new IWordDetector() {
			@Override
			public boolean isWordStart(char c) {
				return Character.isLetter(c) || c == '_';
			}

			@Override
			public boolean isWordPart(char c) {
				return Character.isLetterOrDigit(c) || c == '_' || c == '-';
			}
		}, Token.UNDEFINED);
		for (String word : KEYWORDS) {
			words.addWord(word, keyword);
		}
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setRules(new IRule[] { new EndOfLineRule("//", comment), new MultiLineRule("/*", "*/", comment),
				new SingleLineRule("\"", "\"", string, '\\'), words });
		DefaultDamagerRepairer repairer = new DefaultDamagerRepairer(scanner);
		setDamager(repairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(repairer, IDocument.DEFAULT_CONTENT_TYPE);
	}
}
