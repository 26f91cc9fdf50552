package io.invoke4j.domain.field;

import java.util.Optional;

/** Maps InvokeAI field type names to invoke4j {@link FieldType}s. */
final class TemplateTypes {
  private TemplateTypes() {}

  static FieldType fieldType(FieldTemplate template) {
    if (template.connectionOnly()) {
      return FieldType.RAW;
    }
    Optional<FieldType> single = single(template.typeName(), template);
    if (single.isEmpty()) {
      return FieldType.RAW;
    }
    return template.cardinality() == Cardinality.COLLECTION ? FieldType.collectionOf(single.get()) : single.get();
  }

  private static Optional<FieldType> single(String typeName, FieldTemplate template) {
    switch (typeName) {
      case "IntegerField":
        return Optional.of(FieldType.INTEGER);
      case "FloatField":
        return Optional.of(FieldType.FLOAT);
      case "StringField":
        return Optional.of(FieldType.STRING);
      case "BooleanField":
        return Optional.of(FieldType.BOOLEAN);
      case "EnumField":
        if (template.numericOptions()) {
          return Optional.of(template.options().stream().allMatch(o -> o.matches("-?\\d+"))
              ? FieldType.INTEGER : FieldType.FLOAT);
        }
        return Optional.of(FieldType.enumOf(template.options()));
      case "SchedulerField":
        return Optional.of(template.options().isEmpty() ? FieldType.SCHEDULER
            : ImmutableFieldType.builder().kind(FieldType.Kind.SCHEDULER).options(template.options()).build());
      case "ImageField":
        return Optional.of(FieldType.IMAGE);
      case "VideoField":
        return Optional.of(FieldType.VIDEO);
      case "BoardField":
        return Optional.of(FieldType.BOARD);
      case "ColorField":
        return Optional.of(FieldType.COLOR);
      case "ModelIdentifierField":
        return Optional.of(FieldType.MODEL);
      default:
        // MainModelField, VAEModelField, ...: the per-kind model types of older servers
        return typeName.endsWith("ModelField") ? Optional.of(FieldType.MODEL) : Optional.empty();
    }
  }
}
