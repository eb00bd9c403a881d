package studio.backprop.train.metrics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Bad input must fail with a message that says what is wrong. */
final class Refusals {

    private Refusals() {
    }

    static void refused(Executable call, String... fragments) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message \"" + message + "\" should say \"" + fragment + "\"");
        }
    }
}
