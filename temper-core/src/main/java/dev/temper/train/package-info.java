/**
 * The training loop: {@link dev.temper.train.Trainer} (fit, evaluate, predict), {@link dev.temper.train.History}.
 *
 * <p>May import every package below it: tensor, autograd, nn, loss, metric, regularize, optim, data.
 */
package dev.temper.train;
