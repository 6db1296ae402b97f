package dev.temper.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.data.Dataset;
import dev.temper.data.ImageClassification;
import dev.temper.data.ImageShape;
import dev.temper.data.RandomTranslation;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * Random translation by up to 2 pixels, a prior that digits keep their identity when shifted, improves test
 * accuracy on the embedded MNIST subset (8,000 training images, so the MLP overfits without it).
 */
class AugmentationTrainingTest {

    private static double testAccuracy(boolean augment) {
        Dataset[] mnist = ImageClassification.embeddedMnist();
        Rng rng = new Rng(21);
        Sequential model = new Sequential(new Dense(784, 512, rng), new ReLU(), new Dropout(0.2), new Dense(512, 10, rng));
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), Adam.defaults().build());
        if (augment) {
            trainer = trainer.withAugmentation(new RandomTranslation(ImageShape.grey(28, 28), 2));
        }
        trainer.fit(mnist[0], null, 15, 128, rng, EpochListener.none());
        return trainer.evaluate(mnist[1], 512).accuracy();
    }

    @Test
    void randomTranslationImprovesTestAccuracyAtTheSameEpochs() {
        double plain = testAccuracy(false);
        double augmented = testAccuracy(true);
        System.out.printf("embedded MNIST, 784-512-10 MLP, 15 epochs: test accuracy %.2f%% plain, %.2f%% with random "
                + "translation (+-2 px)%n", 100 * plain, 100 * augmented);
        // Measured 2026-11-23 (2 threads, AVX-512 Xeon): 94.70% -> 95.15%. GEMM bits depend on the CPU's kernels, so
        // the bar is "better", not the recorded margin.
        assertTrue(augmented > plain, "translation should help: " + plain + " -> " + augmented);
    }
}
