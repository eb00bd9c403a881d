package studio.backprop.cli;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Set;
import studio.backprop.kernels.KernelPool;

/**
 * {@code bench [--threads N] [--only SECTIONS]}: the kernel and training benchmark. {@code --threads} sets the
 * kernel pool's thread count for the multithreaded rows (the training rows are measured on one thread too);
 * {@code --only} takes a comma-separated list of {@link Bench#SECTIONS}.
 */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench [--threads N] [--only training,gemm,conv]  GEMM, conv and training speed on this machine";
    }

    @Override
    public Set<String> options() {
        return Set.of("threads", "only");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.maxPositional(0);
        Bench bench = Bench.standard(out).threads(args.intOption("threads", KernelPool.threads(), 1));
        String only = args.option("only");
        if (only != null) {
            Set<String> names = new LinkedHashSet<>();
            for (String name : only.split(",")) {
                String trimmed = name.trim();
                if (!Bench.SECTIONS.contains(trimmed)) {
                    throw new UsageException("bench: --only takes a comma-separated list of "
                            + String.join(", ", Bench.SECTIONS) + "; '" + trimmed + "' is not one of them");
                }
                names.add(trimmed);
            }
            bench.only(names);
        }
        bench.run();
        return 0;
    }
}
