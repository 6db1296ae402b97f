package dev.temper.nn;

/** Whether a forward pass is for training (dropout active, batch statistics) or for inference. */
public enum Mode {
    TRAIN,
    EVAL
}
