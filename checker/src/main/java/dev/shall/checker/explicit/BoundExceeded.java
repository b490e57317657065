package dev.shall.checker.explicit;

/** An action would leave the model's declared bounds: a full channel, or a value out of its range. */
final class BoundExceeded extends Exception {

	private static final long serialVersionUID = 1L;

	BoundExceeded(String what) {
		super(what, null, false, false);
	}
}
