package studio.backprop.data;

/** A dataset cut into training, validation and test parts; a part may be empty (size 0). */
public record Split(Dataset train, Dataset validation, Dataset test) {

    /** "train 280, validation 60, test 60". */
    public String describe() {
        return "train " + train.size() + ", validation " + validation.size() + ", test " + test.size();
    }
}
