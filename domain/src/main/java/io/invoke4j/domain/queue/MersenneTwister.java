package io.invoke4j.domain.queue;

/**
 * MT19937 with the 2002 {@code init_genrand} seeding - the generator of the npm package
 * {@code mtwist} that the GUI seeds its random-distribution generators with. {@link #random()} is
 * that package's {@code random()}: one 32-bit output divided by 2^32, so seeded sequences equal the
 * GUI's bit for bit.
 */
final class MersenneTwister {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index;

  /** Seeds with the low 32 bits of {@code seed}, as JavaScript's {@code seed >>> 0}. */
  MersenneTwister(long seed) {
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  /** The next output in [0, 2^32). */
  long nextUInt32() {
    if (index >= N) {
      for (int i = 0; i < N; i++) {
        int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
        mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  /** A double in [0, 1) with 32 random bits, like {@code Math.random}. */
  double random() {
    return nextUInt32() / 4294967296.0;
  }
}
