package dev.temper.train;

/** Mean loss and accuracy over a dataset (accuracy NaN for a regression loss). */
public record Evaluation(double loss, double accuracy, int examples) {}
