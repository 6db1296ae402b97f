/**
 * Layers and models: {@link dev.temper.nn.Layer}, {@link dev.temper.nn.Sequential}, {@link dev.temper.nn.Dense},
 * activations, {@link dev.temper.nn.Dropout}, initializers. The mode (train or inference) and the generator for
 * stochastic layers are passed in a {@link dev.temper.nn.ForwardContext}, never held globally.
 *
 * <p>May import {@code dev.temper.tensor} and {@code dev.temper.autograd}.
 */
package dev.temper.nn;
