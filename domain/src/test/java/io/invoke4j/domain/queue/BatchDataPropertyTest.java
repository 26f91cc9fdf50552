package io.invoke4j.domain.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BatchDataPropertyTest {
  @Property
  void sessionCountIsTheProductOfGroupLengths(
      @ForAll @Size(max = 4) List<@IntRange(min = 1, max = 5) Integer> lengths,
      @ForAll @IntRange(min = 1, max = 3) int zipped) {
    List<Sweep> sweeps = new ArrayList<>();
    int expected = 1;
    for (int g = 0; g < lengths.size(); g++) {
      BatchDatum[] datums = new BatchDatum[zipped];
      for (int d = 0; d < zipped; d++) {
        datums[d] = BatchDatum.of("n" + g, "f" + d, Collections.nCopies(lengths.get(g), 1));
      }
      sweeps.add(Sweep.zip(datums));
      expected *= lengths.get(g);
    }

    BatchData data = BatchData.empty().plus(Sweep.product(sweeps.toArray(Sweep[]::new)));

    assertThat(data.sessionCount()).isEqualTo(expected);
    assertThat(data.toJson()).hasSize(lengths.size());
  }
}
