package dev.temper.cli.config;

/**
 * One entry of the model's layer list.
 *
 * @param kind the layer; {@code dense} has parameters, the other kinds are activations
 * @param units output width of a dense layer; 0 for an activation layer
 * @param activation applied after a dense layer, or null for none (logits); always null for an
 *     activation layer
 * @param rate probability of dropping a unit, for a dropout layer; 0 for every other kind
 */
public record LayerSpec(LayerKind kind, int units, LayerKind activation, double rate) {
    public LayerSpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (kind == LayerKind.DROPOUT) {
            Range.FRACTION.check("rate", rate);
        } else if (rate != 0) {
            throw new IllegalArgumentException("rate applies to dropout layers only, got " + rate + " for " + kind.yamlName());
        }
        if (kind == LayerKind.DENSE) {
            Range.AT_LEAST_ONE.check("units", units);
            if (activation != null && !activation.isActivation()) {
                throw new IllegalArgumentException(
                        "activation must be one of " + LayerKind.activations() + " or null, got " + activation);
            }
        } else {
            if (units != 0) {
                throw new IllegalArgumentException(
                        "units applies to dense layers only, got " + units + " for " + kind.yamlName());
            }
            if (activation != null) {
                throw new IllegalArgumentException(
                        "activation applies to dense layers only, got " + activation + " for " + kind.yamlName());
            }
        }
    }

    /** A layer without a dropout rate (every kind but dropout). */
    public LayerSpec(LayerKind kind, int units, LayerKind activation) {
        this(kind, units, activation, 0);
    }

    /** Inverted dropout that drops each unit with probability {@code rate} during training. */
    public static LayerSpec dropout(double rate) {
        return new LayerSpec(LayerKind.DROPOUT, 0, null, rate);
    }

    /** A dense layer with no activation: its output is logits when it is the last layer. */
    public static LayerSpec dense(int units) {
        return new LayerSpec(LayerKind.DENSE, units, null);
    }

    /** A dense layer followed by {@code activation} (one of {@link LayerKind#activations()}). */
    public static LayerSpec dense(int units, LayerKind activation) {
        return new LayerSpec(LayerKind.DENSE, units, activation);
    }

    /** A stand-alone activation layer such as {@code relu}. */
    public static LayerSpec activation(LayerKind kind) {
        if (kind == null || !kind.isActivation()) {
            throw new IllegalArgumentException("kind must be one of " + LayerKind.activations() + ", got " + kind);
        }
        return new LayerSpec(kind, 0, null);
    }

    /** A layer written as a bare name: an activation or a normalization layer. */
    public static LayerSpec withoutSettings(LayerKind kind) {
        if (kind == null || !kind.takesNoSettings()) {
            throw new IllegalArgumentException("kind must be a layer without settings, got " + kind);
        }
        return new LayerSpec(kind, 0, null);
    }

    /** Whether this layer ends in a softmax, stand-alone or after a dense layer. */
    public boolean endsInSoftmax() {
        return kind == LayerKind.SOFTMAX || activation == LayerKind.SOFTMAX;
    }
}
