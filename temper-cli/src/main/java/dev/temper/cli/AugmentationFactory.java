package dev.temper.cli;

import dev.temper.cli.config.AugmentationConfig;
import dev.temper.cli.config.AugmentationKind;
import dev.temper.cli.config.Settings;
import dev.temper.data.Augmentation;
import dev.temper.data.Cutout;
import dev.temper.data.GaussianNoise;
import dev.temper.data.ImageShape;
import dev.temper.data.Mixup;
import dev.temper.data.Pipeline;
import dev.temper.data.RandomCrop;
import dev.temper.data.RandomHorizontalFlip;
import dev.temper.data.RandomRotation;
import dev.temper.data.RandomTranslation;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the run's {@link AugmentationConfig}s into one {@link Augmentation}, in the config's order, and its mixup
 * (which mixes pairs of examples and their losses, so the trainer applies it rather than the pipeline).
 */
final class AugmentationFactory {
    private AugmentationFactory() {}

    /**
     * The pipeline of every augmentation but mixup, or null when there are none (the trainer then draws nothing for
     * them, so runs without augmentation keep their bits).
     *
     * @param shape the images' layout; null for table rows (the config admits only Gaussian noise then)
     */
    static Augmentation build(List<AugmentationConfig> configs, ImageShape shape) {
        List<Augmentation> steps = new ArrayList<>();
        for (AugmentationConfig config : configs) {
            Settings s = config.settings();
            if (config.kind().needsImages() && shape == null) {
                throw new UsageException("train: augmentation " + config.kind().yamlName() + " needs images");
            }
            Augmentation step = switch (config.kind()) {
                case RANDOM_CROP -> new RandomCrop(shape, s.integer("padding"));
                case RANDOM_TRANSLATION -> new RandomTranslation(shape, s.integer("max_shift"));
                case HORIZONTAL_FLIP -> new RandomHorizontalFlip(shape, s.number("probability"));
                case ROTATION -> new RandomRotation(shape, s.number("max_degrees"));
                case CUTOUT -> new Cutout(shape, s.integer("size"));
                case GAUSSIAN_NOISE -> new GaussianNoise(s.number("std"));
                case MIXUP -> null; // not a transformation of the features alone: see mixup()
            };
            if (step != null) {
                steps.add(step);
            }
        }
        if (steps.isEmpty()) {
            return null;
        }
        return steps.size() == 1 ? steps.get(0) : new Pipeline(steps);
    }

    /** The run's mixup, or null when it has none (the trainer then draws nothing for it). */
    static Mixup mixup(List<AugmentationConfig> configs) {
        for (AugmentationConfig config : configs) {
            if (config.kind() == AugmentationKind.MIXUP) {
                return new Mixup(config.settings().number("alpha"));
            }
        }
        return null;
    }
}
