package dev.temper.cli;

import dev.temper.study.Quantity;
import dev.temper.study.RegimeSummary;
import dev.temper.study.StudyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The study's story in a few sentences, computed from its figures (never written in advance): how far the baseline
 * overfits, which regimes at least halve its generalization gap without lowering its test accuracy, and which
 * regime has the best test accuracy and loss.
 */
final class StudyFindings {
    private StudyFindings() {}

    static List<String> of(StudyResult result) {
        List<String> out = new ArrayList<>();
        List<RegimeSummary> summaries = result.summaries();
        if (summaries.isEmpty()) {
            return out;
        }
        RegimeSummary base = summaries.stream().filter(s -> s.regime().equals("baseline")).findFirst().orElse(null);
        if (base != null) {
            double gap = base.mean(Quantity.GENERALIZATION_GAP);
            double test = base.mean(Quantity.FINAL_TEST_ACCURACY);
            out.add(String.format(Locale.ROOT, "The baseline reaches %.2f%% training accuracy but %.2f%% on the test "
                    + "set: a generalization gap of %.2f points.", 100 * base.mean(Quantity.FINAL_TRAIN_ACCURACY),
                    100 * test, 100 * gap));
            List<String> halving = new ArrayList<>();
            for (RegimeSummary s : summaries) {
                if (s != base && s.mean(Quantity.GENERALIZATION_GAP) <= gap / 2
                        && s.mean(Quantity.FINAL_TEST_ACCURACY) >= test) {
                    halving.add(String.format(Locale.ROOT, "%s (gap %.2f, test %.2f%%)", s.regime(),
                            100 * s.mean(Quantity.GENERALIZATION_GAP), 100 * s.mean(Quantity.FINAL_TEST_ACCURACY)));
                }
            }
            out.add(halving.isEmpty()
                    ? "No regime halves that gap without lowering the test accuracy."
                    : "Halving the gap without lowering the test accuracy: " + String.join(", ", halving) + ".");
        }
        RegimeSummary bestAccuracy = summaries.get(0);
        RegimeSummary bestLoss = summaries.get(0);
        for (RegimeSummary s : summaries) {
            if (s.mean(Quantity.FINAL_TEST_ACCURACY) > bestAccuracy.mean(Quantity.FINAL_TEST_ACCURACY)) {
                bestAccuracy = s;
            }
            if (s.mean(Quantity.FINAL_TEST_LOSS) < bestLoss.mean(Quantity.FINAL_TEST_LOSS)) {
                bestLoss = s;
            }
        }
        out.add(String.format(Locale.ROOT, "Best test accuracy: %s, %.2f%%. Lowest test loss: %s, %.3f.",
                bestAccuracy.regime(), 100 * bestAccuracy.mean(Quantity.FINAL_TEST_ACCURACY), bestLoss.regime(),
                bestLoss.mean(Quantity.FINAL_TEST_LOSS)));
        if (!result.complete()) {
            out.add("Interrupted: these figures cover the finished runs only.");
        }
        return out;
    }
}
