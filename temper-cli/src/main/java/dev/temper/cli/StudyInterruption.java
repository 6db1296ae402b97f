package dev.temper.cli;

import dev.temper.study.StopSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a study: the JVM runs shutdown hooks on SIGINT (and SIGTERM), and this one asks the study to stop,
 * then holds the JVM open until the command has written the report of the finished runs (at most
 * {@link #GRACE_SECONDS}, so a wedged command still exits). Closed when the command ends normally.
 */
final class StudyInterruption implements AutoCloseable {
    static final int GRACE_SECONDS = 60;

    private final StopSignal stop = new StopSignal();
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "temper-study-interrupt");

    StudyInterruption() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    StopSignal signal() {
        return stop;
    }

    private void onSignal() {
        stop.request();
        try {
            reported.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outputs are written: an interrupted JVM may now exit; a normal one drops the hook. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down already (Ctrl-C): the hook is running and returns now that the latch is open.
        }
    }
}
