package dev.temper.autograd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The activation ops by the names the fixture script {@code activations.py} uses (parameters in the name), so the
 * value, derivative, float32 and gradient tests all run over the same table.
 */
final class ActivationTable {
    private ActivationTable() {}

    static Map<String, UnaryOperator<Variable>> ops() {
        Map<String, UnaryOperator<Variable>> ops = new LinkedHashMap<>();
        ops.put("leaky_relu_0.01", x -> LeakyRelu.apply(x, 0.01));
        ops.put("leaky_relu_0.3", x -> LeakyRelu.apply(x, 0.3));
        ops.put("elu_1.0", x -> Elu.apply(x, 1.0));
        ops.put("elu_0.5", x -> Elu.apply(x, 0.5));
        ops.put("selu", Selu::apply);
        ops.put("gelu", x -> Gelu.apply(x, false));
        ops.put("gelu_tanh", x -> Gelu.apply(x, true));
        ops.put("softplus_1_20", x -> Softplus.apply(x, 1.0, 20.0));
        ops.put("softplus_2_20", x -> Softplus.apply(x, 2.0, 20.0));
        ops.put("silu", Silu::apply);
        return ops;
    }

    /** Whether the function has a kink at 0 (finite differences must not straddle it). */
    static boolean hasKinkAtZero(String name) {
        return name.startsWith("leaky_relu") || name.startsWith("elu_0.5") || name.equals("selu");
    }
}
