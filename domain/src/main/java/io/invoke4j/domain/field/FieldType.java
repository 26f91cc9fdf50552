package io.invoke4j.domain.field;

import io.invoke4j.domain.InvokeStyle;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The kind of value a workflow input takes, e.g. {@code integer}, {@code model} or
 * {@code collection<image>}. Enum-like kinds may carry their known options; an empty option list
 * means "any string".
 */
@Value.Immutable
@InvokeStyle
public abstract class FieldType {

  /** The broad kinds a field can have. */
  public enum Kind {
    STRING, INTEGER, FLOAT, BOOLEAN, ENUM, SCHEDULER, IMAGE, BOARD, MODEL, COLOR, COLLECTION, RAW,
    /** A video stored on the server ({@code VideoField}, {@code {"video_name": ...}}). */
    VIDEO
  }

  public static final FieldType STRING = of(Kind.STRING);
  public static final FieldType INTEGER = of(Kind.INTEGER);
  public static final FieldType FLOAT = of(Kind.FLOAT);
  public static final FieldType BOOLEAN = of(Kind.BOOLEAN);
  /** An enum whose options are not known offline. */
  public static final FieldType ENUM = of(Kind.ENUM);
  /** InvokeAI's scheduler enum, with the scheduler names the GUI offers. */
  public static final FieldType SCHEDULER =
      ImmutableFieldType.builder().kind(Kind.SCHEDULER).options(Schedulers.NAMES).build();
  public static final FieldType IMAGE = of(Kind.IMAGE);
  /** A video stored on the server, written as {@code {"video_name": ...}}. */
  public static final FieldType VIDEO = of(Kind.VIDEO);
  public static final FieldType BOARD = of(Kind.BOARD);
  public static final FieldType MODEL = of(Kind.MODEL);
  public static final FieldType COLOR = of(Kind.COLOR);
  /** Anything: the value is kept as JSON, unchecked. */
  public static final FieldType RAW = of(Kind.RAW);

  /** The broad kind. */
  public abstract Kind kind();

  /** The element type, present exactly for {@link Kind#COLLECTION}. */
  public abstract Optional<FieldType> elementType();

  /** Known options of an enum kind; empty when unknown or not an enum. */
  public abstract List<String> options();

  /** An enum type with the given known options (empty: options unknown). */
  public static FieldType enumOf(Collection<String> options) {
    return ImmutableFieldType.builder().kind(Kind.ENUM).options(options).build();
  }

  /** A collection whose elements have {@code elementType}. */
  public static FieldType collectionOf(FieldType elementType) {
    return ImmutableFieldType.builder().kind(Kind.COLLECTION).elementType(elementType).build();
  }

  private static FieldType of(Kind kind) {
    return ImmutableFieldType.builder().kind(kind).build();
  }

  /** True for {@link Kind#ENUM} and {@link Kind#SCHEDULER}. */
  public boolean isEnum() {
    return kind() == Kind.ENUM || kind() == Kind.SCHEDULER;
  }

  /**
   * The short lowercase name used in tables and JSON: {@code integer}, {@code scheduler},
   * {@code collection<integer>}, {@code raw}.
   */
  public String name() {
    if (kind() == Kind.COLLECTION) {
      return "collection<" + elementType().orElseThrow().name() + ">";
    }
    return kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return name();
  }

  @Value.Check
  void check() {
    if ((kind() == Kind.COLLECTION) != elementType().isPresent()) {
      throw new IllegalArgumentException("elementType must be present exactly for collections: " + kind());
    }
    if (!options().isEmpty() && !isEnum()) {
      throw new IllegalArgumentException("only enum kinds carry options: " + kind());
    }
  }
}
