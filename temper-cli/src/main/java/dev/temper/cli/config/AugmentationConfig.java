package dev.temper.cli.config;

/**
 * One augmentation of the training batches, with every setting of its kind.
 *
 * @param kind the augmentation
 * @param settings the kind's settings; keys it lacks are refused, required ones must be given
 */
public record AugmentationConfig(AugmentationKind kind, Settings settings) {
    public AugmentationConfig {
        if (kind == null) {
            throw new IllegalArgumentException("augmentation kind must not be null");
        }
        settings = Settings.checked(kind.describe(), kind.settings(), settings == null ? Settings.none() : settings);
        try {
            kind.checkWithLibrary(settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kind.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The augmentation with its main setting: {@code of(RANDOM_TRANSLATION, 2)} shifts by up to 2 pixels. */
    public static AugmentationConfig of(AugmentationKind kind, Object mainSetting) {
        return new AugmentationConfig(kind, Settings.none().with(kind.settings().get(0).key(), mainSetting));
    }

    public AugmentationConfig with(String key, Object value) {
        return new AugmentationConfig(kind, settings.with(key, value));
    }
}
