package dev.temper.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.SoftmaxCrossEntropy;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Conv2dGeometry;
import dev.temper.tensor.Padding;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Shapes, parameters, initialization, determinism and error messages of the convolutional layers. */
class ConvLayersTest {

    /** The Fashion-MNIST CNN. */
    private static Sequential cnn(Rng rng) {
        return new Sequential(new Reshape(1, 28, 28),
                new Conv2d(1, 32, 5, rng), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 5, rng), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Dense(64 * 4 * 4, 256, rng), new ReLU(), new Dense(256, 10, rng));
    }

    @Test
    void cnnShapesAndParameterCountFollowFromTheLayers() {
        Sequential model = cnn(new Rng(1));
        assertEquals(Shape.of(10), model.outputShape(Shape.of(784)));
        assertEquals(Shape.of(64, 4, 4), new Sequential(model.layers().subList(0, 7)).outputShape(Shape.of(784)));
        long expected = (25 * 32 + 32) + (32 * 25 * 64 + 64) + (1024 * 256 + 256) + (256 * 10 + 10);
        assertEquals(expected, model.parameterCount());
        assertEquals(List.of("conv2d_1.kernel", "conv2d_1.bias", "conv2d_2.kernel", "conv2d_2.bias",
                "dense_1.kernel", "dense_1.bias", "dense_2.kernel", "dense_2.bias"), List.copyOf(model.namedParameters().keySet()));
        Tensor out = model.forward(Variable.constant(new Rng(2).uniform(0f, 1f, 3, 784)), ForwardContext.inference()).value();
        assertEquals(Shape.of(3, 10), out.shape());
    }

    @Test
    void sameSeedGivesTheSameBitsForwardAndBackward() {
        Tensor x = new Rng(5).uniform(0f, 1f, 4, 784);
        int[] labels = {1, 7, 3, 0};
        Tensor[] first = lossAndGradients(cnn(new Rng(9)), x, labels);
        Tensor[] second = lossAndGradients(cnn(new Rng(9)), x, labels);
        for (int i = 0; i < first.length; i++) {
            assertTrue(first[i].contentEquals(second[i]), "tensor " + i + " differs between two runs with the same seed");
        }
    }

    private static Tensor[] lossAndGradients(Sequential model, Tensor x, int[] labels) {
        Variable loss = SoftmaxCrossEntropy.apply(model.forward(Variable.constant(x), ForwardContext.inference()), labels);
        loss.backward();
        List<Parameter> p = model.parameters();
        Tensor[] out = new Tensor[p.size() + 1];
        out[0] = loss.value();
        for (int i = 0; i < p.size(); i++) {
            out[i + 1] = p.get(i).grad();
        }
        return out;
    }

    @Test
    void kernelIsGlorotUniformWithConvolutionFansAndBiasIsZero() {
        Conv2d layer = new Conv2d(3, 16, 5, new Rng(4));
        double limit = Math.sqrt(6.0 / (3 * 25 + 16 * 25));
        float[] k = layer.kernel().value().toFloatArray();
        assertArrayEquals(new int[] {16, 3, 5, 5}, layer.kernel().value().dims());
        double maxAbs = 0;
        for (float v : k) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertTrue(maxAbs <= limit && maxAbs > 0.95 * limit, "max |kernel| " + maxAbs + " vs Glorot limit " + limit);
        assertArrayEquals(new float[16], layer.bias().value().toFloatArray());
        Conv2d noBias = new Conv2d(3, 16, new int[] {5, 5}, new int[] {1, 1}, Padding.valid(), new int[] {1, 1},
                Initializer.glorotUniform(), null, new Rng(4));
        assertNull(noBias.bias());
        assertEquals(1, noBias.parameters().size());
    }

    @Test
    void samePaddingGivesCeilOfInputOverStrideAndPutsTheExtraRowAfter() {
        Conv2d layer = new Conv2d(3, 4, 3, 2, Padding.same(), new Rng(1));
        assertEquals(Shape.of(4, 4, 4), layer.outputShape(Shape.of(3, 7, 8)));
        Conv2dGeometry g = layer.geometry(Shape.of(3, 7, 8));
        assertEquals(1, g.padTop()); // height: total padding 2, split 1 + 1
        assertEquals(0, g.padLeft()); // width: total padding 1, the extra one goes on the right
        assertEquals(Shape.of(4, 7, 8), new Conv2d(3, 4, 3, 1, Padding.same(), new Rng(1)).outputShape(Shape.of(3, 7, 8)));
        assertEquals(Shape.of(4, 5, 6), new Conv2d(3, 4, 3, 1, Padding.valid(), new Rng(1)).outputShape(Shape.of(3, 7, 8)));
    }

    @Test
    void poolingFlattenAndGlobalAverageShapes() {
        assertEquals(Shape.of(3, 3, 4), new MaxPool2d(2).outputShape(Shape.of(3, 7, 8)));
        assertEquals(Shape.of(3, 3, 3), new AvgPool2d(new int[] {3, 3}, new int[] {2, 2}).outputShape(Shape.of(3, 7, 8)));
        assertEquals(Shape.of(3), new GlobalAveragePooling().outputShape(Shape.of(3, 7, 8)));
        assertEquals(Shape.of(168), new Flatten().outputShape(Shape.of(3, 7, 8)));
        Tensor x = new Rng(3).normal(0f, 1f, 2, 3, 4, 5);
        Tensor flat = new Flatten().forward(Variable.constant(x), ForwardContext.inference()).value();
        assertEquals(Shape.of(2, 60), flat.shape());
        assertEquals(x.get(1, 2, 3, 4), flat.get(1, 59));
        Tensor mean = new GlobalAveragePooling().forward(Variable.constant(x), ForwardContext.inference()).value();
        assertEquals(x.narrow(0, 1, 1).narrow(1, 2, 1).mean().item(), mean.get(1, 2), 1e-6);
    }

    @Test
    void shapeErrorsNameTheLayerTheExpectedAndTheActualShape() {
        ForwardContext eval = ForwardContext.inference();
        Conv2d conv = new Conv2d(3, 4, 3, new Rng(1));
        assertMessage(() -> conv.forward(Variable.constant(Tensor.zeros(2, 2, 7, 7)), eval),
                "Conv2d(3 -> 4, 3x3)", "[batch, 3, height, width]", "[2, 2, 7, 7]");
        assertMessage(() -> conv.forward(Variable.constant(Tensor.zeros(2, 3, 2, 7)), eval),
                "Conv2d(3 -> 4, 3x3)", "too small", "[3, 2, 7]");
        assertMessage(() -> conv.outputShape(Shape.of(28, 28)), "Conv2d(3 -> 4, 3x3)", "[3, height, width]", "[28, 28]");
        assertMessage(() -> new MaxPool2d(2).forward(Variable.constant(Tensor.zeros(2, 16)), eval),
                "MaxPool2d", "[batch, channels, height, width]", "[2, 16]");
        assertMessage(() -> new AvgPool2d(3).forward(Variable.constant(Tensor.zeros(1, 1, 2, 2)), eval),
                "AvgPool2d", "too small", "[1, 2, 2]");
        assertMessage(() -> new Reshape(1, 28, 28).forward(Variable.constant(Tensor.zeros(2, 780)), eval),
                "Reshape", "[batch, 1, 28, 28]", "784", "780");
        assertMessage(() -> new GlobalAveragePooling().forward(Variable.constant(Tensor.zeros(2, 3)), eval),
                "GlobalAveragePooling", "[batch, channels, height, width]", "[2, 3]");
        assertMessage(() -> new Conv2d(3, 4, new int[] {3}, new int[] {1, 1}, Padding.valid(), new int[] {1, 1},
                Initializer.glorotUniform(), null, new Rng(1)), "Conv2d", "kernelSize", "[3]");
        assertMessage(() -> Padding.of(-1, 0), "padding", "-1");
    }

    private static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }
}
