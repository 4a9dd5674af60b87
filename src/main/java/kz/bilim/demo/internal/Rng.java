package kz.bilim.demo.internal;

/**
 * SplitMix64: a small, fast generator whose sequence is fixed by its seed on every JVM, so that the same seed always
 * gives the same demo data. Each part of the country (region, organisation, class) gets its own generator derived
 * from the seed and the part's number, so parts can be generated in any order or in parallel with the same result.
 */
final class Rng {

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** A generator for one part, independent of how much of any other part was generated. */
    static Rng of(long seed, long salt, long index) {
        return new Rng(mix(mix(seed ^ 0x5DEECE66DL) + salt * 0x9E3779B97F4A7C15L + index));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        return mix(state += 0x9E3779B97F4A7C15L);
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [from, to]. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** A factor around 1 with the given spread, e.g. 0.3 → 0.7..1.3. */
    double around(double spread) {
        return 1 - spread + 2 * spread * nextDouble();
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    /** An index chosen by weights (need not sum to 1). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.length - 1;
    }
}
