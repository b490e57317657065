package dev.shall.checker.sat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.Cleaner;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link SatSolver} on CaDiCaL's IPASIR-style C API ({@code ccadical.h}), called through the JDK's
 * foreign-function API (JEP 454, final in JDK 22), incrementally: clauses are added between calls,
 * assumptions hold for one call, {@code ccadical_failed} gives the failed assumptions.
 *
 * <p>The project compiles for Java 21, where {@code java.lang.foreign} is a preview API, so this class
 * names none of its types: the few handles are made once by reflection (on JDK 22+ only), and the
 * hot calls are plain {@link MethodHandle#invokeExact} with the solver's pointer typed as
 * {@code Object}. On JDK 21, or without the library, {@link #available()} is false and nothing here
 * is loaded into the process.
 *
 * <p>The library is a shared {@code libcadical} (Debian ships only the static archive; {@code
 * checker/src/main/native/libcadical.sh} links it into {@code ~/.cache/shall/native/libcadical.so}).
 * It is looked for, in order, at {@code -Dshall.cadical.lib}, {@code $SHALL_CADICAL_LIB}, that cache
 * file and the usual system library folders.
 *
 * <p>Budgets: the conflict budget is CaDiCaL's per-call {@code conflicts} limit; the deadline and
 * {@link #interrupt()} are read by a terminate callback that CaDiCaL polls during search (one
 * up-call stub for the process; the solver's number is the callback's state pointer). {@link
 * #conflicts()} counts learnt clauses through CaDiCaL's learn callback, which it calls once per
 * conflict analysis: the same figure as SAT4J's conflicts up to the conflicts that learn nothing.
 */
public final class CadicalSolver implements SatSolver {

	/** Why the backend cannot be used, or null when it can; computed once. */
	private static final String UNAVAILABLE;
	private static final MethodHandle INIT, RELEASE, ADD, ASSUME, SOLVE, VAL, FAILED, LIMIT, SET_TERMINATE, SET_LEARN,
			SIGNATURE;
	/** The address of the terminate and learn up-call stubs (as MemorySegment, typed Object). */
	private static final Object TERMINATE_STUB, LEARN_STUB;
	/** MemorySegment.ofAddress(long), for the callbacks' state pointers. */
	private static final MethodHandle OF_ADDRESS;
	private static final MethodHandle ADDRESS_OF;
	private static final String LIBRARY;
	/** "conflicts" as a C string, for {@code ccadical_limit}. */
	private static final Object CONFLICTS;

	private static final Cleaner CLEANER = Cleaner.create();
	/** {@code -Dshall.cadical.conflicts=false} leaves the learn callback out (conflicts() then stays 0). */
	private static final boolean COUNT_CONFLICTS = !"false".equals(System.getProperty("shall.cadical.conflicts"));
	private static final AtomicLong NEXT_ID = new AtomicLong(1);
	/** Each live solver's control block, by the number passed to the callbacks as their state. */
	private static final Map<Long, Control> CONTROLS = new ConcurrentHashMap<>();

	static {
		String why = null;
		MethodHandle init = null, release = null, add = null, assume = null, solve = null, val = null, failed = null,
				limit = null, setTerminate = null, setLearn = null, signature = null, ofAddress = null, addressOf = null;
		Object terminateStub = null, learnStub = null, conflicts = null;
		Path library = null;
		try {
			if (Runtime.version().feature() < 22) {
				throw new UnsupportedOperationException("the foreign-function API needs JDK 22 or newer (this is JDK "
						+ Runtime.version().feature() + ")");
			}
			library = findLibrary();
			if (library == null) {
				throw new UnsupportedOperationException("no libcadical shared library found (set SHALL_CADICAL_LIB, or "
						+ "run checker/src/main/native/libcadical.sh to link Debian's libcadical-dev into "
						+ cacheFile() + ")");
			}
			Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
			Class<?> arenaClass = Class.forName("java.lang.foreign.Arena");
			Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
			Class<?> lookupClass = Class.forName("java.lang.foreign.SymbolLookup");
			Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
			Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
			Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
			Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
			Object arena = arenaClass.getMethod("global").invoke(null);
			Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
			Object lookup = lookupClass.getMethod("libraryLookup", Path.class, arenaClass).invoke(null, library, arena);
			Object intLayout = valueLayout.getField("JAVA_INT").get(null);
			Object pointer = valueLayout.getField("ADDRESS").get(null);
			Method find = lookupClass.getMethod("find", String.class);
			Object layouts = Array.newInstance(layoutClass, 0);
			Method of = descriptorClass.getMethod("of", layoutClass, layouts.getClass());
			Method ofVoid = descriptorClass.getMethod("ofVoid", layouts.getClass());
			Method downcall = linkerClass.getMethod("downcallHandle", segment, descriptorClass, Array.newInstance(
					optionClass, 0).getClass());
			// short calls that never call back: no thread-state transition (Linker.Option.critical)
			Object critical = Array.newInstance(optionClass, 1);
			Array.set(critical, 0, optionClass.getMethod("critical", boolean.class).invoke(null, false));
			Object none = Array.newInstance(optionClass, 0);
			record Downcall(Object linker, Method find, Object lookup, Method downcall, Method of, Method ofVoid,
					Class<?> layoutClass) {
				MethodHandle handle(String name, Object options, Object result, Object... arguments) throws Exception {
					Object symbol = ((java.util.Optional<?>) find.invoke(lookup, name)).orElseThrow(
							() -> new UnsupportedOperationException("the library has no " + name));
					Object array = Array.newInstance(layoutClass, arguments.length);
					for (int i = 0; i < arguments.length; i++) {
						Array.set(array, i, arguments[i]);
					}
					Object descriptor = result == null ? ofVoid.invoke(null, array) : of.invoke(null, result, array);
					return (MethodHandle) downcall.invoke(linker, symbol, descriptor, options);
				}
			}
			Downcall d = new Downcall(linker, find, lookup, downcall, of, ofVoid, layoutClass);
			// the solver's pointer travels as Object (a MemorySegment): asType casts it back
			signature = erase(d.handle("ccadical_signature", critical, pointer), segment);
			init = erase(d.handle("ccadical_init", none, pointer), segment);
			release = erase(d.handle("ccadical_release", none, null, pointer), segment);
			add = erase(d.handle("ccadical_add", critical, null, pointer, intLayout), segment);
			assume = erase(d.handle("ccadical_assume", critical, null, pointer, intLayout), segment);
			// solve calls back (terminate, learn): not critical
			solve = erase(d.handle("ccadical_solve", none, intLayout, pointer), segment);
			val = erase(d.handle("ccadical_val", critical, intLayout, pointer, intLayout), segment);
			failed = erase(d.handle("ccadical_failed", critical, intLayout, pointer, intLayout), segment);
			limit = erase(d.handle("ccadical_limit", none, null, pointer, pointer, intLayout), segment);
			setTerminate = erase(d.handle("ccadical_set_terminate", none, null, pointer, pointer, pointer), segment);
			setLearn = erase(d.handle("ccadical_set_learn", none, null, pointer, pointer, intLayout, pointer), segment);
			ofAddress = MethodHandles.publicLookup().findStatic(segment, "ofAddress", MethodType.methodType(segment,
					long.class)).asType(MethodType.methodType(Object.class, long.class));
			addressOf = MethodHandles.publicLookup().findVirtual(segment, "address", MethodType.methodType(long.class))
					.asType(MethodType.methodType(long.class, Object.class));
			// the callbacks: int terminate(void *state) and void learn(void *state, int *clause)
			Method upcall = linkerClass.getMethod("upcallStub", MethodHandle.class, descriptorClass, arenaClass, Array
					.newInstance(optionClass, 0).getClass());
			MethodHandle terminate = MethodHandles.lookup().findStatic(CadicalSolver.class, "terminate", MethodType
					.methodType(int.class, Object.class)).asType(MethodType.methodType(int.class, segment));
			terminateStub = upcall.invoke(linker, terminate, d.of.invoke(null, intLayout, array(layoutClass, pointer)),
					arena, none);
			MethodHandle learn = MethodHandles.lookup().findStatic(CadicalSolver.class, "learn", MethodType.methodType(
					void.class, Object.class, Object.class)).asType(MethodType.methodType(void.class, segment, segment));
			learnStub = upcall.invoke(linker, learn, d.ofVoid.invoke(null, array(layoutClass, pointer, pointer)), arena,
					none);
			conflicts = Class.forName("java.lang.foreign.SegmentAllocator").getMethod("allocateFrom", String.class)
					.invoke(arena, "conflicts");
		} catch (Throwable e) {
			Throwable cause = e instanceof java.lang.reflect.InvocationTargetException t && t.getCause() != null ? t
					.getCause() : e;
			why = cause instanceof UnsupportedOperationException ? cause.getMessage()
					: "cannot load CaDiCaL" + (library == null ? "" : " from " + library) + ": " + cause;
		}
		UNAVAILABLE = why;
		INIT = init;
		RELEASE = release;
		ADD = add;
		ASSUME = assume;
		SOLVE = solve;
		VAL = val;
		FAILED = failed;
		LIMIT = limit;
		SET_TERMINATE = setTerminate;
		SET_LEARN = setLearn;
		SIGNATURE = signature;
		OF_ADDRESS = ofAddress;
		ADDRESS_OF = addressOf;
		TERMINATE_STUB = terminateStub;
		LEARN_STUB = learnStub;
		LIBRARY = library == null ? null : library.toString();
		CONFLICTS = conflicts;
	}

	private static Object array(Class<?> component, Object... values) {
		Object array = Array.newInstance(component, values.length);
		for (int i = 0; i < values.length; i++) {
			Array.set(array, i, values[i]);
		}
		return array;
	}

	/** The handle with every MemorySegment in its type replaced by Object. */
	private static MethodHandle erase(MethodHandle handle, Class<?> segment) {
		MethodType type = handle.type();
		for (int i = 0; i < type.parameterCount(); i++) {
			if (type.parameterType(i) == segment) {
				type = type.changeParameterType(i, Object.class);
			}
		}
		if (type.returnType() == segment) {
			type = type.changeReturnType(Object.class);
		}
		return handle.asType(type);
	}

	/** Where {@code libcadical.sh} puts the shared library: {@code ~/.cache/shall/native/}. */
	public static Path cacheFile() {
		String cache = System.getenv("XDG_CACHE_HOME");
		Path base = cache != null && !cache.isEmpty() ? Path.of(cache) : Path.of(System.getProperty("user.home"),
				".cache");
		return base.resolve("shall").resolve("native").resolve(System.mapLibraryName("cadical"));
	}

	private static Path findLibrary() {
		List<Path> candidates = new ArrayList<>();
		String property = System.getProperty("shall.cadical.lib");
		String environment = System.getenv("SHALL_CADICAL_LIB");
		for (String given : new String[] { property, environment }) {
			if (given != null && !given.isBlank()) {
				// named explicitly: that file or nothing
				Path path = Path.of(given);
				return Files.isRegularFile(path) ? path.toAbsolutePath() : null;
			}
		}
		candidates.add(cacheFile());
		String name = System.mapLibraryName("cadical");
		for (String folder : new String[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
				"/usr/lib", "/usr/local/lib", "/opt/homebrew/lib" }) {
			candidates.add(Path.of(folder, name));
		}
		return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(null);
	}

	/** Whether the backend can be used in this process. */
	public static boolean available() {
		return UNAVAILABLE == null;
	}

	/** Why it cannot ({@link #available()} false), or null. */
	public static String unavailableReason() {
		return UNAVAILABLE;
	}

	/** The library's signature (e.g. "cadical-1.5.3") and file, for reports. */
	public static String describe() {
		if (!available()) {
			return "cadical (unavailable: " + UNAVAILABLE + ")";
		}
		try {
			Object text = (Object) SIGNATURE.invokeExact();
			Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
			Object sized = segment.getMethod("reinterpret", long.class).invoke(text, 256L);
			String signature = (String) segment.getMethod("getString", long.class).invoke(sized, 0L);
			return signature + " (" + LIBRARY + ")";
		} catch (Throwable e) {
			return "cadical (" + LIBRARY + ")";
		}
	}

	/** What the callbacks read: a solver's budget and stop request, and its conflict count. */
	private static final class Control {
		volatile boolean interrupted;
		volatile long deadline = Long.MAX_VALUE;
		long learnt;
		/** Polls between deadline reads: System.nanoTime() costs more than the callback itself. */
		int polls;
	}

	/** CaDiCaL's terminate callback: non-zero stops the running call. */
	private static int terminate(Object state) {
		Control control = CONTROLS.get(addressOf(state));
		if (control == null) {
			return 1;
		}
		if (control.interrupted) {
			return 1;
		}
		if ((++control.polls & 63) == 0 && control.deadline != Long.MAX_VALUE) {
			return System.nanoTime() - control.deadline > 0 ? 1 : 0;
		}
		return 0;
	}

	/** CaDiCaL's learn callback: counts the clauses learnt (one per conflict analysis). */
	private static void learn(Object state, Object clause) {
		Control control = CONTROLS.get(addressOf(state));
		if (control != null) {
			control.learnt++;
		}
	}

	private static long addressOf(Object segment) {
		try {
			return (long) ADDRESS_OF.invokeExact(segment);
		} catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

	private final Object solver;
	private final long id;
	private final Control control = new Control();
	private final Cleaner.Cleanable cleanable;
	private int variables;
	private int clauses;
	private long conflictBudget;
	private int[] lastAssumptions = new int[0];
	private SatAnswer lastAnswer;
	/**
	 * The last answer's model (bit per variable) or failed assumptions, copied out of the solver
	 * before a clause is added: CaDiCaL answers {@code val} and {@code failed} only until the next
	 * change (after it, its API contract aborts the process), while SAT4J's model and explanation
	 * last until the next call, and the engines read them that way.
	 */
	private java.util.BitSet modelCopy;
	private int[] failedCopy;

	/** @throws UnsupportedOperationException when the backend is not {@link #available()} */
	public CadicalSolver() {
		if (!available()) {
			throw new UnsupportedOperationException(UNAVAILABLE);
		}
		try {
			solver = (Object) INIT.invokeExact();
			id = NEXT_ID.getAndIncrement();
			CONTROLS.put(id, control);
			Object state = (Object) OF_ADDRESS.invokeExact(id);
			SET_TERMINATE.invokeExact(solver, state, TERMINATE_STUB);
			if (COUNT_CONFLICTS) {
				// max_length: every learnt clause is reported, so that each conflict is counted
				SET_LEARN.invokeExact(solver, state, Integer.MAX_VALUE, LEARN_STUB);
			}
		} catch (Throwable e) {
			throw new IllegalStateException("CaDiCaL: " + e, e);
		}
		// released when closed, or when dropped without close (the action holds no reference to this)
		Object pointer = solver;
		long number = id;
		cleanable = CLEANER.register(this, () -> {
			CONTROLS.remove(number);
			try {
				RELEASE.invokeExact(pointer);
			} catch (Throwable e) {
				// nothing to do at that point
			}
		});
	}

	@Override
	public int newVariable() {
		// CaDiCaL grows its tables on the first use of a variable
		return ++variables;
	}

	@Override
	public void addClause(int... literals) {
		clauses++;
		keepAnswer();
		try {
			for (int literal : literals) {
				ADD.invokeExact(solver, literal);
			}
			ADD.invokeExact(solver, 0);
		} catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public SatAnswer solve(int... assumptions) {
		if (control.interrupted) {
			return lastAnswer = SatAnswer.UNKNOWN;
		}
		if (control.deadline != Long.MAX_VALUE && System.nanoTime() - control.deadline >= 0) {
			return lastAnswer = SatAnswer.UNKNOWN;
		}
		lastAssumptions = assumptions.clone();
		modelCopy = null;
		failedCopy = null;
		try {
			for (int literal : assumptions) {
				ASSUME.invokeExact(solver, literal);
			}
			if (conflictBudget > 0) {
				LIMIT.invokeExact(solver, CONFLICTS, (int) Math.min(Integer.MAX_VALUE, conflictBudget));
			}
			int result = (int) SOLVE.invokeExact(solver);
			return lastAnswer = switch (result) {
			case 10 -> SatAnswer.SAT;
			case 20 -> SatAnswer.UNSAT;
			default -> SatAnswer.UNKNOWN;
			};
		} catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

	/** Copies the model or the failed assumptions out of the solver, once, before it changes. */
	private void keepAnswer() {
		if (lastAnswer == SatAnswer.SAT && modelCopy == null) {
			java.util.BitSet model = new java.util.BitSet(variables + 1);
			for (int v = 1; v <= variables; v++) {
				if (nativeValue(v)) {
					model.set(v);
				}
			}
			modelCopy = model;
		} else if (lastAnswer == SatAnswer.UNSAT && failedCopy == null) {
			failedCopy = nativeFailed();
		}
	}

	@Override
	public int[] failedAssumptions() {
		if (lastAnswer != SatAnswer.UNSAT) {
			return lastAssumptions.clone();
		}
		return failedCopy != null ? failedCopy.clone() : nativeFailed();
	}

	private int[] nativeFailed() {
		try {
			int[] failed = new int[lastAssumptions.length];
			int count = 0;
			for (int literal : lastAssumptions) {
				if ((int) FAILED.invokeExact(solver, literal) != 0) {
					failed[count++] = literal;
				}
			}
			return java.util.Arrays.copyOf(failed, count);
		} catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public boolean value(int variable) {
		if (lastAnswer != SatAnswer.SAT) {
			throw new IllegalStateException("no model: the last call answered " + lastAnswer);
		}
		if (modelCopy != null) {
			return modelCopy.get(variable);
		}
		return nativeValue(variable);
	}

	private boolean nativeValue(int variable) {
		try {
			return (int) VAL.invokeExact(solver, variable) > 0;
		} catch (Throwable e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public int variables() {
		return variables;
	}

	@Override
	public int clauses() {
		return clauses;
	}

	@Override
	public long conflicts() {
		return control.learnt;
	}

	@Override
	public void setConflictBudget(long conflicts) {
		this.conflictBudget = conflicts;
	}

	@Override
	public void setDeadline(long nanoTime) {
		control.deadline = nanoTime;
	}

	@Override
	public void interrupt() {
		control.interrupted = true;
	}

	@Override
	public void close() {
		cleanable.clean();
	}
}
