package dev.temper.autograd;

import dev.temper.tensor.Shape;
import dev.temper.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tensor in a define-by-run graph: ops on variables that require gradients record how to propagate gradients
 * back, and {@link #backward()} on a scalar result walks that record in reverse.
 *
 * <p>Gradients accumulate across backward passes until {@link #zeroGrad()}. A gradient handed in by a backward
 * rule is never written to, because one upstream gradient may be handed to several inputs unchanged: the first
 * accumulation keeps it as it is, a second one sums into a tensor of this variable's own. A leaf (a parameter)
 * keeps that tensor across {@link #zeroGrad()} and sums into it in place, and backward rules that can write their
 * result straight into it ({@link #accumulateMatmulGrad}, {@link #accumulateScaledGrad}) do so: a training step
 * then allocates no parameter-sized gradients at all. Hence, as with PyTorch's {@code zero_grad(set_to_none=False)},
 * the tensor {@link #grad()} returns may be overwritten by the backward pass after the next {@code zeroGrad()}:
 * {@code copy()} it to keep it.
 */
public class Variable {
    private final Tensor value;
    private final boolean requiresGrad;
    private final Variable[] parents;
    private final Backward.Reusing backward;
    private Tensor grad;
    /** Whether {@code grad} is this variable's own tensor, which accumulation may overwrite. */
    private boolean gradOwned;
    /** A leaf's own gradient tensor, kept across {@link #zeroGrad()} for the next backward pass. */
    private Tensor gradBuffer;
    /**
     * A leaf's gradient term {@code valueTerm * value} not yet added into {@code grad} (0: none): the L2 penalty's
     * {@code 2 lambda w}, which an optimizer with a fused pass adds as it reads the gradient, instead of a pass
     * writing it in here first ({@link #gradWithoutValueTerm}).
     */
    private double valueTerm;
    /** Set by {@link #releaseGraph}: the value's storage may be in use elsewhere now. */
    private boolean released;

    /** A leaf. {@code requiresGrad} says whether backward passes should compute its gradient. */
    public Variable(Tensor value, boolean requiresGrad) {
        this(value, requiresGrad, null, null);
    }

    private Variable(Tensor value, boolean requiresGrad, Variable[] parents, Backward.Reusing backward) {
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.parents = parents;
        this.backward = backward;
    }

    /** A leaf that needs no gradient: data, labels, masks. */
    public static Variable constant(Tensor value) {
        return new Variable(value, false);
    }

    /**
     * The output of an op. It joins the graph only when gradients are enabled and some input requires them;
     * otherwise it is a constant and {@code backward} is dropped.
     */
    public static Variable fromOp(Tensor value, Backward backward, Variable... inputs) {
        return fromOp(value, (Backward.Reusing) (g, owned) -> backward.apply(g), inputs);
    }

    /**
     * The output of an op whose backward rule may overwrite the output gradient when it owns it (ReLU, masks:
     * {@link Backward.Reusing}).
     */
    public static Variable fromOp(Tensor value, Backward.Reusing backward, Variable... inputs) {
        if (NoGrad.isGradEnabled()) {
            for (Variable in : inputs) {
                if (in.requiresGrad) {
                    return new Variable(value, true, inputs, backward);
                }
            }
        }
        return new Variable(value, false);
    }

    public Tensor value() {
        if (released) {
            throw new IllegalStateException("this variable's graph was released (releaseGraph): its values may have been overwritten");
        }
        return value;
    }

    /** The accumulated gradient, or null when none has been computed since the last {@link #zeroGrad()}. */
    public Tensor grad() {
        addValueTerm();
        return grad;
    }

    /**
     * The accumulated gradient less a term {@link #gradValueTerm()} {@code * value()} that {@link #grad()} would add
     * to it first (null when nothing else has been accumulated): for an optimizer that adds the term in its own pass
     * over the parameter, rounded to the value's type and added last, as {@code grad()} adds it.
     */
    public Tensor gradWithoutValueTerm() {
        return grad;
    }

    /** The scale of the pending gradient term {@code scale * value()}; 0 when there is none. */
    public double gradValueTerm() {
        return valueTerm;
    }

    /** Adds the pending term into the gradient tensor (the bits of {@link #accumulateScaledGrad} adding it now). */
    private void addValueTerm() {
        if (valueTerm == 0) {
            return;
        }
        double alpha = valueTerm;
        valueTerm = 0;
        if (grad == null) {
            Tensor own = ownBuffer();
            own.copyScaledFromInPlace(alpha, value);
            grad = own;
            gradOwned = true;
        } else {
            makeOwned();
            grad.addInPlace(value, alpha);
        }
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public boolean isLeaf() {
        return backward == null;
    }

    public Shape shape() {
        return value.shape();
    }

    /** Forgets the accumulated gradient (PyTorch's {@code zero_grad(set_to_none=True)}: nothing is written). */
    public void zeroGrad() {
        grad = null;
        gradOwned = false;
        valueTerm = 0;
    }

    /** The same value, cut from the graph. */
    public Variable detach() {
        return constant(value);
    }

    /** Adds {@code g} to this variable's gradient; called by backward rules. */
    public void accumulateGrad(Tensor g) {
        if (!requiresGrad) {
            return;
        }
        if (!g.shape().equals(value.shape())) {
            throw new IllegalStateException("gradient of shape " + g.shape() + " does not match value of shape " + value.shape());
        }
        if (grad == null) {
            grad = g;
        } else if (gradOwned) {
            grad.addInPlace(g, 1.0);
        } else if (isLeaf()) {
            makeOwned();
            grad.addInPlace(g, 1.0);
        } else {
            grad = grad.add(g); // a fresh tensor: ours to add into next time
            gradOwned = true;
        }
    }

    /**
     * Adds {@code g} to the gradient, where the caller made {@code g} for this call alone and keeps no reference to
     * it: the variable may then keep it as its own and write into it (a later accumulation adds in place, and this
     * variable's backward rule may reuse it, see {@link Backward.Reusing}).
     */
    public void accumulateFreshGrad(Tensor g) {
        if (!requiresGrad) {
            return;
        }
        if (grad == null) {
            if (!g.shape().equals(value.shape())) {
                throw new IllegalStateException("gradient of shape " + g.shape() + " does not match value of shape " + value.shape());
            }
            grad = g;
            gradOwned = g.isContiguous();
        } else {
            accumulateGrad(g);
        }
    }

    /**
     * Adds {@code a @ b} (2-D, of this variable's shape) to the gradient, by GEMM straight into this variable's own
     * gradient tensor where it has one (a leaf): the weight gradient of a dense layer without a temporary.
     */
    public void accumulateMatmulGrad(Tensor a, Tensor b) {
        if (!requiresGrad) {
            return;
        }
        if (!isLeaf()) {
            accumulateGrad(a.matmul(b));
            return;
        }
        if (a.rank() != 2 || b.rank() != 2 || a.dim(0) != value.dim(0) || b.dim(1) != value.dim(-1) || value.rank() != 2) {
            throw new IllegalStateException("gradient " + a.shape() + " @ " + b.shape() + " does not match value of shape " + value.shape());
        }
        if (grad == null) {
            Tensor own = ownBuffer();
            own.matmulAccumulateInPlace(a, b, 0.0);
            grad = own;
            gradOwned = true;
        } else {
            makeOwned();
            grad.matmulAccumulateInPlace(a, b, 1.0);
        }
    }

    /**
     * Adds {@code alpha * x} (of this variable's shape) to the gradient, in place where this variable owns it. A leaf
     * given its own value ({@code x == value()}, the L2 penalty's gradient) only notes {@code alpha}: the term is
     * added when the gradient is read ({@link #grad()}), or by the optimizer's own pass ({@link #gradWithoutValueTerm}).
     * Added last, it gives the bits it would give added first when the gradient has one other contribution (the
     * sum of two numbers does not depend on their order).
     */
    public void accumulateScaledGrad(double alpha, Tensor x) {
        if (!requiresGrad) {
            return;
        }
        if (!x.shape().equals(value.shape())) {
            throw new IllegalStateException("gradient of shape " + x.shape() + " does not match value of shape " + value.shape());
        }
        if (x == value && isLeaf() && valueTerm == 0 && alpha != 0) {
            valueTerm = alpha;
            return;
        }
        addValueTerm(); // a second term: the pending one goes in first, in the order the terms came
        if (grad == null && isLeaf()) {
            Tensor own = ownBuffer();
            own.copyScaledFromInPlace(alpha, x);
            grad = own;
            gradOwned = true;
        } else if (grad == null) {
            accumulateGrad(x.mul(alpha));
        } else {
            makeOwned();
            grad.addInPlace(x, alpha);
        }
    }

    /** Makes {@code grad} (not null) a tensor of this variable's own, copying it if it came from elsewhere. */
    private void makeOwned() {
        if (gradOwned) {
            return;
        }
        if (isLeaf()) {
            Tensor own = ownBuffer();
            own.copyFromInPlace(grad);
            grad = own;
        } else {
            grad = grad.copy();
        }
        gradOwned = true;
    }

    /** The leaf's own gradient tensor (contiguous, of the value's shape and type), made on first need. */
    private Tensor ownBuffer() {
        if (gradBuffer == null) {
            gradBuffer = Tensor.zeros(value.dtype(), value.dims());
        }
        return gradBuffer;
    }

    /** Backpropagates from this scalar: d(this)/d(this) = 1. */
    public void backward() {
        if (value.size() != 1) {
            throw new IllegalStateException("backward() needs a scalar, got shape " + value.shape() + "; pass an upstream gradient with backward(Tensor)");
        }
        backward(Tensor.full(value.dtype(), 1.0, value.dims()));
    }

    /** Backpropagates {@code upstream} (the gradient of some scalar with respect to this variable). */
    public void backward(Tensor upstream) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this variable does not require gradients (no input of the computation did)");
        }
        List<Variable> order = topologicalOrder();
        for (Variable v : order) {
            if (v.released) {
                throw new IllegalStateException("backward: the graph was released (releaseGraph); run the forward pass again");
            }
        }
        accumulateGrad(upstream);
        for (int i = order.size() - 1; i >= 0; i--) {
            Variable v = order.get(i);
            if (v.backward != null && v.grad != null) {
                v.backward.apply(v.grad, v.gradOwned);
                if (v.gradOwned && v.backward instanceof Backward.Consuming) {
                    Tensor.recycle(v.grad); // no one holds it now: the next gradient of its size can have it
                }
                v.grad = null; // intermediate gradients are not kept: frees memory during the pass
                v.gradOwned = false;
            }
        }
    }

    /**
     * Ends the use of this variable's graph: every op output reachable from here is marked released ({@link #value()}
     * and {@link #backward()} through it then fail), and the storage of the outputs of ops that allow it (dense
     * layers' fresh outputs, {@link Backward.Consuming}) goes back for reuse ({@code Tensor.recycle}) unless it is
     * {@code keep}'s (the model's output, which a caller still reads; null for none). Leaves are untouched.
     *
     * <p>For a trainer that is done with a step's graph: the next step's dense layers then write their outputs into
     * memory that is in cache instead of fresh arrays the JVM must zero first. Nothing else may hold a value of the
     * graph (a caller keeping an intermediate's tensor must not release).
     */
    public void releaseGraph(Tensor keep) {
        if (backward == null) {
            return; // a leaf: no graph
        }
        for (Variable v : topologicalOrder()) {
            if (v.backward == null || v.released) {
                continue;
            }
            v.released = true;
            if (v.backward instanceof Backward.Consuming && (keep == null || !v.value.sharesStorageWith(keep))) {
                Tensor.recycle(v.value);
            }
        }
    }

    /** Variables reachable from this one, every node after all of its inputs (iterative: deep graphs are fine). */
    private List<Variable> topologicalOrder() {
        List<Variable> order = new ArrayList<>();
        Set<Variable> visited = new HashSet<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {this, 0});
        visited.add(this);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Variable v = (Variable) frame[0];
            int next = (Integer) frame[1];
            if (v.parents != null && next < v.parents.length) {
                frame[1] = next + 1;
                Variable p = v.parents[next];
                if (p.requiresGrad && visited.add(p)) {
                    stack.push(new Object[] {p, 0});
                }
            } else {
                stack.pop();
                order.add(v);
            }
        }
        return order;
    }

    // ---- ops (each lives in its own class) -----------------------------------------------------------------

    public Variable add(Variable other) {
        return Add.apply(this, other);
    }

    public Variable sub(Variable other) {
        return Subtract.apply(this, other);
    }

    public Variable mul(Variable other) {
        return Multiply.apply(this, other);
    }

    public Variable div(Variable other) {
        return Divide.apply(this, other);
    }

    public Variable mul(double factor) {
        return Scale.apply(this, factor);
    }

    public Variable neg() {
        return Scale.apply(this, -1.0);
    }

    public Variable matmul(Variable other) {
        return MatMul.apply(this, other);
    }

    public Variable exp() {
        return Exp.apply(this);
    }

    public Variable log() {
        return Log.apply(this);
    }

    public Variable square() {
        return Square.apply(this);
    }

    public Variable relu() {
        return Relu.apply(this);
    }

    public Variable sigmoid() {
        return Sigmoid.apply(this);
    }

    public Variable tanh() {
        return Tanh.apply(this);
    }

    public Variable softmax() {
        return Softmax.apply(this);
    }

    public Variable logSoftmax() {
        return LogSoftmax.apply(this);
    }

    public Variable sumOfSquares() {
        return SumOfSquares.apply(this);
    }

    public Variable sum() {
        return Sum.apply(this);
    }

    public Variable sum(boolean keepDims, int... axes) {
        return Sum.apply(this, keepDims, axes);
    }

    public Variable mean() {
        return Mean.apply(this);
    }

    public Variable mean(boolean keepDims, int... axes) {
        return Mean.apply(this, keepDims, axes);
    }

    public Variable reshape(int... shape) {
        return Reshape.apply(this, shape);
    }

    public Variable transpose() {
        return Transpose.apply(this);
    }

    public Variable gatherRows(int[] rows) {
        return GatherRows.apply(this, rows);
    }

    @Override
    public String toString() {
        return "Variable(" + value + (requiresGrad ? ", requiresGrad" : "") + ")";
    }
}
