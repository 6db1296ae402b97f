package dev.temper.cli;

import dev.temper.data.Dataset;
import dev.temper.data.ImageClassification;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.tensor.Rng;
import dev.temper.train.Evaluation;
import dev.temper.train.History;
import dev.temper.train.Trainer;

/** The README's library example, verbatim between the markers; {@link ReadmeExampleTest} keeps the two equal. */
final class ReadmeExample {
    private ReadmeExample() {}

    static Evaluation run(int epochs) {
        // README:start
        Rng rng = new Rng(42);                                  // every random draw comes from an explicit seed
        Dataset[] mnist = ImageClassification.embeddedMnist();  // [train 8000, test 2000], pixels in [0, 1]
        Dataset[] split = mnist[0].split(0.1, rng.split());     // [train, validation]

        Sequential model = new Sequential(
                new Dense(784, 256, rng), new ReLU(), new Dropout(0.2),
                new Dense(256, 10, rng));                       // logits; the loss applies softmax
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), Adam.defaults().build());
        History history = trainer.fit(split[0], split[1], epochs, 128, rng,
                epoch -> System.out.printf("epoch %d  val_acc %.4f%n", epoch.epoch(), epoch.validationAccuracy()));
        Evaluation test = trainer.evaluate(mnist[1], 512);
        // README:end
        if (history.epochs().size() != epochs) {
            throw new IllegalStateException("expected " + epochs + " epochs, got " + history.epochs().size());
        }
        return test;
    }
}
