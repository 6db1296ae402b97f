package dev.temper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code temper train} with the run file's callbacks, decay, clipping, schedule and augmentation switched on. */
class TrainCallbacksRunTest {
    @TempDir
    Path dir;

    private static final String SMALL = String.join("\n", "seed: 5", "batch_size: 256", "model:", "  layers:",
            "    - dense: 32", "    - relu", "    - dense: 10", "");

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("run.yaml"), yaml);
    }

    @Test
    void earlyStoppingReportsItsBestEpochAndTheCsvLoggerWritesAsItGoes() throws IOException {
        // a validation loss that cannot improve by 10 in an epoch: stops after epoch 2 (patience 1), best epoch 1
        String yaml = SMALL + String.join("\n", "epochs: 5",
                "optimizer: {name: adamw, weight_decay: 1.0e-4, clip_norm: 5.0}",
                "augmentation: {random_translation: 1, mixup: 0.2}",
                "callbacks:",
                "  terminate_on_nan:",
                "  early_stopping: {monitor: val_loss, min_delta: 10, patience: 1, restore_best_weights: true}",
                "  csv_logger: {file: live.csv}", "");
        Path out = dir.resolve("run");
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("epoch ")).count(), r.out());
        assertTrue(r.out().contains("stopped after epoch 2: EarlyStopping: val_loss did not improve"), r.out());
        assertTrue(r.out().contains("early stopping: best epoch 1 (val_loss "), r.out());
        assertTrue(r.out().contains("restored its weights"), r.out());
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertTrue(metrics.contains("\"epochs_run\": 2"), metrics);
        assertTrue(metrics.contains("\"best_epoch\": 1,"), metrics);
        assertTrue(metrics.contains("\"stopped_epoch\": 2,"), metrics);
        assertTrue(metrics.contains("\"weights_restored\": true"), metrics);
        List<String> live = Files.readAllLines(out.resolve("live.csv"));
        assertEquals(Files.readAllLines(out.resolve("history.csv")).size(), live.size(), "header and one row per epoch");
    }

    @Test
    void modelCheckpointSavesOnlyTheEpochsThatBeatTheBest() throws IOException {
        // min_delta-free best-only saving of val_loss: a save per improving epoch, each file named by its epoch
        String yaml = SMALL + String.join("\n", "epochs: 3",
                "callbacks:",
                "  model_checkpoint: {file: 'ckpt/e{epoch:02d}.safetensors', save_best_only: true, save_weights_only: true}",
                "");
        Path out = dir.resolve("ckpt-run");
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        List<Double> valLoss = new java.util.ArrayList<>();
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        int column = List.of(history.get(0).split(",")).indexOf("val_loss");
        for (String row : history.subList(1, history.size())) {
            valLoss.add(Double.parseDouble(row.split(",")[column]));
        }
        double best = Double.POSITIVE_INFINITY;
        for (int epoch = 1; epoch <= valLoss.size(); epoch++) {
            boolean improved = valLoss.get(epoch - 1) < best;
            best = Math.min(best, valLoss.get(epoch - 1));
            Path file = out.resolve("ckpt").resolve(String.format(java.util.Locale.ROOT, "e%02d.safetensors", epoch));
            assertEquals(improved, Files.exists(file), "epoch " + epoch + " val_loss " + valLoss);
        }
        assertTrue(Files.exists(out.resolve("ckpt/e01.safetensors")), "the first epoch always sets the best");
    }

    @Test
    void terminateOnNanNamesTheStepAndTheRunStillEndsCleanly() throws IOException {
        String yaml = SMALL + "epochs: 3\noptimizer: {name: sgd, learning_rate: 1.0e+30}\ncallbacks: {terminate_on_nan: }\n";
        Path out = dir.resolve("nan");
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        // stopped at the bad batch (of 29 in the epoch), not after the epoch
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stopped during epoch 1 at step (\\d+): TerminateOnNaN: .* at step "
                + "(\\d+) \\(epoch 1\\)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(m.group(1), m.group(2));
        assertTrue(r.out().contains("(cut short at step " + m.group(1) + ")"), "the epoch line says so: " + r.out());
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertTrue(metrics.contains("\"stop_reason\": \"TerminateOnNaN: "), metrics);
        assertTrue(metrics.contains("\"cut_short_at_step\": " + m.group(1) + ","), metrics);
        assertTrue(Files.notExists(out.resolve("backup.safetensors")), "the backup is gone once the run has ended");
    }

    @Test
    void aMonitorTheRunDoesNotRecordIsRefusedBeforeTraining() throws IOException {
        String yaml = SMALL + "epochs: 1\ncallbacks: {early_stopping: {monitor: val_f1}}\n";
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.oneLineError(), r.err());
        assertTrue(r.err().contains("early_stopping monitors 'val_f1', which this run does not record; expected one of"),
                r.err());
        assertTrue(Files.notExists(dir.resolve("x")), "nothing is written");
    }

    @Test
    void aMovingRateIsShownOnEachEpochLine() throws IOException {
        String yaml = SMALL + String.join("\n", "epochs: 2",
                "optimizer: {name: sgd, momentum: 0.9, schedule: {name: one_cycle, per: step}}", "");
        CliRunner r = CliRunner.run("train", config(yaml).toString(), "--out", dir.resolve("s").toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().lines().filter(l -> l.startsWith("epoch ")).allMatch(l -> l.contains("  lr ")), r.out());
        // epoch 1 sets the best; epoch 2 cannot beat it by 10, so the rate drops tenfold for epoch 3
        String plateau = SMALL + "epochs: 3\noptimizer: {name: rmsprop, learning_rate: 0.001}\n"
                + "callbacks: {reduce_lr_on_plateau: {patience: 0, min_delta: 10}}\n";
        r = CliRunner.run("train", config(plateau).toString(), "--out", dir.resolve("p").toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("epoch ")).toList();
        assertTrue(lines.get(1).endsWith("lr 0.00100") && lines.get(2).endsWith("lr 0.000100"), r.out());
    }
}
