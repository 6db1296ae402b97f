package dev.temper.cli;

import dev.temper.cli.config.OptimizerConfig;
import dev.temper.cli.config.ScheduleConfig;
import dev.temper.cli.config.Settings;
import dev.temper.optim.AddDecayedWeights;
import dev.temper.optim.Chain;
import dev.temper.optim.ClipByValue;
import dev.temper.optim.CosineAnnealing;
import dev.temper.optim.CosineWarmRestarts;
import dev.temper.optim.ExponentialDecay;
import dev.temper.optim.GradientTransform;
import dev.temper.optim.Identity;
import dev.temper.optim.LinearWarmup;
import dev.temper.optim.MultiStepDecay;
import dev.temper.optim.OneCycle;
import dev.temper.optim.Optimizer;
import dev.temper.optim.PolynomialDecay;
import dev.temper.optim.ScaleByAdadelta;
import dev.temper.optim.ScaleByAdagrad;
import dev.temper.optim.ScaleByAdam;
import dev.temper.optim.ScaleByLion;
import dev.temper.optim.ScaleByNadam;
import dev.temper.optim.ScaleByRms;
import dev.temper.optim.Schedule;
import dev.temper.optim.StepDecay;
import dev.temper.optim.Trace;
import dev.temper.train.Callback;
import dev.temper.train.LearningRateScheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link OptimizerConfig} into an {@link Optimizer}: the chain {@code [clip_value] -> the kind's scaling
 * -> [decoupled weight decay]}, the global-norm clip, and the schedule. Without the optional stages the chain is
 * the kind's scaling alone, exactly what the library's recipe ({@code Adam.defaults().build()}, ...) builds.
 */
final class OptimizerFactory {
    private OptimizerFactory() {}

    /**
     * The optimizer and, for a schedule that counts epochs, the callback that sets the rate at each epoch's start
     * (null otherwise: a step schedule lives in the optimizer).
     */
    record Built(Optimizer optimizer, Callback epochSchedule) {}

    /**
     * @param epochs the run's epochs, the length of a per-epoch schedule left without one
     * @param stepsPerEpoch optimizer steps per epoch, for a per-step schedule's length
     */
    static Built build(OptimizerConfig config, int epochs, long stepsPerEpoch) {
        Optimizer optimizer = new Optimizer(direction(config), config.learningRate());
        if (config.settings().isSet("clip_norm")) {
            optimizer.setGradientClipNorm(config.settings().number("clip_norm"));
        }
        ScheduleConfig schedule = config.schedule();
        if (schedule == null) {
            return new Built(optimizer, null);
        }
        long runLength = schedule.perStep() ? epochs * stepsPerEpoch : epochs;
        Schedule rates = schedule(schedule, config.learningRate(), runLength);
        if (schedule.perStep()) {
            optimizer.setSchedule(rates);
            return new Built(optimizer, null);
        }
        return new Built(optimizer, new LearningRateScheduler(epoch -> rates.learningRate(epoch - 1)));
    }

    /** The per-parameter transform: clip by value first (on the raw gradient), decay last (decoupled). */
    static GradientTransform direction(OptimizerConfig config) {
        Settings s = config.settings();
        List<GradientTransform> stages = new ArrayList<>();
        if (s.isSet("clip_value")) {
            stages.add(new ClipByValue(s.number("clip_value")));
        }
        stages.add(scaling(config));
        if (config.weightDecay() > 0) {
            stages.add(new AddDecayedWeights(config.weightDecay())); // weights only: not biases or norm parameters
        }
        return stages.size() == 1 ? stages.get(0) : new Chain(stages.toArray(new GradientTransform[0]));
    }

    private static GradientTransform scaling(OptimizerConfig config) {
        Settings s = config.settings();
        return switch (config.name()) {
            case SGD -> s.number("momentum") == 0 ? new Identity() : new Trace(s.number("momentum"), s.flag("nesterov"));
            case ADAM, ADAMW -> new ScaleByAdam(s.number("beta1"), s.number("beta2"), s.number("epsilon"), s.flag("amsgrad"));
            case RMSPROP -> new ScaleByRms(s.number("alpha"), s.number("epsilon"), s.flag("centered"), s.number("momentum"));
            case ADAGRAD -> new ScaleByAdagrad(s.number("initial_accumulator_value"), s.number("epsilon"));
            case ADADELTA -> new ScaleByAdadelta(s.number("rho"), s.number("epsilon"));
            case NADAM -> new ScaleByNadam(s.number("beta1"), s.number("beta2"), s.number("epsilon"), s.number("momentum_decay"));
            case LION -> new ScaleByLion(s.number("beta1"), s.number("beta2"));
        };
    }

    /**
     * The schedule from {@code learningRate}; lengths left out cover {@code runLength} (epochs or steps) less the
     * warm-up.
     */
    static Schedule schedule(ScheduleConfig config, double learningRate, long runLength) {
        Settings s = config.settings();
        int warmup = s.integer("warmup");
        long rest = runLength - warmup;
        if (rest < 1) {
            throw new UsageException("train: schedule warmup of " + warmup + " " + config.settings().text("per")
                    + "s leaves nothing of a run of " + runLength);
        }
        Schedule main = switch (config.name()) {
            case CONSTANT -> Schedule.constant(learningRate);
            case STEP -> new StepDecay(learningRate, s.integer("step_size"), s.number("gamma"));
            case MULTI_STEP -> new MultiStepDecay(learningRate,
                    s.integers("milestones").stream().mapToLong(Integer::longValue).toArray(), s.number("gamma"));
            case EXPONENTIAL -> new ExponentialDecay(learningRate, s.number("gamma"));
            case COSINE -> new CosineAnnealing(learningRate, length(s, "period", rest), s.number("min_learning_rate"));
            case COSINE_RESTARTS -> new CosineWarmRestarts(learningRate, s.integer("first_period"),
                    s.integer("period_multiplier"), s.number("min_learning_rate"));
            case ONE_CYCLE -> new OneCycle(learningRate, length(s, "total", rest), s.number("pct_start"),
                    s.number("div_factor"), s.number("final_div_factor"));
            case POLYNOMIAL -> new PolynomialDecay(learningRate, length(s, "decay", rest), s.number("power"),
                    s.number("end_learning_rate"));
        };
        return warmup == 0 ? main : new LinearWarmup(warmup, s.number("warmup_start_factor"), main);
    }

    private static long length(Settings s, String key, long rest) {
        return s.isSet(key) ? s.integer(key) : rest;
    }
}
