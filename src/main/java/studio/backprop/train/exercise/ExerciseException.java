package studio.backprop.train.exercise;

/** An exercise that cannot be set: the message says what, where (file and line) and how to fix it. */
public final class ExerciseException extends Exception {

    public ExerciseException(String message) {
        super(message);
    }
}
