package dev.temper.loss;

import java.util.List;

/** The cases of {@code src/test/fixtures/losses.py}, by the same names; class weights come from the fixture. */
final class LossCases {
    private LossCases() {}

    static final double[] CLASS_W = {0.5, 2.0, 1.0, 1.5, 0.25};
    static final double[] CLASS_W3 = {1.0, 3.0, 0.5};

    static List<LossCase> all() {
        return List.of(
                c("mse", MeanSquaredError::new, "reg_out", "reg_tgt"),
                c("mae", MeanAbsoluteError::new, "reg_out", "reg_tgt"),
                c("huber_1", r -> new HuberLoss().withReduction(r), "reg_out", "reg_tgt"),
                c("huber_1.5", r -> new HuberLoss(1.5, r), "reg_out", "reg_tgt"),
                c("huber_1_big", r -> new HuberLoss(1.0, r), "big_out", "big_tgt"),
                c("log_cosh", LogCoshLoss::new, "reg_out", "reg_tgt"),
                c("log_cosh_big", LogCoshLoss::new, "big_out", "big_tgt"),
                c("bce", BinaryCrossEntropy::new, "prob_out", "bin_tgt"),
                c("bce_soft", BinaryCrossEntropy::new, "prob_out", "soft_tgt"),
                c("bce_edge", BinaryCrossEntropy::new, "prob_edge", "edge_tgt"),
                c("bce_logits", BinaryCrossEntropyWithLogits::new, "logit_out", "bin_tgt"),
                c("bce_logits_soft", BinaryCrossEntropyWithLogits::new, "logit_out", "soft_tgt"),
                c("bce_logits_big", BinaryCrossEntropyWithLogits::new, "logit_big", "big_bin_tgt"),
                c("focal_2_0.25", r -> BinaryFocalLoss.defaults().withReduction(r), "logit_out", "bin_tgt"),
                c("focal_0", r -> BinaryFocalLoss.withoutAlpha(0).withReduction(r), "logit_out", "bin_tgt"),
                c("focal_1.5_soft", r -> new BinaryFocalLoss(1.5, Double.NaN, r), "logit_out", "soft_tgt"),
                c("focal_2_0.25_big", r -> new BinaryFocalLoss(2, 0.25, r), "logit_big", "big_bin_tgt"),
                c("hinge_pm", r -> new HingeLoss(false, r), "logit_out", "pm_tgt"),
                c("hinge_01", r -> new HingeLoss().withReduction(r), "logit_out", "bin_tgt"),
                c("squared_hinge_pm", r -> HingeLoss.squaredHinge().withReduction(r), "logit_out", "pm_tgt"),
                c("kl", KLDivergence::new, "kl_out", "kl_tgt"),
                c("sparse_ce", r -> new SparseCategoricalCrossEntropy().withReduction(r), "cls_logits", "cls_labels"),
                c("sparse_ce_smooth_0.1", r -> new SparseCategoricalCrossEntropy(0.1, null, r), "cls_logits", "cls_labels"),
                c("sparse_ce_weighted", r -> new SparseCategoricalCrossEntropy(0, CLASS_W, r), "cls_logits", "cls_labels"),
                c("sparse_ce_smooth_0.2_weighted",
                        r -> new SparseCategoricalCrossEntropy().withLabelSmoothing(0.2).withClassWeights(CLASS_W).withReduction(r),
                        "cls_logits", "cls_labels"),
                c("sparse_ce_big", r -> new SparseCategoricalCrossEntropy(0, null, r), "cls_big", "big_labels"),
                c("sparse_ce_big_smooth_0.1_weighted", r -> new SparseCategoricalCrossEntropy(0.1, CLASS_W3, r), "cls_big", "big_labels"),
                c("ce", r -> new CategoricalCrossEntropy().withReduction(r), "cls_logits", "cls_probs"),
                c("ce_smooth_0.1", r -> new CategoricalCrossEntropy(0.1, null, r), "cls_logits", "cls_probs"),
                c("ce_weighted", r -> new CategoricalCrossEntropy(0, CLASS_W, r), "cls_logits", "cls_probs"),
                c("ce_smooth_0.2_weighted",
                        r -> new CategoricalCrossEntropy().withLabelSmoothing(0.2).withClassWeights(CLASS_W).withReduction(r),
                        "cls_logits", "cls_probs"),
                c("ce_big", r -> new CategoricalCrossEntropy(0, null, r), "cls_big", "big_probs"));
    }

    private static LossCase c(String name, java.util.function.Function<Reduction, PerSampleLoss> loss, String output, String targets) {
        return new LossCase(name, loss, output, targets);
    }
}
