package dev.shall.checker.crypto;

/** An EPS integrity algorithm (128-EIA1/2/3): a 32-bit MAC-I / NAS-MAC over LENGTH bits. */
public interface EpsIntegrity {

	byte[] mac(EpsParameters parameters, BitString message);

	/** The algorithm identity of TS 33.401 clause 5.1.4.2. */
	int identity();
}
