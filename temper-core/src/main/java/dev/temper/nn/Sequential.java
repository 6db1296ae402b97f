package dev.temper.nn;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers applied one after another. Each layer is named by its kind and its rank among layers of that kind
 * ({@code dense_1}, {@code relu_1}, {@code dense_2}), so parameter paths such as {@code dense_2.kernel} depend only
 * on the architecture, never on how many models were built before (Keras's global counters do).
 */
public final class Sequential implements Model {
    private final List<Layer> layers;
    private final List<String> names;

    public Sequential(Layer... layers) {
        this(List.of(layers));
    }

    public Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        Map<String, Integer> counts = new HashMap<>();
        List<String> n = new ArrayList<>();
        for (Layer layer : this.layers) {
            int k = counts.merge(layer.kind(), 1, Integer::sum);
            n.add(layer.kind() + "_" + k);
        }
        this.names = List.copyOf(n);
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Layer names, in order. */
    public List<String> layerNames() {
        return names;
    }

    /**
     * The layers in order, except that a {@link Dense} or {@link Conv2d} directly followed by a {@link ReLU} runs as
     * one fused op ({@link Dense#forwardWithRelu}, {@link Conv2d#forwardWithRelu}); a {@link Dense} and {@link ReLU}
     * with a {@link Dropout} right after them as one op with the dropout too ({@link Dense#forwardWithReluAndDropout});
     * a {@link Conv2d} and {@link ReLU}
     * with a {@link MaxPool2d} right after them run as one op with the pooling too where the convolution supports it
     * ({@link Conv2d#forwardWithReluAndPool}): the same values and
     * gradients, without the pre-activation (and unpooled) output and the passes over it (TensorFlow's graph
     * optimizer fuses convolution and ReLU the same way).
     */
    @Override
    public Variable forward(Variable input, ForwardContext context) {
        Variable x = input;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof Conv2d conv && i + 1 < layers.size() && layers.get(i + 1) instanceof ReLU) {
                Variable pooled = i + 2 < layers.size() && layers.get(i + 2) instanceof MaxPool2d pool
                        ? conv.forwardWithReluAndPool(x, pool) : null;
                if (pooled != null) {
                    x = pooled;
                    i += 2;
                } else {
                    x = conv.forwardWithRelu(x);
                    i++;
                }
            } else if (layer instanceof Dense dense && i + 1 < layers.size() && layers.get(i + 1) instanceof ReLU) {
                if (i + 2 < layers.size() && layers.get(i + 2) instanceof Dropout dropout) {
                    x = dense.forwardWithReluAndDropout(x, dropout, context);
                    i += 2;
                } else {
                    x = dense.forwardWithRelu(x);
                    i++;
                }
            } else {
                x = layer.forward(x, context);
            }
        }
        return x;
    }

    /** Every parameter by its dotted path, in layer order. */
    @Override
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) {
                out.put(names.get(i) + "." + p.name(), p);
            }
        }
        return out;
    }

    /** Every buffer (running statistics) by its dotted path ({@code batch_normalization_1.running_mean}). */
    @Override
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, Tensor> b : layers.get(i).buffers().entrySet()) {
                out.put(names.get(i) + "." + b.getKey(), b.getValue());
            }
        }
        return out;
    }

    @Override
    public List<Parameter> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.value().size();
        }
        return n;
    }

    @Override
    public Shape outputShape(Shape inputShape) {
        Shape s = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            try {
                s = layers.get(i).outputShape(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + names.get(i) + ": " + e.getMessage(), e);
            }
        }
        return s;
    }

    @Override
    public String kind() {
        return "sequential";
    }

    /** A Keras-like table: layer, output shape, parameter count, and the total. */
    public String summary(Shape inputShape) {
        StringBuilder sb = new StringBuilder();
        String format = "%-16s %-20s %12s%n";
        sb.append(String.format(format, "Layer", "Output shape", "Params"));
        Shape s = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            s = layers.get(i).outputShape(s);
            long count = 0;
            for (Parameter p : layers.get(i).parameters()) {
                count += p.value().size();
            }
            sb.append(String.format(format, names.get(i), "[batch, " + s.toString().substring(1), count));
        }
        sb.append(String.format("Total params: %,d%n", parameterCount()));
        return sb.toString();
    }
}
