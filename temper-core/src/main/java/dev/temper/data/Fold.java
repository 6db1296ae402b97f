package dev.temper.data;

import java.util.Arrays;

/**
 * One fold of a {@link KFold} split: the rows to train on and the rows to validate on (disjoint, together all
 * rows, each sorted in dataset order).
 */
public record Fold(int index, int[] trainRows, int[] validationRows) {
    public Fold {
        trainRows = trainRows.clone();
        validationRows = validationRows.clone();
    }

    @Override
    public int[] trainRows() {
        return trainRows.clone();
    }

    @Override
    public int[] validationRows() {
        return validationRows.clone();
    }

    /** The training examples of this fold (a copy). */
    public Dataset train(Dataset data) {
        return data.subset(trainRows);
    }

    /** The validation examples of this fold (a copy). */
    public Dataset validation(Dataset data) {
        return data.subset(validationRows);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fold f
                && f.index == index
                && Arrays.equals(f.trainRows, trainRows)
                && Arrays.equals(f.validationRows, validationRows);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + Arrays.hashCode(trainRows)) + Arrays.hashCode(validationRows);
    }

    @Override
    public String toString() {
        return "Fold[index=" + index + ", train=" + trainRows.length + " rows, validation=" + validationRows.length + " rows]";
    }
}
