package dev.temper.train;

import dev.temper.autograd.Parameter;
import dev.temper.autograd.Variable;
import dev.temper.data.Batch;
import dev.temper.data.MixupDraw;
import dev.temper.loss.Loss;
import dev.temper.nn.ActivityRecorder;
import dev.temper.nn.ForwardContext;
import dev.temper.nn.Model;
import dev.temper.optim.Optimizer;
import dev.temper.regularize.PenaltyTerms;
import dev.temper.regularize.PostStep;
import dev.temper.tensor.Rng;
import dev.temper.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One optimization step of a {@link Trainer} on one batch: the forward pass with every penalty added, the backward
 * pass (twice under sharpness-aware minimization), the optimizer step, then the post-steps. Under mixup the forward
 * pass sees the mixed features and the data loss is {@code lambda L(out, y) + (1 - lambda) L(out, y[partners])}
 * (see {@link Trainer#withMixup}).
 */
final class TrainingStep {
    /**
     * What a step measured, before it moved the weights.
     *
     * @param output the model's outputs for the batch (for the mixed features under mixup)
     * @param batchLoss the data loss alone (mixed, under mixup)
     * @param penalty every penalty added to the objective, plus those the post-steps minimize
     * @param terms the penalty split by term, one map per source (they add up by name over the epoch)
     */
    record Result(Tensor output, double batchLoss, double penalty, List<Map<String, Double>> terms) {}

    /** One training forward pass: the outputs, the data loss, and the objective with every penalty added. */
    private record Pass(Variable output, Variable value, Variable objective, double penalty, Map<String, Double> terms) {}

    private final Model model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Map<String, Parameter> parameters;
    private final TrainingOptions options;

    TrainingStep(Model model, Loss loss, Optimizer optimizer, Map<String, Parameter> parameters, TrainingOptions options) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.parameters = parameters;
        this.options = options;
    }

    /**
     * @param batch the features (augmented already) and targets
     * @param mix the batch's mixup draw, or null to train on it as it is
     */
    Result train(Batch batch, MixupDraw mix, Rng layerRng) {
        PassInputs inputs = mix == null ? new PassInputs(batch.features(), batch.targets(), 1.0, null)
                : new PassInputs(mix.mix(batch.features()), batch.targets(), mix.lambda(), mix.partnerRows(batch.targets()));
        Optimizer.zeroGrad(parameters);
        Pass pass = forwardPass(inputs, layerRng);
        double penalty = pass.penalty();
        List<Map<String, Double>> terms = new ArrayList<>();
        terms.add(pass.terms());
        for (PostStep step : options.postSteps()) {
            // measured at the weights the data loss was measured at, before the step moves them
            Map<String, Double> stepTerms = step.penaltyTerms(parameters);
            for (double t : stepTerms.values()) {
                penalty += t;
            }
            terms.add(stepTerms);
        }
        pass.objective().backward();
        if (options.sam() != null) {
            // SAM: the gradient at the worst nearby weights, then the step from the weights themselves
            options.sam().ascend(parameters);
            Optimizer.zeroGrad(parameters);
            Variable ascended = forwardPass(inputs, layerRng).objective();
            ascended.backward();
            ascended.releaseGraph(null);
            options.sam().restore(parameters);
        }
        double learningRate = optimizer.learningRate(); // the rate this step uses (a schedule moves it after)
        optimizer.step(parameters);
        for (PostStep step : options.postSteps()) {
            step.apply(parameters, learningRate);
        }
        Result result = new Result(pass.output().value(), pass.value().value().item(), penalty, terms);
        // Done with the graph; the outputs, which the caller reads, stay. The next step's dense layers reuse the rest.
        pass.objective().releaseGraph(result.output());
        return result;
    }

    /**
     * The inputs of a forward pass: features (mixed or not) and the targets of the loss, weighted {@code lambda}, and,
     * under mixup, the partners' targets, weighted {@code 1 - lambda} (null without mixup).
     */
    private record PassInputs(Tensor features, Tensor targets, double lambda, Tensor partnerTargets) {}

    private Pass forwardPass(PassInputs batch, Rng layerRng) {
        ActivityRecorder activities = options.activityPenalties().isEmpty() ? null : new ActivityRecorder();
        Variable output = model.forward(Variable.constant(batch.features()), ForwardContext.training(layerRng, activities));
        Variable value = batch.partnerTargets() == null ? loss.compute(output, batch.targets())
                : mixedLoss(loss, output, batch.targets(), batch.partnerTargets(), batch.lambda());
        double penalty = 0;
        Variable objective = value;
        Map<String, Double> terms = new LinkedHashMap<>();
        if (activities != null) {
            PenaltyTerms t = options.activityPenalties().compute(activities.recorded());
            penalty += t.value();
            objective = objective.add(t.total());
            t.terms().forEach((k, v) -> terms.merge(k, v, Double::sum));
        }
        if (!options.regularization().isEmpty()) {
            PenaltyTerms t = options.regularization().compute(parameters);
            penalty += t.value();
            objective = objective.add(t.total());
            t.terms().forEach((k, v) -> terms.merge(k, v, Double::sum));
        }
        return new Pass(output, value, objective, penalty, terms);
    }

    /** {@code lambda L(output, targets) + (1 - lambda) L(output, partnerTargets)}: mixup's loss, for any loss. */
    static Variable mixedLoss(Loss loss, Variable output, Tensor targets, Tensor partnerTargets, double lambda) {
        return loss.compute(output, targets).mul(lambda).add(loss.compute(output, partnerTargets).mul(1 - lambda));
    }
}
