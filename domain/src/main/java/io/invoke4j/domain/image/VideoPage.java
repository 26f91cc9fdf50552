package io.invoke4j.domain.image;

import io.invoke4j.domain.InvokeStyle;
import java.util.List;
import org.immutables.value.Value;

/** One page of videos ({@code OffsetPaginatedResults<VideoDTO>}). */
@Value.Immutable
@InvokeStyle
public interface VideoPage {
  List<VideoInfo> items();

  int offset();

  int limit();

  /** How many videos match the query in all pages. */
  int total();

  /** Whether a page follows this one. */
  default boolean hasMore() {
    return offset() + items().size() < total();
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VideoPage}. */
  final class Builder extends ImmutableVideoPage.Builder {}
}
