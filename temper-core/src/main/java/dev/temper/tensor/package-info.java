/**
 * Tensors and the CPU backend: {@link dev.temper.tensor.Tensor} (float32, float64 for gradient checks),
 * {@link dev.temper.tensor.Shape}, the seeded {@link dev.temper.tensor.Rng}, the kernel thread pool
 * {@link dev.temper.tensor.Parallel}, and GEMM behind the small {@link dev.temper.tensor.Blas} interface
 * (OpenBLAS through JavaCPP, a pure-Java fallback).
 *
 * <p>The bottom layer: imports nothing from temper.
 */
package dev.temper.tensor;
