package dev.shall.dsl.ide;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.hover.HoverService;

import com.google.inject.Inject;

import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.Step;

/** Hover on a property: its verdicts, engines, bounds and clause; on a step or event: its clause and reachability. */
public class ShallHoverService extends HoverService {

	@Inject
	private QuickCheckResults results;

	@Override
	public String getContents(EObject element) {
		String name = switch (element) {
		case PropertyDecl property -> property.getName();
		case Step step -> step.getName();
		case Event event -> event.getName();
		default -> null;
		};
		String checked = name == null || element.eResource() == null ? null
				: results.hover(element.eResource().getURI().toString(), name);
		return checked != null ? checked : super.getContents(element);
	}
}
