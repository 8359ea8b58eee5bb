package org.bnnworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@link VectorGemm} divides the output between two threads on the benchmark's shapes. */
class VectorGemmSplitTest {

    private static boolean byColumns(int m, int n, int k) {
        return VectorGemm.splitByColumns(m, n, k, 2, (n + VectorGemm.NR - 1) / VectorGemm.NR,
                (m + VectorGemm.MR - 1) / VectorGemm.MR);
    }

    @Test
    void fewRowsAndManyColumnsAreSplitByColumnsSoThatBIsPackedOnce() {
        // 64 x 576 x 3136: 16 row panels split evenly, but each thread would pack all 1.8 M values of B
        assertThat(byColumns(64, 3136, 576)).isTrue();
        assertThat(byColumns(128, 784, 1152)).isTrue();
    }

    @Test
    void fewColumnsAreSplitByRowsWhereAColumnSplitWouldLeaveAThreadIdle() {
        // 256 x 2304 x 196: 9 column panels (one thread gets 5 of 9), 64 row panels
        assertThat(byColumns(256, 196, 2304)).isFalse();
        assertThat(byColumns(512, 24, 64)).isFalse();
    }
}
