package io.invoke4j.domain.image;

import io.invoke4j.domain.InvokeStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A page of the image list ({@code GET /api/v1/images/}): filters, offset and limit. The defaults
 * are the server's: 10 images from offset 0, newest first, starred first.
 *
 * <pre>{@code
 * ImageQuery.builder().board(BoardId.NONE).addCategories(ImageCategory.GENERAL).limit(50).build()
 * }</pre>
 */
@Value.Immutable
@InvokeStyle
public interface ImageQuery {
  /** Only images on this board ({@link BoardId#NONE}: the uncategorized ones); all boards when empty. */
  Optional<BoardId> board();

  /** Only images of these categories; all when empty. */
  List<ImageCategory> categories();

  /** Only intermediate (true) or only normal (false) images; both when empty. */
  Optional<Boolean> intermediate();

  /** Only {@code internal} (generated) or {@code external} (uploaded) images; both when empty. */
  Optional<String> origin();

  /** Only images whose metadata or name contains this text. */
  Optional<String> searchTerm();

  /** How many images to skip. */
  @Value.Default
  default int offset() {
    return 0;
  }

  /** How many images at most. */
  @Value.Default
  default int limit() {
    return 10;
  }

  /** Newest first (the server's default) or oldest first. */
  @Value.Default
  default boolean newestFirst() {
    return true;
  }

  /** Starred images before the others. */
  @Value.Default
  default boolean starredFirst() {
    return true;
  }

  @Value.Check
  default void check() {
    if (offset() < 0) {
      throw new IllegalArgumentException("offset must be >= 0");
    }
    if (limit() < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
  }

  /** The first page with the server's defaults. */
  static ImageQuery firstPage() {
    return builder().build();
  }

  /** A builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ImageQuery}. */
  final class Builder extends ImmutableImageQuery.Builder {}
}
