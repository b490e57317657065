package dev.shall.dsl.ide;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.hover.HoverService;

import com.google.inject.Inject;

import java.util.List;

import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.Message;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.Step;
import dev.shall.model.check.CheckMark;

/**
 * Hover on a property: its verdicts, engines, bounds and clause; on a step or event: its clause and
 * reachability; on a message: whether each of its arrivals is handled — rendered from the latest quick check's marks ({@link CheckMark#hover()}).
 */
public class ShallHoverService extends HoverService {

	@Inject
	private QuickCheckResults results;

	@Override
	public String getContents(EObject element) {
		if (element instanceof Message message) {
			// semantics §7.4: whether each arrival of the message (per channel and receiver) is handled
			String hover = arrivals(element, message.getName());
			return hover != null ? hover : super.getContents(element);
		}
		CheckMark mark = switch (element) {
		case PropertyDecl property -> mark(element, CheckMark.Question.PROPERTY, property.getName());
		case Step step -> mark(element, CheckMark.Question.DEAD_STEP, step.getName());
		case Event event -> mark(element, CheckMark.Question.DEAD_STEP, event.getName());
		default -> null;
		};
		return mark != null ? mark.hover() : super.getContents(element);
	}

	/** The hovers of the message's arrivals, one per channel and receiver; null before the first check. */
	private String arrivals(EObject element, String name) {
		if (name == null || element.eResource() == null) {
			return null;
		}
		List<CheckMark> marks = results.marks(element.eResource().getURI().toString(), CheckMark.Question.UNHANDLED,
				name + " on ");
		return marks.isEmpty() ? null : marks.stream().map(CheckMark::hover).collect(java.util.stream.Collectors
				.joining("\n\n---\n\n"));
	}

	private CheckMark mark(EObject element, CheckMark.Question question, String name) {
		return name == null || element.eResource() == null ? null
				: results.mark(element.eResource().getURI().toString(), question, name);
	}
}
