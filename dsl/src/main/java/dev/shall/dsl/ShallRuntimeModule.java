package dev.shall.dsl;

import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;

import dev.shall.dsl.linking.ShallLinkingDiagnosticMessageProvider;

/** Guice bindings of the runtime language. */
public class ShallRuntimeModule extends AbstractShallRuntimeModule {

	/** Rule libraries are found through the {@code import "…"} statements of a file. */
	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return ImportUriGlobalScopeProvider.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return ShallLinkingDiagnosticMessageProvider.class;
	}

	/** Linking stays linear in the number of references when a file has errors. */
	@Override
	public Class<? extends org.eclipse.xtext.resource.XtextResource> bindXtextResource() {
		return dev.shall.dsl.linking.ShallLinkingResource.class;
	}
}
