package dev.shall.dsl.ide;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.hover.HoverService;

import com.google.inject.Inject;

import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.Step;
import dev.shall.model.check.CheckMark;

/**
 * Hover on a property: its verdicts, engines, bounds and clause; on a step or event: its clause and
 * reachability — rendered from the latest quick check's marks ({@link CheckMark#hover()}).
 */
public class ShallHoverService extends HoverService {

	@Inject
	private QuickCheckResults results;

	@Override
	public String getContents(EObject element) {
		CheckMark mark = switch (element) {
		case PropertyDecl property -> mark(element, CheckMark.Question.PROPERTY, property.getName());
		case Step step -> mark(element, CheckMark.Question.DEAD_STEP, step.getName());
		case Event event -> mark(element, CheckMark.Question.DEAD_STEP, event.getName());
		default -> null;
		};
		return mark != null ? mark.hover() : super.getContents(element);
	}

	private CheckMark mark(EObject element, CheckMark.Question question, String name) {
		return name == null || element.eResource() == null ? null
				: results.mark(element.eResource().getURI().toString(), question, name);
	}
}
