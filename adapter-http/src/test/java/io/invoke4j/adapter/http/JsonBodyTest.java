package io.invoke4j.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void writesTheSameBytesAsWriteValueAsBytesWhateverTheHint() throws Exception {
    ObjectNode body = MAPPER.createObjectNode().put("name", "caf\u00e9 \"x\"");
    ArrayNode items = body.putArray("items");
    for (int i = 0; i < 5000; i++) {
      items.addObject().put("i", i).put("text", "value " + i);
    }
    byte[] expected = MAPPER.writeValueAsBytes(body);
    for (int hint : new int[] {0, 100, expected.length, expected.length * 2}) {
      JsonBody written = JsonBody.write(MAPPER, body, hint);
      assertThat(written.length()).isEqualTo(expected.length);
      assertThat(written.toByteArray()).isEqualTo(expected);
    }
  }
}
