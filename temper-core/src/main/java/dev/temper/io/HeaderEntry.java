package dev.temper.io;

import dev.temper.tensor.DType;

/** One validated tensor entry of a safetensors header; offsets are relative to the start of the data buffer. */
record HeaderEntry(String name, DType dtype, int[] shape, long begin, long end) {}
