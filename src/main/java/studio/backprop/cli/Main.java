package studio.backprop.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command-line entry point: {@code Main COMMAND [ARGS...]}. Commands: {@code bench}.
 *
 * <p>Exit codes: 0 success, 1 the command failed, 2 bad usage. Users see one-line messages, never stack traces.
 */
public final class Main {

    private static final String USAGE = "usage: backprop COMMAND\n"
            + "commands:\n"
            + "  bench   kernel benchmark: GEMM GFLOP/s beside EJML";

    private Main() {
    }

    /** Runs the command named by {@code args[0]} and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command named by {@code args[0]}.
     *
     * @return the process exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String command = args[0];
        try {
            switch (command) {
                case "bench":
                    if (args.length > 1) {
                        err.println("bench takes no arguments, got: "
                                + String.join(" ", Arrays.copyOfRange(args, 1, args.length)));
                        return 2;
                    }
                    Bench.standard(out).run();
                    return 0;
                default:
                    err.println("unknown command '" + command + "'");
                    err.println(USAGE);
                    return 2;
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            err.println(command + " failed: " + e);
            return 1;
        }
    }
}
