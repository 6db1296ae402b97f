/**
 * Metrics computed from outputs and targets, outside the graph: accuracy so far.
 *
 * <p>May import {@code dev.temper.tensor}.
 */
package dev.temper.metric;
