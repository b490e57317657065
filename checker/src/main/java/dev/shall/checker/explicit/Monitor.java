package dev.shall.checker.explicit;

/**
 * The history a property needs beyond the current state (whether something happened before,
 * which values were used), kept per instance in {@link ConcreteState#monitor()}.
 */
interface Monitor {

	/** The monitor state of one instance in an initial state. */
	long[] initial();

	/** The monitor state of the instance after leaving {@code before}. */
	long[] next(ConcreteState before, int instance);

	/**
	 * Whether the states keep that this action's move produced them ({@link ConcreteState#lastAction()}):
	 * only where the question reads it (the step of a dead-step question, the steps a property names
	 * with {@code step X}); otherwise two states that differ only in it are the same state.
	 */
	default boolean keepsLastMove(dev.shall.checker.lowering.Action action) {
		return true;
	}

	Monitor NONE = new Monitor() {
		@Override
		public long[] initial() {
			return new long[0];
		}

		@Override
		public long[] next(ConcreteState before, int instance) {
			return before.monitor()[instance];
		}
	};

	/**
	 * No monitor, but states that forget the last move as the question's states do ({@link
	 * dev.shall.checker.lowering.Obligation#keepsLastMove}): for samples of a question whose property
	 * the interpreter does not monitor, so that they are states the encoding can reach (semantics §2.2).
	 */
	static Monitor none(dev.shall.checker.lowering.Obligation obligation) {
		return new Monitor() {
			@Override
			public long[] initial() {
				return NONE.initial();
			}

			@Override
			public long[] next(ConcreteState before, int instance) {
				return NONE.next(before, instance);
			}

			@Override
			public boolean keepsLastMove(dev.shall.checker.lowering.Action action) {
				return obligation.keepsLastMove(action.kind() == dev.shall.checker.lowering.Action.Kind.TRANSITION
						? action.transition() : null);
			}
		};
	}
}
