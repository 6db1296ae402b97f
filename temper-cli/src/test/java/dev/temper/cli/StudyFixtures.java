package dev.temper.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A study small enough for tests: 200 digits, a 32-unit layer, 3 epochs, four regimes, two seeds. */
final class StudyFixtures {
    static final String TINY = String.join("\n",
            "seed: 42",
            "epochs: 3",
            "batch_size: 50",
            "data: {dataset: mnist10k, validation_split: 0.05, train_examples: 200}",
            "model: {layers: [{dense: 32}, relu, {dense: 10}]}",
            "study:",
            "  seeds: 2",
            "  regimes:",
            "    baseline: {}",
            "    l1: {regularization: {proximal_l1: 0.5}}",
            "    early_stopping: {callbacks: {early_stopping: {patience: 0, restore_best_weights: true}}, epochs: 30,",
            "                     optimizer: {learning_rate: 0.01}}",
            "    augmentation: {augmentation: {random_translation: 2}}",
            "");

    private StudyFixtures() {}

    static Path write(Path dir, String text) throws IOException {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, text);
        return file;
    }
}
