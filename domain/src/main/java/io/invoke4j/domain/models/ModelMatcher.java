package io.invoke4j.domain.models;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Picks the installed model for a model field of a workflow ({@code {key, hash, name, base, type,
 * submodel_type?}}), so a workflow made on one server can run on another.
 *
 * <p>Rules, tried in order; the first that matches anything wins:
 * <ol>
 *   <li>{@link MatchKind#KEY} - same {@code key};
 *   <li>{@link MatchKind#HASH} - same {@code hash} (same file, other record);
 *   <li>{@link MatchKind#NAME_BASE_TYPE} - same {@code name}, {@code base} and {@code type};
 *   <li>{@link MatchKind#NAME_TYPE} - same {@code base} and {@code type} with the name compared
 *       ignoring case and surrounding blanks. The base stays fixed: a loader node only accepts its own
 *       base, so a same-named model of another base would fail at run time.
 * </ol>
 * An attribute missing from either side never matches. When a rule matches several installed models
 * the first in listing order is chosen and the others are reported in
 * {@link ModelMatch#alsoMatched()}.
 */
public final class ModelMatcher {
  private ModelMatcher() {}

  /**
   * The installed model for {@code field}, or empty when no rule matches.
   *
   * @param field the model field value from the workflow
   * @param installed the installed models, in the server's listing order
   */
  public static Optional<ModelMatch> match(JsonNode field, List<ModelRecord> installed) {
    requireNonNull(field, "field == null");
    requireNonNull(installed, "installed == null");
    return first(field, installed, MatchKind.KEY, (f, m) -> same(f, m, "key"))
        .or(() -> first(field, installed, MatchKind.HASH, (f, m) -> same(f, m, "hash")))
        .or(() -> first(field, installed, MatchKind.NAME_BASE_TYPE,
            (f, m) -> same(f, m, "name") && same(f, m, "base") && same(f, m, "type")))
        .or(() -> first(field, installed, MatchKind.NAME_TYPE,
            (f, m) -> same(f, m, "base") && same(f, m, "type") && sameName(f, m)));
  }

  private static Optional<ModelMatch> first(JsonNode field, List<ModelRecord> installed,
      MatchKind kind, BiPredicate<JsonNode, ModelRecord> rule) {
    List<ModelRecord> found = new ArrayList<>();
    for (ModelRecord model : installed) {
      if (rule.test(field, model)) {
        found.add(model);
      }
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ModelMatch.builder()
        .model(found.get(0))
        .kind(kind)
        .alsoMatched(found.subList(1, found.size()))
        .build());
  }

  private static boolean same(JsonNode field, ModelRecord model, String attribute) {
    String wanted = text(field, attribute);
    return wanted != null && !wanted.isEmpty() && wanted.equals(attribute(model, attribute));
  }

  private static String attribute(ModelRecord model, String attribute) {
    switch (attribute) {
      case "key":
        return model.key().value();
      case "hash":
        return model.hash().orElse(null);
      case "name":
        return model.name();
      case "base":
        return model.base();
      case "type":
        return model.type();
      default:
        throw new IllegalArgumentException(attribute);
    }
  }

  private static boolean sameName(JsonNode field, ModelRecord model) {
    String wanted = text(field, "name");
    String name = model.name();
    return wanted != null && name != null && !wanted.isBlank()
        && wanted.strip().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
