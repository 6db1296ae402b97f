package dev.temper.cli.config;

import static dev.temper.cli.config.ConfigErrors.assertError;
import static dev.temper.cli.config.ConfigErrors.assertMessage;
import static dev.temper.cli.config.ConfigErrors.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.optim.Adadelta;
import dev.temper.optim.Adagrad;
import dev.temper.optim.Adam;
import dev.temper.optim.AdamW;
import dev.temper.optim.Lion;
import dev.temper.optim.Nadam;
import dev.temper.optim.RmsProp;
import dev.temper.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The optimizer section: every kind of dev.temper.optim, each with its own keys, its schedule, decay and clipping. */
class OptimizerSectionTest {

    @Test
    void defaultsAreTheLibraryRecipesDefaults() {
        assertEquals(Sgd.defaults().learningRate(), OptimizerConfig.of(OptimizerKind.SGD).learningRate());
        assertEquals(Adam.defaults().epsilon(), OptimizerConfig.of(OptimizerKind.ADAM).settings().number("epsilon"));
        assertEquals(AdamW.defaults().weightDecay(), OptimizerConfig.of(OptimizerKind.ADAMW).weightDecay());
        assertEquals(RmsProp.defaults().alpha(), OptimizerConfig.of(OptimizerKind.RMSPROP).settings().number("alpha"));
        assertEquals(Adagrad.defaults().epsilon(), OptimizerConfig.of(OptimizerKind.ADAGRAD).settings().number("epsilon"));
        assertEquals(Adadelta.defaults().learningRate(), OptimizerConfig.of(OptimizerKind.ADADELTA).learningRate());
        assertEquals(Nadam.defaults().momentumDecay(),
                OptimizerConfig.of(OptimizerKind.NADAM).settings().number("momentum_decay"));
        assertEquals(Lion.defaults().beta2(), OptimizerConfig.of(OptimizerKind.LION).settings().number("beta2"));
        assertEquals(0.0, OptimizerConfig.of(OptimizerKind.ADAM).weightDecay(), "decay is off unless the kind has its own");
    }

    /** Every key of every kind is read from the file: each value differs from its default, so a default cannot pass. */
    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void everyKeyOfEveryKindIsRead(OptimizerKind kind) {
        StringBuilder yaml = new StringBuilder("optimizer:\n  name: " + kind.yamlName() + "\n");
        OptimizerConfig expected = OptimizerConfig.of(kind);
        for (Setting s : kind.settings()) {
            Object value = switch (s.type()) {
                case NUMBER -> s.defaultValue() == null ? 0.5 : nudged((Double) s.defaultValue());
                case FLAG -> !(Boolean) s.defaultValue();
                default -> throw new AssertionError("optimizer settings are numbers and flags, got " + s);
            };
            if (kind == OptimizerKind.SGD && s.key().equals("nesterov")) {
                value = true; // needs momentum, which is nudged above 0 too
            }
            yaml.append("  ").append(s.key()).append(": ").append(value).append('\n');
            expected = expected.with(s.key(), value);
        }
        OptimizerConfig parsed = parse(yaml.toString()).optimizer();
        assertEquals(expected, parsed);
        for (Setting s : kind.settings()) {
            assertTrue(!java.util.Objects.equals(s.defaultValue(), parsed.settings().get(s.key())), s.key() + " was read");
        }
    }

    private static double nudged(double defaultValue) {
        return defaultValue == 0 ? 0.25 : defaultValue * 0.5;
    }

    @Test
    void weightDecayIsDecoupledAndApartFromTheL2Penalty() {
        TrainConfig config = parse("optimizer: {name: sgd, weight_decay: 1.0e-4}\nregularization: {l2: 1.0e-3}\n");
        assertEquals(1e-4, config.optimizer().weightDecay());
        assertEquals(1e-3, config.regularization().l2());
        assertEquals(0.001, parse("optimizer: {name: adamw, weight_decay: 0.001}\n").optimizer().weightDecay());
        assertMessage("optimizer: {weight_decay: -1}\n", 1, "'weight_decay' must be a number >= 0, got -1");
    }

    @Test
    void clippingIsOffByDefaultAndTakesPositiveValues() {
        OptimizerConfig off = parse("optimizer: {name: rmsprop}\n").optimizer();
        assertNull(off.settings().get("clip_norm"));
        assertNull(off.settings().get("clip_value"));
        OptimizerConfig on = parse("optimizer: {name: rmsprop, clip_norm: 1, clip_value: 0.5}\n").optimizer();
        assertEquals(1.0, on.settings().number("clip_norm"));
        assertEquals(0.5, on.settings().number("clip_value"));
        assertMessage("optimizer:\n  clip_norm: 0\n", 2, "'clip_norm' must be a number > 0, got 0");
        assertNull(parse("optimizer: {clip_value: null}\n").optimizer().settings().get("clip_value"), "null is off");
    }

    @Test
    void schedulesReadTheirOwnKeysAndDefaults() {
        ScheduleConfig step = parse("optimizer:\n  schedule: {name: step, step_size: 10}\n").optimizer().schedule();
        assertEquals(ScheduleKind.STEP, step.name());
        assertEquals(10, step.settings().integer("step_size"));
        assertEquals(0.1, step.settings().number("gamma"));
        assertEquals("epoch", step.settings().text("per"));
        ScheduleConfig multi = parse("optimizer:\n  schedule: {name: multi_step, milestones: [5, 8], per: step}\n")
                .optimizer().schedule();
        assertEquals(List.of(5, 8), multi.settings().integers("milestones"));
        assertTrue(multi.perStep());
        ScheduleConfig cosine = parse("optimizer:\n  schedule: {name: cosine, warmup: 2}\n").optimizer().schedule();
        assertNull(cosine.settings().get("period"), "no period: the whole run");
        assertEquals(2, cosine.settings().integer("warmup"));
        ScheduleConfig oneCycle = parse("optimizer:\n  schedule: {name: one_cycle}\n").optimizer().schedule();
        assertEquals(0.3, oneCycle.settings().number("pct_start"));
        assertEquals(25.0, oneCycle.settings().number("div_factor"));
        for (ScheduleKind kind : List.of(ScheduleKind.CONSTANT, ScheduleKind.COSINE, ScheduleKind.POLYNOMIAL)) {
            assertEquals(kind, parse("optimizer:\n  schedule:\n    name: " + kind.yamlName() + "\n").optimizer().schedule().name());
        }
    }

    @Test
    void scheduleErrorsNameTheKeyAndWhatTheKindAccepts() {
        assertError("optimizer:\n  schedule:\n    name: step\n", 3, "schedule step needs 'step_size'");
        assertMessage("optimizer:\n  schedule: {step_size: 3}\n", 2, "schedule needs 'name', one of: constant, step, "
                + "multi_step, exponential, cosine, cosine_restarts, one_cycle, polynomial");
        assertMessage("optimizer:\n  schedule:\n    name: cosine\n    step_size: 4\n", 4, "unknown key 'step_size' in "
                + "schedule cosine; expected one of: name, per, period, min_learning_rate, warmup, warmup_start_factor "
                + "('step_size' is a setting of schedule step)");
        assertMessage("optimizer:\n  schedule: {name: step, step_size: 2, gamma: 1.5}\n", 2,
                "'gamma' must be a number in (0, 1], got 1.5");
        assertMessage("optimizer:\n  schedule: {name: multi_step, milestones: [5, 3]}\n", 2,
                "'milestones' must be a non-empty list of integers >= 1, each larger than the one before, got 3 after 5");
        assertMessage("optimizer:\n  schedule: {name: cosine, per: batch}\n", 2,
                "'per' must be one of: epoch, step, got \"batch\"");
        assertError("epochs: 5\noptimizer:\n  schedule: {name: constant, warmup: 5}\n", 1,
                "schedule warmup must be shorter than the run, got warmup 5 of 5 epochs");
    }
}
