package studio.backprop.ui.stepper;

import java.util.ArrayList;
import java.util.List;

/**
 * Which units of a layer the stepper writes out. The formula panel writes a block of {@value #BLOCK} units, starting
 * where the student drilled down to (unit 0 at first). The drawing shows a layer of at most {@value #WHOLE} units
 * whole; a wider one shows the same block and folds the rest into summary rows ("… 120 more …"), its last unit always
 * shown after the fold, and the table writes that block's values.
 *
 * @param units the layer's units (its output's size per sample)
 * @param start the first unit of the block shown, from 0 (kept inside the layer)
 */
public record UnitFold(int units, int start) {

    /** Layers up to this wide are drawn whole. */
    public static final int WHOLE = 12;
    /** Units written out of a wider layer at a time. */
    public static final int BLOCK = 4;

    public UnitFold {
        if (units < 1) {
            throw new IllegalArgumentException("a layer has at least one unit, not " + units);
        }
        start = Math.max(0, Math.min(start, units - BLOCK));
    }

    /**
     * One row of the drawing: a unit, or a fold standing for {@code hidden} units that a click opens at
     * {@code opens} (the first unit of the block shown after the click).
     */
    public record Row(int unit, int hidden, int opens) {

        public boolean fold() {
            return unit < 0;
        }

        static Row unit(int u) {
            return new Row(u, 0, -1);
        }

        static Row fold(int hidden, int opens) {
            return new Row(-1, hidden, opens);
        }
    }

    /** True when the layer is too wide to draw whole. */
    public boolean folded() {
        return units > WHOLE;
    }

    /** The units written out, in order: the block (every unit of a layer no wider than a block). */
    public int[] shown() {
        int end = Math.min(units, start + BLOCK);
        int[] out = new int[end - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = start + i;
        }
        return out;
    }

    /**
     * The rows to draw: the units before the block folded (a click goes one block back), the block, the units after
     * it folded (a click goes one block on), and the last unit.
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        if (!folded()) {
            for (int u = 0; u < units; u++) {
                rows.add(Row.unit(u));
            }
            return rows;
        }
        if (start > 0) {
            rows.add(Row.fold(start, Math.max(0, start - BLOCK)));
        }
        for (int u : shown()) {
            rows.add(Row.unit(u));
        }
        int after = units - 1 - (start + BLOCK);
        if (after > 0) {
            rows.add(Row.fold(after, start + BLOCK));
        }
        if (start + BLOCK < units) {
            rows.add(Row.unit(units - 1));
        }
        return rows;
    }

    /** "units 31–34 of 128" for a layer wider than a block, empty otherwise. */
    public String range() {
        return units > BLOCK ? "units " + (start + 1) + "–" + (start + BLOCK) + " of " + units : "";
    }

    /** The fold with its block moved by {@code blocks} blocks (kept inside the layer). */
    public UnitFold move(int blocks) {
        return new UnitFold(units, start + blocks * BLOCK);
    }
}
