package io.invoke4j.domain.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cases of the GUI's {@code util/schema/parseFieldType.test.ts}: each field schema is put on a
 * node of a small OpenAPI document of our own, read by {@link NodeTemplates#fromOpenApi}. Where the
 * GUI's parser throws, the GUI's {@code parseSchema} skips the field; invoke4j does the same.
 */
class GuiParityParseFieldTypeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The field {@code f} of a node {@code t} whose schema is {@code field}, as invoke4j reads it. */
  private static Optional<FieldTemplate> parse(String field) {
    ObjectNode property = (ObjectNode) json(field);
    property.put("field_kind", "input").put("input", "any").put("title", "F");
    ObjectNode doc = (ObjectNode) json("""
        {'components': {'schemas': {
          'TInvocation': {'class': 'invocation', 'version': '1.0.0',
                          'properties': {'type': {'default': 't'}},
                          'output': {'$ref': '#/components/schemas/TOutput'}},
          'TOutput': {'properties': {'type': {'default': 't_output'}}}}}}""");
    ((ObjectNode) doc.at("/components/schemas/TInvocation/properties")).set("f", property);
    return NodeTemplates.fromOpenApi(doc).field("t", "f");
  }

  private static String typeOf(String field) {
    FieldTemplate f = parse(field).orElseThrow();
    return f.typeName() + " " + f.cardinality() + (f.batch() ? " batch" : "");
  }

  @ParameterizedTest(name = "parses primitive types ({0})")
  @CsvSource(delimiter = '|', value = {
      "SINGLE IntegerField | {'type': 'integer'} | IntegerField SINGLE",
      "SINGLE FloatField | {'type': 'number'} | FloatField SINGLE",
      "SINGLE StringField | {'type': 'string'} | StringField SINGLE",
      "SINGLE BooleanField | {'type': 'boolean'} | BooleanField SINGLE",
      "COLLECTION IntegerField | {'items': {'type': 'integer'}, 'type': 'array'} | IntegerField COLLECTION",
      "COLLECTION FloatField | {'items': {'type': 'number'}, 'type': 'array'} | FloatField COLLECTION",
      "COLLECTION StringField | {'items': {'type': 'string'}, 'type': 'array'} | StringField COLLECTION",
      "COLLECTION BooleanField | {'items': {'type': 'boolean'}, 'type': 'array'} | BooleanField COLLECTION",
      "SINGLE_OR_COLLECTION IntegerField | {'anyOf': [{'type': 'integer'}, {'items': {'type': 'integer'}, 'type': 'array'}]} | IntegerField SINGLE_OR_COLLECTION",
      "SINGLE_OR_COLLECTION FloatField | {'anyOf': [{'type': 'number'}, {'items': {'type': 'number'}, 'type': 'array'}]} | FloatField SINGLE_OR_COLLECTION",
      "SINGLE_OR_COLLECTION StringField | {'anyOf': [{'type': 'string'}, {'items': {'type': 'string'}, 'type': 'array'}]} | StringField SINGLE_OR_COLLECTION",
      "SINGLE_OR_COLLECTION BooleanField | {'anyOf': [{'type': 'boolean'}, {'items': {'type': 'boolean'}, 'type': 'array'}]} | BooleanField SINGLE_OR_COLLECTION",
  })
  void parsesPrimitiveTypes(String name, String schema, String expected) {
    assertThat(typeOf(schema)).as(name).isEqualTo(expected);
  }

  @ParameterizedTest(name = "parses complex types ({0})")
  @CsvSource(delimiter = '|', value = {
      "SINGLE ConditioningField | {'allOf': [{'$ref': '#/components/schemas/ConditioningField'}]} | ConditioningField SINGLE",
      "Nullable SINGLE ConditioningField | {'anyOf': [{'$ref': '#/components/schemas/ConditioningField'}, {'type': 'null'}]} | ConditioningField SINGLE",
      "COLLECTION ConditioningField | {'anyOf': [{'items': {'$ref': '#/components/schemas/ConditioningField'}, 'type': 'array'}]} | ConditioningField COLLECTION",
      "Nullable Collection ConditioningField | {'anyOf': [{'items': {'$ref': '#/components/schemas/ConditioningField'}, 'type': 'array'}, {'type': 'null'}]} | ConditioningField COLLECTION",
      "SINGLE_OR_COLLECTION ConditioningField | {'anyOf': [{'items': {'$ref': '#/components/schemas/ConditioningField'}, 'type': 'array'}, {'$ref': '#/components/schemas/ConditioningField'}]} | ConditioningField SINGLE_OR_COLLECTION",
      "Nullable SINGLE_OR_COLLECTION ConditioningField | {'anyOf': [{'items': {'$ref': '#/components/schemas/ConditioningField'}, 'type': 'array'}, {'$ref': '#/components/schemas/ConditioningField'}, {'type': 'null'}]} | ConditioningField SINGLE_OR_COLLECTION",
  })
  void parsesComplexTypes(String name, String schema, String expected) {
    assertThat(typeOf(schema)).as(name).isEqualTo(expected);
  }

  @ParameterizedTest(name = "parses special case types ({0})")
  @CsvSource(delimiter = '|', value = {
      "String EnumField | {'type': 'string', 'enum': ['large', 'base', 'small']} | EnumField SINGLE",
      "String EnumField with one value | {'const': 'Some Value'} | EnumField SINGLE",
  })
  void parsesSpecialCaseTypes(String name, String schema, String expected) {
    assertThat(typeOf(schema)).as(name).isEqualTo(expected);
  }

  @Test
  void parsesRefObjects() {
    assertThat(typeOf("{'$ref': '#/components/schemas/ImageField'}")).isEqualTo("ImageField SINGLE");
    assertThat(typeOf("{'$ref': '#/components/schemas/T2IAdapterModelField'}"))
        .isEqualTo("T2IAdapterModelField SINGLE");
  }

  @ParameterizedTest(name = "skips a field whose $ref has no schema name ({0})")
  @CsvSource(delimiter = '|', value = {
      "allOf ref, the GUI's case | {'allOf': [{'$ref': '#/components/schemas/'}]}",
      "bare ref | {'$ref': '#/components/schemas/'}",
      "nullable ref | {'anyOf': [{'$ref': '#/components/schemas/'}, {'type': 'null'}]}",
      "array of refs | {'items': {'$ref': '#/components/schemas/'}, 'type': 'array'}",
      "single or collection of refs | {'anyOf': [{'items': {'$ref': '#/components/schemas/'}, 'type': 'array'}, {'$ref': '#/components/schemas/'}]}",
  })
  void skipsAFieldWhoseRefHasNoSchemaName(String name, String schema) {
    assertThat(parse(schema)).as(name).isEmpty();
  }

  @ParameterizedTest(name = "skips a field the GUI's parser refuses ({0})")
  @CsvSource(delimiter = '|', value = {
      "a union of mismatched types | {'anyOf': [{'type': 'string'}, {'type': 'integer'}]}",
      "a union of mismatched types (excluding null) | {'anyOf': [{'type': 'string'}, {'type': 'integer'}, {'type': 'null'}]}",
      "an unsupported primitive type (object) | {'type': 'object'}",
      "an unsupported primitive type (null) | {'type': 'null'}",
      "an unsupported array item type (object) | {'items': {'type': 'object'}, 'type': 'array'}",
      "an unsupported array item type (null) | {'items': {'type': 'null'}, 'type': 'array'}",
  })
  void skipsAFieldTheGuisParserRefuses(String name, String schema) {
    assertThat(parse(schema)).as(name).isEmpty();
  }
}
