package dev.temper.cli.config;

import dev.temper.optim.Adadelta;
import dev.temper.optim.Adagrad;
import dev.temper.optim.Adam;
import dev.temper.optim.AdamW;
import dev.temper.optim.Lion;
import dev.temper.optim.Nadam;
import dev.temper.optim.RmsProp;
import dev.temper.optim.Sgd;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimizers of {@code dev.temper.optim}, with the settings each accepts. Every default is read from the
 * library's {@code defaults()} recipe (PyTorch's values; see each recipe's Javadoc), so it is written once.
 *
 * <p>Every kind also accepts {@code weight_decay}: decoupled weight decay ({@code AddDecayedWeights} after the
 * kind's scaling, on weight matrices and kernels only), {@code p -= lr * wd * p} each step (Loshchilov and Hutter
 * 2019). For AdamW and Lion it is their own decay (default 0.01 and 0); for the others it defaults to 0 (off). It
 * is not an L2 penalty: that is {@code regularization: {l2: ...}}, a loss term whose gradient adaptive optimizers
 * rescale. And {@code clip_norm} (global L2 norm of all gradients of a step, PyTorch's {@code clip_grad_norm_}) and
 * {@code clip_value} (each gradient element, Keras's {@code clipvalue}), both off by default.
 */
public enum OptimizerKind implements ConfigKind {
    SGD(List.of(
            Setting.number("learning_rate", Range.POSITIVE, Sgd.defaults().learningRate()),
            Setting.number("momentum", Range.FRACTION, Sgd.defaults().momentum()),
            Setting.flag("nesterov", Sgd.defaults().nesterov())), 0.0),
    ADAM(List.of(
            Setting.number("learning_rate", Range.POSITIVE, Adam.defaults().learningRate()),
            Setting.number("beta1", Range.FRACTION, Adam.defaults().beta1()),
            Setting.number("beta2", Range.FRACTION, Adam.defaults().beta2()),
            Setting.number("epsilon", Range.POSITIVE, Adam.defaults().epsilon()),
            Setting.flag("amsgrad", Adam.defaults().amsgrad())), 0.0),
    ADAMW(List.of(
            Setting.number("learning_rate", Range.POSITIVE, AdamW.defaults().learningRate()),
            Setting.number("beta1", Range.FRACTION, AdamW.defaults().beta1()),
            Setting.number("beta2", Range.FRACTION, AdamW.defaults().beta2()),
            Setting.number("epsilon", Range.POSITIVE, AdamW.defaults().epsilon()),
            Setting.flag("amsgrad", AdamW.defaults().amsgrad())), AdamW.defaults().weightDecay()),
    RMSPROP(List.of(
            Setting.number("learning_rate", Range.POSITIVE, RmsProp.defaults().learningRate()),
            Setting.number("alpha", Range.FRACTION, RmsProp.defaults().alpha()),
            Setting.number("epsilon", Range.POSITIVE, RmsProp.defaults().epsilon()),
            Setting.flag("centered", RmsProp.defaults().centered()),
            Setting.number("momentum", Range.FRACTION, RmsProp.defaults().momentum())), 0.0),
    ADAGRAD(List.of(
            Setting.number("learning_rate", Range.POSITIVE, Adagrad.defaults().learningRate()),
            Setting.number("initial_accumulator_value", Range.AT_LEAST_ZERO,
                    Adagrad.defaults().initialAccumulatorValue()),
            Setting.number("epsilon", Range.POSITIVE, Adagrad.defaults().epsilon())), 0.0),
    ADADELTA(List.of(
            Setting.number("learning_rate", Range.POSITIVE, Adadelta.defaults().learningRate()),
            Setting.number("rho", Range.FRACTION, Adadelta.defaults().rho()),
            Setting.number("epsilon", Range.POSITIVE, Adadelta.defaults().epsilon())), 0.0),
    NADAM(List.of(
            Setting.number("learning_rate", Range.POSITIVE, Nadam.defaults().learningRate()),
            Setting.number("beta1", Range.FRACTION, Nadam.defaults().beta1()),
            Setting.number("beta2", Range.FRACTION, Nadam.defaults().beta2()),
            Setting.number("epsilon", Range.POSITIVE, Nadam.defaults().epsilon()),
            Setting.number("momentum_decay", Range.AT_LEAST_ZERO, Nadam.defaults().momentumDecay())), 0.0),
    LION(List.of(
            Setting.number("learning_rate", Range.POSITIVE, Lion.defaults().learningRate()),
            Setting.number("beta1", Range.FRACTION, Lion.defaults().beta1()),
            Setting.number("beta2", Range.FRACTION, Lion.defaults().beta2())), Lion.defaults().weightDecay());

    private final List<Setting> settings;

    OptimizerKind(List<Setting> own, double weightDecay) {
        List<Setting> all = new ArrayList<>(own);
        all.add(Setting.number("weight_decay", Range.AT_LEAST_ZERO, weightDecay));
        all.add(Setting.optionalNumber("clip_norm", Range.POSITIVE));
        all.add(Setting.optionalNumber("clip_value", Range.POSITIVE));
        this.settings = List.copyOf(all);
    }

    @Override
    public String section() {
        return "optimizer";
    }

    @Override
    public List<Setting> settings() {
        return settings;
    }

    /**
     * Rules between settings that the library's recipe enforces (SGD's Nesterov needs momentum): the recipe is
     * built once, only to run its checks, so each rule is written in one place.
     */
    void checkWithRecipe(Settings s) {
        if (this == SGD) {
            new Sgd(s.number("learning_rate"), s.number("momentum"), s.flag("nesterov"));
        }
    }
}
