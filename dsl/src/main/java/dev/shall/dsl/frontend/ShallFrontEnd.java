package dev.shall.dsl.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.shall.dsl.ShallStandaloneSetup;
import dev.shall.dsl.compiler.CompilationException;
import dev.shall.dsl.compiler.ProcedureCompiler;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.model.Procedure;
import dev.shall.model.frontend.LoadedFile;
import dev.shall.model.frontend.ProcedureFrontEnd;
import dev.shall.model.frontend.SourceDiagnostic;

/** The {@code .shall} language as a {@link ProcedureFrontEnd}: parse, validate, compile. */
public final class ShallFrontEnd implements ProcedureFrontEnd {

	private static volatile Injector sharedInjector;

	@Override
	public String fileExtension() {
		return "shall";
	}

	@Override
	public List<LoadedFile> load(List<Path> files) {
		Injector injector = injector();
		List<LoadedFile> loaded = new ArrayList<>();
		for (Path file : files) {
			// one resource set per file: each file sees only what it imports
			XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
			resources.setURIConverter(new SourceReading());
			loaded.add(load(file.toAbsolutePath().normalize(), resources, injector.getInstance(IResourceValidator.class)));
		}
		return loaded;
	}

	private LoadedFile load(Path file, XtextResourceSet resources, IResourceValidator validator) {
		List<SourceDiagnostic> diagnostics = new ArrayList<>();
		if (!Files.isRegularFile(file)) {
			diagnostics.add(new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, "shall.no-such-file",
					"No such file", file.toString(), 1, 1));
			return new LoadedFile(file, Optional.empty(), diagnostics);
		}
		Resource resource;
		try {
			resource = resources.getResource(URI.createFileURI(file.toString()), true);
		} catch (RuntimeException e) {
			diagnostics.add(new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, "shall.unreadable",
					"Cannot read the file: " + rootMessage(e), file.toString(), 1, 1));
			return new LoadedFile(file, Optional.empty(), diagnostics);
		}
		diagnostics.addAll(validate(resource, validator));
		// imported rule libraries were loaded while linking; their mistakes are reported too
		Set<Resource> imported = new LinkedHashSet<>(resources.getResources());
		imported.remove(resource);
		for (Resource library : imported) {
			diagnostics.addAll(validate(library, validator));
		}
		boolean hasErrors = diagnostics.stream().anyMatch(d -> d.severity() == SourceDiagnostic.Severity.ERROR);
		if (hasErrors || resource.getContents().isEmpty()
				|| !(resource.getContents().get(0) instanceof ShallFile shallFile) || shallFile.getProcedure() == null) {
			return new LoadedFile(file, Optional.empty(), diagnostics);
		}
		try {
			Procedure procedure = new ProcedureCompiler().compile(shallFile);
			return new LoadedFile(file, Optional.of(procedure), diagnostics);
		} catch (CompilationException e) {
			diagnostics.add(new SourceDiagnostic(SourceDiagnostic.Severity.ERROR, "shall.compilation", e.getMessage(),
					file.toString(), 1, 1));
			return new LoadedFile(file, Optional.empty(), diagnostics);
		}
	}

	private static List<SourceDiagnostic> validate(Resource resource, IResourceValidator validator) {
		List<SourceDiagnostic> diagnostics = new ArrayList<>();
		String file = resource.getURI().isFile() ? resource.getURI().toFileString() : resource.getURI().toString();
		if (!(resource instanceof XtextResource)) {
			return diagnostics;
		}
		for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
			SourceDiagnostic.Severity severity = switch (issue.getSeverity()) {
			case ERROR -> SourceDiagnostic.Severity.ERROR;
			case WARNING -> SourceDiagnostic.Severity.WARNING;
			default -> SourceDiagnostic.Severity.INFO;
			};
			String code = issue.getCode() == null ? "shall.syntax" : issue.getCode().startsWith("shall.")
					? issue.getCode() : issue.isSyntaxError() ? "shall.syntax" : "shall.linking";
			int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
			int column = issue.getColumn() == null ? 1 : issue.getColumn();
			diagnostics.add(new SourceDiagnostic(severity, code, issue.getMessage(), file, line, column));
		}
		return diagnostics;
	}

	private static Injector injector() {
		Injector injector = sharedInjector;
		if (injector == null) {
			synchronized (ShallFrontEnd.class) {
				injector = sharedInjector;
				if (injector == null) {
					quietLogging();
					injector = new ShallStandaloneSetup().createInjectorAndDoEMFRegistration();
					sharedInjector = injector;
				}
			}
		}
		return injector;
	}

	/**
	 * Xtext and EMF log through log4j (reload4j), whose unconfigured default prints to standard
	 * output — which must carry only the requested report ({@code --format json} must parse). Logs
	 * go to standard error, and only with {@code -Dshall.log=true}: the user's diagnostics are ours.
	 */
	private static void quietLogging() {
		org.apache.log4j.Logger root = org.apache.log4j.Logger.getRootLogger();
		root.removeAllAppenders();
		org.apache.log4j.ConsoleAppender console = new org.apache.log4j.ConsoleAppender(new org.apache.log4j.PatternLayout(
				"shall: log: %p %c{1}: %m%n"), org.apache.log4j.ConsoleAppender.SYSTEM_ERR);
		root.addAppender(console);
		root.setLevel(Boolean.getBoolean("shall.log") ? org.apache.log4j.Level.INFO : org.apache.log4j.Level.OFF);
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
