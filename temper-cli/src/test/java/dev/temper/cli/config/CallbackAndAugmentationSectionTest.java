package dev.temper.cli.config;

import static dev.temper.cli.config.ConfigErrors.assertError;
import static dev.temper.cli.config.ConfigErrors.assertMessage;
import static dev.temper.cli.config.ConfigErrors.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.train.EarlyStopping;
import dev.temper.train.ReduceLROnPlateau;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code callbacks:} and {@code augmentation:}: switched on by being listed, each with its own keys. */
class CallbackAndAugmentationSectionTest {

    @Test
    void earlyStoppingTakesEveryKerasKeyAndTheLibrarysGuards() {
        TrainConfig config = parse(String.join("\n", "callbacks:", "  early_stopping:", "    monitor: val_accuracy",
                "    mode: max", "    min_delta: 0.001", "    patience: 3", "    baseline: 0.5",
                "    restore_best_weights: true", "    start_from_epoch: 2", "    divergence_threshold: 10",
                "    time_limit_seconds: 60", ""));
        Settings s = config.callback(CallbackKind.EARLY_STOPPING).settings();
        assertEquals("val_accuracy", s.text("monitor"));
        assertEquals("max", s.text("mode"));
        assertEquals(0.001, s.number("min_delta"));
        assertEquals(3, s.integer("patience"));
        assertEquals(0.5, s.number("baseline"));
        assertTrue(s.flag("restore_best_weights"));
        assertEquals(2, s.integer("start_from_epoch"));
        assertEquals(10.0, s.number("divergence_threshold"));
        assertEquals(60.0, s.number("time_limit_seconds"));
    }

    @Test
    void aCallbackListedWithoutSettingsHasTheLibrarysDefaults() {
        EarlyStopping library = EarlyStopping.defaults();
        for (String yaml : List.of("callbacks:\n  early_stopping:\n", "callbacks: {early_stopping: {}}\n",
                "callbacks: {early_stopping: true}\n")) {
            Settings s = parse(yaml).callback(CallbackKind.EARLY_STOPPING).settings();
            assertEquals(library.monitor().name(), s.text("monitor"));
            assertEquals("auto", s.text("mode"));
            assertEquals(library.patience(), s.integer("patience"));
            assertEquals(library.minDelta(), s.number("min_delta"));
            assertEquals(library.restoreBestWeights(), s.flag("restore_best_weights"));
            assertNull(s.get("baseline"));
            assertNull(s.get("divergence_threshold"));
        }
        ReduceLROnPlateau plateau = ReduceLROnPlateau.defaults();
        Settings p = parse("callbacks: {reduce_lr_on_plateau: }\n").callback(CallbackKind.REDUCE_LR_ON_PLATEAU).settings();
        assertEquals(plateau.factor(), p.number("factor"));
        assertEquals(plateau.patience(), p.integer("patience"));
        assertEquals(plateau.minDelta(), p.number("min_delta"));
        assertTrue(parse("callbacks: {terminate_on_nan: }\n").callback(CallbackKind.TERMINATE_ON_NAN)
                .settings().flag("check_parameters"));
        assertEquals("training_log.csv", parse("callbacks: {csv_logger: }\n").callback(CallbackKind.CSV_LOGGER)
                .settings().text("file"));
        assertTrue(parse("callbacks: {early_stopping: false}\n").callbacks().isEmpty(), "false leaves it off");
        assertTrue(parse("epochs: 3\n").callbacks().isEmpty(), "no callbacks unless listed");
    }

    @Test
    void callbacksRunInTheirKindsOrderWhateverTheFileSays() {
        TrainConfig config = parse("callbacks:\n  csv_logger:\n  early_stopping:\n  terminate_on_nan:\n");
        assertEquals(List.of(CallbackKind.TERMINATE_ON_NAN, CallbackKind.EARLY_STOPPING, CallbackKind.CSV_LOGGER),
                config.callbacks().stream().map(CallbackConfig::kind).toList());
    }

    @Test
    void callbackErrorsNameTheKeyAndTheKeysTheCallbackAccepts() {
        assertMessage("callbacks:\n  early_stopping:\n    patiense: 3\n", 3, "unknown key 'patiense' in callback "
                + "early_stopping; expected one of: monitor, mode, min_delta, patience, baseline, restore_best_weights, "
                + "start_from_epoch, divergence_threshold, time_limit_seconds");
        assertMessage("callbacks:\n  early_stopping:\n    cooldown: 3\n", 3, "unknown key 'cooldown' in callback "
                + "early_stopping; expected one of: monitor, mode, min_delta, patience, baseline, restore_best_weights, "
                + "start_from_epoch, divergence_threshold, time_limit_seconds ('cooldown' is a setting of callback "
                + "reduce_lr_on_plateau)");
        assertError("callbacks:\n  tensorboard: {}\n", 2, "unknown key 'tensorboard' in callbacks",
                "early_stopping, model_checkpoint, csv_logger");
        assertMessage("callbacks:\n  early_stopping: {mode: biggest}\n", 2,
                "'mode' must be one of: min, max, auto, got \"biggest\"");
        assertMessage("callbacks:\n  early_stopping: {patience: -1}\n", 2, "'patience' must be an integer >= 0, got -1");
        assertMessage("callbacks:\n  early_stopping: 3\n", 2, "'early_stopping' must be a mapping of settings, got 3");
    }

    @Test
    void combinationsThatCannotWorkAreRefused() {
        assertError("optimizer:\n  schedule: {name: cosine}\ncallbacks:\n  reduce_lr_on_plateau:\n", 1,
                "reduce_lr_on_plateau sets the learning rate itself", "schedule cosine");
        assertError("data: {validation_split: 0}\ncallbacks:\n  early_stopping:\n", 1,
                "early_stopping monitors val_loss but validation_split is 0");
        parse("data: {validation_split: 0}\ncallbacks:\n  early_stopping: {monitor: loss}\n"); // fine: no validation needed
    }

    @Test
    void augmentationsTakeTheirMainSettingOrAMapping() {
        TrainConfig config = parse("augmentation:\n  cutout: {size: 8}\n  random_translation: 2\n  horizontal_flip:\n");
        assertEquals(List.of(AugmentationKind.RANDOM_TRANSLATION, AugmentationKind.HORIZONTAL_FLIP, AugmentationKind.CUTOUT),
                config.augmentation().stream().map(AugmentationConfig::kind).toList(), "applied in the kinds' order");
        assertEquals(2, config.augmentation().get(0).settings().integer("max_shift"));
        assertEquals(0.5, config.augmentation().get(1).settings().number("probability"));
        assertEquals(8, config.augmentation().get(2).settings().integer("size"));
        assertEquals(AugmentationConfig.of(AugmentationKind.ROTATION, 10.0),
                parse("augmentation: {rotation: {max_degrees: 10}}\n").augmentation().get(0));
    }

    @Test
    void mixupTakesAlphaAloneOrAsAMappingAndComesLast() {
        TrainConfig config = parse("augmentation:\n  mixup: 0.2\n  random_translation: 2\n");
        assertEquals(List.of(AugmentationKind.RANDOM_TRANSLATION, AugmentationKind.MIXUP),
                config.augmentation().stream().map(AugmentationConfig::kind).toList(), "mixup blends augmented examples");
        assertEquals(0.2, config.augmentation().get(1).settings().number("alpha"));
        assertEquals(AugmentationConfig.of(AugmentationKind.MIXUP, 0.4),
                parse("augmentation: {mixup: {alpha: 0.4}}\n").augmentation().get(0));
        // tables too: mixup needs no image shape
        parse("data: {dataset: csv, train: t.csv, label: y}\naugmentation:\n  mixup: 0.2\n");
        assertError("augmentation:\n  mixup:\n", 2, "augmentation mixup needs 'alpha'");
        assertMessage("augmentation:\n  mixup: 0\n", 2, "'alpha' must be a number > 0, got 0");
        assertMessage("augmentation:\n  mixup: {lambda: 0.5}\n", 2,
                "unknown key 'lambda' in augmentation mixup; expected one of: alpha");
    }

    @Test
    void augmentationErrorsNameTheKeyTheRangeAndTheData() {
        assertError("augmentation:\n  random_translation:\n", 2, "augmentation random_translation needs 'max_shift'");
        assertMessage("augmentation:\n  random_translation: {shift: 2}\n", 2,
                "unknown key 'shift' in augmentation random_translation; expected one of: max_shift");
        assertMessage("augmentation:\n  rotation: 200\n", 2,
                "augmentation rotation: RandomRotation maxDegrees must be in [0, 180], got 200.0");
        assertMessage("augmentation:\n  cutout: 0\n", 2, "'size' must be an integer >= 1, got 0");
        assertError("augmentation:\n  mixups: 0.2\n", 2, "unknown key 'mixups' in augmentation");
        assertError("data: {dataset: csv, train: t.csv, label: y}\naugmentation:\n  random_crop: 2\n", 1,
                "augmentation random_crop needs images, and dataset csv holds table rows");
        parse("data: {dataset: csv, train: t.csv, label: y}\naugmentation:\n  gaussian_noise: 0.1\n"); // noise fits tables
    }

    @Test
    void overridesForAStudyAreValuesToo() {
        TrainConfig base = TrainConfig.defaults();
        TrainConfig l2 = base.withRegularization(new RegularizationConfig(0, 1e-4));
        TrainConfig decay = base.withOptimizer(base.optimizer().with("weight_decay", 1e-4));
        TrainConfig stopping = base.withCallback(CallbackConfig.of(CallbackKind.EARLY_STOPPING).with("patience", 5));
        TrainConfig augmented = base.withAugmentation(List.of(AugmentationConfig.of(AugmentationKind.RANDOM_TRANSLATION, 2)));
        assertEquals(1e-4, l2.regularization().l2());
        assertEquals(1e-4, decay.optimizer().weightDecay());
        assertEquals(5, stopping.callback(CallbackKind.EARLY_STOPPING).settings().integer("patience"));
        assertEquals(1, augmented.augmentation().size());
        assertEquals(base, augmented.withAugmentation(List.of()).withRegularization(RegularizationConfig.none()));
        assertEquals(parse("callbacks: {early_stopping: {patience: 5}}\n"), stopping);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> base.withCallbacks(List.of(
                CallbackConfig.of(CallbackKind.CSV_LOGGER), CallbackConfig.of(CallbackKind.CSV_LOGGER))));
        assertEquals("callbacks lists CSV_LOGGER twice", twice.getMessage());
    }

    @Test
    void crossValidationTakesFoldsAndStratifiedAndNeedsNoValidationSplit() {
        TrainConfig plain = parse("cross_validation:\n");
        assertEquals(CrossValidationConfig.defaults(), plain.crossValidation());
        assertEquals(new CrossValidationConfig(5, true), plain.crossValidation());
        assertEquals(0.0, plain.data().validationSplit(), "each fold is validated in turn");
        assertEquals(new CrossValidationConfig(3, false),
                parse("cross_validation: {folds: 3, stratified: false}\n").crossValidation());
        assertNull(parse("epochs: 2\n").crossValidation());
        assertError("data: {validation_split: 0.2}\ncross_validation: {folds: 3}\n", 1,
                "cross_validation validates on each held-out fold; set data.validation_split to 0, got 0.2");
        assertMessage("cross_validation: {folds: 1}\n", 1, "folds must be >= 2, got 1");
        assertError("cross_validation: {k: 3}\n", 1, "unknown key 'k' in cross_validation; expected one of: folds, stratified");
    }
}
