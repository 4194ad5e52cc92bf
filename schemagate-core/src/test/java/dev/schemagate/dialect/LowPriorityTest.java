package dev.schemagate.dialect;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A thread that lowers its priority lowers its own and no other: the lint beside the walk, not the walk. */
class LowPriorityTest {

    @Test
    void aThreadLowersItsOwnPriorityOnly() throws Exception {
        assumeTrue(Niceness.lowerable(), "Linux with renice");
        int before = Niceness.ofThisThread();
        int lowered = CompletableFuture.supplyAsync(() -> {
            LowPriority.ofThisThread();
            try {
                return Niceness.ofThisThread();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> new Thread(task, "lowered").start()).get();
        assertThat(lowered).isEqualTo(Math.max(before, 10));
        assertThat(Niceness.ofThisThread()).isEqualTo(before);
    }
}
