package dev.temper.cli.config;

import dev.temper.data.Cutout;
import dev.temper.data.GaussianNoise;
import dev.temper.data.ImageShape;
import dev.temper.data.Mixup;
import dev.temper.data.RandomCrop;
import dev.temper.data.RandomHorizontalFlip;
import dev.temper.data.RandomRotation;
import dev.temper.data.RandomTranslation;
import java.util.List;

/**
 * The augmentations of {@code dev.temper.data}, applied to training batches only, each drawing from the run's
 * seeded augmentation stream (mixup from a stream of its own). They are applied in this order, whatever order the run
 * file lists them in: geometry first (crop, translation, flip, rotation), then cutout, then noise, then mixup, which
 * blends the augmented examples of a batch in pairs. Each kind's first setting is its main one, so
 * {@code random_translation: 2} is short for {@code random_translation: {max_shift: 2}}.
 */
public enum AugmentationKind implements ConfigKind {
    /** Pad by {@code padding} zeros, crop back at a random offset (the CIFAR recipe). */
    RANDOM_CROP(List.of(Setting.requiredInteger("padding", Range.AT_LEAST_ZERO))),
    /** Shift by whole pixels, up to {@code max_shift} each way, filling with 0. */
    RANDOM_TRANSLATION(List.of(Setting.requiredInteger("max_shift", Range.AT_LEAST_ZERO))),
    /** Mirror left-right with {@code probability} (torchvision's default 0.5); wrong for digits, right for CIFAR. */
    HORIZONTAL_FLIP(List.of(Setting.number("probability", Range.PROBABILITY, 0.5))),
    /** Rotate by an angle drawn from {@code [-max_degrees, max_degrees]}, bilinear. */
    ROTATION(List.of(Setting.requiredNumber("max_degrees", Range.AT_LEAST_ZERO))),
    /** Zero one {@code size x size} square of each image (DeVries and Taylor 2017). */
    CUTOUT(List.of(Setting.requiredInteger("size", Range.AT_LEAST_ONE))),
    /** Add normal noise of standard deviation {@code std} to every value; works on any features, tables too. */
    GAUSSIAN_NOISE(List.of(Setting.requiredNumber("std", Range.AT_LEAST_ZERO))),
    /**
     * Mixup (Zhang et al. 2018): each batch blended with a shuffled copy of itself by {@code lambda ~ Beta(alpha,
     * alpha)}, the loss weighted the same way between the two sets of labels; for classification runs only, images
     * or tables. Not an image transformation: the trainer applies it ({@code Trainer.withMixup}).
     */
    MIXUP(List.of(Setting.requiredNumber("alpha", Range.POSITIVE)));

    private final List<Setting> settings;

    AugmentationKind(List<Setting> settings) {
        this.settings = settings;
    }

    @Override
    public String section() {
        return "augmentation";
    }

    @Override
    public List<Setting> settings() {
        return settings;
    }

    /** Whether the augmentation needs images (height and width); Gaussian noise and mixup do not. */
    public boolean needsImages() {
        return this != GAUSSIAN_NOISE && this != MIXUP;
    }

    /** Runs the library's own checks (rotation at most 180 degrees, ...) so each rule is written once. */
    void checkWithLibrary(Settings s) {
        ImageShape any = ImageShape.grey(1, 1);
        switch (this) {
            case RANDOM_CROP -> new RandomCrop(any, s.integer("padding"));
            case RANDOM_TRANSLATION -> new RandomTranslation(any, s.integer("max_shift"));
            case HORIZONTAL_FLIP -> new RandomHorizontalFlip(any, s.number("probability"));
            case ROTATION -> new RandomRotation(any, s.number("max_degrees"));
            case CUTOUT -> new Cutout(any, s.integer("size"));
            case GAUSSIAN_NOISE -> new GaussianNoise(s.number("std"));
            case MIXUP -> new Mixup(s.number("alpha"));
        }
    }
}
