package dev.temper.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

    /** The adaptive bandwidths of Bergstra et al. 2011 as hyperopt and Optuna compute them, worked by hand. */
    @Test
    void eachBandwidthIsTheLargerGapToANeighbourClippedToTheMagicRange() {
        // 98 points at 0.30, 0.30 + 1e-4, ... and one at 0.95: n = 99, so the smallest width is 1 / min(100, 101) = 0.01
        double[] x = new double[99];
        for (int i = 0; i < 98; i++) {
            x[i] = 0.30 + 1e-4 * i;
        }
        x[98] = 0.95;
        ParzenEstimator p = new ParzenEstimator(x, ParzenEstimator.forgettingWeights(99), 1.0);
        double[] means = p.means();
        double[] sigmas = p.sigmas();
        assertEquals(100, means.length);
        assertEquals(0.30, means[0], 0);
        assertEquals(0.01, sigmas[0], 1e-15, "the first point's only neighbour is 1e-4 away: clipped up to 0.01");
        int prior = Arrays.binarySearch(means, 0.5);
        assertEquals(1.0, sigmas[prior], 0, "the prior keeps the whole interval's width");
        assertEquals(0.5 - means[prior - 1], sigmas[prior - 1], 1e-12, "the last of the cluster: the gap up to the prior");
        assertEquals(0.45, sigmas[99], 1e-12, "the last point: the gap to its one neighbour (the prior), not to the edge");
    }

    @Test
    void aLoneObservationGetsHalfTheIntervalAndNoneLeavesThePrior() {
        ParzenEstimator one = new ParzenEstimator(new double[] {0.2}, new double[] {1}, 1.0);
        assertArrayEquals(new double[] {0.2, 0.5}, one.means(), 0);
        assertArrayEquals(new double[] {0.5, 1.0}, one.sigmas(), 0);
        ParzenEstimator none = new ParzenEstimator(new double[0], new double[0], 1.0);
        assertArrayEquals(new double[] {1.0}, none.sigmas(), 0);
    }

    @Test
    void olderObservationsBeyondTheNewest25AreWeightedDownLinearly() {
        assertArrayEquals(new double[] {1, 1, 1}, ParzenEstimator.forgettingWeights(3), 0);
        double[] w = ParzenEstimator.forgettingWeights(30);
        // a ramp of 5 from 1/30 to 1, then 25 ones (numpy.linspace(1/30, 1, 5))
        double step = (1 - 1.0 / 30) / 4;
        for (int i = 0; i < 5; i++) {
            assertEquals(1.0 / 30 + step * i, w[i], 1e-15, "weight " + i);
        }
        for (int i = 5; i < 30; i++) {
            assertEquals(1.0, w[i], 0, "weight " + i);
        }
        assertEquals(1.0 / 26, ParzenEstimator.forgettingWeights(26)[0], 1e-15);
    }

    @Test
    void theGoodSetIsOptunasBestTenthCappedAt25() {
        assertEquals(1, TreeParzenEstimator.goodTrials(10));
        assertEquals(2, TreeParzenEstimator.goodTrials(11));
        assertEquals(25, TreeParzenEstimator.goodTrials(250));
        assertEquals(25, TreeParzenEstimator.goodTrials(3000));
    }

    @Test
    void theDensityIntegratesToOneOverTheInterval() {
        ParzenEstimator p = new ParzenEstimator(new double[] {0.05, 0.1, 0.7, 0.98}, ParzenEstimator.forgettingWeights(4), 1.0);
        int steps = 200_000;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += Math.exp(p.logDensity((i + 0.5) / steps)) / steps;
        }
        assertEquals(1.0, sum, 1e-6);
    }
}
