package studio.backprop.data;

/**
 * How one CSV column becomes feature values. The first three are for numeric columns, the next two for
 * categorical ones.
 */
public enum ColumnEncoding {
    /** (v − min) / (max − min) with the training file's min and max; a constant column gives 0. */
    MIN_MAX,
    /** (v − mean) / std with the training file's mean and population standard deviation; std 0 gives v − mean. */
    STANDARDIZE,
    /** The number as written. */
    RAW,
    /** One value per category (1 for the row's category, 0 elsewhere), named "column=category". */
    ONE_HOT,
    /** The category's position 0, 1, … in sorted order (numerically when every category is a number). */
    ORDINAL,
    /** The column is left out. */
    IGNORE;

    boolean isNumeric() {
        return this == MIN_MAX || this == STANDARDIZE || this == RAW;
    }
}
