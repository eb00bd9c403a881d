package studio.backprop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The JIT setting the benchmark needs, and a child JVM that has it when this one does not.
 *
 * <p>C2 adds up the failed type checks of every method it inlines into one compilation; the Vector API inlines
 * hundreds of them into each kernel. Once a JVM has trained several networks that total can pass
 * {@code PerMethodTrapLimit} (100 by default), after which C2 no longer trusts the vector's class and copies every
 * vector onto the heap: the workloads measured later run slower and allocate. {@code bench} therefore measures in a
 * child JVM started with {@value #SUGGESTED_TRAP_LIMIT} when its own limit is lower, as benchmark harnesses fork to
 * control their JVM's flags; the child gets this JVM's own flags too (thread count, heap, modules).
 */
final class JitFlags {

    /** The trap limit below which rows measured after other workloads may box vectors. */
    static final int SUGGESTED_TRAP_LIMIT = 1000;
    /** Set in the child JVM, so that it never forks again. */
    static final String FORKED_PROPERTY = "backprop.bench.forked";

    private JitFlags() {
    }

    /** The trap limit in force, or empty when this JVM does not report one. */
    static OptionalInt trapLimit() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean hotspot = ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            if (hotspot == null) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(Integer.parseInt(hotspot.getVMOption("PerMethodTrapLimit").getValue().trim()));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether this JVM should hand the benchmark to a child: its limit is known, too low, and it is no child. */
    static boolean shouldFork() {
        OptionalInt limit = trapLimit();
        return limit.isPresent() && limit.getAsInt() < SUGGESTED_TRAP_LIMIT
                && System.getProperty(FORKED_PROPERTY) == null;
    }

    /**
     * The child's command line: this JVM's executable and flags, the raised limit and the child marker after them
     * (a later {@code -XX} flag wins), this class path and the CLI's main class, then {@code commandLine}.
     */
    static List<String> childCommand(String javaExecutable, List<String> jvmFlags, String classPath,
                                     List<String> commandLine) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(jvmFlags);
        command.add("-XX:PerMethodTrapLimit=" + SUGGESTED_TRAP_LIMIT);
        command.add("-D" + FORKED_PROPERTY + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add(Main.class.getName());
        command.addAll(commandLine);
        return command;
    }

    /**
     * Runs {@code commandLine} in a child JVM with the raised limit, copying its output to {@code out} and
     * {@code err}; returns its exit code, or empty when no child could be started (the caller then measures here).
     */
    static OptionalInt runInChild(List<String> commandLine, PrintStream out, PrintStream err)
            throws InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = childCommand(java, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), commandLine);
        Process child;
        try {
            child = new ProcessBuilder(command).start();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
        try {
            child.getOutputStream().close();
        } catch (IOException e) {
            // the child reads nothing; a pipe that will not close changes nothing
        }
        Thread errors = new Thread(() -> copy(child.getErrorStream(), err), "bench-child-errors");
        errors.setDaemon(true);
        errors.start();
        copy(child.getInputStream(), out);
        int code = child.waitFor();
        errors.join();
        return OptionalInt.of(code);
    }

    private static void copy(InputStream from, OutputStream to) {
        try (from) {
            from.transferTo(to);
            to.flush();
        } catch (IOException e) {
            // the child ended or its pipe closed; what it wrote so far has been passed on
        }
    }
}
