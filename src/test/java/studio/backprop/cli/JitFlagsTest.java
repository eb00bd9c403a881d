package studio.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class JitFlagsTest {

    @Test
    void theChildKeepsThisJvmsFlagsAndRaisesTheLimitAfterThem() {
        List<String> command = JitFlags.childCommand("java",
                List.of("-XX:ActiveProcessorCount=1", "--add-modules=jdk.incubator.vector", "-XX:PerMethodTrapLimit=100"),
                "app.jar", List.of("bench", "--only", "training"));
        assertEquals(List.of("java", "-XX:ActiveProcessorCount=1", "--add-modules=jdk.incubator.vector",
                "-XX:PerMethodTrapLimit=100", "-XX:PerMethodTrapLimit=1000", "-Dbackprop.bench.forked=true", "-cp",
                "app.jar", "studio.backprop.cli.Main", "bench", "--only", "training"), command);
    }

    @Test
    void theTestJvmHasTheLimitAndDoesNotFork() {
        // the build starts tests with the raised limit (pom.xml's jit.flags)
        assertEquals(JitFlags.SUGGESTED_TRAP_LIMIT, JitFlags.trapLimit().orElseThrow());
        assertFalse(JitFlags.shouldFork());
    }
}
