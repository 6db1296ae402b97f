package dev.temper.cli;

import dev.temper.autograd.Selector;
import dev.temper.data.Dataset;
import dev.temper.data.ImageClassification;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.Dropout;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.regularize.Penalty;
import dev.temper.regularize.Regularization;
import dev.temper.tensor.Rng;
import dev.temper.train.EarlyStopping;
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
        EarlyStopping earlyStopping = EarlyStopping.monitoring("val_loss").withPatience(3).withRestoreBestWeights(true);
        Trainer trainer = new Trainer(model, new SoftmaxCrossEntropyLoss(), Adam.defaults().build())
                .withRegularization(Regularization.of("l2", Selector.weights(), Penalty.l2(1e-4)))  // the run's, not the model's
                .withCallbacks(earlyStopping);
        History history = trainer.fit(split[0], split[1], epochs, 128, rng,
                epoch -> System.out.printf("epoch %d  val_acc %.4f%n", epoch.epoch(), epoch.validationAccuracy()));
        Evaluation test = trainer.evaluate(mnist[1], 512);      // with the best epoch's weights, restored
        // README:end
        if (history.epochs().isEmpty() || history.epochs().size() > epochs) {
            throw new IllegalStateException("expected 1.." + epochs + " epochs, got " + history.epochs().size());
        }
        if (earlyStopping.report().bestEpoch() < 1) {
            throw new IllegalStateException("early stopping saw no epoch: " + earlyStopping.report());
        }
        return test;
    }
}
