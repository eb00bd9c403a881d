package studio.backprop.nn.perceptron;

/** Small helpers that keep validation messages grammatical. */
final class Words {

    private Words() {
    }

    /** "1 input", "2 inputs". */
    static String count(int n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** "1 entry", "2 entries". */
    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
