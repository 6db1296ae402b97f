package dev.temper.optim;

/** Argument checks shared by the schedules, so each message is written once. */
final class ScheduleChecks {
    private ScheduleChecks() {}

    static void rate(String schedule, String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(schedule + ": " + name + " must be >= 0 and finite, got " + value);
        }
    }

    static void positive(String schedule, String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(schedule + ": " + name + " must be > 0, got " + value);
        }
    }

    static void factor(String schedule, String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(schedule + ": " + name + " must be in (0, 1], got " + value);
        }
    }

    static void counter(long completed) {
        if (completed < 0) {
            throw new IllegalArgumentException("schedule counter must be >= 0, got " + completed);
        }
    }
}
