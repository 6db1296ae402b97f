package dev.temper.data;

import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.List;

/** Augmentations applied one after another, all drawing from the same generator in order. */
public record Pipeline(List<Augmentation> steps) implements Augmentation {
    public Pipeline {
        steps = List.copyOf(steps);
    }

    public static Pipeline of(Augmentation... steps) {
        return new Pipeline(List.of(steps));
    }

    @Override
    public Tensor apply(Tensor images, Rng rng) {
        Tensor out = images;
        for (Augmentation step : steps) {
            out = step.apply(out, rng);
        }
        return out == images ? images.copy() : out; // an empty pipeline still returns a new tensor
    }
}
