package io.invoke4j.domain.field;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoke4j.domain.field.FieldProblem.Constraint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GUI's checks of a value against its template ({@code store/util/fieldValidators.ts}), plus the
 * two it leaves to the server: the length of a single string and enum membership.
 */
final class TemplateChecks {
  private TemplateChecks() {}

  static List<FieldProblem> check(FieldTemplate template, FieldValue value) {
    List<FieldProblem> problems = new ArrayList<>();
    FieldType type = template.fieldType();
    JsonNode json = value.toJson();
    if (type.kind() == FieldType.Kind.RAW) {
      return problems;
    }
    if (template.cardinality() == Cardinality.SINGLE_OR_COLLECTION && json.isArray()) {
      // T | list[T]: the list form is checked item by item against T
      checkItems(template, json.size(), problems);
      for (JsonNode item : json) {
        checkTyped(template, type, item, problems);
      }
      return problems;
    }
    checkTyped(template, type, json, problems);
    return problems;
  }

  private static void checkTyped(FieldTemplate template, FieldType type, JsonNode json, List<FieldProblem> problems) {
    if (type.isEnum() && json.isTextual()) {
      if (!type.options().isEmpty() && !type.options().contains(json.asText())) {
        problems.add(new FieldProblem(template.name(), Constraint.ENUM, template.name() + ": "
            + FieldValues.show(json) + " is not one of " + String.join(", ", type.options())));
      }
      return;
    }
    FieldValue typed;
    try {
      typed = FieldValues.convert(type, json);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(template.name(), Constraint.TYPE, template.name() + ": " + e.getMessage()));
      return;
    }
    if (typed instanceof CollectionValue collection) {
      checkItems(template, collection.items().size(), problems);
      for (FieldValue item : collection.items()) {
        checkScalar(template, item.toJson(), problems);
      }
    } else {
      checkScalar(template, json, problems);
    }
  }

  private static void checkItems(FieldTemplate template, int count, List<FieldProblem> problems) {
    String name = template.name();
    Optional<Integer> min = template.minItems();
    if (min.isPresent() && min.get() > 0 && count == 0) {
      problems.add(new FieldProblem(name, Constraint.MIN_ITEMS,
          name + ": the collection is empty, it needs at least " + min.get() + " item(s)"));
    } else if (min.isPresent() && count < min.get()) {
      problems.add(new FieldProblem(name, Constraint.MIN_ITEMS,
          name + ": " + count + " item(s) is fewer than the minimum " + min.get()));
    }
    template.maxItems().filter(max -> count > max).ifPresent(max -> problems.add(new FieldProblem(name,
        Constraint.MAX_ITEMS, name + ": " + count + " item(s) is more than the maximum " + max)));
  }

  private static void checkScalar(FieldTemplate template, JsonNode json, List<FieldProblem> problems) {
    String name = template.name();
    if (json.isNumber()) {
      BigDecimal number = json.decimalValue();
      String shown = FieldValues.show(json);
      template.maximum().filter(max -> number.compareTo(max) > 0).ifPresent(max -> problems.add(new FieldProblem(
          name, Constraint.MAXIMUM, name + ": " + shown + " is greater than the maximum " + plain(max))));
      template.minimum().filter(min -> number.compareTo(min) < 0).ifPresent(min -> problems.add(new FieldProblem(
          name, Constraint.MINIMUM, name + ": " + shown + " is less than the minimum " + plain(min))));
      template.exclusiveMaximum().filter(max -> number.compareTo(max) >= 0).ifPresent(max -> problems.add(
          new FieldProblem(name, Constraint.EXCLUSIVE_MAXIMUM,
              name + ": " + shown + " is not less than the exclusive maximum " + plain(max))));
      template.exclusiveMinimum().filter(min -> number.compareTo(min) <= 0).ifPresent(min -> problems.add(
          new FieldProblem(name, Constraint.EXCLUSIVE_MINIMUM,
              name + ": " + shown + " is not greater than the exclusive minimum " + plain(min))));
      if (template.numericOptions() && !template.options().isEmpty() && template.options().stream()
          .noneMatch(option -> new BigDecimal(option).compareTo(number) == 0)) {
        problems.add(new FieldProblem(name, Constraint.ENUM,
            name + ": " + shown + " is not one of " + String.join(", ", template.options())));
      }
      template.multipleOf().filter(step -> step.signum() != 0 && number.remainder(step).signum() != 0)
          .ifPresent(step -> problems.add(new FieldProblem(name, Constraint.MULTIPLE_OF,
              name + ": " + shown + " is not a multiple of " + plain(step))));
    } else if (json.isTextual()) {
      String text = json.asText();
      // pydantic counts code points, not UTF-16 units
      int length = text.codePointCount(0, text.length());
      template.maxLength().filter(max -> length > max).ifPresent(max -> problems.add(new FieldProblem(name,
          Constraint.MAX_LENGTH, name + ": " + length + " characters is longer than the maximum " + max)));
      template.minLength().filter(min -> length < min).ifPresent(min -> problems.add(new FieldProblem(name,
          Constraint.MIN_LENGTH, name + ": " + length + " characters is shorter than the minimum " + min)));
    }
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
