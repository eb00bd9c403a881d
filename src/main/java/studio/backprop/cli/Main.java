package studio.backprop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line over the engine: {@code Main COMMAND [ARGS...]}, no display needed.
 *
 * <p>Exit codes: 0 success; 2 bad usage or bad input (a malformed file, a network that cannot be trained, missing
 * data), with the message on stderr; 1 an internal error or a training run that diverged. Users see messages in
 * words, never stack traces.
 */
public final class Main {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new SummaryCommand(), new TrainCommand(), new TraceCommand(), new EvaluateCommand(),
                new BenchCommand(), new ExportCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

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
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(usage());
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("unknown command '" + args[0] + "'");
            err.println(usage());
            return 2;
        }
        try {
            Args parsed = new Args(command.name(), Arrays.asList(args).subList(1, args.length), command.options(),
                    command.flags());
            return command.run(parsed, out, err);
        } catch (UsageException | IOException | IllegalArgumentException e) {
            err.println(message(e));
            return 2;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            err.println(command.name() + " failed with an internal error: " + e);
            return 1;
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: backprop COMMAND [ARGS]\ncommands:\n");
        COMMANDS.values().forEach(c -> sb.append("  ").append(c.usage()).append('\n'));
        return sb.toString().stripTrailing();
    }
}
