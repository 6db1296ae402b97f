package dev.temper.optim;

import dev.temper.autograd.NoGrad;
import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import dev.temper.tensor.DType;
import dev.temper.tensor.Parallel;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies {@code parameter -= learningRate * multiplier(path) * direction(gradient)} to every parameter that
 * has a gradient. The direction is a {@link GradientTransform} (plain gradient for SGD, {@link ScaleByAdam} for
 * Adam, a {@link Chain} with {@link AddDecayedWeights} for AdamW, ...); its state is kept per parameter path,
 * so an optimizer can be saved and restored by name ({@link #state()}, {@link #restore}).
 *
 * <p>Options, all set before training (changing one re-resolves the per-parameter settings):
 * <ul>
 *   <li>{@link #setSchedule}: the learning rate of step {@code t} (from 1) is {@code schedule.learningRate(t-1)};
 *   <li>{@link #setLearningRateMultiplier}: parameters chosen by a {@link Selector} train at {@code factor}
 *       times the rate (the first matching rule wins; PyTorch's parameter groups with their own {@code lr}).
 *       The multiplier scales the whole update, decoupled decay included, as a group's {@code lr} does;
 *   <li>{@link #setGradientClipNorm}: before any transform, all gradients of the step are scaled by
 *       {@code min(1, maxNorm / (norm + 1e-6))}, norm being the L2 norm over all of them together (PyTorch's
 *       {@code clip_grad_norm_}). This needs every gradient of the step, hence lives here rather than in a
 *       per-parameter transform. Clipping by value is a transform: {@link ClipByValue}.
 * </ul>
 *
 * <p>The step counter is global (one per optimizer, not per parameter as in PyTorch): a parameter that first
 * gets a gradient late sees Adam's bias correction of the current step.
 */
public final class Optimizer {
    private static final double CLIP_EPSILON = 1e-6;

    private record Multiplier(Selector selector, double factor) {}

    /** A parameter's transform with its selectors resolved, and its learning-rate multiplier. */
    private record Resolved(GradientTransform transform, double multiplier) {}

    private final GradientTransform direction;
    private double learningRate;
    private Schedule schedule;
    private double clipNorm = Double.POSITIVE_INFINITY;
    private final List<Multiplier> multipliers = new ArrayList<>();
    private final Map<String, Resolved> resolved = new HashMap<>();
    private final Map<String, Map<String, Tensor>> states = new HashMap<>();
    /** Per-parameter buffer the direction is computed in, reused every step (saves allocating and zeroing it). */
    private final Map<String, Tensor> updates = new HashMap<>();
    /** Restored states not yet compared with what this optimizer's transforms expect (done at first use). */
    private final Set<String> unverified = new HashSet<>();
    private long step;

    public Optimizer(GradientTransform direction, double learningRate) {
        if (direction == null) {
            throw new IllegalArgumentException("Optimizer: direction must not be null");
        }
        this.direction = direction;
        setLearningRate(learningRate);
    }

    /** The rate the next step will use (from the schedule if one is set). */
    public double learningRate() {
        return schedule == null ? learningRate : schedule.learningRate(step);
    }

    /** A constant rate from the next step on (for per-epoch schedules applied by the caller); drops any schedule. */
    public Optimizer setLearningRate(double learningRate) {
        checkRate(learningRate);
        this.learningRate = learningRate;
        this.schedule = null;
        return this;
    }

    /** Evaluates {@code schedule} at the optimizer's step count before each step (see {@link Schedule}). */
    public Optimizer setSchedule(Schedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("Optimizer: schedule must not be null");
        }
        this.schedule = schedule;
        return this;
    }

    /**
     * Whether a schedule sets the rate ({@link #setSchedule}); false from the start or once {@link #setLearningRate}
     * has dropped it. A checkpoint records it with the rate, so that a resumed run drops the schedule too.
     */
    public boolean hasSchedule() {
        return schedule != null;
    }

    /** Parameters matching {@code selector} train at {@code factor} times the learning rate (first rule wins). */
    public Optimizer setLearningRateMultiplier(Selector selector, double factor) {
        if (selector == null) {
            throw new IllegalArgumentException("Optimizer: multiplier selector must not be null");
        }
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("learning-rate multiplier must be >= 0, got " + factor);
        }
        multipliers.add(new Multiplier(selector, factor));
        resolved.clear();
        return this;
    }

    /** Rescales all gradients of a step together so that their global L2 norm is at most {@code maxNorm}. */
    public Optimizer setGradientClipNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("gradient clip norm must be > 0, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /** Steps taken so far. */
    public long steps() {
        return step;
    }

    /** One update of every parameter (by path) that has a gradient. */
    public void step(Map<String, ? extends Variable> parameters) {
        double rate = learningRate();
        checkRate(rate);
        step++;
        try (NoGrad scope = NoGrad.enter()) {
            // Pass 1: gradients into the update buffers (gradients are immutable: one may be shared by several
            // inputs), summing squares for the global norm on the way. Without clipping, a transform with a fused
            // path (Adam's) updates the parameter straight from its gradient: one pass instead of three.
            double sumOfSquares = 0;
            List<String> active = new ArrayList<>(parameters.size());
            FusedSteps fused = new FusedSteps();
            for (Map.Entry<String, ? extends Variable> e : parameters.entrySet()) {
                Variable parameter = e.getValue();
                Tensor value = parameter.value();
                Tensor partial = parameter.gradWithoutValueTerm(); // the L2 term, if any, joins in the fused pass
                if (partial != null && clipNorm == Double.POSITIVE_INFINITY) {
                    Parallel.RangeBody fusedStep = inPlaceStep(e.getKey(), partial, value, rate, parameter.gradValueTerm());
                    if (fusedStep != null) {
                        fused.add(fusedStep, value.size(), value.dtype() == DType.FLOAT32 ? value.floatData() : value.doubleData());
                        continue;
                    }
                }
                Tensor grad = parameter.grad();
                if (grad == null) {
                    continue;
                }
                Tensor update = updates.computeIfAbsent(e.getKey(), k -> Tensor.zerosLike(value));
                update.copyFromInPlace(grad);
                active.add(e.getKey());
                if (clipNorm != Double.POSITIVE_INFINITY) {
                    sumOfSquares += sumOfSquares(update);
                }
            }
            fused.run(); // each touches only its own parameter and state: independent of the general path
            double clipScale = Math.min(1.0, clipNorm / (Math.sqrt(sumOfSquares) + CLIP_EPSILON));
            // Pass 2: each parameter's transform, then the scaled step.
            for (String path : active) {
                Tensor value = parameters.get(path).value();
                Tensor update = updates.get(path);
                if (clipScale < 1.0) {
                    scale(update, clipScale);
                }
                Resolved r = resolved.computeIfAbsent(path, k -> resolve(k, value));
                r.transform().update(update, value, stateOf(path, r, value), step);
                value.addInPlace(update, -rate * r.multiplier());
            }
        }
    }

    /** The fused step of {@link GradientTransform#inPlaceStep}, where the transform has one and the layout fits. */
    private Parallel.RangeBody inPlaceStep(String path, Tensor grad, Tensor value, double rate, double valueTerm) {
        if (!value.isContiguous() || value.offset() != 0 || !grad.isContiguous() || grad.dtype() != value.dtype()) {
            return null;
        }
        Resolved r = resolved.computeIfAbsent(path, k -> resolve(k, value));
        return r.transform().inPlaceStep(grad, value, stateOf(path, r, value), step, -rate * r.multiplier(), valueTerm);
    }

    private Map<String, Tensor> stateOf(String path, Resolved r, Tensor value) {
        Map<String, Tensor> state = states.computeIfAbsent(path, k -> r.transform().init(value));
        if (unverified.remove(path)) {
            verifyRestored(path, state, r.transform().init(value));
        }
        return state;
    }

    /** A copy of all state: the step count and each parameter's named tensors. */
    public OptimizerState state() {
        return new OptimizerState(step, states);
    }

    /** Replaces all state with a copy of {@code saved} (from {@link #state()} of an optimizer of the same recipe). */
    public void restore(OptimizerState saved) {
        states.clear();
        states.putAll(mutableCopy(OptimizerState.deepCopy(saved.tensors())));
        unverified.clear();
        unverified.addAll(states.keySet());
        step = saved.steps();
    }

    /** Clears every parameter's gradient. */
    public static void zeroGrad(Map<String, ? extends Variable> parameters) {
        for (Variable p : parameters.values()) {
            p.zeroGrad();
        }
    }

    private Resolved resolve(String path, Tensor value) {
        double factor = 1.0;
        for (Multiplier m : multipliers) {
            if (m.selector().matches(path, value)) {
                factor = m.factor();
                break;
            }
        }
        return new Resolved(direction.forParameter(path, value), factor);
    }

    private static void verifyRestored(String path, Map<String, Tensor> restored, Map<String, Tensor> expected) {
        boolean same = restored.keySet().equals(expected.keySet());
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            Tensor r = restored.get(e.getKey());
            same &= r != null && r.shape().equals(e.getValue().shape()) && r.dtype() == e.getValue().dtype();
        }
        if (!same) {
            throw new IllegalArgumentException("Optimizer.restore: state of '" + path + "' holds "
                    + describe(restored) + ", this optimizer's transforms expect " + describe(expected)
                    + " (restore into an optimizer built from the same recipe)");
        }
    }

    private static String describe(Map<String, Tensor> state) {
        Map<String, String> out = new TreeMap<>();
        state.forEach((k, v) -> out.put(k, v.dtype() + v.shape().toString()));
        return out.toString();
    }

    private static Map<String, Map<String, Tensor>> mutableCopy(Map<String, Map<String, Tensor>> source) {
        Map<String, Map<String, Tensor>> out = new HashMap<>();
        for (Map.Entry<String, Map<String, Tensor>> e : source.entrySet()) {
            out.put(e.getKey(), new HashMap<>(e.getValue()));
        }
        return out;
    }

    private static void checkRate(double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learningRate must be >= 0 and finite, got " + rate);
        }
    }

    private static double sumOfSquares(Tensor t) {
        int n = t.size();
        double sum = 0;
        if (t.dtype() == DType.FLOAT32) {
            float[] a = t.floatData();
            for (int i = 0; i < n; i++) {
                sum += (double) a[i] * a[i];
            }
        } else {
            double[] a = t.doubleData();
            for (int i = 0; i < n; i++) {
                sum += a[i] * a[i];
            }
        }
        return sum;
    }

    private static void scale(Tensor t, double factor) {
        int n = t.size();
        if (t.dtype() == DType.FLOAT32) {
            float[] a = t.floatData();
            float f = (float) factor;
            for (int i = 0; i < n; i++) {
                a[i] *= f;
            }
        } else {
            double[] a = t.doubleData();
            for (int i = 0; i < n; i++) {
                a[i] *= factor;
            }
        }
    }
}
