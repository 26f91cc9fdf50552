package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageRoundTripIT {

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final List<String> uploaded = new ArrayList<>();

  @AfterEach
  void deleteLeftovers() {
    if (!uploaded.isEmpty()) {
      server.deleteImages(uploaded);
    }
  }

  @Test
  void uploadedPngIsListedDownloadedWithSamePixelsAndDeleted() throws IOException {
    BufferedImage original = pattern(64, 48);
    JsonNode dto = server.uploadPng(png(original), "invoke4j-e2e.png");
    String name = dto.path("image_name").asText();
    uploaded.add(name);

    assertThat(dto.path("width").asInt()).isEqualTo(64);
    assertThat(dto.path("height").asInt()).isEqualTo(48);
    assertThat(dto.path("image_category").asText()).isEqualTo("user");
    assertThat(dto.path("image_origin").asText()).isEqualTo("external");
    assertThat(dto.path("is_intermediate").asBoolean(true)).isFalse();

    JsonNode listed = server.listImages(
        "image_origin=external&categories=user&is_intermediate=false"
            + "&order_dir=DESC&starred_first=false&limit=100");
    assertThat(listed.path("items").findValuesAsText("image_name")).contains(name);

    // InvokeAI 6.14.2 decodes the upload with PIL and saves it again, so the bytes differ from ours
    // (different zlib settings, its own text chunks); the pixels must not.
    BufferedImage downloaded = ImageIO.read(new ByteArrayInputStream(server.downloadImage(name)));
    assertThat(downloaded.getWidth()).isEqualTo(64);
    assertThat(downloaded.getHeight()).isEqualTo(48);
    assertThat(rgb(downloaded)).isEqualTo(rgb(original));

    JsonNode deleted = server.deleteImages(List.of(name));
    assertThat(textValues(deleted.path("deleted_images"))).containsExactly(name);
    uploaded.remove(name);
    assertThat(server.get("/api/v1/images/i/" + name).status()).isEqualTo(404);
    assertThat(server.get("/api/v1/images/i/" + name + "/full").status()).isEqualTo(404);
  }

  /** Every pixel distinct in at least one channel, so a flipped or shifted copy cannot pass. */
  private static BufferedImage pattern(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x ^ y) * 7 & 0xff));
      }
    }
    return image;
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, "png", out)).isTrue();
    return out.toByteArray();
  }

  private static int[] rgb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static List<String> textValues(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
