package io.invoke4j.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoke4j.domain.InvokeHttpException;
import io.invoke4j.domain.image.BoardId;
import io.invoke4j.domain.image.ImageCategory;
import io.invoke4j.domain.image.ImageInfo;
import io.invoke4j.domain.image.ImageName;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageRoundTripIT {

  private final InvokeAiServer server = InvokeAiServer.fromEnvironment();
  private final CreatedOnServer created = new CreatedOnServer(server);

  @AfterEach
  void cleanUp() {
    created.cleanUp();
  }

  @Test
  void uploadedPngIsListedDownloadedWithSamePixelsAndDeleted() {
    BufferedImage original = pattern(64, 48);
    ImageInfo info = server.uploadPng(Pixels.png(original), "invoke4j-e2e.png");
    ImageName name = info.name();
    created.images.add(name);

    assertThat(info).extracting(ImageInfo::width, ImageInfo::height, ImageInfo::category,
            ImageInfo::origin, ImageInfo::intermediate, ImageInfo::boardId)
        .containsExactly(64, 48, Optional.of(ImageCategory.USER), Optional.of("external"), false,
            Optional.empty());

    // uploaded on no board: listed among the uncategorized images, and found by name
    assertThat(server.boards().imageNames(BoardId.NONE)).contains(name);
    assertThat(server.images().find(name)).contains(info);

    // InvokeAI 6.14.2 decodes the upload with PIL and saves it again, so the bytes differ from ours
    // (different zlib settings, its own text chunks); the pixels must not.
    BufferedImage downloaded = Pixels.decode(server.images().download(name));
    assertThat(downloaded.getWidth()).isEqualTo(64);
    assertThat(downloaded.getHeight()).isEqualTo(48);
    assertThat(rgb(downloaded)).isEqualTo(rgb(original));

    assertThat(server.images().delete(List.of(name))).containsExactly(name);
    created.images.remove(name);
    assertThat(server.images().find(name)).isEmpty();
    assertThatThrownBy(() -> server.images().download(name))
        .isInstanceOfSatisfying(InvokeHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
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

  private static int[] rgb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
