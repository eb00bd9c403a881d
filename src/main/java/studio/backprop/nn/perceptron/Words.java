package studio.backprop.nn.perceptron;

import java.util.List;
import java.util.stream.Collectors;

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

    /** "3, 4, 1, 2". */
    static String list(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** "2", "2 and 4", "1, 2 and 4". */
    static String and(List<Integer> numbers) {
        if (numbers.size() == 1) {
            return String.valueOf(numbers.get(0));
        }
        return list(numbers.subList(0, numbers.size() - 1)) + " and " + numbers.get(numbers.size() - 1);
    }
}
