package io.invoke4j.domain.image;

import io.invoke4j.domain.InvokeStyle;
import java.util.List;
import org.immutables.value.Value;

/** One page of images ({@code OffsetPaginatedResults<ImageDTO>}). */
@Value.Immutable
@InvokeStyle
public interface ImagePage {
  List<ImageInfo> items();

  int offset();

  int limit();

  /** How many images match the query in all pages. */
  int total();

  /** Whether a page follows this one. */
  default boolean hasMore() {
    return offset() + items().size() < total();
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ImagePage}. */
  final class Builder extends ImmutableImagePage.Builder {}
}
