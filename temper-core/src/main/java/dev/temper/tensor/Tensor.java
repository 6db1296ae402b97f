package dev.temper.tensor;

import java.util.Arrays;

/**
 * An n-dimensional array of float32 (or, for gradient checks, float64) numbers in row-major order.
 *
 * <p>Storage is a plain Java array; a tensor is a window on it (shape, strides, offset), so reshape of a
 * contiguous tensor, transpose and row slices are views that copy nothing. Operations return new tensors;
 * the few in-place methods end in {@code InPlace} and exist for optimizers and gradient accumulation.
 *
 * <p>Shape errors name the op and both shapes. Randomness never comes from here: see {@link Rng}.
 */
public final class Tensor {
    private final DType dtype;
    private final Shape shape;
    private final int[] strides;
    private final int offset;
    private final float[] floats;
    private final double[] doubles;

    Tensor(DType dtype, Shape shape, int[] strides, int offset, float[] floats, double[] doubles) {
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.floats = floats;
        this.doubles = doubles;
    }

    // ---- creation -------------------------------------------------------------------------------------------

    /** A new contiguous tensor of zeros. */
    public static Tensor zeros(DType dtype, int... shape) {
        Shape s = Shape.of(shape);
        return dtype == DType.FLOAT32
                ? new Tensor(dtype, s, s.contiguousStrides(), 0, new float[s.size()], null)
                : new Tensor(dtype, s, s.contiguousStrides(), 0, null, new double[s.size()]);
    }

    public static Tensor zeros(int... shape) {
        return zeros(DType.FLOAT32, shape);
    }

    public static Tensor zerosLike(Tensor t) {
        return zeros(t.dtype, t.shape.toArray());
    }

    public static Tensor full(DType dtype, double value, int... shape) {
        Tensor t = zeros(dtype, shape);
        t.fillInPlace(value);
        return t;
    }

    public static Tensor full(float value, int... shape) {
        return full(DType.FLOAT32, value, shape);
    }

    public static Tensor ones(int... shape) {
        return full(DType.FLOAT32, 1.0, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1.0, shape);
    }

    /** A float32 tensor holding a copy of {@code data}. */
    public static Tensor of(float[] data, int... shape) {
        return wrap(data.clone(), shape);
    }

    /** A float64 tensor holding a copy of {@code data}. */
    public static Tensor of(double[] data, int... shape) {
        Shape s = checkedShape(data.length, shape);
        return new Tensor(DType.FLOAT64, s, s.contiguousStrides(), 0, null, data.clone());
    }

    /** A float32 matrix from rows of equal length. */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("of: row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return wrap(data, rows.length, cols);
    }

    /** A float32 tensor over {@code data} without copying it: later writes to the array show in the tensor. */
    public static Tensor wrap(float[] data, int... shape) {
        Shape s = checkedShape(data.length, shape);
        return new Tensor(DType.FLOAT32, s, s.contiguousStrides(), 0, data, null);
    }

    /** A float64 tensor over {@code data} without copying it. */
    public static Tensor wrap(double[] data, int... shape) {
        Shape s = checkedShape(data.length, shape);
        return new Tensor(DType.FLOAT64, s, s.contiguousStrides(), 0, null, data);
    }

    /**
     * A contiguous tensor of that shape whose contents are undefined: on storage handed back with {@link #recycle} on
     * this thread when there is some of exactly that size (float32), else fresh (zeros). For an output that is
     * written whole before it is read, such as a GEMM's with beta 0.
     */
    public static Tensor recycled(DType dtype, int... shape) {
        Shape s = Shape.of(shape);
        float[] kept = dtype == DType.FLOAT32 ? RecycledStorage.take(s.size()) : null;
        return kept == null ? zeros(dtype, shape) : new Tensor(dtype, s, s.contiguousStrides(), 0, kept, null);
    }

    /** Whether the two tensors are views of the same storage (the same array). */
    public boolean sharesStorageWith(Tensor other) {
        return (floats != null && floats == other.floats) || (doubles != null && doubles == other.doubles);
    }

    /**
     * Hands {@code t}'s storage back for {@link #recycled}, where {@code t} is float32 and spans its whole array (no
     * view of part of a larger one); otherwise does nothing. The caller promises that neither {@code t} nor any other
     * tensor over its storage is used again: the autograd engine does this for a gradient once its only consumer
     * has run.
     */
    public static void recycle(Tensor t) {
        if (t.dtype == DType.FLOAT32 && t.offset == 0 && t.isContiguous() && t.size() == t.floats.length) {
            RecycledStorage.give(t.floats);
        }
    }

    public static Tensor scalar(float value) {
        return new Tensor(DType.FLOAT32, Shape.scalar(), new int[0], 0, new float[] {value}, null);
    }

    public static Tensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    /** float32 {@code [0, 1, ..., n-1]}. */
    public static Tensor arange(int n) {
        return arange(DType.FLOAT32, 0, n, 1);
    }

    /** Values {@code start, start+step, ...} below {@code end} (above it for a negative step). */
    public static Tensor arange(DType dtype, double start, double end, double step) {
        if (step == 0 || !Double.isFinite(step)) {
            throw new IllegalArgumentException("arange: step must be finite and non-zero, got " + step);
        }
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        Tensor t = zeros(dtype, n);
        for (int i = 0; i < n; i++) {
            t.setFlat(i, start + i * step);
        }
        return t;
    }

    private static Shape checkedShape(int length, int[] shape) {
        Shape s = Shape.of(shape);
        if (s.size() != length) {
            throw new IllegalArgumentException("shape " + s + " needs " + s.size() + " values, got " + length);
        }
        return s;
    }

    // ---- accessors ------------------------------------------------------------------------------------------

    public DType dtype() {
        return dtype;
    }

    public Shape shape() {
        return shape;
    }

    public int[] dims() {
        return shape.toArray();
    }

    public int rank() {
        return shape.rank();
    }

    public int size() {
        return shape.size();
    }

    public int dim(int axis) {
        return shape.dim(axis);
    }

    /** The backing float32 array (shared; respect {@link #offset()} and {@link #strides()}). */
    public float[] floatData() {
        if (floats == null) {
            throw new IllegalStateException("tensor is " + dtype + ", not FLOAT32");
        }
        return floats;
    }

    /** The backing float64 array (shared; respect {@link #offset()} and {@link #strides()}). */
    public double[] doubleData() {
        if (doubles == null) {
            throw new IllegalStateException("tensor is " + dtype + ", not FLOAT64");
        }
        return doubles;
    }

    public int offset() {
        return offset;
    }

    public int[] strides() {
        return strides.clone();
    }

    int stride(int axis) {
        return strides[axis];
    }

    /** True when the elements are laid out row-major without gaps (offset may be non-zero). */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.rank() - 1; i >= 0; i--) {
            if (shape.dim(i) != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape.dim(i);
        }
        return true;
    }

    /** Storage index of the element at a multi-index. */
    private int storageIndex(int[] index) {
        if (index.length != shape.rank()) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has rank " + index.length + ", tensor " + shape + " has rank " + shape.rank());
        }
        int p = offset;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape.dim(i)) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " is out of bounds for shape " + shape);
            }
            p += index[i] * strides[i];
        }
        return p;
    }

    /** Storage index of the {@code flat}-th element in row-major order. */
    private int storageIndexOfFlat(int flat) {
        int p = offset;
        for (int i = shape.rank() - 1; i >= 0; i--) {
            int d = shape.dim(i);
            p += (flat % d) * strides[i];
            flat /= d;
        }
        return p;
    }

    public double get(int... index) {
        int p = storageIndex(index);
        return floats != null ? floats[p] : doubles[p];
    }

    public void set(double value, int... index) {
        int p = storageIndex(index);
        if (floats != null) {
            floats[p] = (float) value;
        } else {
            doubles[p] = value;
        }
    }

    /** The {@code flat}-th element in row-major order. */
    public double getFlat(int flat) {
        int p = storageIndexOfFlat(flat);
        return floats != null ? floats[p] : doubles[p];
    }

    public void setFlat(int flat, double value) {
        int p = storageIndexOfFlat(flat);
        if (floats != null) {
            floats[p] = (float) value;
        } else {
            doubles[p] = value;
        }
    }

    /** Writes element {@code flat} of a contiguous tensor created by a kernel (no index arithmetic). */
    void setFlatContiguous(int flat, double value) {
        if (floats != null) {
            floats[offset + flat] = (float) value;
        } else {
            doubles[offset + flat] = value;
        }
    }

    /** The single value of a one-element tensor. */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item: tensor of shape " + shape + " has " + size() + " elements, not 1");
        }
        return getFlat(0);
    }

    public float[] toFloatArray() {
        Tensor c = to(DType.FLOAT32).contiguous();
        return Arrays.copyOfRange(c.floats, c.offset, c.offset + c.size());
    }

    public double[] toDoubleArray() {
        Tensor c = to(DType.FLOAT64).contiguous();
        return Arrays.copyOfRange(c.doubles, c.offset, c.offset + c.size());
    }

    // ---- copies and views -----------------------------------------------------------------------------------

    /** A contiguous copy with its own storage. */
    public Tensor copy() {
        Tensor out = zeros(dtype, shape.toArray());
        out.copyFromInPlace(this);
        return out;
    }

    /** This tensor if contiguous, else a contiguous copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : copy();
    }

    /** This tensor converted to {@code target} (this tensor itself when it already has that type). */
    public Tensor to(DType target) {
        if (target == dtype) {
            return this;
        }
        Tensor out = zeros(target, shape.toArray());
        out.copyFromInPlace(this);
        return out;
    }

    /** Same elements, new shape; one dimension may be -1 (inferred). A view when contiguous. */
    public Tensor reshape(int... newShape) {
        int[] dims = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension may be -1, got " + Arrays.toString(newShape));
                }
                infer = i;
            } else {
                known *= dims[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || size() % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + shape + " into " + Arrays.toString(newShape));
            }
            dims[infer] = (int) (size() / known);
        }
        Shape s = Shape.of(dims);
        if (s.size() != size()) {
            throw new IllegalArgumentException("reshape: cannot reshape " + shape + " (" + size() + " elements) into " + s + " (" + s.size() + " elements)");
        }
        Tensor c = contiguous();
        return new Tensor(dtype, s, s.contiguousStrides(), c.offset, c.floats, c.doubles);
    }

    /** Swaps the last two axes (a view). */
    public Tensor transpose() {
        if (rank() < 2) {
            throw new IllegalArgumentException("transpose: needs rank >= 2, got shape " + shape);
        }
        return transpose(rank() - 2, rank() - 1);
    }

    /** Swaps two axes (a view). */
    public Tensor transpose(int axis1, int axis2) {
        int a = shape.normalizeAxis(axis1, "transpose");
        int b = shape.normalizeAxis(axis2, "transpose");
        int[] dims = shape.toArray();
        int[] st = strides.clone();
        int t = dims[a];
        dims[a] = dims[b];
        dims[b] = t;
        t = st[a];
        st[a] = st[b];
        st[b] = t;
        return new Tensor(dtype, Shape.of(dims), st, offset, floats, doubles);
    }

    /** Elements {@code start..start+length-1} along {@code axis} (a view). */
    public Tensor narrow(int axis, int start, int length) {
        int a = shape.normalizeAxis(axis, "narrow");
        if (start < 0 || length < 0 || start + length > shape.dim(a)) {
            throw new IndexOutOfBoundsException("narrow: range " + start + ".." + (start + length) + " is outside axis " + axis + " of shape " + shape);
        }
        int[] dims = shape.toArray();
        dims[a] = length;
        return new Tensor(dtype, Shape.of(dims), strides.clone(), offset + start * strides[a], floats, doubles);
    }

    /** Rows {@code start} (inclusive) to {@code end} (exclusive) along the first axis: a mini-batch view. */
    public Tensor rows(int start, int end) {
        return narrow(0, start, end - start);
    }

    // ---- in place -------------------------------------------------------------------------------------------

    public void fillInPlace(double value) {
        Elementwise.fill(this, value);
    }

    /** Copies {@code source}'s values into this tensor (same shape; converts the type if needed). */
    public void copyFromInPlace(Tensor source) {
        if (!source.shape.equals(shape)) {
            throw new IllegalArgumentException("copyFrom: shapes " + shape + " and " + source.shape + " differ");
        }
        Elementwise.copy(source, this);
    }

    /** {@code this += alpha * other} (same shape). */
    public void addInPlace(Tensor other, double alpha) {
        Elementwise.axpy(alpha, other, this);
    }

    /** {@code this = alpha * source} (same shape and type; this contiguous). */
    public void copyScaledFromInPlace(double alpha, Tensor source) {
        Elementwise.scaledCopy(alpha, source, this);
    }

    /**
     * {@code this = a @ b + beta * this} for 2-D {@code a [m, k]}, {@code b [k, n]} and this contiguous {@code [m, n]},
     * by one GEMM into this tensor's storage (transposed views of a and b are passed as such, not copied); beta 0
     * ignores the old values. Bits may differ from {@code add(a.matmul(b))}: GEMM adds the product in its own order.
     */
    public void matmulAccumulateInPlace(Tensor a, Tensor b, double beta) {
        MatMul.matmulInto(a, b, this, beta);
    }

    // ---- math (kernels live in Elementwise, Reductions, MatMul, Joins) ---------------------------------------

    public Tensor add(Tensor other) {
        return Elementwise.binary(BinaryOp.ADD, this, other);
    }

    public Tensor sub(Tensor other) {
        return Elementwise.binary(BinaryOp.SUB, this, other);
    }

    public Tensor mul(Tensor other) {
        return Elementwise.binary(BinaryOp.MUL, this, other);
    }

    public Tensor div(Tensor other) {
        return Elementwise.binary(BinaryOp.DIV, this, other);
    }

    public Tensor maximum(Tensor other) {
        return Elementwise.binary(BinaryOp.MAX, this, other);
    }

    public Tensor minimum(Tensor other) {
        return Elementwise.binary(BinaryOp.MIN, this, other);
    }

    /** 1 where {@code this > other}, else 0 (broadcasting). */
    public Tensor greater(Tensor other) {
        return Elementwise.binary(BinaryOp.GREATER, this, other);
    }

    /** 1 where {@code this == other}, else 0 (broadcasting). */
    public Tensor equalTo(Tensor other) {
        return Elementwise.binary(BinaryOp.EQUAL, this, other);
    }

    /** This tensor where {@code mask > 0}, else 0 (broadcasting). */
    /** {@code this *= other} elementwise (same shape, this contiguous), with the bits of {@link #mul(Tensor)}; returns this. */
    public Tensor mulInPlace(Tensor other) {
        return Elementwise.binaryInPlace(BinaryOp.MUL, this, other);
    }

    /** {@code max(x, 0)} written over this contiguous tensor (for ops that fuse a ReLU into their fresh output); returns this. */
    public Tensor reluInPlace() {
        return Elementwise.reluInPlace(this);
    }

    /** {@link #keepWherePositive} written over this tensor (same shape, this contiguous); returns this. */
    public Tensor keepWherePositiveInPlace(Tensor mask) {
        return Elementwise.binaryInPlace(BinaryOp.KEEP_WHERE_POSITIVE, this, mask);
    }

    /**
     * {@code this * factor} where {@code sign > 0}, else 0, written over this contiguous tensor (of sign's shape): the
     * bits of {@code mul(factor).keepWherePositive(sign)} in one pass (a ReLU-and-dropout gradient). Returns this.
     */
    public Tensor mulKeepWherePositiveInPlace(double factor, Tensor sign) {
        return Elementwise.mulKeepWherePositiveInPlace(this, factor, sign);
    }

    public Tensor keepWherePositive(Tensor mask) {
        return Elementwise.binary(BinaryOp.KEEP_WHERE_POSITIVE, this, mask);
    }

    public Tensor add(double scalar) {
        return Elementwise.binary(BinaryOp.ADD, this, scalar(dtype, scalar));
    }

    public Tensor mul(double scalar) {
        return Elementwise.binary(BinaryOp.MUL, this, scalar(dtype, scalar));
    }

    public Tensor apply(UnaryOp op) {
        return Elementwise.unary(op, this);
    }

    public Tensor neg() {
        return apply(UnaryOp.NEG);
    }

    public Tensor exp() {
        return apply(UnaryOp.EXP);
    }

    public Tensor log() {
        return apply(UnaryOp.LOG);
    }

    public Tensor sqrt() {
        return apply(UnaryOp.SQRT);
    }

    public Tensor square() {
        return apply(UnaryOp.SQUARE);
    }

    public Tensor abs() {
        return apply(UnaryOp.ABS);
    }

    public Tensor relu() {
        return apply(UnaryOp.RELU);
    }

    public Tensor sigmoid() {
        return apply(UnaryOp.SIGMOID);
    }

    public Tensor tanh() {
        return apply(UnaryOp.TANH);
    }

    /** Sum of all elements, as a scalar tensor. */
    public Tensor sum() {
        return Reductions.sumAll(this);
    }

    /** Sum along the given axes. */
    /**
     * The sum of squares of all elements, as a scalar: {@code square().sum()} without its temporary, summed in double
     * in an order of its own (so equal to it up to the last bits), the same for every thread count.
     */
    public Tensor sumOfSquares() {
        return Reductions.sumOfSquares(this);
    }

    public Tensor sum(boolean keepDims, int... axes) {
        return Reductions.sum(this, axes, keepDims);
    }

    public Tensor mean() {
        return sum().mul(1.0 / Math.max(1, size()));
    }

    public Tensor mean(boolean keepDims, int... axes) {
        return Reductions.mean(this, axes, keepDims);
    }

    /** Maximum along one axis. */
    public Tensor max(int axis, boolean keepDims) {
        return Reductions.max(this, axis, keepDims);
    }

    /** Index of the maximum along one axis (first one on ties), as integral values of this tensor's type. */
    public Tensor argmax(int axis, boolean keepDims) {
        return Reductions.argmax(this, axis, keepDims);
    }

    /** Sums this tensor down to {@code target} shape: the adjoint of broadcasting {@code target} to this shape. */
    public Tensor sumTo(Shape target) {
        return Reductions.sumTo(this, target);
    }

    /** Matrix product; batched when either side has more than two dimensions. */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    /** {@code this @ weight + bias} for a {@code [batch, in]} input: the dense layer's fused forward pass. */
    public Tensor linear(Tensor weight, Tensor bias) {
        return MatMul.linear(this, weight, bias, false);
    }

    /**
     * {@code max(this @ weight + bias, 0)}: the bits of {@code linear(weight, bias).reluInPlace()}, with the bias and
     * the ReLU applied inside GEMM's bands of the output instead of in passes of their own (see {@link Blas#sgemmBias}).
     */
    public Tensor linearRelu(Tensor weight, Tensor bias) {
        return MatMul.linear(this, weight, bias, true);
    }

    /** Softmax along the last axis (max-subtracted, so large logits do not overflow). */
    public Tensor softmax() {
        return Softmax.softmax(this, false);
    }

    /** Log-softmax along the last axis, via log-sum-exp. */
    public Tensor logSoftmax() {
        return Softmax.softmax(this, true);
    }

    /** Rows of this tensor picked by index along the first axis (repeats allowed). */
    public Tensor gatherRows(int[] rowIndices) {
        return Joins.gatherRows(this, rowIndices);
    }

    /**
     * {@link #gatherRows} written into {@code out} (contiguous, offset 0, of the gathered shape and this type), which is
     * returned: for a loop that gathers batches of one shape into one reused tensor.
     */
    public Tensor gatherRowsInto(int[] rowIndices, Tensor out) {
        return Joins.gatherRowsInto(this, rowIndices, out);
    }

    /** A tensor of {@code rows} rows that is zero except {@code this[r]} added at row {@code rowIndices[r]}. */
    public Tensor scatterAddRows(int[] rowIndices, int rows) {
        return Joins.scatterAddRows(this, rowIndices, rows);
    }

    /** Joins tensors along an axis; all other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... parts) {
        return Joins.concat(axis, parts);
    }

    /** Exact equality of type, shape and every value. */
    public boolean contentEquals(Tensor other) {
        return dtype == other.dtype && shape.equals(other.shape) && Arrays.equals(toDoubleArray(), other.toDoubleArray());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(").append(dtype).append(", ").append(shape).append(", [");
        int n = Math.min(size(), 8);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(getFlat(i));
        }
        return sb.append(size() > n ? ", ...])" : "])").toString();
    }
}
