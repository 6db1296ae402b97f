package dev.temper.regularize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.temper.autograd.GradCheck;
import dev.temper.autograd.Parameter;
import dev.temper.autograd.Selector;
import dev.temper.autograd.Variable;
import dev.temper.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegularizationTest {

    /** A two-layer model's parameters: kernels [[1, -2], [0, 3]] and [[2], [-1]], biases [5, 5] and [4]. */
    private static Map<String, Parameter> parameters() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("dense_1.kernel", new Parameter("kernel", Tensor.of(new double[] {1, -2, 0, 3}, 2, 2)));
        p.put("dense_1.bias", new Parameter("bias", Tensor.of(new double[] {5, 5}, 2)));
        p.put("dense_2.kernel", new Parameter("kernel", Tensor.of(new double[] {2, -1}, 2, 1)));
        p.put("dense_2.bias", new Parameter("bias", Tensor.of(new double[] {4}, 1)));
        return p;
    }

    @Test
    void sumsEachRuleOverTheParametersItSelects() {
        Regularization r = Regularization.of("l2_weights", Selector.weights(), new L2(0.1))
                .with("l1_head", Selector.byPath("dense_2.*"), new L1(1.0));
        PenaltyTerms terms = r.compute(parameters());
        // l2 on both kernels: 0.1 * (14 + 5) = 1.9; l1 on dense_2 kernel and bias: 1 * (3 + 4) = 7.
        assertEquals(List.of("l2_weights", "l1_head"), List.copyOf(terms.terms().keySet()));
        assertEquals(1.9, terms.terms().get("l2_weights"), 1e-12);
        assertEquals(7.0, terms.terms().get("l1_head"), 1e-12);
        assertEquals(8.9, terms.value(), 1e-12);
    }

    @Test
    void gradientReachesOnlySelectedParametersAndAddsUpAcrossRules() {
        Map<String, Parameter> p = parameters();
        Regularization.of("l2_weights", Selector.weights(), new L2(0.5))
                .with("l1_head", Selector.byPath("dense_2.*"), new L1(1.0))
                .compute(p).total().backward();
        assertArrayEquals(new double[] {1, -2, 0, 3}, p.get("dense_1.kernel").grad().toDoubleArray(), 1e-15);
        assertNull(p.get("dense_1.bias").grad());
        assertArrayEquals(new double[] {2 + 1, -1 - 1}, p.get("dense_2.kernel").grad().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1}, p.get("dense_2.bias").grad().toDoubleArray(), 1e-15);
    }

    @Test
    void totalIsGradientCheckedAsAFunctionOfSeveralParameters() {
        Regularization r = Regularization.of("net", Selector.all(), new ElasticNet(0.2, 0.3));
        GradCheck.Result result = GradCheck.DEFAULT.check(v -> {
            Map<String, Variable> named = new LinkedHashMap<>();
            named.put("a.kernel", v.get(0));
            named.put("b.kernel", v.get(1));
            return r.compute(named).total();
        }, Tensor.of(new double[] {0.5, -1.2, 2.0, -0.3}, 2, 2), Tensor.of(new double[] {1.1, -0.7}, 2));
        assertTrue(result.passed(), result.toString());
    }

    @Test
    void noRulesGiveAZeroConstant() {
        PenaltyTerms terms = Regularization.none().compute(parameters());
        assertEquals(0.0, terms.value(), 0.0);
        assertTrue(terms.terms().isEmpty());
        assertTrue(Regularization.none().isEmpty());
    }

    @Test
    void reportsRulesThatSelectNothing() {
        Regularization r = Regularization.of("typo", Selector.byPath("dense_3.**"), new L2(0.1))
                .with("ok", Selector.weights(), new L2(0.1));
        assertEquals(List.of("typo"), r.rulesMatchingNothing(parameters()));
        assertEquals(0.0, r.compute(parameters()).terms().get("typo"), 0.0);
    }

    @Test
    void rejectsDuplicateRuleNames() {
        Regularization r = Regularization.of("l2", Selector.weights(), new L2(0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.with("l2", Selector.all(), new L1(0.1)));
        assertEquals("regularization: rule name 'l2' is already used", e.getMessage());
    }

    @Test
    void ruleNamesArePlainSoTheyCanBeCsvColumns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Regularization.of("l2, weights", Selector.weights(), new L2(0.1)));
        assertEquals("regularization rule: name must be non-empty letters, digits, '_', '.' or '-', got 'l2, weights'",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Regularization.of("", Selector.weights(), new L2(0.1)));
    }

    @Test
    void warnsAboutL2PenaltiesUnderAdamFamilyOptimizersOnly() {
        Regularization r = Regularization.of("l2_weights", Selector.weights(), new L2(1e-4))
                .with("l1_all", Selector.all(), new L1(1e-4));
        assertTrue(r.warningsFor("sgd").isEmpty());
        assertTrue(Regularization.of("l1", Selector.all(), new L1(1e-4)).warningsFor("adam").isEmpty());
        List<String> adam = r.warningsFor("Adam");
        assertEquals(1, adam.size());
        assertTrue(adam.get(0).contains("'l2_weights'") && adam.get(0).contains("AdamW"), adam.get(0));
        assertTrue(r.warningsFor("adamw").get(0).contains("twice"));
        assertEquals(1, r.warningsFor("nadam").size());
        assertEquals(1, Regularization.of("en", Selector.all(), new ElasticNet(0.1, 0.1)).warningsFor("rmsprop").size());
    }
}
