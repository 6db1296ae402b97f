package dev.temper.study;

import dev.temper.tensor.Parallel;
import dev.temper.tensor.Rng;
import dev.temper.train.History;
import dev.temper.train.Monitor;
import dev.temper.train.MonitorMode;
import dev.temper.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One network on one dataset under several regimes, each with several seeds: the runs are trained one after
 * another, seed by seed (every regime's first seed, then every regime's second, ...), so an interrupted study
 * already compares every regime.
 *
 * <p>Run {@code (regime, seed)} draws everything from {@code new Rng(seed)}: the base run's model is built from it,
 * the regime changes that setup, and the trainer shuffles (and drops units) from the same generator. Same
 * configuration and seeds, same thread count: the same bits, so the same table.
 *
 * <p>Each finished run is written under {@code DIR/runs/<regime>/seed-<k>/} at once ({@link RunFiles}), with the
 * configuration it was trained under: the base run's description, the regime's, the data's sizes, the selection
 * column and the kernel thread count (the same seed gives the same bits only with the same thread count). Running a study again in the same directory reads the runs already finished instead of training them
 * (a finished run of another configuration is an error, never silently mixed in), so an interrupted study resumes,
 * and a study with more seeds trains only the new ones.
 */
public final class Study {
    /** Examples per evaluation batch: evaluation needs no gradients, so larger batches only go faster. */
    private static final int EVALUATION_BATCH = 1000;

    private final StudyData data;
    private final RunFactory base;
    private final String baseDescription;
    private final List<Regime> regimes;
    private final List<Long> seeds;
    private final Monitor bestEpochBy;

    private Study(StudyData data, RunFactory base, String baseDescription, List<Regime> regimes, List<Long> seeds,
                  Monitor bestEpochBy) {
        if (data == null || base == null) {
            throw new IllegalArgumentException("Study: data and base run must not be null");
        }
        if (baseDescription == null || baseDescription.isBlank()) {
            throw new IllegalArgumentException("Study: the base run's description must not be blank");
        }
        if (regimes.isEmpty()) {
            throw new IllegalArgumentException("Study: needs at least one regime");
        }
        Set<String> names = new HashSet<>();
        for (Regime r : regimes) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("Study: two regimes are named '" + r.name() + "'");
            }
        }
        if (seeds.isEmpty() || new HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("Study: seeds must be a non-empty list without repeats, got " + seeds);
        }
        if (!EpochFigures.hasColumn(bestEpochBy.name())) {
            throw new IllegalArgumentException("Study: the best epoch is chosen by a history column; '"
                    + bestEpochBy.name() + "' is not one of " + EpochFigures.HEADER);
        }
        this.data = data;
        this.base = base;
        this.baseDescription = baseDescription;
        this.regimes = List.copyOf(regimes);
        this.seeds = List.copyOf(seeds);
        this.bestEpochBy = bestEpochBy;
    }

    /**
     * A study of {@code regimes} over {@code seeds}, the best epoch of a run being the one with the lowest
     * validation loss.
     *
     * @param baseDescription what the base run is (model, optimizer, epochs, ...), recorded with every run
     */
    public static Study of(StudyData data, RunFactory base, String baseDescription, List<Regime> regimes, List<Long> seeds) {
        return new Study(data, base, baseDescription, regimes, seeds, Monitor.of("val_loss", MonitorMode.MIN));
    }

    /** Seeds {@code 1..n}. */
    public static List<Long> seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Study: the number of seeds must be >= 1, got " + n);
        }
        List<Long> out = new ArrayList<>();
        for (long s = 1; s <= n; s++) {
            out.add(s);
        }
        return out;
    }

    /** This study choosing each run's best epoch by another history column ({@code val_accuracy}: highest wins). */
    public Study withBestEpochBy(String column) {
        return new Study(data, base, baseDescription, regimes, seeds, Monitor.of(column, MonitorMode.AUTO));
    }

    /** This study with other seeds (finished runs of the seeds it shares with this one are reused). */
    public Study withSeeds(List<Long> newSeeds) {
        return new Study(data, base, baseDescription, regimes, newSeeds, bestEpochBy);
    }

    public List<Regime> regimes() {
        return regimes;
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** Every run, in the order they are trained: seed by seed, regimes in order within a seed. */
    public List<RunKey> plan() {
        List<RunKey> out = new ArrayList<>();
        for (long seed : seeds) {
            for (Regime r : regimes) {
                out.add(new RunKey(r.name(), seed));
            }
        }
        return out;
    }

    /** The text a run of {@code regime} is recorded as trained under. */
    public String configuration(Regime regime) {
        return "base: " + baseDescription + "\nregime " + regime.name() + ": " + regime.description()
                + "\ndata: " + data.describe() + "\nbest epoch by: " + bestEpochBy.name()
                + (bestEpochBy.higherIsBetter() ? " (highest)" : " (lowest)")
                + "\nkernel threads: " + Parallel.threads(); // the bits of a run depend on how its sums are split
    }

    /** Runs the study in {@code dir} with no listener and no way to stop it but to let it finish. */
    public StudyResult run(Path dir) {
        return run(dir, StudyListener.none(), new StopSignal());
    }

    /**
     * Trains every run not finished in {@code dir}, reading the others, and returns them all. When {@code stop} is
     * requested the run being trained is abandoned (nothing of it is written) and the result holds the finished
     * runs, {@code complete} false.
     */
    public StudyResult run(Path dir, StudyListener listener, StopSignal stop) {
        RunFiles.deleteAbandoned(dir);
        List<RunKey> plan = plan();
        List<RunResult> finished = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < plan.size(); i++) {
            RunKey key = plan.get(i);
            Regime regime = regime(key.regime());
            String configuration = configuration(regime);
            if (RunFiles.finished(dir, key)) {
                String recorded = RunFiles.configuration(dir, key);
                if (!recorded.equals(configuration)) {
                    throw new StudyFileException(RunFiles.directory(dir, key), "was trained under another configuration ("
                            + firstDifference(recorded, configuration) + "); delete it, or use another directory");
                }
                RunResult r = RunFiles.read(dir, key);
                finished.add(r);
                listener.onRunEnd(r, i + 1, plan.size(), true);
                continue;
            }
            if (stop.requested()) {
                complete = false;
                continue; // finished runs further on are still read
            }
            listener.onRunStart(key, i + 1, plan.size());
            RunResult r;
            try {
                r = train(key, regime, listener, stop);
            } catch (RunProbe.Abandoned e) {
                complete = false;
                continue;
            }
            RunFiles.write(dir, r, configuration);
            finished.add(r);
            listener.onRunEnd(r, i + 1, plan.size(), false);
        }
        return new StudyResult(regimes, seeds, finished, complete, bestEpochBy.name(), bestEpochBy.higherIsBetter());
    }

    /** Reads the finished runs in {@code dir} without training anything. */
    public StudyResult read(Path dir) {
        StopSignal stopped = new StopSignal();
        stopped.request();
        return run(dir, StudyListener.none(), stopped);
    }

    private RunResult train(RunKey key, Regime regime, StudyListener listener, StopSignal stop) {
        long start = System.nanoTime();
        Rng rng = new Rng(key.seed());
        RunSetup setup = regime.apply(base).create(rng);
        Trainer trainer = setup.trainer();
        RunProbe probe = new RunProbe(trainer, data, EVALUATION_BATCH, stop,
                e -> listener.onEpochEnd(key, e, setup.epochs()));
        History history = Regimes.withCallback(trainer, probe)
                .fit(data.train(), data.validation(), setup.epochs(), setup.batchSize(), rng);
        // Batched as during training, so a final model that is the last (or restored) epoch's gives its figures exactly.
        Figures last = Figures.of(trainer.evaluate(data.train(), EVALUATION_BATCH),
                trainer.evaluate(data.validation(), Trainer.validationBatchSize(setup.batchSize())),
                trainer.evaluate(data.test(), EVALUATION_BATCH));
        WeightSummary weights = WeightSummary.of(setup.model().namedParameters());
        List<EpochFigures> epochs = probe.history();
        int best = RunResult.bestEpoch(epochs, bestEpochBy.name(), bestEpochBy.higherIsBetter());
        return new RunResult(key, epochs, last, best, weights, (System.nanoTime() - start) / 1e9, history.stopReason());
    }

    private Regime regime(String name) {
        for (Regime r : regimes) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new IllegalStateException("no regime " + name);
    }

    /** The first line where two configuration texts differ, for the error message. */
    static String firstDifference(String recorded, String now) {
        String[] a = recorded.split("\n", -1);
        String[] b = now.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (!x.equals(y)) {
                return "recorded '" + x + "', now '" + y + "'";
            }
        }
        return "they differ";
    }
}
