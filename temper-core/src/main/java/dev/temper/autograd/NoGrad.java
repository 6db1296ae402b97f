package dev.temper.autograd;

/**
 * A scope in which ops record no graph: for evaluation and for parameter updates.
 *
 * <pre>{@code
 * try (NoGrad scope = NoGrad.enter()) {
 *     Variable logits = model.forward(x);   // no graph, no memory held for backward
 * }
 * }</pre>
 *
 * <p>The state is per thread (a counter, so scopes nest), like PyTorch's {@code torch.no_grad()}.
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private boolean closed;

    private NoGrad() {
        DEPTH.get()[0]++;
    }

    public static NoGrad enter() {
        return new NoGrad();
    }

    /** True unless the current thread is inside a {@code NoGrad} scope. */
    public static boolean isGradEnabled() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DEPTH.get()[0]--;
        }
    }
}
