package io.invoke4j.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Test images made here and measured here: PNG coding, a sharp pattern, edge contrast. */
final class Pixels {

  private Pixels() {}

  /** Black and white squares of {@code square} pixels: hard edges everywhere. */
  static BufferedImage checkerboard(int width, int height, int square) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, ((x / square + y / square) % 2 == 0) ? 0xffffff : 0x000000);
      }
    }
    return image;
  }

  /** Nearest-neighbour scaling, the crudest resize: it keeps every edge hard. */
  static BufferedImage nearestNeighbour(BufferedImage source, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, source.getRGB(x * source.getWidth() / width, y * source.getHeight() / height));
      }
    }
    return image;
  }

  /**
   * Mean squared luminance step between horizontal and vertical neighbours: high for hard edges,
   * lower the more an image is blurred.
   */
  static double gradientEnergy(BufferedImage image) {
    double sum = 0;
    int count = 0;
    for (int y = 0; y < image.getHeight() - 1; y++) {
      for (int x = 0; x < image.getWidth() - 1; x++) {
        double here = luminance(image.getRGB(x, y));
        double dx = luminance(image.getRGB(x + 1, y)) - here;
        double dy = luminance(image.getRGB(x, y + 1)) - here;
        sum += dx * dx + dy * dy;
        count++;
      }
    }
    return sum / count;
  }

  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new AssertionError("not an image: " + bytes.length + " bytes");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double luminance(int rgb) {
    return 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
  }
}
