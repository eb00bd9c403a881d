package studio.backprop.cli;

import java.io.PrintStream;

/** {@code bench}: the kernel and training benchmark. */
final class BenchCommand implements Command {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench                                      GEMM, conv and training speed on this machine";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        args.maxPositional(0);
        Bench.standard(out).run();
        return 0;
    }
}
