package dev.temper.train;

/**
 * What an {@link EarlyStopping} saw: the best epoch (0 when none was counted) and its monitored value (NaN when
 * none), the epoch after which it stopped the run (0 when it did not), why (empty when it did not), and whether
 * the best epoch's weights were loaded back at the end.
 */
public record EarlyStoppingReport(String monitor, int bestEpoch, double bestValue, int stoppedEpoch, String reason,
                                  boolean weightsRestored) {

    public boolean stopped() {
        return stoppedEpoch > 0;
    }
}
