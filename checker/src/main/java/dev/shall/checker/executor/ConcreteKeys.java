package dev.shall.checker.executor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.shall.checker.crypto.AlgorithmType;
import dev.shall.checker.crypto.Bytes;
import dev.shall.checker.crypto.EpsKeys;
import dev.shall.checker.crypto.Kdf;
import dev.shall.checker.lowering.KeyUniverse;
import dev.shall.model.KeyAtom;
import dev.shall.model.KeyDecl;

/**
 * Concrete bytes for the symbolic key terms of a procedure. A base key's atoms are bound by the
 * user ({@code KASME.new=HEX}) or drawn from a seed; a derived key is computed with the 3GPP
 * derivation its declaration names, so that equal terms give equal bytes and different terms
 * different bytes, as the checker assumed.
 */
public final class ConcreteKeys {

	/** How a derived term was computed, for the report. */
	public record Derived(byte[] value, String how) {
	}

	private final KeyUniverse universe;
	private final long seed;
	private final Map<String, byte[]> bindings;
	private final Map<String, Derived> cache = new HashMap<>();

	public ConcreteKeys(KeyUniverse universe, long seed, Map<String, byte[]> bindings) {
		this.universe = universe;
		this.seed = seed;
		this.bindings = new LinkedHashMap<>(bindings);
	}

	/** The names a binding may use: every atom of every base key, as {@code Key.atom}. */
	public static List<String> atomNames(List<KeyDecl> keys) {
		return keys.stream().filter(k -> k.getParents().isEmpty())
				.flatMap(k -> k.getAtoms().stream().map(a -> k.getName() + "." + a.getName())).toList();
	}

	public byte[] value(KeyDecl key, int term) {
		return derive(key, term).value();
	}

	public Derived derive(KeyDecl key, int term) {
		String name = universe.describe(key, term);
		Derived known = cache.get(name);
		if (known != null) {
			return known;
		}
		Derived derived;
		if (key.getParents().isEmpty()) {
			KeyAtom atom = key.getAtoms().get(term);
			byte[] bound = bindings.get(key.getName() + "." + atom.getName());
			derived = bound != null ? new Derived(bound, "bound on the command line")
					: new Derived(seeded(name), "drawn from seed " + seed);
		} else {
			derived = derived(key, term);
		}
		cache.put(name, derived);
		return derived;
	}

	private Derived derived(KeyDecl key, int term) {
		KeyUniverse.Decoded decoded = universe.decode(key, term);
		int[] arguments = decoded.arguments();
		byte[] parent = value(decoded.parent(), decoded.parentTerm());
		String parentName = universe.describe(decoded.parent(), decoded.parentTerm());
		String derivation = key.getDerivation().toLowerCase(Locale.ROOT);
		if (arguments.length < inputsOf(derivation)) {
			derivation = "(too few inputs for " + derivation + ")";
		}
		return switch (derivation) {
		case "s_kenb", "skenb" -> new Derived(EpsKeys.sKenb(parent, arguments[0]),
				"KDF(" + parentName + ", FC 0x1C, SCG Counter " + arguments[0] + ") (TS 33.401 A.15)");
		case "lwip_psk", "lwippsk" -> new Derived(EpsKeys.lwipPsk(parent, arguments[0]),
				"KDF(" + parentName + ", FC 0x1E, LWIP Counter " + arguments[0] + ") (TS 33.401 A.16)");
		case "kenb" -> new Derived(EpsKeys.kenb(parent, arguments[0]),
				"KDF(" + parentName + ", FC 0x11, uplink NAS COUNT " + arguments[0] + ") (TS 33.401 A.3)");
		case "nh" -> {
			// the NH chain of A.4, read as NH_1 = KDF(KASME, KeNB) with KeNB = A.3(KASME, uplink NAS COUNT 0),
			// NH_n = KDF(KASME, NH_n-1): the argument is the chain position (the NCC counts the same way)
			byte[] sync = EpsKeys.kenb(parent, 0);
			for (int n = 0; n < arguments[0]; n++) {
				sync = EpsKeys.nh(parent, sync);
			}
			yield new Derived(sync, "NH number " + arguments[0] + " of the chain KDF(" + parentName
					+ ", FC 0x12, SYNC-input) from KeNB = KDF(" + parentName + ", FC 0x11, NAS COUNT 0) (TS 33.401 A.3, A.4)");
		}
		case "kenb_star", "kenbstar" -> {
			// a model that leaves the frequency out derives for EARFCN-DL 0, and says so
			int earfcn = arguments.length > 1 ? arguments[1] : 0;
			yield new Derived(EpsKeys.kenbStar(parent, arguments[0], earfcn), "KDF(" + parentName + ", FC 0x13, PCI "
					+ arguments[0] + ", EARFCN-DL " + earfcn + (arguments.length > 1 ? "" : " (not in the model)")
					+ ") (TS 33.401 A.5)");
		}
		case "alg_key", "algkey" -> {
			AlgorithmType type = KeyUsage.algorithmTypeOf(key);
			yield new Derived(EpsKeys.algorithmKey(parent, type, arguments[0]), "last 128 bits of KDF(" + parentName
					+ ", FC 0x15, " + type.label() + ", algorithm " + arguments[0] + ") (TS 33.401 A.7)");
		}
		default -> {
			// not a derivation the executor knows: a stand-in that keeps distinct inputs distinct, said so
			byte[] input = Bytes.concat(key.getDerivation().getBytes(StandardCharsets.UTF_8), argumentBytes(arguments));
			yield new Derived(Kdf.hmacSha256(parent, input), "stand-in HMAC-SHA-256(" + parentName + ", "
					+ key.getDerivation() + argumentList(arguments) + "): '" + key.getDerivation()
					+ "' is not a 3GPP derivation the executor knows");
		}
		};
	}

	/** The integer inputs a known derivation needs (beyond its parent key). */
	private static int inputsOf(String derivation) {
		return switch (derivation) {
		case "s_kenb", "skenb", "lwip_psk", "lwippsk", "kenb", "nh", "alg_key", "algkey", "kenb_star", "kenbstar" -> 1;
		default -> 0;
		};
	}

	private static byte[] argumentBytes(int[] arguments) {
		byte[] out = new byte[4 * arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			System.arraycopy(Bytes.bigEndian(arguments[i] & 0xffffffffL, 4), 0, out, 4 * i, 4);
		}
		return out;
	}

	private static String argumentList(int[] arguments) {
		StringBuilder text = new StringBuilder();
		for (int argument : arguments) {
			text.append(", ").append(argument);
		}
		return text.toString();
	}

	/** 256 bits from the seed and the atom's name: repeatable runs, different atoms different keys. */
	private byte[] seeded(String name) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return sha256.digest(("shall replay " + seed + " " + name).getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from the JDK", e);
		}
	}
}
