/**
 * Model files: {@link dev.temper.io.SafeTensors} reads and writes named tensors in the safetensors format
 * (Hugging Face), validating every header field before allocating anything; {@link dev.temper.io.NamedTensors}
 * saves a model's named values and loads them back into existing tensors with name and shape checks;
 * {@link dev.temper.io.StrictJson} is the strict JSON subset of their headers, shared by other structured metadata
 * (the training checkpoints of {@code dev.temper.train}). Every problem
 * with a file is a one-line {@link dev.temper.io.ModelFileException} naming the file.
 *
 * <p>May import only {@code dev.temper.tensor}; it knows tensors, not layers, so the trainer and the command line
 * decide which tensors of a model go into a file.
 */
package dev.temper.io;
