package dev.temper.cli;

import dev.temper.data.Dataset;
import dev.temper.data.ImageClassification;
import dev.temper.loss.SoftmaxCrossEntropyLoss;
import dev.temper.nn.Dense;
import dev.temper.nn.ReLU;
import dev.temper.nn.Sequential;
import dev.temper.optim.Adam;
import dev.temper.study.Quantity;
import dev.temper.study.RegimeSummary;
import dev.temper.study.Regime;
import dev.temper.study.Regimes;
import dev.temper.study.RunFactory;
import dev.temper.study.RunSetup;
import dev.temper.study.Study;
import dev.temper.study.StudyData;
import dev.temper.study.StudyResult;
import dev.temper.tensor.Rng;
import dev.temper.train.EarlyStopping;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** The README's study example, verbatim between the markers; {@link ReadmeExampleTest} keeps the two equal. */
final class ReadmeStudyExample {
    private ReadmeStudyExample() {}

    static StudyResult run(int epochs, Path dir) {
        // README:start
        Dataset[] mnist = ImageClassification.embeddedMnist();
        Dataset[] split = mnist[0].split(0.125, new Rng(42));  // [7000 train, 1000 validation], the same for every run
        StudyData data = new StudyData(split[0].subset(IntStream.range(0, 1000).toArray()), split[1], mnist[1]);

        RunFactory base = rng -> RunSetup.of(                 // one fresh run per regime and seed
                new Sequential(new Dense(784, 256, rng), new ReLU(), new Dense(256, 10, rng)),
                new SoftmaxCrossEntropyLoss(), Adam.defaults().build(), epochs, 128);
        Study study = Study.of(data, base, "784-256-10, Adam, " + epochs + " epochs", List.of(Regime.baseline(),
                Regimes.l2(1e-3), Regimes.dropout(0.5, 0.2), Regimes.earlyStopping("patience 5, best weights",
                        () -> EarlyStopping.defaults().withPatience(5).withRestoreBestWeights(true))),
                Study.seeds(3));
        StudyResult result = study.run(dir);                  // runs/<regime>/seed-<k>/ in dir; resumes when rerun
        for (RegimeSummary s : result.summaries()) {
            System.out.printf("%-14s gap %5.2f points%n", s.regime(), 100 * s.mean(Quantity.GENERALIZATION_GAP));
        }
        // README:end
        return result;
    }
}
