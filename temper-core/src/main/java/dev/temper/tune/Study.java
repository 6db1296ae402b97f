package dev.temper.tune;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a {@link Strategy}'s suggestions on {@code parallel} threads and records every event in a {@link Journal}.
 *
 * <p>Each trial gets its own seed ({@link Seeds#trialSeed}) and each proposal its own generator
 * ({@link Seeds#proposal}), both from the study seed and the trial number alone, so a trial's result does not
 * depend on which thread ran it or when. With one thread the whole study is reproducible; with several, adaptive
 * strategies see results in the order they finish, which may vary.
 *
 * <p>A job whose value is NaN or infinite, or whose run throws, finishes as {@link TrialState#FAILED} with the
 * reason and the study goes on. A {@link Pruner} is asked after every new step.
 *
 * <p>Resuming ({@link Builder#resume}) replays the journal: finished jobs are kept as they are and never run again;
 * a job that was running at the crash is run again from its start (same trial, same seed). Runs a multi-fidelity
 * strategy may continue are kept in memory, at most {@code maxLiveRuns} of them (least recently used evicted); a
 * continued trial whose run was lost (evicted, or by a crash) is replayed from step 1, which by
 * {@link TrialRun}'s contract gives the same values at the price of the replayed steps.
 */
public final class Study {
    private final SearchSpace space;
    private final Strategy strategy;
    private final Objective objective;
    private final Direction direction;
    private final long seed;
    private final int parallel;
    private final Pruner pruner;
    private final Path journalFile;
    private final boolean resume;
    private final StudyListener listener;
    private final int maxLiveRuns;
    private final java.util.function.Predicate<Trial> stopWhen;
    private boolean stopped;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Integer, Integer> running = new LinkedHashMap<>();
    private final LinkedHashMap<Integer, LiveRun> live = new LinkedHashMap<>(16, 0.75f, true);
    private StudyHistory history;
    private Journal journal;
    private RuntimeException failure;
    private long stepsRun;

    private record LiveRun(TrialRun run, int steps) {}

    /** {@code kept}: the paused run a continuation resumes, taken out of {@link #live} when the job is made. */
    private record Job(int trial, Configuration configuration, long seed, int fromBudget, int budget, LiveRun kept) {}

    private Study(Builder b) {
        this.space = b.space;
        this.strategy = b.strategy;
        this.objective = b.objective;
        this.direction = b.direction;
        this.seed = b.seed;
        this.parallel = b.parallel;
        this.pruner = b.pruner;
        this.journalFile = b.journal;
        this.resume = b.resume;
        this.listener = b.listener;
        this.maxLiveRuns = b.maxLiveRuns;
        this.stopWhen = b.stopWhen;
    }

    public static Builder builder(SearchSpace space, Strategy strategy, Objective objective) {
        return new Builder(space, strategy, objective);
    }

    /** The study's settings; every one but the three given has a default. */
    public static final class Builder {
        private final SearchSpace space;
        private final Strategy strategy;
        private final Objective objective;
        private Direction direction = Direction.MINIMIZE;
        private long seed = 42;
        private int parallel = 1;
        private Pruner pruner = Pruner.none();
        private Path journal;
        private boolean resume;
        private StudyListener listener = StudyListener.none();
        private int maxLiveRuns = 128;
        private java.util.function.Predicate<Trial> stopWhen = t -> false;

        private Builder(SearchSpace space, Strategy strategy, Objective objective) {
            if (space == null || strategy == null || objective == null) {
                throw new IllegalArgumentException("Study: space, strategy and objective must not be null");
            }
            this.space = space;
            this.strategy = strategy;
            this.objective = objective;
        }

        public Builder direction(Direction d) {
            if (d == null) {
                throw new IllegalArgumentException("Study: direction must not be null");
            }
            direction = d;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** Trials run at once, each on its own thread. */
        public Builder parallel(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("Study: parallel must be >= 1, got " + n);
            }
            parallel = n;
            return this;
        }

        public Builder pruner(Pruner p) {
            if (p == null) {
                throw new IllegalArgumentException("Study: pruner must not be null (use Pruner.none())");
            }
            pruner = p;
            return this;
        }

        /** Where the journal goes; none keeps the study in memory only. */
        public Builder journal(Path file) {
            journal = file;
            return this;
        }

        /** Continue the study in the journal instead of refusing to overwrite it. */
        public Builder resume(boolean r) {
            resume = r;
            return this;
        }

        public Builder listener(StudyListener l) {
            if (l == null) {
                throw new IllegalArgumentException("Study: listener must not be null (use StudyListener.none())");
            }
            listener = l;
            return this;
        }

        /** Paused runs kept in memory for continuation (multi-fidelity strategies). */
        public Builder maxLiveRuns(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("Study: maxLiveRuns must be >= 0, got " + n);
            }
            maxLiveRuns = n;
            return this;
        }

        /**
         * Starts no new job once a finished trial satisfies {@code condition} (a target value reached); the jobs
         * running then still finish.
         */
        public Builder stopWhen(java.util.function.Predicate<Trial> condition) {
            if (condition == null) {
                throw new IllegalArgumentException("Study: stopWhen condition must not be null");
            }
            stopWhen = condition;
            return this;
        }

        public Study build() {
            return new Study(this);
        }
    }

    public Journal.Header header() {
        return new Journal.Header(strategy.describe(), direction, seed, space.describe());
    }

    /** Runs (or resumes) the study to its end. */
    public StudyResult run() {
        long start = System.nanoTime();
        history = new StudyHistory(direction);
        Deque<Job> restarts = new ArrayDeque<>();
        int resumedJobs = 0;
        boolean torn = false;
        if (journalFile != null) {
            if (resume && Files.exists(journalFile)) {
                Journal.Opened opened = Journal.open(journalFile, header(), space);
                journal = opened.journal();
                torn = opened.droppedTornLine();
                for (StudyEvent e : opened.events()) {
                    history.apply(e);
                    if (e instanceof StudyEvent.Finished) {
                        resumedJobs++;
                    }
                }
                for (Trial t : history.trials()) {
                    if (t.state() == TrialState.RUNNING) {
                        int from = t.finishedAt().isEmpty() ? 0 : t.finishedAt().lastKey();
                        restarts.add(new Job(t.number(), t.configuration(), t.seed(), from, t.budget(), null));
                    }
                }
            } else {
                journal = Journal.create(journalFile, header());
            }
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(parallel, task -> {
            Thread t = new Thread(task, "temper-trial-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            coordinate(restarts, workers);
        } finally {
            workers.shutdownNow();
            lock.lock();
            try {
                for (LiveRun r : live.values()) {
                    r.run().close();
                }
                live.clear();
            } finally {
                lock.unlock();
            }
            if (journal != null) {
                journal.close();
            }
        }
        return new StudyResult(history, history.best(), resumedJobs, stepsRun, (System.nanoTime() - start) / 1e9, torn);
    }

    private void coordinate(Deque<Job> restarts, ExecutorService workers) {
        lock.lock();
        try {
            while (true) {
                if (failure != null) {
                    throw failure;
                }
                if (running.size() >= parallel) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                Job job = restarts.poll();
                if (job == null && stopped) {
                    if (running.isEmpty()) {
                        return;
                    }
                    changed.awaitUninterruptibly();
                    continue;
                }
                if (job == null) {
                    Suggestion s = strategy.suggest(history, List.copyOf(running.keySet()), Seeds.proposal(seed, history.size()));
                    if (s instanceof Suggestion.NewTrial n) {
                        int number = history.size();
                        Configuration c = space.validate(n.configuration().values());
                        job = new Job(number, c, Seeds.trialSeed(seed, number), 0, n.budget(), null);
                    } else if (s instanceof Suggestion.Continue c) {
                        Trial t = history.trial(c.trial());
                        if (t.state() != TrialState.COMPLETE || c.budget() <= t.budget() || running.containsKey(c.trial())) {
                            throw new IllegalStateException(strategy.describe() + " asked to continue trial " + c.trial()
                                    + " (" + t.state().yamlName() + " at budget " + t.budget() + ") to budget " + c.budget());
                        }
                        job = new Job(t.number(), t.configuration(), t.seed(), t.budget(), c.budget(), live.remove(t.number()));
                    } else if (running.isEmpty()) {
                        if (s instanceof Suggestion.Wait) {
                            throw new IllegalStateException(strategy.describe() + " waits while no job is running");
                        }
                        return; // done
                    } else {
                        changed.awaitUninterruptibly();
                        continue;
                    }
                }
                record(new StudyEvent.Started(job.trial(), job.budget(), job.configuration(), job.seed()));
                running.put(job.trial(), job.budget());
                listener.onJobStarted(job.trial(), job.configuration(), job.budget());
                Job submitted = job;
                workers.execute(() -> runJob(submitted));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Journal first, then memory: what the history holds is always on disk. Callers hold the lock. */
    private void record(StudyEvent e) {
        if (journal != null) {
            journal.append(e);
        }
        history.apply(e);
    }

    private void runJob(Job job) {
        long start = System.nanoTime();
        TrialRun run = null;
        int steps = 0;
        int ranNow = 0;
        TrialState state = TrialState.COMPLETE;
        String reason = "";
        double value = Double.NaN;
        try {
            if (job.kept() != null) {
                run = job.kept().run();
                steps = job.kept().steps();
            } else {
                run = objective.start(job.configuration(), job.seed());
            }
            while (steps < job.budget()) {
                value = run.advance();
                steps++;
                ranNow++;
                Trial snapshot;
                lock.lock();
                try {
                    stepsRun++;
                    record(new StudyEvent.Reported(job.trial(), steps, value));
                    snapshot = history.trial(job.trial());
                } finally {
                    lock.unlock();
                }
                if (!Double.isFinite(value)) {
                    state = TrialState.FAILED;
                    reason = "diverged: the value after step " + steps + " is " + value;
                    break;
                }
                if (steps > job.fromBudget() && steps < job.budget()) {
                    String why = pruner.prune(snapshot, steps, history);
                    if (why != null) {
                        state = TrialState.PRUNED;
                        reason = why;
                        break;
                    }
                }
            }
        } catch (Exception | Error e) {
            state = TrialState.FAILED;
            reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        lock.lock();
        try {
            record(new StudyEvent.Finished(job.trial(), job.budget(), state, state == TrialState.FAILED ? Double.NaN : value,
                    reason, seconds, ranNow));
            Trial done = history.trial(job.trial());
            if (run != null && state == TrialState.COMPLETE && maxLiveRuns > 0 && strategy.mayContinue(done, history)) {
                live.put(job.trial(), new LiveRun(run, steps));
                run = null;
            }
            releaseRuns();
            stopped |= stopWhen.test(done);
            listener.onJobFinished(done, history);
        } catch (RuntimeException e) {
            failure = e; // the journal cannot be written: stop the study rather than lose events
        } finally {
            running.remove(job.trial());
            changed.signalAll();
            lock.unlock();
            if (run != null) {
                run.close();
            }
        }
    }

    /** Closes the runs no strategy will continue, then the least recently used beyond the cap. Callers hold the lock. */
    private void releaseRuns() {
        for (Iterator<Map.Entry<Integer, LiveRun>> it = live.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, LiveRun> e = it.next();
            if (!strategy.mayContinue(history.trial(e.getKey()), history)) {
                e.getValue().run().close();
                it.remove();
            }
        }
        List<Integer> evict = new ArrayList<>();
        int excess = live.size() - maxLiveRuns;
        for (Integer trial : live.keySet()) {
            if (excess-- <= 0) {
                break;
            }
            evict.add(trial);
        }
        for (Integer trial : evict) {
            live.remove(trial).run().close();
        }
    }
}
