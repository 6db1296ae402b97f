/**
 * Model files: {@link dev.temper.io.SafeTensors} reads and writes named tensors in the safetensors format
 * (Hugging Face), validating every header field before allocating anything; {@link dev.temper.io.NamedTensors}
 * saves a model's named values and loads them back into existing tensors with name and shape checks. Every problem
 * with a file is a one-line {@link dev.temper.io.ModelFileException} naming the file.
 *
 * <p>May import only {@code dev.temper.tensor}; it knows tensors, not layers, so the trainer and the command line
 * decide which tensors of a model go into a file.
 */
package dev.temper.io;
