package dev.shall.checker.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.shall.checker.crypto.AlgorithmType;
import dev.shall.checker.crypto.BitString;
import dev.shall.checker.crypto.Bytes;
import dev.shall.checker.crypto.EpsAlgorithms;
import dev.shall.checker.crypto.EpsParameters;
import dev.shall.checker.crypto.Ikev2Keys;
import dev.shall.checker.crypto.Ikev2Prf;
import dev.shall.checker.crypto.Kdf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shall crypto}: a key calculator for spec authors. Every value is lower-case hex on
 * standard output, one per line ({@code NAME=HEX} when there are several).
 */
@Command(name = "crypto", mixinStandardHelpOptions = true,
		description = "Computes 3GPP and IKEv2 keys and MACs: kdf, derive, eea1-3, eia1-3, ikev2-auth, ikev2-keys.",
		subcommands = { CryptoCommand.KdfCommand.class, DeriveCommand.class, CryptoCommand.Eea1.class,
				CryptoCommand.Eea2.class, CryptoCommand.Eea3.class, CryptoCommand.Eia1.class, CryptoCommand.Eia2.class,
				CryptoCommand.Eia3.class, CryptoCommand.Ikev2Auth.class, CryptoCommand.Ikev2KeysCommand.class })
public final class CryptoCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	/** Without a computation named, a usage error: exit 3, never 0 with nothing computed. */
	@Override
	public Integer call() {
		return missingCommand(spec);
	}

	static int missingCommand(CommandSpec spec) {
		PrintWriter err = spec.commandLine().getErr();
		err.println("shall: '" + spec.qualifiedName(" ").replaceFirst("^shall ", "") + "' needs a command: "
				+ String.join(", ", spec.subcommands().keySet()));
		err.println("Try 'shall " + spec.qualifiedName(" ").replaceFirst("^shall ", "") + " --help'.");
		err.flush();
		return 3;
	}

	/** Runs a computation, turning the library's complaints about its inputs into exit code 3. */
	static Integer print(CommandSpec spec, Callable<Map<String, byte[]>> computation) {
		Map<String, byte[]> values;
		try {
			values = computation.call();
		} catch (BadInput e) {
			throw e;
		} catch (IllegalArgumentException e) {
			throw new BadInput(e.getMessage());
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
		PrintWriter out = spec.commandLine().getOut();
		values.forEach((name, value) -> out.println(values.size() == 1 ? Bytes.hex(value) : name + "=" + Bytes.hex(value)));
		out.flush();
		return 0;
	}

	static byte[] hex(String option, String text) {
		try {
			return Bytes.fromHex(text);
		} catch (IllegalArgumentException e) {
			throw new BadInput(option + ": " + e.getMessage());
		}
	}

	@Command(name = "kdf", mixinStandardHelpOptions = true,
			description = "The 256-bit output of the generic KDF of TS 33.220 Annex B.2.")
	static final class KdfCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--key", required = true, description = "the KDF key, hex")
		String key;
		@Option(names = "--fc", required = true, description = "the function code, one octet in hex")
		String fc;
		@Option(names = "--param", description = "one parameter P_i in hex (repeatable; L_i is its length)")
		List<String> parameters = new ArrayList<>();

		@Override
		public Integer call() {
			byte[] code = hex("--fc", fc);
			if (code.length != 1) {
				throw new BadInput("--fc: FC is one octet, e.g. --fc 1c");
			}
			byte[][] p = parameters.stream().map(value -> hex("--param", value)).toArray(byte[][]::new);
			return print(spec, () -> Map.of("KDF", Kdf.derive(hex("--key", key), code[0] & 0xff, p)));
		}
	}

	/** The options all EPS algorithms share (TS 33.401 B.1.1, B.2.1). */
	abstract static class EpsAlgorithmCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--key", required = true, description = "the 128-bit key, hex")
		String key;
		@Option(names = "--count", required = true, description = "COUNT, 32 bits in hex")
		String count;
		@Option(names = "--bearer", required = true, description = "BEARER, 0..31")
		int bearer;
		@Option(names = "--direction", required = true, description = "DIRECTION, 0 uplink or 1 downlink")
		int direction;
		@Option(names = "--message", required = true, description = "the message (or plaintext), hex")
		String message;
		@Option(names = "--bits", description = "LENGTH in bits, when the message is not whole octets")
		Integer bits;

		private final boolean ciphering;
		private final int identity;

		EpsAlgorithmCommand(boolean ciphering, int identity) {
			this.ciphering = ciphering;
			this.identity = identity;
		}

		private byte[] compute(EpsParameters parameters, BitString input) {
			return ciphering ? EpsAlgorithms.cipher(identity).apply(parameters, input).bytes()
					: EpsAlgorithms.integrity(identity).mac(parameters, input);
		}

		@Override
		public Integer call() {
			byte[] countBytes = hex("--count", count);
			if (countBytes.length == 0 || countBytes.length > 4) {
				throw new BadInput("--count: COUNT is 32 bits (2 to 8 hex digits)");
			}
			long countValue = 0;
			for (byte b : countBytes) {
				countValue = countValue << 8 | b & 0xff;
			}
			long value = countValue;
			byte[] text = hex("--message", message);
			return print(spec, () -> Map.of("OUT", compute(new EpsParameters(hex("--key", key), value, bearer, direction),
					new BitString(text, bits == null ? text.length * 8 : bits))));
		}
	}

	@Command(name = "eea1", mixinStandardHelpOptions = true, description = "128-EEA1 (SNOW 3G) output bits.")
	static final class Eea1 extends EpsAlgorithmCommand {
		Eea1() {
			super(true, 1);
		}
	}

	@Command(name = "eea2", mixinStandardHelpOptions = true, description = "128-EEA2 (AES-CTR) output bits.")
	static final class Eea2 extends EpsAlgorithmCommand {
		Eea2() {
			super(true, 2);
		}
	}

	@Command(name = "eea3", mixinStandardHelpOptions = true, description = "128-EEA3 (ZUC) output bits.")
	static final class Eea3 extends EpsAlgorithmCommand {
		Eea3() {
			super(true, 3);
		}
	}

	@Command(name = "eia1", mixinStandardHelpOptions = true, description = "128-EIA1 (SNOW 3G) 32-bit MAC.")
	static final class Eia1 extends EpsAlgorithmCommand {
		Eia1() {
			super(false, 1);
		}
	}

	@Command(name = "eia2", mixinStandardHelpOptions = true, description = "128-EIA2 (AES-CMAC) 32-bit MAC.")
	static final class Eia2 extends EpsAlgorithmCommand {
		Eia2() {
			super(false, 2);
		}
	}

	@Command(name = "eia3", mixinStandardHelpOptions = true, description = "128-EIA3 (ZUC) 32-bit MAC.")
	static final class Eia3 extends EpsAlgorithmCommand {
		Eia3() {
			super(false, 3);
		}
	}

	@Command(name = "ikev2-auth", mixinStandardHelpOptions = true,
			description = "The AUTH value for a pre-shared key (RFC 7296 2.15).")
	static final class Ikev2Auth implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--prf", required = true, description = "hmac-sha1, hmac-sha256, hmac-sha384 or hmac-sha512")
		String prf;
		@Option(names = "--psk", required = true, description = "the shared secret, hex")
		String psk;
		@Option(names = "--signed-octets", required = true,
				description = "IKE_SA_INIT message | peer nonce | prf(SK_p, ID body), hex")
		String signedOctets;

		@Override
		public Integer call() {
			return print(spec, () -> Map.of("AUTH", Ikev2Prf.ofLabel(prf).pskAuth(hex("--psk", psk),
					hex("--signed-octets", signedOctets))));
		}
	}

	@Command(name = "ikev2-keys", mixinStandardHelpOptions = true,
			description = "SKEYSEED and SK_d, SK_ai, SK_ar, SK_ei, SK_er, SK_pi, SK_pr (RFC 7296 2.14).")
	static final class Ikev2KeysCommand implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--prf", required = true, description = "hmac-sha1, hmac-sha256, hmac-sha384 or hmac-sha512")
		String prf;
		@Option(names = "--ni", required = true, description = "the initiator's nonce data, hex")
		String ni;
		@Option(names = "--nr", required = true, description = "the responder's nonce data, hex")
		String nr;
		@Option(names = "--gir", required = true, description = "the Diffie-Hellman shared secret g^ir, hex")
		String gir;
		@Option(names = "--spii", required = true, description = "the initiator's SPI, 8 octets hex")
		String spii;
		@Option(names = "--spir", required = true, description = "the responder's SPI, 8 octets hex")
		String spir;
		@Option(names = "--encr-key-bytes", required = true, description = "the encryption key length in octets")
		int encryptionKeyBytes;
		@Option(names = "--integ-key-bytes", required = true,
				description = "the integrity key length in octets (0 for an AEAD cipher)")
		int integrityKeyBytes;

		@Override
		public Integer call() {
			if (encryptionKeyBytes < 0 || integrityKeyBytes < 0) {
				throw new BadInput("key lengths are not negative");
			}
			return print(spec, () -> Ikev2Keys.derive(Ikev2Prf.ofLabel(prf), hex("--ni", ni), hex("--nr", nr),
					hex("--gir", gir), hex("--spii", spii), hex("--spir", spir), encryptionKeyBytes, integrityKeyBytes)
					.named());
		}
	}

	static AlgorithmType algorithmType(String label) {
		try {
			return AlgorithmType.ofLabel(label);
		} catch (IllegalArgumentException e) {
			throw new BadInput("--type: " + e.getMessage());
		}
	}
}
