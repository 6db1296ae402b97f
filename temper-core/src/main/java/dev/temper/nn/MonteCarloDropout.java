package dev.temper.nn;

import dev.temper.autograd.NoGrad;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;

/**
 * Monte Carlo dropout (Gal and Ghahramani 2016, "Dropout as a Bayesian Approximation"): the predictive mean and
 * spread of a model estimated from {@code passes} stochastic forward passes with dropout left on.
 *
 * <p>The passes run in {@link Mode#MONTE_CARLO}: only the dropout family ({@link Dropout}, {@link GaussianDropout},
 * {@link GaussianNoise}, {@link AlphaDropout}, {@link SpatialDropout}, {@link SpatialDropout1D},
 * {@link DropConnectDense}, {@link DropBlock}) samples, while every other layer behaves as in inference (batch
 * normalization uses, and never updates, its running statistics). It is a deliberate call: plain
 * {@link ForwardContext#inference()} stays deterministic.
 *
 * <p>With outputs {@code y_1..y_T}: {@code mean = (1/T) sum y_t} and
 * {@code standardDeviation = sqrt((1/T) sum (y_t - mean)^2)} per element (the paper's moment estimators, without
 * the model-precision term {@code tau^-1} of its predictive variance: a modelling choice left to the caller).
 */
public final class MonteCarloDropout {
    private MonteCarloDropout() {}

    /** Element-wise predictive mean and standard deviation, in the model output's type and shape. */
    public record Prediction(Tensor mean, Tensor standardDeviation) {}

    public static Prediction predict(Layer model, Tensor inputs, int passes, Rng rng) {
        if (model == null || inputs == null || rng == null) {
            throw new IllegalArgumentException("MonteCarloDropout.predict: model, inputs and rng must not be null");
        }
        if (passes < 2) {
            throw new IllegalArgumentException("MonteCarloDropout.predict: passes must be >= 2 to estimate a spread, got " + passes);
        }
        ForwardContext context = ForwardContext.monteCarlo(rng);
        double[] sum = null;
        double[] sumOfSquares = null;
        Tensor first = null;
        try (NoGrad scope = NoGrad.enter()) {
            for (int t = 0; t < passes; t++) {
                Tensor y = model.forward(Variable.constant(inputs), context).value();
                if (first == null) {
                    first = y;
                    sum = new double[y.size()];
                    sumOfSquares = new double[y.size()];
                }
                // shifted by the first pass's output, so identical passes give exactly 0 and no cancellation
                for (int i = 0; i < sum.length; i++) {
                    double d = y.getFlat(i) - first.getFlat(i);
                    sum[i] += d;
                    sumOfSquares[i] += d * d;
                }
            }
        }
        DType dtype = first.dtype();
        Tensor mean = Tensor.zeros(dtype, first.dims());
        Tensor std = Tensor.zeros(dtype, first.dims());
        for (int i = 0; i < sum.length; i++) {
            double m = sum[i] / passes;
            mean.setFlat(i, first.getFlat(i) + m);
            std.setFlat(i, Math.sqrt(Math.max(0.0, sumOfSquares[i] / passes - m * m)));
        }
        return new Prediction(mean, std);
    }
}
