package io.invoke4j.ports;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small PNGs for the contract suites, and their pixels for comparing re-encoded images. */
public final class TestImages {
  private TestImages() {}

  /** A {@code width × height} RGB PNG whose pixels differ by position (so a transposition shows). */
  public static byte[] gradientPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, ((x * 37) & 0xff) << 16 | ((y * 53) & 0xff) << 8 | ((x + y) * 11 & 0xff));
      }
    }
    return png(image);
  }

  /** The image encoded as PNG. */
  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The RGB pixels (alpha dropped), row by row, of encoded image bytes. */
  public static int[] rgbPixels(byte[] encoded) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(encoded));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (image == null) {
      throw new AssertionError("not an image ImageIO can read (" + encoded.length + " bytes)");
    }
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] &= 0xffffff;
    }
    return pixels;
  }
}
