package dev.temper.cli;

import dev.temper.study.Quantity;
import dev.temper.study.RegimeSummary;
import dev.temper.study.Statistic;
import dev.temper.study.StudyResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A study's figures as three tables of text, the same cells in the terminal and in the report: the final model,
 * the best epoch, and the weights and cost. Each cell is the mean over the regime's seeds, then {@code ±} the
 * standard deviation when there is more than one; accuracies and the gap are in percent (points).
 */
final class StudyTables {
    /** A table: a title, a header row and one row per regime. */
    record Table(String title, List<String> header, List<List<String>> rows) {}

    private StudyTables() {}

    static List<Table> of(StudyResult result) {
        String n = result.seeds().size() == 1 ? "1 seed" : "mean ± std over " + result.seeds().size() + " seeds";
        String best = result.bestEpochBy() + (result.higherIsBetter() ? ", highest" : ", lowest");
        return List.of(
                table(result, "Final model (" + n + "; accuracy in %, gap = train - test accuracy in points)",
                        List.of("train acc", "val acc", "test acc", "gap", "train loss", "val loss", "test loss"),
                        List.of(Quantity.FINAL_TRAIN_ACCURACY, Quantity.FINAL_VALIDATION_ACCURACY,
                                Quantity.FINAL_TEST_ACCURACY, Quantity.GENERALIZATION_GAP, Quantity.FINAL_TRAIN_LOSS,
                                Quantity.FINAL_VALIDATION_LOSS, Quantity.FINAL_TEST_LOSS)),
                table(result, "Best epoch (by " + best + ")",
                        List.of("epoch", "train acc", "val acc", "test acc", "train loss", "val loss", "test loss"),
                        List.of(Quantity.BEST_EPOCH, Quantity.BEST_TRAIN_ACCURACY, Quantity.BEST_VALIDATION_ACCURACY,
                                Quantity.BEST_TEST_ACCURACY, Quantity.BEST_TRAIN_LOSS, Quantity.BEST_VALIDATION_LOSS,
                                Quantity.BEST_TEST_LOSS)),
                table(result, "Weights and cost (weights: all weight matrices; zeros: weights exactly 0)",
                        List.of("epochs run", "weight L2 norm", "zeros %", "seconds"),
                        List.of(Quantity.EPOCHS_RUN, Quantity.WEIGHT_L2_NORM, Quantity.WEIGHT_ZERO_FRACTION,
                                Quantity.WALL_SECONDS)));
    }

    private static Table table(StudyResult result, String title, List<String> names, List<Quantity> quantities) {
        List<String> header = new ArrayList<>();
        header.add("regime");
        header.add("runs");
        header.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        for (RegimeSummary s : result.summaries()) {
            List<String> row = new ArrayList<>();
            row.add(s.regime());
            row.add(Integer.toString(s.runs().size()));
            for (Quantity q : quantities) {
                row.add(cell(q, s.get(q)));
            }
            rows.add(row);
        }
        return new Table(title, header, rows);
    }

    /** Mean, then ± std when defined, in the quantity's unit. */
    static String cell(Quantity q, Statistic s) {
        if (s.n() == 0) {
            return "-";
        }
        String mean = number(q, s.mean());
        return Double.isNaN(s.std()) ? mean : mean + " ± " + number(q, s.std());
    }

    static String number(Quantity q, double v) {
        return switch (q.kind()) {
            case ACCURACY -> String.format(Locale.ROOT, "%.2f", 100 * v);
            case FRACTION -> String.format(Locale.ROOT, "%.1f", 100 * v);
            case LOSS -> String.format(Locale.ROOT, "%.3f", v);
            case COUNT -> v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
            case NUMBER -> String.format(Locale.ROOT, "%.2f", v);
            case SECONDS -> String.format(Locale.ROOT, "%.1f", v);
        };
    }

    /** The tables as aligned text: the regime left, figures right. */
    static void print(List<Table> tables, PrintStream out) {
        for (Table t : tables) {
            out.println();
            out.println(t.title());
            int[] width = new int[t.header().size()];
            List<List<String>> all = new ArrayList<>();
            all.add(t.header());
            all.addAll(t.rows());
            for (List<String> row : all) {
                for (int c = 0; c < row.size(); c++) {
                    width[c] = Math.max(width[c], row.get(c).length());
                }
            }
            for (List<String> row : all) {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.get(c);
                    String pad = " ".repeat(width[c] - cell.length());
                    sb.append(c == 0 ? cell + pad : "  " + pad + cell);
                }
                out.println(sb.toString().stripTrailing());
            }
        }
    }
}
