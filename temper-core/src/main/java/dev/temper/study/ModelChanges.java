package dev.temper.study;

import dev.temper.nn.BatchNormalization;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ELU;
import dev.temper.nn.GELU;
import dev.temper.nn.Layer;
import dev.temper.nn.LeakyReLU;
import dev.temper.nn.Model;
import dev.temper.nn.ReLU;
import dev.temper.nn.SELU;
import dev.temper.nn.Sequential;
import dev.temper.nn.SiLU;
import dev.temper.nn.Sigmoid;
import dev.temper.nn.Softplus;
import dev.temper.nn.Tanh;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to a multilayer perceptron's architecture that keep its weights: layers are inserted around the existing
 * ones, which are reused as they are. A regime built from these therefore starts from the same initial weights as
 * the baseline of the same seed (the inserted layers draw nothing when built), so the comparison is paired.
 *
 * <p>"Hidden" means before the last {@link Dense} layer: the output layer is left alone.
 */
public final class ModelChanges {
    private ModelChanges() {}

    /**
     * Dropout with {@code rate} after every hidden activation, and with {@code inputRate} on the inputs when it is
     * above 0 (Srivastava et al. 2014, "Dropout: a simple way to prevent neural networks from overfitting", JMLR 15:
     * 0.5 after hidden units, 0.2 on inputs).
     */
    public static Sequential dropout(Model model, double rate, double inputRate) {
        Sequential s = sequential(model, "dropout");
        new Dropout(rate); // validates the rates before anything is built
        if (inputRate > 0) {
            new Dropout(inputRate);
        }
        int lastDense = lastDense(s);
        List<Layer> out = new ArrayList<>();
        if (inputRate > 0) {
            out.add(new Dropout(inputRate));
        }
        int inserted = 0;
        for (int i = 0; i < s.layers().size(); i++) {
            Layer layer = s.layers().get(i);
            out.add(layer);
            if (i < lastDense && isActivation(layer)) {
                out.add(new Dropout(rate));
                inserted++;
            }
        }
        if (inserted == 0) {
            throw new IllegalArgumentException("ModelChanges.dropout: the model has no hidden activation to put dropout after: "
                    + s.layerNames());
        }
        return new Sequential(out);
    }

    /**
     * Batch normalization (Ioffe and Szegedy 2015) after every hidden dense layer, before its activation, as in the
     * paper; the dense layer keeps its bias (redundant before the normalization's shift, and harmless).
     */
    public static Sequential batchNormalization(Model model) {
        Sequential s = sequential(model, "batch normalization");
        int lastDense = lastDense(s);
        List<Layer> out = new ArrayList<>();
        int inserted = 0;
        for (int i = 0; i < s.layers().size(); i++) {
            Layer layer = s.layers().get(i);
            out.add(layer);
            if (i < lastDense && layer instanceof Dense d) {
                out.add(new BatchNormalization(d.units()));
                inserted++;
            }
        }
        if (inserted == 0) {
            throw new IllegalArgumentException("ModelChanges.batchNormalization: the model has no hidden dense layer: "
                    + s.layerNames());
        }
        return new Sequential(out);
    }

    /** Whether {@code layer} is an elementwise activation (after which dropout goes). */
    static boolean isActivation(Layer layer) {
        return layer instanceof ReLU || layer instanceof LeakyReLU || layer instanceof ELU || layer instanceof SELU
                || layer instanceof GELU || layer instanceof Sigmoid || layer instanceof Tanh
                || layer instanceof Softplus || layer instanceof SiLU;
    }

    private static Sequential sequential(Model model, String change) {
        if (!(model instanceof Sequential s)) {
            throw new IllegalArgumentException("ModelChanges: " + change + " inserts layers into a Sequential model, got "
                    + (model == null ? "null" : model.getClass().getSimpleName()));
        }
        return s;
    }

    private static int lastDense(Sequential s) {
        for (int i = s.layers().size() - 1; i >= 0; i--) {
            if (s.layers().get(i) instanceof Dense) {
                return i;
            }
        }
        throw new IllegalArgumentException("ModelChanges: the model has no dense layer: " + s.layerNames());
    }
}
