package dev.shall.checker.crypto;

/** An EPS encryption algorithm (128-EEA1/2/3): a keystream XORed onto LENGTH bits. */
public interface EpsCipher {

	/** Encrypts or decrypts (the same operation); bits past the input's length stay zero. */
	BitString apply(EpsParameters parameters, BitString input);

	/** The algorithm identity of TS 33.401 clause 5.1.3.2. */
	int identity();
}
