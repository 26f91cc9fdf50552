package io.invoke4j.domain.field;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides the {@link FieldType} of a workflow input by asking ordered {@link TypingRule}s; when no
 * rule answers the type is {@link FieldType#RAW}. Put your own rules first to override the
 * defaults:
 *
 * <pre>{@code
 * FieldTyper typer = FieldTyper.builder().rule(myRule).rules(FieldTyper.offlineRules()).build();
 * }</pre>
 *
 * <p>A typer also knows the {@link NodeTitles} the GUI shows for nodes and inputs that carry no
 * label of their own; by default those of the built-in nodes' table.
 */
public interface FieldTyper {

  /** The type of the field described by {@code ctx}; never throws for odd JSON. */
  FieldType type(FieldContext ctx);

  /**
   * The titles the GUI shows for unlabelled nodes and inputs. This default knows none, so a typer
   * written as a lambda keeps labels as they were; the built typers know the built-in table's.
   */
  default NodeTitles titles() {
    return NodeTitles.none();
  }

  /** The default typer: {@link #offlineRules()} in order, using only what the workflow file carries. */
  static FieldTyper offline() {
    return builder().rules(offlineRules()).build();
  }

  /**
   * A typer for a server whose node templates are known: {@link TypingRules#fromTemplates} first,
   * then the {@link #offlineRules()} for nodes and fields the templates do not know; titles from the
   * templates, then from the built-in table.
   */
  static FieldTyper withTemplates(NodeTemplates templates) {
    Objects.requireNonNull(templates, "templates == null");
    return builder().rule(TypingRules.fromTemplates(templates)).rules(offlineRules())
        .titles(NodeTitles.firstOf(templates, BuiltInNodes.shipped())).build();
  }

  /**
   * The offline rules in order: form element settings, legacy (schema 1.x/2.x) field types, the
   * built-in nodes' schema table, value shapes, primitive node types, well-known field names, the
   * JSON type of the value.
   */
  static List<TypingRule> offlineRules() {
    return List.of(
        TypingRules.formSettings(),
        TypingRules.legacyFieldType(),
        TypingRules.builtInNodes(),
        TypingRules.valueShape(),
        TypingRules.primitiveNodes(),
        TypingRules.wellKnownNames(),
        TypingRules.jsonValueType());
  }

  /** A builder for a typer with your own rules. */
  static Builder builder() {
    return new Builder();
  }

  /** Collects rules in the order they are asked. */
  final class Builder {
    private final List<TypingRule> rules = new ArrayList<>();
    private NodeTitles titles = BuiltInNodes.shipped();

    private Builder() {}

    /** Adds one rule after those added so far. */
    public Builder rule(TypingRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule == null"));
      return this;
    }

    /** Adds rules, in order, after those added so far. */
    public Builder rules(List<? extends TypingRule> more) {
      more.forEach(this::rule);
      return this;
    }

    /** The titles of unlabelled nodes and inputs; the built-in table's unless set. */
    public Builder titles(NodeTitles titles) {
      this.titles = Objects.requireNonNull(titles, "titles == null");
      return this;
    }

    /** The typer asking the rules in the order added. */
    public FieldTyper build() {
      List<TypingRule> ordered = List.copyOf(rules);
      NodeTitles knownTitles = titles;
      return new FieldTyper() {
        @Override
        public FieldType type(FieldContext ctx) {
          Objects.requireNonNull(ctx, "ctx == null");
          for (TypingRule rule : ordered) {
            Optional<FieldType> type = rule.type(ctx);
            if (type.isPresent()) {
              return type.get();
            }
          }
          return FieldType.RAW;
        }

        @Override
        public NodeTitles titles() {
          return knownTitles;
        }
      };
    }
  }
}
