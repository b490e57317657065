package dev.shall.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import dev.shall.dsl.scoping.ShallScopeProvider;
import dev.shall.dsl.shall.Agreement;
import dev.shall.dsl.shall.Always;
import dev.shall.dsl.shall.Argument;
import dev.shall.dsl.shall.Assignment;
import dev.shall.dsl.shall.Binary;
import dev.shall.dsl.shall.Channel;
import dev.shall.dsl.shall.Citation;
import dev.shall.dsl.shall.Delete;
import dev.shall.dsl.shall.Derivation;
import dev.shall.dsl.shall.EnumDecl;
import dev.shall.dsl.shall.Event;
import dev.shall.dsl.shall.Expectation;
import dev.shall.dsl.shall.Expiry;
import dev.shall.dsl.shall.Expression;
import dev.shall.dsl.shall.Field;
import dev.shall.dsl.shall.FiredRef;
import dev.shall.dsl.shall.Formula;
import dev.shall.dsl.shall.Freshness;
import dev.shall.dsl.shall.If;
import dev.shall.dsl.shall.Instances;
import dev.shall.dsl.shall.IntLiteral;
import dev.shall.dsl.shall.IntType;
import dev.shall.dsl.shall.KeyDecl;
import dev.shall.dsl.shall.KeyParameter;
import dev.shall.dsl.shall.KeyedProtection;
import dev.shall.dsl.shall.NdsIp;
import dev.shall.dsl.shall.ProtectionKind;
import dev.shall.dsl.shall.Message;
import dev.shall.dsl.shall.NameRef;
import dev.shall.dsl.shall.Never;
import dev.shall.dsl.shall.Not;
import dev.shall.dsl.shall.OptionCondition;
import dev.shall.dsl.shall.OptionDecl;
import dev.shall.dsl.shall.OptionValue;
import dev.shall.dsl.shall.ParameterKind;
import dev.shall.dsl.shall.Precedence;
import dev.shall.dsl.shall.Procedure;
import dev.shall.dsl.shall.PropertyDecl;
import dev.shall.dsl.shall.Receive;
import dev.shall.dsl.shall.Response;
import dev.shall.dsl.shall.Role;
import dev.shall.dsl.shall.Rule;
import dev.shall.dsl.shall.RuleApplication;
import dev.shall.dsl.shall.RuleLibrary;
import dev.shall.dsl.shall.RuleParameter;
import dev.shall.dsl.shall.Send;
import dev.shall.dsl.shall.ShallFile;
import dev.shall.dsl.shall.ShallPackage;
import dev.shall.dsl.shall.StartTimer;
import dev.shall.dsl.shall.Step;
import dev.shall.dsl.shall.StopTimer;
import dev.shall.dsl.shall.Timer;
import dev.shall.dsl.shall.TimerTest;
import dev.shall.dsl.shall.Variable;
import dev.shall.dsl.typing.ExpectedTypes;
import dev.shall.dsl.typing.ShallType;
import dev.shall.dsl.typing.ShallTypeSystem;
import dev.shall.model.frontend.Limits;

/**
 * The checks that make a parsed file a meaningful procedure. Every report carries an
 * {@link IssueCodes} constant and a message written for spec authors.
 */
public class ShallValidator extends AbstractShallValidator {

	private static final ShallPackage P = ShallPackage.eINSTANCE;

	private final ShallTypeSystem types = new ShallTypeSystem();
	private final ExpectedTypes expectedTypes = new ExpectedTypes();

	private static final Object MEMO = new Object();

	/**
	 * Types and ranges computed once per expression node in this resource's validation pass: Xtext
	 * passes one context map to every check of a resource's pass, and the model does not change
	 * during it. Null outside a check.
	 */
	private Memo memo() {
		Map<Object, Object> context;
		try {
			context = getContext();
		} catch (RuntimeException outsideACheck) {
			return null;
		}
		return context == null ? null : (Memo) context.computeIfAbsent(MEMO, k -> new Memo(
				new java.util.IdentityHashMap<>(), new java.util.IdentityHashMap<>()));
	}

	private record Memo(Map<Expression, ShallType> types, Map<Binary, Optional<ShallType.Int>> ranges) {
	}

	{
		types.memoizeWith(() -> {
			Memo memo = memo();
			return memo == null ? null : memo.types();
		});
	}

	private static final org.eclipse.xtext.service.OperationCanceledManager CANCELLATION =
			new org.eclipse.xtext.service.OperationCanceledManager();

	/**
	 * A check that fails reports the failure as an error at the element it was checking, and the
	 * other checks go on. Xtext's default would drop a NullPointerException silently and turn any
	 * other exception into "Error executing EValidator" at the start of the file. A
	 * GuardException is Xtext's "check does not apply";
	 * cancellation (the editor's text changed) and running out of memory are passed on.
	 */
	@Override
	protected void handleExceptionDuringValidation(Throwable failure) {
		if ("org.eclipse.xtext.validation.GuardException".equals(failure.getClass().getName())) { // package-private in Xtext
			return;
		}
		if (CANCELLATION.isOperationCanceledException(failure) || failure instanceof OutOfMemoryError) {
			org.eclipse.xtext.util.Exceptions.throwUncheckedException(failure);
		}
		EObject at = getCurrentObject();
		String what = failure instanceof StackOverflowError ? "it nests too deeply for the check"
				: failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
		String check = getCurrentMethod() == null ? "a check" : "the check " + getCurrentMethod().getName();
		error("shall could not finish " + check + " on this " + (at == null ? "element" : describeKind(at).replaceFirst("^The ", "")) + " ("
				+ what + "); this is a fault of shall, please report it with the file", at, null,
				IssueCodes.INTERNAL_ERROR);
	}

	// ------------------------------------------------------------------ traceability (ADR 0016)

	/** The form of a statement id of the inventory: {@code 16.2.2/s3}, {@code X.2.3/e1}. */
	private static final java.util.regex.Pattern STATEMENT_ID = java.util.regex.Pattern.compile(
			"[^\\s/]+/[spne][1-9][0-9]*");

	/**
	 * Statement ids are well formed; none is both covered and out of scope, or out of scope twice;
	 * at most one {@code cr} line. Whether an id exists in the CR is the checker's to say (it reads
	 * the CR; the language does not depend on it): {@code shall.unknown-statement}.
	 */
	@Check
	public void checkTraceability(Procedure procedure) {
		Map<String, EObject> covered = new HashMap<>();
		dev.shall.dsl.shall.CrReference cr = null;
		for (dev.shall.dsl.shall.Covers covers : EcoreUtil2.getAllContentsOfType(procedure,
				dev.shall.dsl.shall.Covers.class)) {
			for (int i = 0; i < covers.getStatements().size(); i++) {
				String id = covers.getStatements().get(i);
				if (!STATEMENT_ID.matcher(id).matches()) {
					error("'" + id + "' is not a statement id: write <clause>/s<n> as shall import lists them, e.g. "
							+ "\"16.2.2/s3\"", covers, P.getCovers_Statements(), i, IssueCodes.STATEMENT_ID);
				}
				covered.putIfAbsent(id, covers);
			}
		}
		Map<String, EObject> outOfScope = new HashMap<>();
		for (EObject member : procedure.getMembers()) {
			if (member instanceof dev.shall.dsl.shall.CrReference reference) {
				if (cr != null) {
					error("a second cr line (the first at line " + line(cr) + "): a procedure models one CR", reference,
							P.getCrReference_Path(), IssueCodes.COVERAGE_CONFLICT);
				}
				cr = reference;
			}
			if (member instanceof dev.shall.dsl.shall.OutOfScope out) {
				String id = out.getStatement();
				if (!STATEMENT_ID.matcher(id).matches()) {
					error("'" + id + "' is not a statement id: write <clause>/s<n> as shall import lists them", out,
							P.getOutOfScope_Statement(), IssueCodes.STATEMENT_ID);
				} else if (covered.containsKey(id)) {
					error("statement " + id + " is covered (line " + line(covered.get(id)) + ") and declared out of scope",
							out, P.getOutOfScope_Statement(), IssueCodes.COVERAGE_CONFLICT);
				} else if (outOfScope.containsKey(id)) {
					error("statement " + id + " is declared out of scope twice (first at line " + line(outOfScope.get(id))
							+ ")", out, P.getOutOfScope_Statement(), IssueCodes.COVERAGE_CONFLICT);
				}
				outOfScope.putIfAbsent(id, out);
				if (out.getReason() == null || out.getReason().isBlank()) {
					error("say why statement " + id + " is out of scope", out, P.getOutOfScope_Reason(),
							IssueCodes.STATEMENT_ID);
				}
			}
		}
	}

	// ------------------------------------------------------------------ names

	@Check
	public void checkUniqueNames(Procedure procedure) {
		Map<String, Map<String, EObject>> seen = new HashMap<>();
		for (EObject member : procedure.getMembers()) {
			String kind = switch (member) {
			case Step s -> "step or event";
			case Event e -> "step or event";
			case EnumDecl e -> "type";
			case KeyDecl k -> "type";
			default -> member.eClass().getName();
			};
			String name = nameOf(member);
			if (name == null) {
				continue;
			}
			EObject previous = seen.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(name, member);
			if (previous != null) {
				error(describeKind(member) + " '" + name + "' is declared twice (first at line " + line(previous) + ")",
						member, member.eClass().getEStructuralFeature("name"), IssueCodes.DUPLICATE_NAME);
			}
		}
		checkAmbiguousConstants(procedure);
	}

	private void checkAmbiguousConstants(Procedure procedure) {
		Map<String, List<EObject>> constants = new HashMap<>();
		for (EObject member : procedure.getMembers()) {
			List<? extends EObject> values = switch (member) {
			case EnumDecl e -> e.getLiterals();
			case KeyDecl k -> k.getAtoms();
			case OptionDecl o -> o.getValues();
			default -> List.of();
			};
			for (EObject value : values) {
				constants.computeIfAbsent(nameOf(value), n -> new ArrayList<>()).add(value);
			}
		}
		for (NameRef ref : EcoreUtil2.getAllContentsOfType(procedure, NameRef.class)) {
			EObject target = ref.getTarget();
			if (target == null || target.eIsProxy() || target instanceof Variable || target instanceof Field) {
				continue; // state hides constants of the same name (see ShallScopeProvider): nothing ambiguous
			}
			String written = NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(ref));
			List<EObject> candidates = constants.get(written);
			ShallType expected = expectedTypes.of(ref);
			boolean resolvedByType = expected != null && candidates != null
					&& candidates.stream().filter(c -> expected.present().equals(types.typeOfConstant(c))).count() == 1;
			if (candidates != null && candidates.size() > 1 && !resolvedByType) {
				warning("'" + written + "' names several constants; write " + qualifiedConstant(target) + " to say which",
						ref, P.getNameRef_Target(), IssueCodes.AMBIGUOUS_NAME);
			}
		}
	}

	@Check
	public void checkUniqueInside(Role role) {
		checkUnique(role.getVariables(), "Variable");
	}

	@Check
	public void checkUniqueInside(Message message) {
		checkUnique(message.getFields(), "Field");
	}

	@Check
	public void checkUniqueInside(EnumDecl decl) {
		checkUnique(decl.getLiterals(), "Literal");
	}

	@Check
	public void checkUniqueInside(OptionDecl option) {
		checkUnique(option.getValues(), "Value");
	}

	@Check
	public void checkUniqueInside(RuleLibrary library) {
		checkUnique(library.getRules(), "Rule");
	}

	@Check
	public void checkUniqueInside(Rule rule) {
		checkUnique(rule.getParameters(), "Parameter");
	}

	@Check
	public void checkUniqueInside(KeyDecl key) {
		checkUnique(key.getAtoms(), "Atom");
		checkUnique(key.getParameters(), "Input");
	}

	private void checkUnique(List<? extends EObject> elements, String kind) {
		Set<String> seen = new HashSet<>();
		for (EObject element : elements) {
			String name = nameOf(element);
			if (name != null && !seen.add(name)) {
				error(kind + " '" + name + "' is declared twice", element, element.eClass().getEStructuralFeature("name"),
						IssueCodes.DUPLICATE_NAME);
			}
		}
	}

	// ------------------------------------------------------------------ citations

	@Check
	public void checkCited(Procedure procedure) {
		warnIfUncited(procedure.getCitation(), procedure, P.getProcedure_Name(), "procedure " + procedure.getName());
	}

	@Check
	public void checkCited(Step step) {
		warnIfUncited(step.getCitation(), step, P.getStep_Name(), "step " + step.getName());
	}

	@Check
	public void checkCited(PropertyDecl property) {
		// a property applying a rule cites the rule's clause, or its library's (see ProcedureCompiler)
		Rule rule = property.getApplication() == null ? null : property.getApplication().getRule();
		boolean fromCitedRule = rule != null && !rule.eIsProxy() && (cites(rule.getCitation())
				|| rule.eContainer() instanceof RuleLibrary library && cites(library.getCitation()));
		if (!fromCitedRule) {
			warnIfUncited(property.getCitation(), property, P.getPropertyDecl_Name(), "property " + property.getName());
		}
	}

	@Check
	public void checkCited(Rule rule) {
		if (!(rule.eContainer() instanceof RuleLibrary library && cites(library.getCitation()))) {
			warnIfUncited(rule.getCitation(), rule, P.getRule_Name(), "rule " + rule.getName());
		}
	}

	private static boolean cites(Citation citation) {
		return citation != null && citation.getClause() != null && !citation.getClause().isBlank();
	}

	private void warnIfUncited(Citation citation, EObject element, EStructuralFeature feature, String what) {
		if (citation == null || citation.getClause() == null || citation.getClause().isBlank()) {
			warning("The " + what + " cites no clause; add clause \"…\" so that findings point back at the text",
					element, feature, IssueCodes.MISSING_CLAUSE);
		}
	}

	// ------------------------------------------------------------------ declarations

	@Check
	public void checkRange(IntType range) {
		checkRange(range.getMin(), range.getMax(), range, P.getIntType_Min(), P.getIntType_Max());
	}

	@Check
	public void checkRange(KeyParameter parameter) {
		checkRange(parameter.getMin(), parameter.getMax(), parameter, P.getKeyParameter_Min(),
				P.getKeyParameter_Max());
	}

	/**
	 * A range must have values, few enough for the checker to enumerate them, and bounds it computes
	 * with exactly (see {@link Limits}). The count is a long: {@code max - min + 1} of
	 * {@code 0..2147483647} overflows an int, which once made an empty domain and a false "holds".
	 */
	private void checkRange(int min, int max, EObject owner, EStructuralFeature minFeature,
			EStructuralFeature maxFeature) {
		if (min > max) {
			error("The range " + min + ".." + max + " is empty", owner, minFeature, IssueCodes.EMPTY_RANGE);
			return;
		}
		long count = Limits.count(min, max);
		if (count > Limits.MAX_VALUES) {
			error("The range " + min + ".." + max + " has " + Limits.format(count) + " values; the checker "
					+ "enumerates every value of a type and takes at most " + Limits.format(Limits.MAX_VALUES)
					+ ", so narrow the range to the values the procedure needs", owner, null,
					IssueCodes.RANGE_TOO_LARGE);
			return;
		}
		if (!Limits.withinMagnitude(min)) {
			error(tooLarge("The bound " + min), owner, minFeature, IssueCodes.INTEGER_TOO_LARGE);
		}
		if (!Limits.withinMagnitude(max)) {
			error(tooLarge("The bound " + max), owner, maxFeature, IssueCodes.INTEGER_TOO_LARGE);
		}
	}

	/** {@code 7} for a constant, {@code 0..7} otherwise. */
	private static String values(ShallType.Int range) {
		return range.min() == range.max() ? Long.toString(range.min()) : range.describe();
	}

	private static String tooLarge(String what) {
		return what + " lies beyond ±" + Limits.format(Limits.MAX_MAGNITUDE)
				+ ", the largest integers the checker computes with exactly";
	}

	/**
	 * A key has one term per parent term and combination of input values; the checker enumerates
	 * them like any other type's values. Reported at the first key that goes over the limit, not
	 * again at the keys derived from it.
	 */
	@Check
	public void checkKeyTerms(KeyDecl key) {
		if (key.getParents().isEmpty()) {
			return;
		}
		Map<KeyDecl, Long> sizes = new HashMap<>();
		for (KeyDecl parent : key.getParents()) {
			if (parent.eIsProxy() || keyTerms(parent, sizes, new HashSet<>()) > Limits.MAX_VALUES) {
				return; // reported at the parent, or unresolved
			}
		}
		for (KeyParameter parameter : key.getParameters()) {
			if (Limits.count(parameter.getMin(), parameter.getMax()) > Limits.MAX_VALUES) {
				return; // reported at the input's range
			}
		}
		long terms = keyTerms(key, sizes, new HashSet<>());
		if (terms > Limits.MAX_VALUES) {
			error("The key " + key.getName() + " has " + (terms == Long.MAX_VALUE ? "too many" : Limits
					.format(terms)) + " possible terms (its parents' terms times the values of each input); the "
					+ "checker enumerates at most " + Limits.format(Limits.MAX_VALUES)
					+ ", so narrow the ranges of its inputs", key, P.getKeyDecl_Name(), IssueCodes.RANGE_TOO_LARGE);
		}
	}

	/** The number of terms of a key, saturating at Long.MAX_VALUE; 0 on a derivation cycle (reported elsewhere). */
	private static long keyTerms(KeyDecl key, Map<KeyDecl, Long> sizes, Set<KeyDecl> visiting) {
		Long known = sizes.get(key);
		if (known != null) {
			return known;
		}
		if (!visiting.add(key)) {
			return 0;
		}
		long terms;
		if (key.getParents().isEmpty()) {
			terms = key.getAtoms().size();
		} else {
			terms = 0;
			for (KeyDecl parent : key.getParents()) {
				terms = parent.eIsProxy() ? terms : Limits.saturatedSum(terms, keyTerms(parent, sizes, visiting));
			}
			for (KeyParameter parameter : key.getParameters()) {
				terms = Limits.saturatedProduct(terms, Limits.count(parameter.getMin(), parameter.getMax()));
			}
		}
		visiting.remove(key);
		sizes.put(key, terms);
		return terms;
	}

	/** An enumeration is a type like a range: the checker enumerates its literals. */
	@Check
	public void checkEnumSize(EnumDecl decl) {
		if (decl.getLiterals().size() > Limits.MAX_VALUES) {
			error("The enumeration " + decl.getName() + " has " + Limits.format(decl.getLiterals().size())
					+ " literals; the checker enumerates at most " + Limits.format(Limits.MAX_VALUES) + " values of a type",
					decl, P.getEnumDecl_Name(), IssueCodes.RANGE_TOO_LARGE);
		}
	}

	/**
	 * A step's moves include one per path through its {@code either} choices (nested choices count
	 * within their branch, the two sides of an {@code if} as alternatives, sequential choices
	 * multiply); both semantics enumerate them (semantics §3.3), so their number is bounded.
	 */
	@Check
	public void checkChoicePaths(Step step) {
		checkChoicePaths(step.getBody(), step, P.getStep_Name());
	}

	@Check
	public void checkChoicePaths(Event event) {
		checkChoicePaths(event.getBody(), event, P.getEvent_Name());
	}

	private void checkChoicePaths(dev.shall.dsl.shall.Block body, EObject transition,
			org.eclipse.emf.ecore.EStructuralFeature name) {
		long paths = body == null ? 1 : choicePaths(body);
		if (paths > Limits.MAX_VALUES) {
			error("The either choices of this step combine into " + (paths == Long.MAX_VALUE ? "too many"
					: Limits.format(paths)) + " ways to run it; the checker enumerates at most "
					+ Limits.format(Limits.MAX_VALUES) + " per step (sequential choices multiply: split the step, or "
					+ "nest the later choice inside a branch)", transition, name, IssueCodes.LIMIT_EXCEEDED);
		}
	}

	/** The number of paths through the choices of a block, saturating (as Layout.choiceVectors enumerates them). */
	private static long choicePaths(dev.shall.dsl.shall.Block block) {
		long paths = 1;
		for (dev.shall.dsl.shall.Statement statement : block.getStatements()) {
			long own = 1;
			if (statement instanceof dev.shall.dsl.shall.Choice choice) {
				own = 0;
				for (dev.shall.dsl.shall.Block branch : choice.getBranches()) {
					own = Limits.saturatedSum(own, choicePaths(branch));
				}
			} else if (statement instanceof If conditional) {
				own = Math.max(conditional.getThen() == null ? 1 : choicePaths(conditional.getThen()),
						conditional.getElse() == null ? 1 : choicePaths(conditional.getElse()));
			}
			paths = Limits.saturatedProduct(paths, own);
		}
		return paths;
	}

	/** The system property naming the project folder imports must stay inside (the CLI's {@code --root}). */
	public static final String ROOT_PROPERTY = "shall.root";

	/**
	 * The system property that, set to {@code true}, keeps imports inside the project folder (the
	 * command line sets it). Unset (the editors, which open the files the user chose), imports may
	 * come from any local regular file.
	 */
	public static final String CHECK_PROPERTY = "shall.imports.checked";

	/**
	 * The project folder of a file: {@code --root} when given, else the Git working tree the file
	 * lies in (the nearest folder above it holding {@code .git}), else the working directory.
	 */
	static java.nio.file.Path projectFolder(java.nio.file.Path file) {
		String root = System.getProperty(ROOT_PROPERTY);
		return dev.shall.model.frontend.ProjectFolder.of(file, root == null ? null : java.nio.file.Path.of(root),
				java.nio.file.Path.of(""));
	}

	/** The system property that, set to {@code true}, allows imports from outside the project folder. */
	public static final String ANYWHERE_PROPERTY = "shall.imports.anywhere";

	/**
	 * An import is a regular, readable local file inside the project folder: a missing file, a
	 * folder, a FIFO or device (which would block the reader), or a URL is an error at the import,
	 * and so is a path leading out of the project unless allowed.
	 */
	@Check
	public void checkImport(dev.shall.dsl.shall.Import imported) {
		String text = imported.getImportURI();
		if (text == null || imported.eResource() == null) {
			return;
		}
		org.eclipse.emf.common.util.URI base = imported.eResource().getURI();
		org.eclipse.emf.common.util.URI uri;
		try {
			uri = org.eclipse.emf.common.util.URI.createURI(text).resolve(base);
		} catch (IllegalArgumentException e) {
			error("The import \"" + text + "\" is not a file path", imported, P.getImport_ImportURI(),
					IssueCodes.BAD_IMPORT);
			return;
		}
		if (!uri.isFile() || !base.isFile()) {
			if (base.isFile()) {
				error("The import \"" + text + "\" is not a local file: shall imports files by path, never from the "
						+ "network", imported, P.getImport_ImportURI(), IssueCodes.BAD_IMPORT);
			}
			return;
		}
		java.nio.file.Path path = java.nio.file.Path.of(uri.toFileString()).toAbsolutePath().normalize();
		String problem = null;
		if (!java.nio.file.Files.exists(path)) {
			problem = "there is no file " + path;
		} else if (java.nio.file.Files.isDirectory(path)) {
			problem = path + " is a folder";
		} else if (!java.nio.file.Files.isRegularFile(path)) {
			problem = path + " is not a regular file (a pipe or device would block the reader)";
		} else if (!java.nio.file.Files.isReadable(path)) {
			problem = path + " cannot be read";
		} else if (Boolean.getBoolean(CHECK_PROPERTY) && !Boolean.getBoolean(ANYWHERE_PROPERTY)) {
			java.nio.file.Path folder = projectFolder(java.nio.file.Path.of(base.toFileString()));
			if (!path.startsWith(folder)) {
				problem = path + " lies outside the project folder " + folder + " (--root sets the folder; "
						+ "--imports-anywhere allows it)";
			}
		}
		if (problem != null) {
			error("Cannot import \"" + text + "\": " + problem, imported, P.getImport_ImportURI(), IssueCodes.BAD_IMPORT);
		}
	}

	/** The checker picks a branch of an either as a value of 0..branches-1. */
	@Check
	public void checkChoiceSize(dev.shall.dsl.shall.Choice choice) {
		if (choice.getBranches().size() > Limits.MAX_VALUES) {
			error("An either with " + Limits.format(choice.getBranches().size()) + " branches is beyond the "
					+ Limits.format(Limits.MAX_VALUES) + " the checker can choose among", choice, null,
					IssueCodes.LIMIT_EXCEEDED);
		}
	}

	/** A queued message's type is a value of 0..types (0 is an empty slot). */
	@Check
	public void checkMessageCount(Procedure procedure) {
		List<Message> messages = ShallScopeProvider.members(procedure, Message.class);
		if (messages.size() >= Limits.MAX_VALUES) {
			error("The procedure declares " + Limits.format(messages.size()) + " messages; the checker tells at most "
					+ Limits.format(Limits.MAX_VALUES - 1) + " apart", messages.get(Limits.MAX_VALUES - 1),
					P.getMessage_Name(), IssueCodes.LIMIT_EXCEEDED);
		}
	}

	/** Literals are integers the checker computes with, so they obey the same magnitude as bounds. */
	@Check
	public void checkLiteral(IntLiteral literal) {
		if (!Limits.withinMagnitude(literal.getValue())) {
			error(tooLarge("The number " + literal.getValue()), literal, P.getIntLiteral_Value(),
					IssueCodes.INTEGER_TOO_LARGE);
		}
	}

	@Check
	public void checkDerivationAcyclic(KeyDecl key) {
		if (derivesFrom(key, key, new HashSet<>())) {
			error("Key " + key.getName() + " is derived from itself", key, P.getKeyDecl_Parents(),
					IssueCodes.KEY_DERIVATION);
		}
	}

	private static boolean derivesFrom(KeyDecl key, KeyDecl ancestor, Set<KeyDecl> visited) {
		for (KeyDecl parent : key.getParents()) {
			if (parent.eIsProxy()) {
				continue;
			}
			if (parent == ancestor || visited.add(parent) && derivesFrom(parent, ancestor, visited)) {
				return true;
			}
		}
		return false;
	}

	@Check
	public void checkInitialValue(Variable variable) {
		ShallType declared = types.typeOf(variable.getType());
		checkAssignable(declared, variable.getInitial(), variable, P.getVariable_Initial(),
				"The initial value of " + variable.getName());
		// a step that would store a value out of range is not taken (a finding of the bounds check), but
		// the initial state is not a step: a run that cannot start would make every property hold
		if (declared.present() instanceof ShallType.Int range
				&& types.typeOf(variable.getInitial()) instanceof ShallType.Int value
				&& (value.min() < range.min() || value.max() > range.max())) {
			error("The initial value " + values(value) + " of " + variable.getName() + " lies outside its range " + range.describe(), variable,
					P.getVariable_Initial(), IssueCodes.OUT_OF_RANGE);
		}
		for (Derivation derivation : EcoreUtil2.getAllContentsOfType(variable, Derivation.class)) {
			KeyDecl key = derivation.getKey();
			if (key == null || key.eIsProxy() || derivation.getArguments().size() != key.getParameters().size()) {
				continue;
			}
			for (int i = 0; i < derivation.getArguments().size(); i++) {
				KeyParameter input = key.getParameters().get(i);
				if (types.typeOf(derivation.getArguments().get(i)) instanceof ShallType.Int value
						&& (value.min() < input.getMin() || value.max() > input.getMax())) {
					error("The input " + input.getName() + " of " + key.getName() + " is " + values(value)
							+ " in the initial value of " + variable.getName() + ", outside its range " + input.getMin()
							+ ".." + input.getMax(), derivation, P.getDerivation_Arguments(), i, IssueCodes.OUT_OF_RANGE);
				}
			}
		}
	}

	@Check
	public void checkCapacity(Channel channel) {
		if (!NodeModelUtils.findNodesForFeature(channel, P.getChannel_Capacity()).isEmpty() && channel.getCapacity() < 1) {
			error("A channel holds at least one message", channel, P.getChannel_Capacity(), IssueCodes.NOT_POSITIVE);
		}
		// the checker picks a queue slot as a value of an enumerated domain like any other (see Limits)
		if (channel.getCapacity() > Limits.MAX_CAPACITY) {
			error("A capacity of " + Limits.format(channel.getCapacity()) + " messages is beyond the "
					+ Limits.format(Limits.MAX_CAPACITY) + " the checker can hold; a channel needs room only for the "
					+ "messages that can be in flight at once", channel, P.getChannel_Capacity(),
					IssueCodes.LIMIT_EXCEEDED);
		}
		if (channel.getEndpointA() != null && channel.getEndpointA() == channel.getEndpointB()) {
			error("A channel connects two different roles", channel, P.getChannel_EndpointB(),
					IssueCodes.CHANNEL_ENDPOINT);
		}
	}

	@Check
	public void checkProtectionKeys(KeyedProtection protection) {
		Channel channel = (Channel) protection.eContainer();
		checkProtectionKey(protection.getKeyA(), channel.getEndpointA(), protection, P.getKeyedProtection_KeyA());
		checkProtectionKey(protection.getKeyB(), channel.getEndpointB(), protection, P.getKeyedProtection_KeyB());
		if (protection.getKeyA() != null && protection.getKeyB() != null && !protection.getKeyA().eIsProxy()
				&& !protection.getKeyB().eIsProxy()) {
			ShallType a = types.typeOf(protection.getKeyA().getType()).present();
			ShallType b = types.typeOf(protection.getKeyB().getType()).present();
			if (!a.equals(b)) {
				error("Both ends must protect with the same kind of key, not " + a.describe() + " and " + b.describe(),
						protection, P.getKeyedProtection_KeyB(), IssueCodes.PROTECTION_KEY);
			}
		}
	}

	private void checkProtectionKey(Variable key, Role endpoint, KeyedProtection protection, EStructuralFeature feature) {
		if (key == null || key.eIsProxy() || endpoint == null || endpoint.eIsProxy()) {
			return;
		}
		if (key.eContainer() != endpoint) {
			error(key.getName() + " is not a variable of " + endpoint.getName()
					+ "; each end of the channel protects with its own key", protection, feature, IssueCodes.PROTECTION_KEY);
		} else if (!(types.typeOf(key.getType()).present() instanceof ShallType.Key)) {
			error(key.getName() + " is not a key", protection, feature, IssueCodes.PROTECTION_KEY);
		}
	}

	@Check
	public void checkInstances(Instances instances) {
		if (instances.getCount() < 1) {
			error("At least one instance runs", instances, P.getInstances_Count(), IssueCodes.NOT_POSITIVE);
			return;
		}
		Procedure procedure = instances.eContainer() instanceof ShallFile file ? file.getProcedure() : null;
		int actions = procedure == null ? 1 : Math.max(1, actions(procedure));
		long moves = Limits.saturatedProduct(instances.getCount(), actions);
		if (moves > Limits.MAX_VALUES) {
			error(Limits.format(instances.getCount()) + " instances of " + actions + " action(s) each make "
					+ Limits.format(moves) + " possible moves per step; the checker numbers moves as values of a type "
					+ "and takes at most " + Limits.format(Limits.MAX_VALUES) + ", so at most "
					+ Limits.format(Limits.MAX_VALUES / actions) + " instances here", instances, P.getInstances_Count(),
					IssueCodes.LIMIT_EXCEEDED);
		}
	}

	/**
	 * The actions of one instance as the checker lays them out ({@code Layout}): every step and
	 * event, and per direction of each channel one action per fault that adds one (loss,
	 * duplication, replay) and one for discarding a message that fails a keyed integrity check.
	 */
	static int actions(Procedure procedure) {
		int actions = ShallScopeProvider.members(procedure, Step.class).size()
				+ ShallScopeProvider.members(procedure, Event.class).size();
		for (Channel channel : ShallScopeProvider.members(procedure, Channel.class)) {
			int perLane = 0;
			if (channel.getFaults() != null) {
				Set<dev.shall.dsl.shall.FaultKind> kinds = new HashSet<>(channel.getFaults().getKinds());
				kinds.remove(dev.shall.dsl.shall.FaultKind.REORDERING);
				perLane += kinds.size();
			}
			if (channel.getProtection() instanceof KeyedProtection keyed && keyed.getKeyA() != null
					&& keyed.getKeyB() != null) {
				perLane++;
			}
			actions += perLane * (channel.isBidirectional() ? 2 : 1);
		}
		return actions;
	}

	/**
	 * Every combination of option values is checked separately; their number is the product of the
	 * sizes of the options not marked independent, times one plus the other values of the
	 * independent ones (semantics §1.1), reported at the option that takes it beyond {@link
	 * Limits#optionCombinations()}.
	 */
	@Check
	public void checkOptionCombinations(Procedure procedure) {
		List<OptionDecl> options = ShallScopeProvider.members(procedure, OptionDecl.class);
		long total = combinations(options, options.size());
		for (int o = 0; o < options.size(); o++) {
			OptionDecl option = options.get(o);
			long combinations = combinations(options, o + 1);
			int limit = Limits.optionCombinations();
			if (combinations > limit) {
				error("With the option " + option.getName() + ", the procedure has " + Limits.format(combinations)
						+ " combinations of option values, each checked on its own; at most " + Limits.format(limit)
						+ " are checked in one file, so fix some options in the text, mark those whose readings are "
						+ "independent of the others' (option … { … } independent), or split the file"
						+ (total <= Limits.OPTION_COMBINATIONS_CEILING ? ", or raise the limit with --max-combinations "
								+ total + " (all options together make " + Limits.format(total) + "; bound the run with "
								+ "--total-timeout)" : ""),
						option, option.eClass().getEStructuralFeature("name"), IssueCodes.LIMIT_EXCEEDED);
				return;
			}
		}
	}

	/** The combinations the first {@code count} options make (semantics §1.1), saturating. */
	private static long combinations(List<OptionDecl> options, int count) {
		long product = 1;
		long varied = 1;
		for (OptionDecl option : options.subList(0, count)) {
			long size = Math.max(1, option.getValues().size());
			if (option.isIndependent()) {
				varied = Limits.saturatedSum(varied, size - 1);
			} else {
				product = Limits.saturatedProduct(product, size);
			}
		}
		return Limits.saturatedProduct(product, varied);
	}

	/**
	 * An expectation that needs two independent options away from their first values names a
	 * combination that is never checked (semantics §1.1).
	 */
	@Check
	public void checkIndependentConditions(dev.shall.dsl.shall.Expectation expectation) {
		warnNeverChecked(expectation.getConditions(), expectation);
	}

	@Check
	public void checkIndependentConditions(dev.shall.dsl.shall.FindingExpectation expectation) {
		warnNeverChecked(expectation.getConditions(), expectation);
	}

	private void warnNeverChecked(List<dev.shall.dsl.shall.OptionCondition> conditions, EObject at) {
		List<String> varied = new ArrayList<>();
		for (dev.shall.dsl.shall.OptionCondition condition : conditions) {
			OptionDecl option = condition.getOption();
			if (option != null && !option.eIsProxy() && option.isIndependent() && condition.getValue() != null
					&& !condition.getValue().eIsProxy() && !option.getValues().isEmpty() && option.getValues().get(0)
							!= condition.getValue()) {
				varied.add(option.getName());
			}
		}
		if (varied.size() > 1) {
			warning("The options " + String.join(" and ", varied) + " are independent: they are checked away from their "
					+ "first values one at a time, so no combination has both as written here", at, null,
					IssueCodes.EXPECTATION);
		}
	}

	@Check
	public void checkHasBehaviour(Procedure procedure) {
		if (ShallScopeProvider.members(procedure, Step.class).isEmpty()) {
			warning("The procedure has no steps, so nothing can happen in it", procedure, P.getProcedure_Name(),
					IssueCodes.NOTHING_TO_CHECK);
		}
	}

	// ------------------------------------------------------------------ behaviour

	@Check
	public void checkGuard(Step step) {
		checkCondition(step.getGuard(), step, P.getStep_Guard(), "The guard of step " + step.getName());
	}

	@Check
	public void checkGuard(Event event) {
		checkCondition(event.getGuard(), event, P.getEvent_Guard(), "The guard of event " + event.getName());
	}

	@Check
	public void checkReceive(Receive receive) {
		Role actor = ShallScopeProvider.actorOf(receive);
		Channel channel = receive.getChannel();
		if (actor == null || channel == null || channel.eIsProxy()) {
			return;
		}
		boolean receives = channel.getEndpointB() == actor || channel.isBidirectional() && channel.getEndpointA() == actor;
		if (!receives) {
			error(actor.getName() + " cannot receive on " + channel.getName() + ", which carries messages "
					+ direction(channel), receive, P.getReceive_Channel(), IssueCodes.CHANNEL_ENDPOINT);
		}
	}

	@Check
	public void checkSend(Send send) {
		Role actor = ShallScopeProvider.actorOf(send);
		Channel channel = send.getChannel();
		if (actor != null && channel != null && !channel.eIsProxy()) {
			boolean sends = channel.getEndpointA() == actor || channel.isBidirectional() && channel.getEndpointB() == actor;
			if (!sends) {
				error(actor.getName() + " cannot send on " + channel.getName() + ", which carries messages "
						+ direction(channel), send, P.getSend_Channel(), IssueCodes.CHANNEL_ENDPOINT);
			}
		}
		Message message = send.getMessage();
		if (message == null || message.eIsProxy()) {
			return;
		}
		Set<Field> given = new HashSet<>();
		for (Argument argument : send.getArguments()) {
			if (argument.getField() == null || argument.getField().eIsProxy()) {
				continue;
			}
			if (!given.add(argument.getField())) {
				error("The field " + argument.getField().getName() + " is given twice", argument, P.getArgument_Field(),
						IssueCodes.MESSAGE_FIELDS);
			}
			checkAssignable(types.typeOf(argument.getField().getType()), argument.getValue(), argument,
					P.getArgument_Value(), "The field " + argument.getField().getName());
		}
		for (Field field : message.getFields()) {
			if (!given.contains(field) && !(types.typeOf(field.getType()) instanceof ShallType.Optional)) {
				error("The message " + message.getName() + " needs a value for " + field.getName(), send,
						P.getSend_Message(), IssueCodes.MESSAGE_FIELDS);
			}
		}
		checkKeyExposure(send, message, channel);
	}

	/**
	 * Key material travels only where it stays confidential: on ciphered links or on interfaces
	 * protected by NDS/IP (TS 33.210). Derived keys (KeNB*, S-KeNB, LWIP-PSK...) are key material
	 * unless the field is a "proof of" the key; base keys may stand for identifiers (an SA, a KSI)
	 * and are not flagged.
	 */
	private void checkKeyExposure(Send send, Message message, Channel channel) {
		if (channel == null || channel.eIsProxy() || channel.getProtection() instanceof NdsIp
				|| channel.getProtection() instanceof KeyedProtection keyed && keyed.getKind() != ProtectionKind.INTEGRITY) {
			return;
		}
		for (Field field : message.getFields()) {
			if (!field.isProof() && types.typeOf(field.getType()).present() instanceof ShallType.Key key
					&& !key.decl().getParents().isEmpty()) {
				warning("The field " + field.getName() + " of " + message.getName() + " carries the key "
						+ key.decl().getName() + " itself on " + channel.getName() + ", which does not keep it "
						+ "confidential; key material travels only on ciphered links or NDS/IP-protected interfaces "
						+ "(TS 33.210). If the field is a MAC or AUTH computed with the key, declare it 'proof of "
						+ key.decl().getName() + "'", send, P.getSend_Channel(), IssueCodes.KEY_EXPOSURE);
			}
		}
	}

	@Check
	public void checkProof(Field field) {
		if (field.isProof() && !(types.typeOf(field.getType()).present() instanceof ShallType.Key)) {
			error("Only a key has proofs of possession; " + field.getName() + " is " + types.typeOf(field.getType())
					.describe(), field, P.getField_Proof(), IssueCodes.KEY_EXPOSURE);
		}
	}

	@Check
	public void checkAssignment(Assignment assignment) {
		if (assignment.getVariable() != null && !assignment.getVariable().eIsProxy()) {
			checkAssignable(types.typeOf(assignment.getVariable().getType()), assignment.getValue(), assignment,
					P.getAssignment_Value(), assignment.getVariable().getName());
		}
	}

	@Check
	public void checkDelete(Delete delete) {
		Variable variable = delete.getVariable();
		if (variable != null && !variable.eIsProxy()
				&& !(types.typeOf(variable.getType()) instanceof ShallType.Optional)) {
			error(variable.getName() + " cannot be deleted: declare it as optional (" + types.typeOf(variable.getType())
					.describe() + "?)", delete, P.getDelete_Variable(), IssueCodes.NOT_OPTIONAL);
		}
	}

	@Check
	public void checkIf(If statement) {
		checkCondition(statement.getCondition(), statement, P.getIf_Condition(), "The condition");
	}

	// ------------------------------------------------------------------ timers (semantics §3.5)

	/** A timer is state of its role: in reports it is Role.T, so no variable of the role may share its name. */
	@Check
	public void checkTimerName(Timer timer) {
		Role role = timer.getRole();
		if (role == null || role.eIsProxy() || timer.getName() == null) {
			return;
		}
		for (Variable variable : role.getVariables()) {
			if (timer.getName().equals(variable.getName())) {
				error("The timer " + timer.getName() + " is state of " + role.getName() + ", which already has a variable "
						+ timer.getName() + " (line " + line(variable) + ")", timer, P.getTimer_Name(),
						IssueCodes.DUPLICATE_NAME);
			}
		}
	}

	@Check
	public void checkStart(StartTimer start) {
		checkTimerRole(start.getTimer(), start, P.getStartTimer_Timer(), "start it");
	}

	@Check
	public void checkStop(StopTimer stop) {
		checkTimerRole(stop.getTimer(), stop, P.getStopTimer_Timer(), "stop it");
	}

	// ------------------------------------------------------------------ unhandled messages (semantics §3.6)

	@Check
	public void checkOtherwise(Step step) {
		if (step.getOtherwise() == null) {
			return;
		}
		if (step.getReceive() == null) {
			error("otherwise says what " + (step.getActor() == null ? "the role" : step.getActor().getName())
					+ " does with a received message that no step takes; step " + step.getName()
					+ " receives nothing", step, P.getStep_Otherwise(), IssueCodes.OTHERWISE);
			return;
		}
		Receive receive = step.getReceive();
		if (!resolved(receive) || step.getActor() == null || step.getActor().eIsProxy()) {
			return;
		}
		dev.shall.dsl.shall.Procedure procedure = EcoreUtil2.getContainerOfType(step, dev.shall.dsl.shall.Procedure.class);
		for (EObject member : procedure.getMembers()) {
			if (member instanceof Step other && other != step && other.getOtherwise() != null
					&& sameArrival(other.getReceive(), other.getActor(), receive, step.getActor())
					&& procedure.getMembers().indexOf(other) < procedure.getMembers().indexOf(step)) {
				error("A second otherwise for " + receive.getMessage().getName() + " on " + receive.getChannel().getName()
						+ " at " + step.getActor().getName() + " (step " + other.getName()
						+ " has one): which would run is not said", step, P.getStep_Otherwise(), IssueCodes.OTHERWISE);
			}
		}
		Object unguarded = unguardedHandler(procedure, receive, step.getActor());
		if (unguarded != null) {
			warning("This otherwise never runs: " + unguarded + " takes every " + receive.getMessage().getName()
					+ " on " + receive.getChannel().getName(), step, P.getStep_Otherwise(), IssueCodes.NEVER_APPLIES);
		}
	}

	@Check
	public void checkHandling(dev.shall.dsl.shall.Handling handling) {
		checkCondition(handling.getGuard(), handling, P.getHandling_Guard(), "The condition of " + handling.getKind()
				.getLiteral());
		Receive receive = handling.getReceive();
		if (!resolved(receive) || handling.getActor() == null || handling.getActor().eIsProxy()) {
			return;
		}
		dev.shall.dsl.shall.Procedure procedure = EcoreUtil2.getContainerOfType(handling,
				dev.shall.dsl.shall.Procedure.class);
		for (EObject member : procedure.getMembers()) {
			if (member instanceof Step step && step.getOtherwise() != null
					&& sameArrival(step.getReceive(), step.getActor(), receive, handling.getActor())) {
				error("This " + handling.getKind().getLiteral() + " never applies: the otherwise of step "
						+ step.getName() + " takes every " + receive.getMessage().getName()
						+ " that no step takes", handling, P.getHandling_Kind(), IssueCodes.NEVER_APPLIES);
				return;
			}
		}
		Object unguarded = unguardedHandler(procedure, receive, handling.getActor());
		if (unguarded != null) {
			warning("This " + handling.getKind().getLiteral() + " never applies: " + unguarded + " takes every "
					+ receive.getMessage().getName() + " on " + receive.getChannel().getName(), handling,
					P.getHandling_Kind(), IssueCodes.NEVER_APPLIES);
		}
	}

	@Check
	public void checkFindingExpectation(dev.shall.dsl.shall.FindingExpectation expectation) {
		checkOptionConditions(expectation.getConditions());
		if (expectation.isDead() && expectation.isOtherwise() && expectation.getTransition() instanceof Step step
				&& step.getOtherwise() == null) {
			error("Step " + step.getName() + " has no otherwise block", expectation,
					P.getFindingExpectation_Otherwise(), IssueCodes.FINDING_EXPECTATION);
		}
		if (expectation.isDead() && expectation.isOtherwise() && expectation.getTransition() instanceof Event) {
			error("An event has no otherwise block", expectation, P.getFindingExpectation_Otherwise(),
					IssueCodes.FINDING_EXPECTATION);
		}
		if (expectation.isDead() && expectation.isIgnore() && resolved(expectation.getReceive())
				&& expectation.getRole() != null && !expectation.getRole().eIsProxy()) {
			Receive receive = expectation.getReceive();
			boolean declared = EcoreUtil2.getContainerOfType(expectation, dev.shall.dsl.shall.Procedure.class)
					.getMembers().stream().anyMatch(m -> m instanceof dev.shall.dsl.shall.Handling handling
							&& handling.getKind() == dev.shall.dsl.shall.HandlingKind.IGNORE && sameArrival(handling
									.getReceive(), handling.getActor(), receive, expectation.getRole()));
			if (!declared) {
				error("No ignore of " + receive.getMessage().getName() + " on " + receive.getChannel().getName() + " at "
						+ expectation.getRole().getName() + " is declared", expectation, P.getFindingExpectation_Receive(),
						IssueCodes.FINDING_EXPECTATION);
			}
		}
		if (expectation.isUnhandled() && resolved(expectation.getReceive())) {
			Channel channel = expectation.getReceive().getChannel();
			Role role = expectation.getRole();
			if (role == null && channel.isBidirectional()) {
				error(channel.getName() + " carries messages both ways: say at which role, e.g. at "
						+ channel.getEndpointB().getName(), expectation, P.getFindingExpectation_Receive(),
						IssueCodes.FINDING_EXPECTATION);
			} else if (role != null && !role.eIsProxy() && channel.getEndpointB() != role
					&& !(channel.isBidirectional() && channel.getEndpointA() == role)) {
				error(role.getName() + " does not receive on " + channel.getName() + ", which carries messages "
						+ direction(channel), expectation, P.getFindingExpectation_Role(), IssueCodes.FINDING_EXPECTATION);
			}
		}
	}

	private static boolean resolved(Receive receive) {
		return receive != null && receive.getChannel() != null && !receive.getChannel().eIsProxy()
				&& receive.getMessage() != null && !receive.getMessage().eIsProxy();
	}

	private static boolean sameArrival(Receive receive, Role actor, Receive other, Role otherActor) {
		return receive != null && actor == otherActor && receive.getChannel() == other.getChannel()
				&& receive.getMessage() == other.getMessage();
	}

	/** A step or event of the role that receives the message on the channel with no guard, as "step X"; or null. */
	private static String unguardedHandler(dev.shall.dsl.shall.Procedure procedure, Receive receive, Role role) {
		for (EObject member : procedure.getMembers()) {
			// a lookup is a condition too: no entry located, the step does not take the message (§3.7)
			if (member instanceof Step step && step.getExpiry() == null && step.getGuard() == null
					&& step.getLookup() == null && sameArrival(step.getReceive(), step.getActor(), receive, role)) {
				return "step " + step.getName();
			}
			if (member instanceof Event event && event.getGuard() == null
					&& sameArrival(event.getReceive(), event.getActor(), receive, role)) {
				return "event " + event.getName();
			}
		}
		return null;
	}

	@Check
	public void checkExpiry(Step step) {
		Expiry expiry = step.getExpiry();
		if (expiry == null) {
			return;
		}
		checkTimerRole(expiry.getTimer(), expiry, P.getExpiry_Timer(), "handle its expiry");
		if (step.getStrength() == dev.shall.dsl.shall.Strength.MAY && expiry.getTimer() != null
				&& !expiry.getTimer().eIsProxy()) {
			error("A running timer expires: write shall (the expiry of " + expiry.getTimer().getName()
					+ " is fair, whatever the step says)", step, P.getStep_Strength(), IssueCodes.EXPIRY_STRENGTH);
		}
	}

	@Check
	public void checkTimerTest(TimerTest test) {
		if (ShallScopeProvider.actorOf(test) != null) {
			checkTimerRole(test.getTimer(), test, P.getTimerTest_Timer(), "read it");
		}
	}

	/** Only steps and events of the timer's own role start, stop, read it or handle its expiry. */
	private void checkTimerRole(Timer timer, EObject where, EStructuralFeature feature, String what) {
		Role actor = ShallScopeProvider.actorOf(where);
		if (timer == null || timer.eIsProxy() || actor == null || timer.getRole() == null || timer.getRole().eIsProxy()
				|| timer.getRole() == actor) {
			return;
		}
		error(timer.getName() + " runs at " + timer.getRole().getName() + "; a step of " + actor.getName()
				+ " cannot " + what + " (a role sees only its own timers)", where, feature, IssueCodes.TIMER_ROLE);
	}

	@Check
	public void checkFiredOutsideBehaviour(FiredRef fired) {
		if (ShallScopeProvider.actorOf(fired) != null) {
			error("A role cannot observe which step was taken last; use its own state or a received message",
					fired, null, IssueCodes.FIRED_IN_BEHAVIOUR);
		}
	}

	// ------------------------------------------------------------------ sessions (semantics §1.3, §2.5–2.6, §3.7, §6)

	@Check
	public void checkPerSession(Variable variable) {
		if (variable.isPerSession() && variable.eContainer() instanceof Role role && !role.isShared()) {
			warning("Every variable of a per-session role is per session already; 'per session' matters only in a "
					+ "shared role", variable, P.getVariable_PerSession(), IssueCodes.SESSIONS);
		}
		if (variable.getInitial() instanceof dev.shall.dsl.shall.UniqueIdentity) {
			checkUnique(variable);
		}
		if (types.typeOf(variable.getType()) instanceof ShallType.Identity identity
				&& !(variable.getInitial() instanceof dev.shall.dsl.shall.UniqueIdentity)) {
			error("An identity variable starts as none (and takes a value with ':= any " + identity.decl().getName()
					+ "') or as 'unique': write " + identity.decl().getName() + "?", variable, P.getVariable_Type(), IssueCodes.SESSIONS);
		}
	}

	private void checkUnique(Variable variable) {
		ShallType type = types.typeOf(variable.getType()).present();
		Role role = variable.eContainer() instanceof Role r ? r : null;
		if (!(type instanceof ShallType.Identity identity)) {
			error("'unique' gives each session a different identity of a pool; " + variable.getName() + " is "
					+ type.describe(), variable, P.getVariable_Initial(), IssueCodes.SESSIONS);
			return;
		}
		if (role != null && role.isShared() && !variable.isPerSession()) {
			error("'unique' gives each session its own identity; a variable shared by all sessions has one value: "
					+ "write 'per session'", variable, P.getVariable_Initial(), IssueCodes.SESSIONS);
		}
		ShallFile file = EcoreUtil2.getContainerOfType(variable, ShallFile.class);
		int sessions = file == null || file.getInstances() == null ? 1 : file.getInstances().getCount();
		if (identity.decl().getSize() < sessions) {
			error("The pool " + identity.decl().getName() + " holds " + identity.decl().getSize()
					+ " identities, too few for a different one in each of the " + sessions + " sessions", variable,
					P.getVariable_Initial(), IssueCodes.SESSIONS);
		}
	}

	@Check
	public void checkPool(dev.shall.dsl.shall.IdentityDecl pool) {
		if (pool.getSize() < 1 || pool.getSize() > 64) {
			error("A pool holds 1 to 64 identities, not " + pool.getSize(), pool, P.getIdentityDecl_Size(),
					IssueCodes.SESSIONS);
		}
	}

	@Check
	public void checkAnyIdentity(Assignment assignment) {
		if (assignment.getPool() == null || assignment.getPool().eIsProxy() || assignment.getVariable() == null
				|| assignment.getVariable().eIsProxy()) {
			return;
		}
		ShallType target = types.typeOf(assignment.getVariable().getType()).present();
		if (!(target instanceof ShallType.Identity identity) || identity.decl() != assignment.getPool()) {
			error("'any " + assignment.getPool().getName() + "' gives an identity of the pool "
					+ assignment.getPool().getName() + ", but " + assignment.getVariable().getName() + " is "
					+ target.describe(), assignment, P.getAssignment_Pool(), IssueCodes.SESSIONS);
		}
	}

	@Check
	public void checkLookup(dev.shall.dsl.shall.SessionBinder binder) {
		Procedure procedure = EcoreUtil2.getContainerOfType(binder, Procedure.class);
		if (binder.getName() == null || procedure == null) {
			return;
		}
		if (binder.getName().equals(dev.shall.dsl.compiler.ProcedureCompiler.OTHER)
				|| ShallScopeProvider.members(procedure, Role.class).stream().anyMatch(r -> binder.getName().equals(r
						.getName()))) {
			error("The session is named like " + (binder.getName().equals("other") ? "another session's copy"
					: "the role " + binder.getName()) + "; choose another name", binder, P.getSessionBinder_Name(),
					IssueCodes.SESSIONS);
		}
		Role actor = ShallScopeProvider.actorOf(binder);
		if (binder.eContainer() instanceof Step step && actor != null && !actor.isShared()) {
			error("Only a shared role looks up a session: " + actor.getName() + " has one copy per session "
					+ "(write 'role " + actor.getName() + " shared')", step, P.getStep_Lookup(), IssueCodes.SESSIONS);
		}
		if (binder.eContainer() instanceof dev.shall.dsl.shall.SomeSession some && actor != null && !actor.isShared()) {
			error("Only a shared role or a property asks about other sessions: " + actor.getName()
					+ " has one copy per session", some, null, IssueCodes.SESSIONS);
		}
	}

	@Check
	public void checkOtherSession(NameRef ref) {
		if (!(ref.getTarget() instanceof Variable) || EcoreUtil2.getContainerOfType(ref, PropertyDecl.class) == null) {
			return;
		}
		List<org.eclipse.xtext.nodemodel.INode> nodes = org.eclipse.xtext.nodemodel.util.NodeModelUtils
				.findNodesForFeature(ref, P.getNameRef_Target());
		if (nodes.isEmpty() || !org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(nodes.get(0))
				.replaceAll("\\s", "").startsWith(dev.shall.dsl.compiler.ProcedureCompiler.OTHER + ".")) {
			return;
		}
		ShallFile file = EcoreUtil2.getContainerOfType(ref, ShallFile.class);
		if (file != null && (file.getInstances() == null || file.getInstances().getCount() < 2)) {
			error("'other' reads another session's copy, which needs at least two sessions: add 'instances 2'", ref,
					null, IssueCodes.SESSIONS);
		}
	}

	// ------------------------------------------------------------------ the attacker (semantics §4.5, §6.7)

	/** The procedure's attacker declaration, or null. */
	private static dev.shall.dsl.shall.AttackerDecl attackerOf(EObject anywhere) {
		dev.shall.dsl.shall.Procedure procedure = EcoreUtil2.getContainerOfType(anywhere, dev.shall.dsl.shall.Procedure.class);
		return procedure == null ? null : procedure.getMembers().stream().filter(
				dev.shall.dsl.shall.AttackerDecl.class::isInstance).map(dev.shall.dsl.shall.AttackerDecl.class::cast)
				.findFirst().orElse(null);
	}

	@Check
	public void checkAttacker(dev.shall.dsl.shall.AttackerDecl attacker) {
		if (attackerOf(attacker) != attacker) {
			error("The procedure already has an attacker; say everything it knows in one declaration", attacker, null,
					IssueCodes.ATTACKER);
		}
		for (int i = 0; i < attacker.getKnowledge().size(); i++) {
			Expression known = attacker.getKnowledge().get(i);
			if (!isConstantKeyTerm(known)) {
				error("What the attacker knows must be a key term written out, e.g. KASME.old or SKeNB(KeNB.initial, 1)",
						attacker, P.getAttackerDecl_Knowledge(), i, IssueCodes.ATTACKER);
			} else if (outOfRangeInput(known) != null) {
				error("The attacker cannot know " + outOfRangeInput(known) + ": no such term exists", attacker,
						P.getAttackerDecl_Knowledge(), i, IssueCodes.ATTACKER);
			}
		}
		checkAttackerChoices(attacker);
	}

	/** The first input of a written-out key term outside its declared range, described, or null. */
	private static String outOfRangeInput(Expression term) {
		if (!(term instanceof dev.shall.dsl.shall.Derivation derivation) || derivation.getKey() == null
				|| derivation.getKey().eIsProxy()) {
			return null;
		}
		List<dev.shall.dsl.shall.KeyParameter> parameters = derivation.getKey().getParameters();
		for (int i = 0; i < derivation.getArguments().size() && i < parameters.size(); i++) {
			if (derivation.getArguments().get(i) instanceof dev.shall.dsl.shall.IntLiteral value
					&& (value.getValue() < parameters.get(i).getMin() || value.getValue() > parameters.get(i).getMax())) {
				return "an input " + value.getValue() + " of " + derivation.getKey().getName() + " (" + parameters.get(i)
						.getName() + " is " + parameters.get(i).getMin() + ".." + parameters.get(i).getMax() + ")";
			}
		}
		return outOfRangeInput(derivation.getBase());
	}

	/**
	 * The attacker chooses every value of an injected message's fields (semantics §4.5): a field with
	 * more than {@link dev.shall.dsl.compiler.AttackerTranslation#MAX_CHOICES} values, or a key with
	 * more terms than {@link dev.shall.dsl.compiler.AttackerTranslation#MAX_TERMS}, would make every
	 * state's injections too many to explore; refused at the field or key, with the limit.
	 */
	private void checkAttackerChoices(dev.shall.dsl.shall.AttackerDecl attacker) {
		dev.shall.dsl.shall.Procedure procedure = EcoreUtil2.getContainerOfType(attacker, dev.shall.dsl.shall.Procedure.class);
		Set<dev.shall.dsl.shall.Message> injectable = new HashSet<>();
		for (EObject node : EcoreUtil2.eAllContentsAsList(procedure)) {
			dev.shall.dsl.shall.Message message = null;
			dev.shall.dsl.shall.Channel channel = null;
			if (node instanceof Send send) {
				message = send.getMessage();
				channel = send.getChannel();
			} else if (node instanceof Receive receive) {
				message = receive.getMessage();
				channel = receive.getChannel();
			}
			if (message != null && !message.eIsProxy() && channel != null && !channel.eIsProxy()
					&& dev.shall.dsl.compiler.AttackerTranslation.capabilities(channel).contains(
							dev.shall.dsl.shall.AttackerCapability.INJECT)) {
				injectable.add(message);
			}
		}
		for (dev.shall.dsl.shall.Message message : injectable) {
			for (dev.shall.dsl.shall.Field field : message.getFields()) {
				dev.shall.dsl.shall.TypeRef type = field.getType() instanceof dev.shall.dsl.shall.OptionalType optional ? optional.getElement()
						: field.getType();
				if (type instanceof dev.shall.dsl.shall.IntType range && (long) range.getMax() - range.getMin()
						>= dev.shall.dsl.compiler.AttackerTranslation.MAX_CHOICES) {
					error("The attacker may inject " + message.getName() + ", choosing any value of " + field.getName()
							+ ": " + ((long) range.getMax() - range.getMin() + 1) + " values are more than the "
							+ dev.shall.dsl.compiler.AttackerTranslation.MAX_CHOICES + " it can choose among; narrow the range"
							+ " or take inject from the channel (attacker eavesdrop, drop)", field, P.getField_Type(),
							IssueCodes.ATTACKER);
				}
			}
		}
	}

	private boolean isConstantKeyTerm(Expression expression) {
		return switch (expression) {
		case NameRef ref -> ref.getTarget() instanceof dev.shall.dsl.shall.KeyAtom;
		case dev.shall.dsl.shall.Derivation derivation -> isConstantKeyTerm(derivation.getBase())
				&& derivation.getArguments().stream().allMatch(dev.shall.dsl.shall.IntLiteral.class::isInstance);
		default -> false;
		};
	}

	@Check
	public void checkAttackerKnows(dev.shall.dsl.shall.AttackerKnows knows) {
		if (EcoreUtil2.getContainerOfType(knows, PropertyDecl.class) == null
				&& EcoreUtil2.getContainerOfType(knows, Rule.class) == null) {
			error("Only a property can ask what the attacker knows; the procedure's roles cannot see it", knows, null,
					IssueCodes.ATTACKER);
		}
		checkKeyValued(knows.getValue(), knows, P.getAttackerKnows_Value(), "attacker knows");
		warnWithoutAttacker(knows, "attacker knows is false");
	}

	@Check
	public void checkSecrecy(dev.shall.dsl.shall.Secrecy secrecy) {
		checkKeyValued(secrecy.getValue(), secrecy, P.getSecrecy_Value(), "secret");
		warnWithoutAttacker(secrecy, "secret holds trivially");
		ShallType type = types.typeOf(secrecy.getValue());
		if (type instanceof ShallType.Optional optional) {
			type = optional.element();
		}
		if (type instanceof ShallType.Key key && attackerOf(secrecy) != null && !learnable(key.decl(), secrecy)) {
			warning("The attacker can never learn a " + key.decl().getName() + ": no message on a channel it eavesdrops"
					+ " carries one or a key it is derived from, and it knows none at the start, so this holds trivially",
					secrecy, P.getSecrecy_Value(), IssueCodes.ATTACKER);
		}
	}

	/**
	 * Whether the attacker can come to know a term of the key (semantics §4.5): the key or one it is
	 * derived from is the type of a field (not a proof) the procedure sends on a channel the attacker
	 * eavesdrops, or of a term it knows initially.
	 */
	private boolean learnable(KeyDecl key, EObject anywhere) {
		Set<KeyDecl> sources = new HashSet<>();
		EObject root = EcoreUtil2.getRootContainer(anywhere);
		for (Send send : EcoreUtil2.getAllContentsOfType(root, Send.class)) {
			if (send.getChannel() == null || send.getChannel().eIsProxy() || !dev.shall.dsl.compiler.AttackerTranslation
					.capabilities(send.getChannel()).contains(dev.shall.dsl.shall.AttackerCapability.EAVESDROP)) {
				continue;
			}
			for (dev.shall.dsl.shall.Argument argument : send.getArguments()) {
				if (argument.getField() != null && !argument.getField().eIsProxy() && !argument.getField().isProof()
						&& types.typeOf(argument.getValue()).present() instanceof ShallType.Key carried) {
					sources.add(carried.decl());
				}
			}
		}
		for (Expression known : attackerOf(anywhere).getKnowledge()) {
			if (types.typeOf(known).present() instanceof ShallType.Key carried) {
				sources.add(carried.decl());
			}
		}
		return derivesFrom(key, sources, new HashSet<>());
	}

	private static boolean derivesFrom(KeyDecl key, Set<KeyDecl> sources, Set<KeyDecl> seen) {
		if (sources.contains(key)) {
			return true;
		}
		if (!seen.add(key)) {
			return false;
		}
		return key.getParents().stream().anyMatch(parent -> !parent.eIsProxy() && derivesFrom(parent, sources, seen));
	}

	@Check
	public void checkAuthenticity(dev.shall.dsl.shall.Authenticity authenticity) {
		if (authenticity.getMessage() == null || authenticity.getMessage().eIsProxy() || authenticity.getChannel() == null
				|| authenticity.getChannel().eIsProxy()) {
			return;
		}
		boolean received = EcoreUtil2.getAllContentsOfType(EcoreUtil2.getRootContainer(authenticity), Receive.class)
				.stream().anyMatch(r -> r.getMessage() == authenticity.getMessage() && r.getChannel() == authenticity
						.getChannel() && (r.eContainer() instanceof dev.shall.dsl.shall.Step
								|| r.eContainer() instanceof dev.shall.dsl.shall.Event));
		if (!received) {
			error("No step receives " + authenticity.getMessage().getName() + " on " + authenticity.getChannel().getName()
					+ ", so nothing can accept it", authenticity, P.getAuthenticity_Message(), IssueCodes.ATTACKER);
		}
		for (int i = 0; i < authenticity.getSteps().size(); i++) {
			dev.shall.dsl.shall.Transition step = authenticity.getSteps().get(i);
			Receive receive = step instanceof dev.shall.dsl.shall.Step s ? s.getReceive()
					: step instanceof dev.shall.dsl.shall.Event e ? e.getReceive() : null;
			if (step != null && !step.eIsProxy() && (receive == null || receive.getMessage() != authenticity.getMessage()
					|| receive.getChannel() != authenticity.getChannel())) {
				error("Step " + org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(org.eclipse.xtext.nodemodel.util
						.NodeModelUtils.findNodesForFeature(authenticity, P.getAuthenticity_Steps()).get(i)) + " does not receive "
						+ authenticity.getMessage().getName() + " on "
						+ authenticity.getChannel().getName(), authenticity, P.getAuthenticity_Steps(), i,
						IssueCodes.ATTACKER);
			}
		}
		warnWithoutAttacker(authenticity, "authentic holds trivially");
	}

	@Check
	public void checkChannelAttacker(dev.shall.dsl.shall.AttackerCapabilities capabilities) {
		warnWithoutAttacker(capabilities, "the channel's attacker capabilities have no effect");
	}

	private void checkKeyValued(Expression value, EObject owner, EStructuralFeature feature, String what) {
		ShallType type = types.typeOf(value);
		if (type instanceof ShallType.Optional optional) {
			type = optional.element();
		}
		if (!(type instanceof ShallType.Key) && !(type instanceof ShallType.Any)) {
			error(what + " needs a key, not " + types.typeOf(value).describe(), owner, feature, IssueCodes.ATTACKER);
		}
	}

	private void warnWithoutAttacker(EObject at, String consequence) {
		if (attackerOf(at) == null && EcoreUtil2.getContainerOfType(at, dev.shall.dsl.shall.Procedure.class) != null) {
			warning("The procedure declares no attacker, so " + consequence + "; declare one with attacker \"…\"", at,
					null, IssueCodes.ATTACKER);
		}
	}

	// semantics §6.5: a past-time operator is a bit of a property's monitor, which behaviour cannot read
	@Check
	public void checkOnceOutsideBehaviour(dev.shall.dsl.shall.Once once) {
		checkPastTimeOutsideBehaviour(once, "once");
		checkCondition(once.getOperand(), once, P.getOnce_Operand(), "The operand of once");
	}

	@Check
	public void checkSinceOutsideBehaviour(dev.shall.dsl.shall.Since since) {
		checkPastTimeOutsideBehaviour(since, "since");
		checkCondition(since.getHeld(), since, P.getSince_Held(), "The left operand of since");
		checkCondition(since.getTrigger(), since, P.getSince_Trigger(), "The right operand of since");
	}

	private void checkPastTimeOutsideBehaviour(Expression pastTime, String operator) {
		if (ShallScopeProvider.actorOf(pastTime) != null
				|| EcoreUtil2.getContainerOfType(pastTime, Variable.class) != null) {
			error("'" + operator + "' speaks of the run's past, which only a property can observe; a role "
					+ "remembers what happened in a variable of its own", pastTime, null,
					IssueCodes.PAST_TIME_IN_GUARD);
		}
	}

	@Check
	public void checkCorrespondenceBound(dev.shall.dsl.shall.Correspondence correspondence) {
		checkCondition(correspondence.getFirst(), correspondence, P.getCorrespondence_First(),
				"The condition after preceded by");
		checkCondition(correspondence.getSecond(), correspondence, P.getCorrespondence_Second(),
				"The condition after each");
		// an absent bound is 0 too (and takes the default): only a written one can be wrong
		int bound = correspondence.getBound();
		boolean written = !org.eclipse.xtext.nodemodel.util.NodeModelUtils.findNodesForFeature(correspondence,
				P.getCorrespondence_Bound()).isEmpty();
		if (written && (bound < 1 || bound > dev.shall.model.frontend.Limits.MAX_CORRESPONDENCE_BOUND)) {
			error("The bound of a correspondence counts unanswered conditions: from 1 to "
					+ dev.shall.model.frontend.Limits.MAX_CORRESPONDENCE_BOUND + ", not " + bound, correspondence,
					P.getCorrespondence_Bound(), IssueCodes.CORRESPONDENCE_BOUND);
		}
	}

	// ------------------------------------------------------------------ expressions

	@Check
	public void checkNot(Not not) {
		checkCondition(not.getOperand(), not, P.getNot_Operand(), "The operand of not");
	}

	@Check
	public void checkBinary(Binary binary) {
		ShallType left = types.typeOf(binary.getLeft());
		ShallType right = types.typeOf(binary.getRight());
		String op = binary.getOperator().getLiteral();
		switch (binary.getOperator()) {
		case AND, OR, IMPLIES -> {
			checkCondition(binary.getLeft(), binary, P.getBinary_Left(), "The left operand of " + op);
			checkCondition(binary.getRight(), binary, P.getBinary_Right(), "The right operand of " + op);
		}
		case EQ, NE -> {
			if (!types.isComparable(left, right)) {
				error("Cannot compare " + left.describe() + " with " + right.describe(), binary, P.getBinary_Operator(),
						IssueCodes.TYPE_MISMATCH);
			}
		}
		default -> {
			if (!left.isInt() || !right.isInt()) {
				error("The operator " + op + " needs numbers, not " + (left.isInt() ? right : left).describe(), binary,
						P.getBinary_Operator(), IssueCodes.TYPE_MISMATCH);
			} else if (binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.ADD
					|| binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.SUB) {
				String overflow = overflow(binary, Map.of());
				if (overflow != null) {
					error(overflow, binary, P.getBinary_Operator(), IssueCodes.INTEGER_TOO_LARGE);
				}
			}
		}
		}
		if (left instanceof ShallType.Option || right instanceof ShallType.Option) {
			boolean optionAgainstValue = binary.getLeft() instanceof NameRef l && binary.getRight() instanceof NameRef r
					&& (l.getTarget() instanceof OptionDecl && r.getTarget() instanceof OptionValue
							|| l.getTarget() instanceof OptionValue && r.getTarget() instanceof OptionDecl);
			boolean comparison = binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.EQ
					|| binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.NE;
			if (!optionAgainstValue || !comparison) {
				error("An option can only be compared with one of its values, as in option == value", binary,
						P.getBinary_Operator(), IssueCodes.TYPE_MISMATCH);
			}
		}
	}

	@Check
	public void checkDerivation(Derivation derivation) {
		KeyDecl key = derivation.getKey();
		if (key == null || key.eIsProxy()) {
			return;
		}
		if (key.getParents().isEmpty()) {
			error("Key " + key.getName() + " is a base key with atoms; only derived keys are computed", derivation,
					P.getDerivation_Key(), IssueCodes.KEY_DERIVATION);
			return;
		}
		String parents = String.join(" or ", key.getParents().stream().map(KeyDecl::getName).toList());
		ShallType base = types.typeOf(derivation.getBase()).present();
		if (!(base instanceof ShallType.Any) && key.getParents().stream().noneMatch(p -> base.equals(new ShallType.Key(p)))) {
			error(key.getName() + " is derived from " + parents + ", not from " + base.describe(),
					derivation, P.getDerivation_Base(), IssueCodes.KEY_DERIVATION);
		}
		if (derivation.getArguments().size() != key.getParameters().size()) {
			error(key.getName() + " takes " + key.getParameters().size() + " input(s) besides "
					+ parents + ", not " + derivation.getArguments().size(), derivation,
					P.getDerivation_Key(), IssueCodes.KEY_DERIVATION);
			return;
		}
		for (int i = 0; i < derivation.getArguments().size(); i++) {
			ShallType argument = types.typeOf(derivation.getArguments().get(i));
			if (!argument.isInt()) {
				error("The input " + key.getParameters().get(i).getName() + " is a number, not " + argument.describe(),
						derivation, P.getDerivation_Arguments(), i, IssueCodes.TYPE_MISMATCH);
			}
		}
	}

	// ------------------------------------------------------------------ properties

	@Check
	public void checkProperty(PropertyDecl property) {
		if (property.getFormula() != null) {
			checkFormula(property.getFormula());
			if (!mentionsSomethingThatChanges(property.getFormula(), Map.of())) {
				error("The property " + property.getName()
						+ " mentions no state and no step, so its verdict cannot depend on the procedure", property,
						P.getPropertyDecl_Name(), IssueCodes.CONSTANT_PROPERTY);
			} else {
				checkVacuityCondition(property, property.getFormula(), Map.of());
			}
		}
		RuleApplication application = property.getApplication();
		if (application != null && application.getRule() != null && !application.getRule().eIsProxy()) {
			checkRuleApplication(property, application);
		}
		checkExpectations(property);
	}

	@Check
	public void checkRuleFormula(Rule rule) {
		if (rule.getFormula() != null) {
			checkFormula(rule.getFormula());
		}
	}

	private void checkFormula(Formula formula) {
		switch (formula) {
		case Always always -> checkCondition(always.getCondition(), always, P.getAlways_Condition(), "The condition");
		case Never never -> checkCondition(never.getCondition(), never, P.getNever_Condition(), "The condition");
		case Precedence precedence -> {
			checkCondition(precedence.getFirst(), precedence, P.getPrecedence_First(), "What comes first");
			checkCondition(precedence.getSecond(), precedence, P.getPrecedence_Second(), "What comes after");
		}
		case Response response -> {
			checkCondition(response.getTrigger(), response, P.getResponse_Trigger(), "The trigger");
			checkCondition(response.getResponse(), response, P.getResponse_Response(), "The response");
		}
		case Agreement agreement -> {
			ShallType left = types.typeOf(agreement.getLeft());
			ShallType right = types.typeOf(agreement.getRight());
			if (!types.isComparable(left, right)) {
				error("Cannot agree " + left.describe() + " with " + right.describe(), agreement,
						P.getAgreement_Right(), IssueCodes.TYPE_MISMATCH);
			}
			checkCondition(agreement.getCondition(), agreement, P.getAgreement_Condition(), "The condition");
		}
		case Freshness freshness ->
			checkCondition(freshness.getCondition(), freshness, P.getFreshness_Condition(), "The condition");
		default -> {
		}
		}
	}

	private void checkRuleApplication(PropertyDecl property, RuleApplication application) {
		Rule rule = application.getRule();
		List<RuleParameter> parameters = rule.getParameters();
		if (parameters.size() != application.getArguments().size()) {
			error("The rule " + rule.getName() + " takes " + parameters.size() + " argument(s), not "
					+ application.getArguments().size(), application, P.getRuleApplication_Rule(),
					IssueCodes.RULE_ARGUMENTS);
			return;
		}
		Map<RuleParameter, Expression> bindings = new HashMap<>();
		for (int i = 0; i < parameters.size(); i++) {
			Expression argument = application.getArguments().get(i);
			bindings.put(parameters.get(i), argument);
			if (parameters.get(i).getKind() == ParameterKind.CONDITION && !types.typeOf(argument).isBool()) {
				error("The argument " + parameters.get(i).getName() + " of rule " + rule.getName()
						+ " is a condition, not " + types.typeOf(argument).describe(), application,
						P.getRuleApplication_Arguments(), i, IssueCodes.RULE_ARGUMENTS);
			}
		}
		checkRuleValueComparisons(rule, application, bindings);
		for (Binary binary : EcoreUtil2.getAllContentsOfType(rule, Binary.class)) {
			String overflow = overflow(binary, bindings);
			if (overflow != null) {
				error("Applied to these arguments, the rule " + rule.getName() + " computes a sum or difference "
						+ "beyond what the checker computes with: " + overflow, application, P.getRuleApplication_Rule(),
						IssueCodes.INTEGER_TOO_LARGE);
				return;
			}
		}
		if (rule.getFormula() != null && !mentionsSomethingThatChanges(rule.getFormula(), bindings)) {
			error("Applied to these arguments, the rule " + rule.getName() + " mentions no state and no step",
					property, P.getPropertyDecl_Name(), IssueCodes.CONSTANT_PROPERTY);
		} else if (rule.getFormula() != null) {
			checkVacuityCondition(property, rule.getFormula(), bindings);
		}
	}

	// ------------------------------------------------------------------ vacuity (semantics §7.5)

	/**
	 * The static case of vacuity (semantics §7.5), an error like {@link IssueCodes#CONSTANT_PROPERTY}
	 * because, like it, the verdict cannot depend on the procedure: the formula's vacuity condition
	 * reads only variables that no step or event of the file assigns (or deletes), and is false in
	 * the initial state, so it is false in every state and the property holds only vacuously. An
	 * option test, a message field, a key derivation, a step or a timer makes the condition
	 * undecided here (the checker's vacuity question answers it). A formula of a rule is read with
	 * its arguments; the error is then at the property.
	 */
	private void checkVacuityCondition(PropertyDecl property, Formula formula, Map<RuleParameter, Expression> bindings) {
		Expression condition;
		EStructuralFeature feature;
		String what;
		switch (formula) {
		case Agreement agreement -> {
			condition = agreement.getCondition();
			feature = P.getAgreement_Condition();
			what = "The agreement's condition";
		}
		case Freshness freshness -> {
			condition = freshness.getCondition();
			feature = P.getFreshness_Condition();
			what = "The freshness condition";
		}
		case Precedence precedence -> {
			condition = precedence.getSecond();
			feature = P.getPrecedence_Second();
			what = "The precedence's second condition";
		}
		case Response response -> {
			condition = response.getTrigger();
			feature = P.getResponse_Trigger();
			what = "The response's trigger";
		}
		case Always always when always.getCondition() instanceof Binary implication
				&& implication.getOperator() == dev.shall.dsl.shall.BinaryOperator.IMPLIES -> {
			condition = implication.getLeft();
			feature = P.getAlways_Condition();
			what = "The invariant's premise";
		}
		default -> {
			return;
		}
		}
		if (condition == null) {
			return;
		}
		Set<Variable> assigned = assignedVariables(property);
		Object value = initialValue(condition, bindings, assigned);
		if (!Boolean.FALSE.equals(value)) {
			return;
		}
		String message = what + " is false in every state (false initially, and decided by variables that no step or"
				+ " event assigns), so " + property.getName() + " holds only vacuously";
		if (bindings.isEmpty()) {
			error(message, formula, feature, IssueCodes.VACUOUS_CONDITION);
		} else {
			error(message + " (applied to these arguments, the rule's condition)", property, P.getPropertyDecl_Name(),
					IssueCodes.VACUOUS_CONDITION);
		}
	}

	/** The variables a step or event of the property's file assigns or deletes. */
	private static Set<Variable> assignedVariables(EObject anywhere) {
		Set<Variable> assigned = new HashSet<>();
		EObject root = EcoreUtil2.getRootContainer(anywhere);
		for (Assignment assignment : EcoreUtil2.getAllContentsOfType(root, Assignment.class)) {
			assigned.add(assignment.getVariable());
		}
		for (Delete delete : EcoreUtil2.getAllContentsOfType(root, Delete.class)) {
			assigned.add(delete.getVariable());
		}
		return assigned;
	}

	/** A value this static reading cannot know: it depends on the state, an option or a message. */
	private static final Object UNDECIDED = new Object();

	/** The value of {@code none} in {@link #initialValue}. */
	private static final Object NONE = new Object();

	/**
	 * The expression's value in every state, when it reads only variables nobody assigns (their
	 * initial values): a Boolean, an Integer, an enumeration literal or key atom, {@link #NONE}; or
	 * {@link #UNDECIDED}. Kleene's logic for {@code and}, {@code or}, {@code implies}, so that
	 * {@code false and <undecided>} is still false.
	 */
	private Object initialValue(Expression expression, Map<RuleParameter, Expression> bindings, Set<Variable> assigned) {
		switch (expression) {
		case dev.shall.dsl.shall.BoolLiteral bool:
			return bool.isValue();
		case IntLiteral integer:
			return integer.getValue();
		case dev.shall.dsl.shall.NoneLiteral none:
			return NONE;
		case Not not: {
			Object operand = initialValue(not.getOperand(), bindings, assigned);
			return operand instanceof Boolean b ? !b : UNDECIDED;
		}
		case NameRef ref: {
			EObject target = ref.getTarget();
			if (target instanceof Variable variable && !variable.eIsProxy()) {
				return assigned.contains(variable) || variable.getInitial() == null ? UNDECIDED
						: initialValue(variable.getInitial(), Map.of(), assigned);
			}
			if (target instanceof dev.shall.dsl.shall.EnumLiteral || target instanceof dev.shall.dsl.shall.KeyAtom) {
				return target;
			}
			if (target instanceof RuleParameter parameter && bindings.containsKey(parameter)) {
				return initialValue(bindings.get(parameter), Map.of(), assigned);
			}
			return UNDECIDED; // a field, an option, an unresolved name
		}
		case Binary binary: {
			Object left = initialValue(binary.getLeft(), bindings, assigned);
			Object right = initialValue(binary.getRight(), bindings, assigned);
			return switch (binary.getOperator()) {
			case AND -> Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right) ? Boolean.FALSE
					: left instanceof Boolean && right instanceof Boolean ? Boolean.TRUE : UNDECIDED;
			case OR -> Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right) ? Boolean.TRUE
					: left instanceof Boolean && right instanceof Boolean ? Boolean.FALSE : UNDECIDED;
			case IMPLIES -> Boolean.FALSE.equals(left) || Boolean.TRUE.equals(right) ? Boolean.TRUE
					: left instanceof Boolean && right instanceof Boolean ? Boolean.FALSE : UNDECIDED;
			case EQ -> left == UNDECIDED || right == UNDECIDED ? UNDECIDED : left.equals(right);
			case NE -> left == UNDECIDED || right == UNDECIDED ? UNDECIDED : !left.equals(right);
			case LT, LE, GT, GE, ADD, SUB -> {
				if (!(left instanceof Integer l) || !(right instanceof Integer r)) {
					yield UNDECIDED;
				}
				yield switch (binary.getOperator()) {
				case LT -> l < r;
				case LE -> l <= r;
				case GT -> l > r;
				case GE -> l >= r;
				case ADD -> l + r;
				default -> l - r;
				};
			}
			};
		}
		default:
			return UNDECIDED; // a step, a timer, a key derivation
		}
	}

	/** Value parameters are compared inside the rule; the arguments bound to them must be comparable. */
	private void checkRuleValueComparisons(Rule rule, RuleApplication application, Map<RuleParameter, Expression> bindings) {
		List<Expression[]> pairs = new ArrayList<>();
		for (Binary binary : EcoreUtil2.getAllContentsOfType(rule, Binary.class)) {
			if (binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.EQ
					|| binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.NE) {
				pairs.add(new Expression[] { binary.getLeft(), binary.getRight() });
			}
		}
		for (Agreement agreement : EcoreUtil2.getAllContentsOfType(rule, Agreement.class)) {
			pairs.add(new Expression[] { agreement.getLeft(), agreement.getRight() });
		}
		if (rule.getFormula() instanceof Agreement agreement) {
			pairs.add(new Expression[] { agreement.getLeft(), agreement.getRight() });
		}
		for (Expression[] pair : pairs) {
			ShallType left = boundType(pair[0], bindings);
			ShallType right = boundType(pair[1], bindings);
			if (!types.isComparable(left, right)) {
				error("The rule " + rule.getName() + " compares its arguments, but " + left.describe() + " and "
						+ right.describe() + " cannot be compared", application, P.getRuleApplication_Rule(),
						IssueCodes.RULE_ARGUMENTS);
				return;
			}
		}
	}

	private ShallType boundType(Expression expression, Map<RuleParameter, Expression> bindings) {
		if (expression instanceof NameRef ref && ref.getTarget() instanceof RuleParameter parameter
				&& bindings.containsKey(parameter)) {
			return types.typeOf(bindings.get(parameter));
		}
		return types.typeOf(expression);
	}

	/** Whether the formula reads a variable or a step, directly or through the arguments bound to a rule. */
	private boolean mentionsSomethingThatChanges(EObject formula, Map<RuleParameter, Expression> bindings) {
		List<EObject> nodes = new ArrayList<>();
		nodes.add(formula);
		formula.eAllContents().forEachRemaining(nodes::add);
		for (EObject node : nodes) {
			if (node instanceof FiredRef || node instanceof TimerTest
					|| node instanceof dev.shall.dsl.shall.AttackerKnows || node instanceof dev.shall.dsl.shall.Secrecy
					|| node instanceof dev.shall.dsl.shall.Authenticity) {
				// semantics §6.7: the attacker's knowledge and the provenance of messages change with the run
				return true;
			}
			if (node instanceof NameRef ref) {
				EObject target = ref.getTarget();
				if (target instanceof Variable || target instanceof Field) {
					return true;
				}
				if (target instanceof RuleParameter parameter && bindings.containsKey(parameter)
						&& mentionsSomethingThatChanges(bindings.get(parameter), Map.of())) {
					return true;
				}
			}
		}
		return false;
	}

	private void checkExpectations(PropertyDecl property) {
		for (Expectation expectation : property.getExpectations()) {
			checkOptionConditions(expectation.getConditions());
		}
		warnShadowed(property.getExpectations());
	}

	/** Beyond this many combinations of the options an expectation leaves open, shadowing is not looked for. */
	private static final int SHADOWING_COMBINATIONS = 4096;

	/**
	 * The first expectation that matches a combination decides its expected verdict (semantics §7.7):
	 * an expectation every combination of which an earlier one matches never applies, and its verdict
	 * is silently not the one expected — as with an unconditional {@code expect holds} written before
	 * {@code expect violated when o = b}. Warned at the later expectation, naming the earlier ones.
	 */
	private void warnShadowed(List<Expectation> expectations) {
		List<Map<OptionDecl, dev.shall.dsl.shall.OptionValue>> fixed = new ArrayList<>();
		for (Expectation expectation : expectations) {
			Map<OptionDecl, dev.shall.dsl.shall.OptionValue> conditions = new java.util.LinkedHashMap<>();
			for (OptionCondition condition : expectation.getConditions()) {
				if (condition.getOption() == null || condition.getOption().eIsProxy() || condition.getValue() == null
						|| condition.getValue().eIsProxy() || conditions.put(condition.getOption(), condition.getValue()) != null) {
					conditions = null; // unresolved or contradictory: reported elsewhere
					break;
				}
			}
			fixed.add(conditions);
		}
		for (int later = 1; later < expectations.size(); later++) {
			Map<OptionDecl, dev.shall.dsl.shall.OptionValue> mine = fixed.get(later);
			if (mine == null || fixed.subList(0, later).contains(null)) {
				continue;
			}
			// the options earlier expectations name that this one leaves open: every combination of them
			List<OptionDecl> open = new ArrayList<>();
			for (Map<OptionDecl, dev.shall.dsl.shall.OptionValue> earlier : fixed.subList(0, later)) {
				for (OptionDecl option : earlier.keySet()) {
					if (!mine.containsKey(option) && !open.contains(option)) {
						open.add(option);
					}
				}
			}
			long combinations = 1;
			for (OptionDecl option : open) {
				combinations *= Math.max(1, option.getValues().size());
			}
			if (combinations > SHADOWING_COMBINATIONS) {
				continue;
			}
			java.util.SortedSet<Integer> lines = new java.util.TreeSet<>();
			boolean shadowed = true;
			for (long index = 0; index < combinations && shadowed; index++) {
				Map<OptionDecl, dev.shall.dsl.shall.OptionValue> combination = new HashMap<>(mine);
				long rest = index;
				for (OptionDecl option : open) {
					int size = Math.max(1, option.getValues().size());
					combination.put(option, option.getValues().isEmpty() ? null : option.getValues().get((int) (rest % size)));
					rest /= size;
				}
				shadowed = false;
				for (int earlier = 0; earlier < later && !shadowed; earlier++) {
					if (combination.entrySet().containsAll(fixed.get(earlier).entrySet())) {
						shadowed = true;
						lines.add(NodeModelUtils.getNode(expectations.get(earlier)).getStartLine());
					}
				}
			}
			if (shadowed) {
				warning("This expectation never applies: " + (lines.size() == 1 ? "the expectation on line " + lines.first()
						+ " comes first and matches" : "the expectations on lines " + lines.stream().map(String::valueOf)
								.collect(java.util.stream.Collectors.joining(", ")) + " come first and match")
						+ " every combination it names (the first matching expectation decides): move it above",
						expectations.get(later), null, IssueCodes.EXPECTATION);
			}
		}
	}

	private void checkOptionConditions(List<OptionCondition> conditions) {
		Set<OptionDecl> options = new HashSet<>();
		for (OptionCondition condition : conditions) {
			if (condition.getOption() != null && !condition.getOption().eIsProxy() && !options.add(condition.getOption())) {
				error("The option " + condition.getOption().getName() + " is named twice in one expectation", condition,
						P.getOptionCondition_Option(), IssueCodes.EXPECTATION);
			}
		}
	}

	// ------------------------------------------------------------------ integer arithmetic

	/**
	 * Why a sum or difference may leave ±{@link Limits#MAX_MAGNITUDE}, or null when it cannot (or
	 * is not arithmetic on known ranges). Only the innermost culprit is named: an operation whose
	 * operands stay within the limit and whose result does not.
	 */
	private String overflow(Binary binary, Map<RuleParameter, Expression> bindings) {
		if (binary.getOperator() != dev.shall.dsl.shall.BinaryOperator.ADD
				&& binary.getOperator() != dev.shall.dsl.shall.BinaryOperator.SUB) {
			return null;
		}
		ShallType.Int left = range(binary.getLeft(), bindings);
		ShallType.Int right = range(binary.getRight(), bindings);
		ShallType.Int result = range(binary, bindings);
		if (left == null || right == null || result == null || !within(left) || !within(right) || within(result)) {
			return null;
		}
		return tooLarge("The " + (binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.ADD ? "sum" : "difference")
				+ " of " + left.describe() + " and " + right.describe() + " can be " + (result.max() > Limits.MAX_MAGNITUDE
						? result.max() : result.min()) + ", which");
	}

	private static long negate(long value) {
		return value == Long.MIN_VALUE ? Long.MAX_VALUE : -value;
	}

	private static boolean within(ShallType.Int range) {
		return Limits.withinMagnitude(range.min()) && Limits.withinMagnitude(range.max());
	}

	/** The values an integer expression can take, seeing through rule parameters to their arguments. */
	private ShallType.Int range(Expression expression, Map<RuleParameter, Expression> bindings) {
		Memo memo = bindings.isEmpty() && expression instanceof Binary ? memo() : null;
		if (memo == null) {
			return computeRange(expression, bindings);
		}
		Map<Binary, Optional<ShallType.Int>> known = memo.ranges();
		Binary binary = (Binary) expression;
		// every node of a long sum asks for its subtree's range: without the memo, quadratic
		Optional<ShallType.Int> range = known.get(binary);
		if (range == null) {
			range = Optional.ofNullable(computeRange(binary, bindings));
			known.put(binary, range);
		}
		return range.orElse(null);
	}

	private ShallType.Int computeRange(Expression expression, Map<RuleParameter, Expression> bindings) {
		if (expression instanceof NameRef ref && ref.getTarget() instanceof RuleParameter parameter
				&& bindings.containsKey(parameter)) {
			return range(bindings.get(parameter), Map.of());
		}
		if (expression instanceof Binary binary && (binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.ADD
				|| binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.SUB)) {
			ShallType.Int left = range(binary.getLeft(), bindings);
			ShallType.Int right = range(binary.getRight(), bindings);
			if (left == null || right == null) {
				return null;
			}
			return binary.getOperator() == dev.shall.dsl.shall.BinaryOperator.ADD
					? new ShallType.Int(Limits.saturatedSum(left.min(), right.min()), Limits.saturatedSum(left.max(),
							right.max()))
					: new ShallType.Int(Limits.saturatedSum(left.min(), negate(right.max())),
							Limits.saturatedSum(left.max(), negate(right.min())));
		}
		return types.typeOf(expression) instanceof ShallType.Int range ? range : null;
	}

	// ------------------------------------------------------------------ helpers

	private void checkCondition(Expression expression, EObject owner, EStructuralFeature feature, String what) {
		if (expression == null) {
			return;
		}
		ShallType type = types.typeOf(expression);
		if (!type.isBool()) {
			error(what + " must be true or false, not " + type.describe(), owner, feature, IssueCodes.TYPE_MISMATCH);
		}
	}

	private void checkAssignable(ShallType target, Expression value, EObject owner, EStructuralFeature feature,
			String what) {
		if (value == null) {
			return;
		}
		ShallType source = types.typeOf(value);
		if (types.isAssignable(target, source)) {
			return;
		}
		if (source instanceof ShallType.None || source instanceof ShallType.Optional optional
				&& types.isAssignable(target, optional.element())) {
			error(what + " cannot be absent: it is " + target.describe() + ", not " + target.describe() + "?", owner,
					feature, IssueCodes.NOT_OPTIONAL);
		} else {
			error(what + " is " + target.describe() + ", but the value is " + source.describe(), owner, feature,
					IssueCodes.TYPE_MISMATCH);
		}
	}

	private static String direction(Channel channel) {
		String a = channel.getEndpointA() == null ? "?" : channel.getEndpointA().getName();
		String b = channel.getEndpointB() == null ? "?" : channel.getEndpointB().getName();
		return channel.isBidirectional() ? "between " + a + " and " + b : "from " + a + " to " + b;
	}

	private static String nameOf(EObject element) {
		EStructuralFeature name = element.eClass().getEStructuralFeature("name");
		return name == null ? null : (String) element.eGet(name);
	}

	private static String describeKind(EObject element) {
		return switch (element) {
		case Step s -> "The step";
		case Event e -> "The step or event";
		case EnumDecl e -> "The type";
		case KeyDecl k -> "The type";
		case OptionDecl o -> "The option";
		case PropertyDecl p -> "The property";
		default -> "The " + element.eClass().getName().toLowerCase();
		};
	}

	private static String qualifiedConstant(EObject constant) {
		return nameOf(constant.eContainer()) + "." + nameOf(constant);
	}

	private static int line(EObject element) {
		INode node = NodeModelUtils.findActualNodeFor(element);
		return node == null ? 0 : node.getStartLine();
	}
}
