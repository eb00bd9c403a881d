package studio.backprop.ui.stepper;

import studio.backprop.train.StepRecord;
import studio.backprop.train.TrainerState;
import studio.backprop.train.TrainingSnapshot;

/**
 * The stepper's one-line account of where the session is, always true to the trainer: before any step, after a step
 * taken while the stepper was not watching (training played to its end, say), or inside the step being walked.
 */
final class StepperHeader {

    private StepperHeader() {
    }

    /**
     * The header for the trainer's latest snapshot {@code s} and the step record {@code r} the stepper walks (null
     * when it has none), at stage {@code stage} (from 0) of {@code stages}.
     */
    static String of(TrainingSnapshot s, StepRecord r, int stage, int stages) {
        return of(s, r, stage, stages, false);
    }

    /** The header, where Next takes a step on a whole batch when {@code batches}. */
    static String of(TrainingSnapshot s, StepRecord r, int stage, int stages, boolean batches) {
        String unit = batches ? "one batch" : "one sample";
        if (s == null) {
            return "no training session";
        }
        if (r == null) {
            if (s.step() == 0) {
                return "before the first step · Next takes one on " + unit;
            }
            return "after step " + s.step() + " (" + epochOf(s) + state(s) + ") · " + (s.state()
                    == TrainerState.FINISHED ? "training is over; Reset Weights (Ctrl+R) starts again from step 0"
                    : "Next walks the next step on " + unit);
        }
        String samples = r.samples().length == 1 ? "sample " + r.samples()[0] : r.samples().length + " samples";
        String head = "step " + r.step() + " (epoch " + r.epoch() + (r.step() == s.step() ? state(s) : "") + ")";
        String later = r.step() == s.step() ? "" : " · training has since reached step " + s.step();
        return head + " · " + samples + " · stage " + (stage + 1) + " of " + stages + later;
    }

    /** The epoch the snapshot's last step belongs to: the one just completed, or the one under way. */
    private static String epochOf(TrainingSnapshot s) {
        boolean boundary = s.position() == 0 && s.epoch() > 0;
        return "epoch " + (boundary ? s.epoch() : s.epoch() + 1);
    }

    private static String state(TrainingSnapshot s) {
        return switch (s.state()) {
            case FINISHED -> ", finished";
            case RUNNING -> ", training";
            case DIVERGED -> ", diverged";
            case STOPPED -> ", stopped";
            case PAUSED -> "";
        };
    }
}
