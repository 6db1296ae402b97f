package dev.temper.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything that has happened in a study, built by applying {@link StudyEvent}s in journal order; strategies and
 * pruners read it through snapshots ({@link #trials()}). Thread-safe: the study's workers report to it while the
 * coordinator reads it.
 */
public final class StudyHistory {
    private final Direction direction;
    private final List<Mutable> trials = new ArrayList<>();

    private static final class Mutable {
        final int number;
        final Configuration configuration;
        final long seed;
        TrialState state = TrialState.RUNNING;
        int budget;
        final SortedMap<Integer, Double> steps = new TreeMap<>();
        final SortedMap<Integer, Double> finishedAt = new TreeMap<>();
        double value = Double.NaN;
        String reason = "";
        double seconds;
        int epochs;

        Mutable(int number, Configuration configuration, long seed) {
            this.number = number;
            this.configuration = configuration;
            this.seed = seed;
        }

        Trial snapshot() {
            return new Trial(number, configuration, seed, state, budget, steps, finishedAt, value, reason, seconds, epochs);
        }
    }

    public StudyHistory(Direction direction) {
        if (direction == null) {
            throw new IllegalArgumentException("StudyHistory: direction must not be null");
        }
        this.direction = direction;
    }

    public Direction direction() {
        return direction;
    }

    /** Applies one event; an event that contradicts the history (a trial out of order) is an error naming it. */
    public synchronized void apply(StudyEvent event) {
        if (event instanceof StudyEvent.Started s) {
            if (s.trial() == trials.size()) {
                trials.add(new Mutable(s.trial(), s.configuration(), s.seed()));
            } else if (s.trial() > trials.size()) {
                throw new IllegalArgumentException("trial " + s.trial() + " started before trial " + trials.size());
            }
            Mutable t = trials.get(s.trial());
            t.state = TrialState.RUNNING;
            t.budget = s.budget();
        } else if (event instanceof StudyEvent.Reported r) {
            Mutable t = existing(r.trial());
            t.steps.put(r.step(), r.value());
        } else if (event instanceof StudyEvent.Finished f) {
            Mutable t = existing(f.trial());
            t.state = f.state();
            t.budget = f.budget();
            t.value = f.state() == TrialState.FAILED ? Double.NaN : f.value();
            t.finishedAt.put(f.budget(), f.state() == TrialState.COMPLETE ? f.value() : Double.NaN);
            t.reason = f.reason();
            t.seconds += f.seconds();
            t.epochs += f.epochs();
        }
    }

    private Mutable existing(int trial) {
        if (trial < 0 || trial >= trials.size()) {
            throw new IllegalArgumentException("event for trial " + trial + ", which has not started");
        }
        return trials.get(trial);
    }

    /** Snapshots of every trial, by number. */
    public synchronized List<Trial> trials() {
        List<Trial> out = new ArrayList<>(trials.size());
        for (Mutable t : trials) {
            out.add(t.snapshot());
        }
        return out;
    }

    public synchronized Trial trial(int number) {
        return existing(number).snapshot();
    }

    public synchronized int size() {
        return trials.size();
    }

    /** The trial with the best value among those that reached the largest budget any trial completed; null if none. */
    public synchronized Trial best() {
        Trial best = null;
        for (Mutable m : trials) {
            Trial t = m.snapshot();
            if (t.state() != TrialState.COMPLETE || !Double.isFinite(t.value())) {
                continue;
            }
            if (best == null || t.budget() > best.budget()
                    || t.budget() == best.budget() && direction.better(t.value(), best.value())) {
                best = t;
            }
        }
        return best;
    }
}
