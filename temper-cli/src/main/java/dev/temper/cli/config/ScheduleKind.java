package dev.temper.cli.config;

import dev.temper.optim.OneCycle;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning-rate schedules of {@code dev.temper.optim}. A schedule starts from the optimizer's
 * {@code learning_rate} (for one-cycle it is the peak) and counts epochs ({@code per: epoch}, the default: the rate
 * is set at the start of each epoch) or optimizer steps ({@code per: step}). Lengths left out ({@code period},
 * {@code total}, {@code decay}) mean the whole run, after any warm-up.
 *
 * <p>Every kind also accepts a linear warm-up (Goyal et al. 2017): {@code warmup} counts (epochs or steps) rising
 * from {@code warmup_start_factor} times the rate to the rate, after which the schedule starts its own count
 * (PyTorch's {@code LinearLR} then {@code SequentialLR}). {@code constant} with a warm-up is warm-up alone.
 */
public enum ScheduleKind implements ConfigKind {
    /** The optimizer's rate throughout (useful with a warm-up). */
    CONSTANT(List.of()),
    /** {@code lr * gamma^floor(t / step_size)}: PyTorch's {@code StepLR}. */
    STEP(List.of(
            Setting.requiredInteger("step_size", Range.AT_LEAST_ONE),
            Setting.number("gamma", Range.DECAY_FACTOR, Defaults.GAMMA))),
    /** {@code lr * gamma^(milestones passed)}: PyTorch's {@code MultiStepLR}. */
    MULTI_STEP(List.of(
            Setting.requiredIntegers("milestones", Range.AT_LEAST_ONE),
            Setting.number("gamma", Range.DECAY_FACTOR, Defaults.GAMMA))),
    /** {@code lr * gamma^t}: PyTorch's {@code ExponentialLR} (gamma has no sensible default, so it is required). */
    EXPONENTIAL(List.of(Setting.requiredNumber("gamma", Range.DECAY_FACTOR))),
    /** Cosine annealing to {@code min_learning_rate} over {@code period} (SGDR without restarts). */
    COSINE(List.of(
            Setting.optionalInteger("period", Range.AT_LEAST_ONE),
            Setting.number("min_learning_rate", Range.AT_LEAST_ZERO, 0.0))),
    /** SGDR (Loshchilov and Hutter 2017): cosine cycles of {@code first_period}, each {@code period_multiplier} times longer. */
    COSINE_RESTARTS(List.of(
            Setting.requiredInteger("first_period", Range.AT_LEAST_ONE),
            Setting.integer("period_multiplier", Range.AT_LEAST_ONE, 1),
            Setting.number("min_learning_rate", Range.AT_LEAST_ZERO, 0.0))),
    /** One-cycle (Smith and Topin 2018) peaking at the optimizer's rate; defaults as PyTorch's {@code OneCycleLR}. */
    ONE_CYCLE(List.of(
            Setting.optionalInteger("total", Range.AT_LEAST_ONE),
            Setting.number("pct_start", Range.FRACTION, Defaults.ONE_CYCLE.pctStart()),
            Setting.number("div_factor", Range.AT_LEAST_ONE, Defaults.ONE_CYCLE.divFactor()),
            Setting.number("final_div_factor", Range.AT_LEAST_ONE, Defaults.ONE_CYCLE.finalDivFactor()))),
    /** {@code (lr - end) (1 - t / decay)^power + end}: Keras's {@code PolynomialDecay}; power 1 is linear. */
    POLYNOMIAL(List.of(
            Setting.optionalInteger("decay", Range.AT_LEAST_ONE),
            Setting.number("power", Range.POSITIVE, 1.0),
            Setting.number("end_learning_rate", Range.AT_LEAST_ZERO, 0.0)));

    private final List<Setting> settings;

    ScheduleKind(List<Setting> own) {
        List<Setting> all = new ArrayList<>();
        all.add(Setting.choice("per", Defaults.UNITS.get(0), Defaults.UNITS));
        all.addAll(own);
        all.add(Setting.integer("warmup", Range.AT_LEAST_ZERO, 0));
        all.add(Setting.number("warmup_start_factor", Range.PROBABILITY, Defaults.WARMUP_START_FACTOR));
        this.settings = List.copyOf(all);
    }

    @Override
    public String section() {
        return "schedule";
    }

    @Override
    public List<Setting> settings() {
        return settings;
    }

    /** Defaults the library's schedules do not carry themselves; each written here once. */
    private static final class Defaults {
        /** The words of {@code per}; the first is the default. */
        static final List<String> UNITS = List.of("epoch", "step");
        /** PyTorch's {@code StepLR} and {@code MultiStepLR} gamma. */
        static final double GAMMA = 0.1;
        /** PyTorch's {@code LinearLR} start_factor. */
        static final double WARMUP_START_FACTOR = 1.0 / 3;
        /** The library's one-cycle defaults (the rate and length here are placeholders, only the shape is read). */
        static final OneCycle ONE_CYCLE = OneCycle.defaults(1.0, 100);
    }
}
