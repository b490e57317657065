package dev.shall.checker.cli;

import static dev.shall.checker.cli.CryptoCommand.hex;
import static dev.shall.checker.cli.CryptoCommand.print;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.shall.checker.crypto.EpsKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shall crypto derive KEY}: the TS 33.401 Annex A derivations by name. */
@Command(name = "derive", mixinStandardHelpOptions = true,
		description = "Derives a TS 33.401 Annex A key: s-kenb, lwip-psk, kenb, kenb-star, nh, alg-key.",
		subcommands = { DeriveCommand.SKenb.class, DeriveCommand.LwipPsk.class, DeriveCommand.Kenb.class,
				DeriveCommand.KenbStar.class, DeriveCommand.Nh.class, DeriveCommand.AlgorithmKey.class })
final class DeriveCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		return CryptoCommand.missingCommand(spec);
	}

	@Command(name = "s-kenb", mixinStandardHelpOptions = true, description = "S-KeNB (A.15, FC 0x1C).")
	static final class SKenb implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--kenb", required = true, description = "the MeNB's KeNB, hex")
		String kenb;
		@Option(names = "--scg-counter", required = true, description = "the SCG Counter, 0..65535")
		int counter;

		@Override
		public Integer call() {
			return print(spec, () -> Map.of("S-KeNB", EpsKeys.sKenb(hex("--kenb", kenb), counter)));
		}
	}

	@Command(name = "lwip-psk", mixinStandardHelpOptions = true, description = "LWIP-PSK (A.16, FC 0x1E).")
	static final class LwipPsk implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--kenb", required = true, description = "KeNB, hex")
		String kenb;
		@Option(names = "--counter", required = true, description = "the LWIP Counter, 0..65535")
		int counter;

		@Override
		public Integer call() {
			return print(spec, () -> Map.of("LWIP-PSK", EpsKeys.lwipPsk(hex("--kenb", kenb), counter)));
		}
	}

	@Command(name = "kenb", mixinStandardHelpOptions = true, description = "KeNB (A.3, FC 0x11).")
	static final class Kenb implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--kasme", required = true, description = "KASME, hex")
		String kasme;
		@Option(names = "--nas-count", required = true, description = "the uplink NAS COUNT, 0..4294967295")
		long count;

		@Override
		public Integer call() {
			return print(spec, () -> Map.of("KeNB", EpsKeys.kenb(hex("--kasme", kasme), count)));
		}
	}

	@Command(name = "kenb-star", mixinStandardHelpOptions = true, description = "KeNB* (A.5, FC 0x13).")
	static final class KenbStar implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--key", required = true, description = "the current KeNB or NH, hex")
		String key;
		@Option(names = "--pci", required = true, description = "the target PCI, 0..503")
		int pci;
		@Option(names = "--earfcn", required = true, description = "the target EARFCN-DL, 0..262143")
		int earfcn;

		@Override
		public Integer call() {
			return print(spec, () -> Map.of("KeNB*", EpsKeys.kenbStar(hex("--key", key), pci, earfcn)));
		}
	}

	@Command(name = "nh", mixinStandardHelpOptions = true, description = "NH (A.4, FC 0x12).")
	static final class Nh implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--kasme", required = true, description = "KASME, hex")
		String kasme;
		@Option(names = "--sync", required = true, description = "the SYNC-input (fresh KeNB or previous NH), hex")
		String sync;

		@Override
		public Integer call() {
			return print(spec, () -> Map.of("NH", EpsKeys.nh(hex("--kasme", kasme), hex("--sync", sync))));
		}
	}

	@Command(name = "alg-key", mixinStandardHelpOptions = true,
			description = "An algorithm key (A.7, FC 0x15), the last 128 bits of the KDF output.")
	static final class AlgorithmKey implements Callable<Integer> {
		@Spec
		CommandSpec spec;
		@Option(names = "--key", required = true, description = "KASME (NAS keys) or KeNB (AS keys), hex")
		String key;
		@Option(names = "--type", required = true, description = "nas-enc, nas-int, rrc-enc, rrc-int, up-enc or up-int")
		String type;
		@Option(names = "--alg", required = true, description = "the algorithm identity, 0..15")
		int algorithm;

		@Override
		public Integer call() {
			return print(spec, () -> Map.of("KEY",
					EpsKeys.algorithmKey(hex("--key", key), CryptoCommand.algorithmType(type), algorithm)));
		}
	}
}
