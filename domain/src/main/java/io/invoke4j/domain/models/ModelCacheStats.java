package io.invoke4j.domain.models;

import io.invoke4j.domain.InvokeStyle;
import java.util.Map;
import org.immutables.value.Value;

/** The model cache's statistics ({@code CacheStats} of {@code GET /api/v2/models/stats}). */
@Value.Immutable
@InvokeStyle
public interface ModelCacheStats {
  long hits();

  long misses();

  /** The most bytes the cache held. */
  long highWatermark();

  /** How many models are in the cache now. */
  long inCache();

  /** How many models were evicted. */
  long cleared();

  /** The cache's size in bytes. */
  long cacheSize();

  /** The size in bytes of each loaded model, by the server's cache key. */
  Map<String, Long> loadedModelSizes();

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ModelCacheStats}. */
  final class Builder extends ImmutableModelCacheStats.Builder {}
}
