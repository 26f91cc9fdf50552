package io.invoke4j.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MersenneTwisterTest {
  @Test
  void matchesTheReferenceOutputsOfInitGenrand() {
    // mt19937ar.c with init_genrand(5489), the C++ std::mt19937 default seed
    MersenneTwister mt = new MersenneTwister(5489);

    assertThat(mt.nextUInt32()).isEqualTo(3499211612L);
    assertThat(mt.nextUInt32()).isEqualTo(581869302L);
    assertThat(mt.nextUInt32()).isEqualTo(3890346734L);
  }

  @Test
  void producesTheStandardTenThousandthOutput() {
    // C++11 requires the 10000th output of a default-constructed mt19937 to be 4123659995
    MersenneTwister mt = new MersenneTwister(5489);
    long last = 0;
    for (int i = 0; i < 10_000; i++) {
      last = mt.nextUInt32();
    }
    assertThat(last).isEqualTo(4123659995L);
  }

  @Test
  void seedsWithTheLowThirtyTwoBitsLikeJavaScript() {
    assertThat(new MersenneTwister(-1).nextUInt32())
        .isEqualTo(new MersenneTwister(4294967295L).nextUInt32());
  }

  @Test
  void randomIsOneOutputOverTwoToTheThirtyTwo() {
    assertThat(new MersenneTwister(5489).random()).isEqualTo(3499211612L / 4294967296.0);
  }
}
