package dev.temper.study;

import dev.temper.train.Evaluation;

/** Loss and accuracy on the training, validation and test sets, all measured in inference mode on clean data. */
public record Figures(double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy,
                      double testLoss, double testAccuracy) {

    static Figures of(Evaluation train, Evaluation validation, Evaluation test) {
        return new Figures(train.loss(), train.accuracy(), validation.loss(), validation.accuracy(), test.loss(),
                test.accuracy());
    }

    /** The figures of one history row. */
    public static Figures of(EpochFigures e) {
        return new Figures(e.trainEvalLoss(), e.trainEvalAccuracy(), e.validationLoss(), e.validationAccuracy(),
                e.testLoss(), e.testAccuracy());
    }
}
