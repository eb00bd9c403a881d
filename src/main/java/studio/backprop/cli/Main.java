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
    /** The most kernel threads --threads accepts. */
    static final int MAX_THREADS = 256;

    static {
        for (Command c : List.of(new SummaryCommand(), new TrainCommand(), new TraceCommand(), new EvaluateCommand(),
                new BenchCommand(), new ExportCommand(), new ExerciseCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Main() {
    }

    /** Runs the command named by {@code args[0]} and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, terminalSafe(System.out), terminalSafe(System.err)));
    }

    /**
     * A stream that turns control bytes other than tab, line feed and carriage return into '?': text from a file
     * (a network's name, a class name) cannot send escape codes to the terminal.
     */
    static PrintStream terminalSafe(PrintStream raw) {
        return new PrintStream(new java.io.FilterOutputStream(raw) {
            @Override
            public void write(int b) throws IOException {
                out.write(safeByte(b));
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                byte[] copy = new byte[len];
                for (int i = 0; i < len; i++) {
                    copy[i] = (byte) safeByte(b[off + i]);
                }
                out.write(copy, 0, len);
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
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
            int threadsBefore = studio.backprop.kernels.KernelPool.threads();
            studio.backprop.kernels.KernelPool.setThreads(parsed.intOption("threads", threadsBefore, 1, MAX_THREADS));
            try {
                return command.run(parsed, out, err);
            } finally {
                studio.backprop.kernels.KernelPool.setThreads(threadsBefore);
            }
        } catch (UsageException | IOException | IllegalArgumentException e) {
            err.println(message(e));
            return 2;
        } catch (OutOfMemoryError e) {
            err.println(command.name() + " ran out of memory (" + e.getMessage() + "); the input is larger than "
                    + "the Java heap of " + studio.backprop.tensor.MemoryBudget.text(Runtime.getRuntime()
                    .maxMemory()) + " allows; start Java with a larger -Xmx or use smaller data");
            return 1;
        } catch (Exception | StackOverflowError e) {
            err.println(safe(command.name() + " failed with an internal error: " + e));
            return 1;
        }
    }

    private static int safeByte(int b) {
        int u = b & 0xff;
        return u < 0x20 && u != '\t' && u != '\n' && u != '\r' || u == 0x7f ? '?' : u;
    }

    /** The message of a problem in words, made safe for a terminal (no escape codes, no endless lines). */
    private static String message(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            m = f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "cannot be read");
            if (e instanceof java.nio.file.NoSuchFileException) {
                m = f.getFile() + ": no such file";
            }
        }
        return safe(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    private static String safe(String text) {
        return studio.backprop.tensor.Excerpt.message(text, 600, 60);
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: backprop COMMAND [ARGS]\ncommands:\n");
        COMMANDS.values().forEach(c -> sb.append("  ").append(c.usage()).append('\n'));
        sb.append("options of every command:\n")
                .append("  --threads N            kernel threads (1 to ").append(MAX_THREADS)
                .append("); results are bit-identical for any N\n")
                .append("  --allow-outside-data   read data a network file names outside its own folder\n");
        return sb.toString().stripTrailing();
    }
}
