package studio.backprop.cli;

import java.io.PrintStream;

/** One command of the command line: its name, a usage line, and what it does. */
interface Command {

    String name();

    /** "summary FILE — the model summary table". */
    String usage();

    /** Options that take a value ("epochs" for --epochs N). */
    default java.util.Set<String> options() {
        return java.util.Set.of();
    }

    /** Options that take no value ("json" for --json). */
    default java.util.Set<String> flags() {
        return java.util.Set.of();
    }

    /**
     * Runs the command.
     *
     * @return the exit code (0 on success)
     * @throws UsageException for bad arguments or bad input, reported on stderr with exit code 2
     */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
