package io.invoke4j.domain.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelMatcherTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ModelRecord model(String key, String hash, String name, String base, String type) {
    return ModelRecord.builder().key(ModelKey.of(key)).hash(hash).name(name).base(base).type(type)
        .format("diffusers").build();
  }

  private static final JsonNode FIELD = json("""
      {'key': 'k1', 'hash': 'blake3:aa', 'name': 'juggernautXL', 'base': 'sdxl', 'type': 'main',
       'submodel_type': 'unet'}""");

  private static final ModelRecord BY_KEY = model("k1", "blake3:zz", "other", "sd-1", "vae");
  private static final ModelRecord BY_HASH = model("k2", "blake3:aa", "renamed", "sdxl", "main");
  private static final ModelRecord BY_NAME = model("k3", "blake3:bb", "juggernautXL", "sdxl", "main");
  private static final ModelRecord BY_LOOSE_NAME = model("k4", "blake3:cc", " JuggernautXL ", "sdxl", "main");
  private static final ModelRecord OTHER_BASE = model("k5", "blake3:dd", "juggernautXL", "sd-1", "main");

  private static Optional<MatchKind> kind(ModelRecord... installed) {
    return ModelMatcher.match(FIELD, List.of(installed)).map(ModelMatch::kind);
  }

  @Test
  void prefersKeyThenHashThenNameBaseTypeThenLooseName() {
    assertThat(kind(OTHER_BASE, BY_LOOSE_NAME, BY_NAME, BY_HASH, BY_KEY)).contains(MatchKind.KEY);
    assertThat(kind(OTHER_BASE, BY_LOOSE_NAME, BY_NAME, BY_HASH)).contains(MatchKind.HASH);
    assertThat(kind(OTHER_BASE, BY_LOOSE_NAME, BY_NAME)).contains(MatchKind.NAME_BASE_TYPE);
    assertThat(kind(OTHER_BASE, BY_LOOSE_NAME)).contains(MatchKind.NAME_TYPE);
  }

  @Test
  void neverMatchesAnotherBase() {
    assertThat(kind(OTHER_BASE)).isEmpty();
  }

  @Test
  void ignoresAttributesTheFieldLacks() {
    JsonNode empty = json("{'key': '', 'hash': '', 'name': '', 'base': 'sdxl', 'type': 'main'}");

    assertThat(ModelMatcher.match(empty, List.of(BY_NAME, BY_HASH))).isEmpty();
  }

  @Test
  void choosesTheFirstListedAndReportsTheOthersWhenAmbiguous() {
    ModelRecord twin = model("k6", "blake3:ee", "juggernautXL", "sdxl", "main");

    ModelMatch match = ModelMatcher.match(FIELD, List.of(BY_NAME, twin)).orElseThrow();

    assertThat(match.model()).isEqualTo(BY_NAME);
    assertThat(match.ambiguous()).isTrue();
    assertThat(match.alsoMatched()).containsExactly(twin);
  }

  @Test
  void rewritesTheIdentifierFromTheInstalledModelKeepingTheSubmodel() {
    ModelMatch match = ModelMatcher.match(FIELD, List.of(BY_HASH)).orElseThrow();

    assertThat(match.toIdentifier(FIELD)).isEqualTo(json("""
        {'key': 'k2', 'hash': 'blake3:aa', 'name': 'renamed', 'base': 'sdxl', 'type': 'main',
         'submodel_type': 'unet'}"""));
    assertThat(match.ambiguous()).isFalse();
  }
}
