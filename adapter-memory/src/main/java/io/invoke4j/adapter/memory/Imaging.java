package io.invoke4j.adapter.memory;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The image operations of the model-less nodes, with {@code java.awt}; close to PIL, not equal. */
final class Imaging {
  private Imaging() {}

  static BufferedImage blank(int width, int height, boolean rgba, int r, int g, int b, int a) {
    BufferedImage image = new BufferedImage(width, height, rgba ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(r, g, b, rgba ? a : 255));
    graphics.fillRect(0, 0, width, height);
    graphics.dispose();
    return image;
  }

  /** PIL's resample modes map to the nearest of Java2D's three interpolations. */
  static BufferedImage resize(BufferedImage source, int width, int height, String mode) {
    Object hint;
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "nearest":
        hint = RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR;
        break;
      case "box":
      case "bilinear":
      case "hamming":
        hint = RenderingHints.VALUE_INTERPOLATION_BILINEAR;
        break;
      default:
        hint = RenderingHints.VALUE_INTERPOLATION_BICUBIC;
    }
    BufferedImage target = new BufferedImage(width, height, typeOf(source));
    Graphics2D graphics = target.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
    graphics.drawImage(source, 0, 0, width, height, null);
    graphics.dispose();
    return target;
  }

  /**
   * A box blur of {@code radius}, or for {@code gaussian} three box passes of a third of the radius
   * each: a standard approximation of PIL's GaussianBlur, not its exact pixels.
   */
  static BufferedImage blur(BufferedImage source, double radius, String type) {
    BufferedImage result = copy(source);
    if (radius <= 0) {
      return result;
    }
    if ("box".equalsIgnoreCase(type)) {
      int r = (int) Math.round(radius);
      return boxBlur(boxBlur(result, r, true), r, false);
    }
    int r = Math.max(1, (int) Math.round(radius / 3.0 * 1.7));
    for (int pass = 0; pass < 3; pass++) {
      result = boxBlur(boxBlur(result, r, true), r, false);
    }
    return result;
  }

  private static BufferedImage boxBlur(BufferedImage source, int r, boolean horizontal) {
    int w = source.getWidth();
    int h = source.getHeight();
    int[] in = source.getRGB(0, 0, w, h, null, 0, w);
    int[] out = new int[in.length];
    int lines = horizontal ? h : w;
    int length = horizontal ? w : h;
    for (int line = 0; line < lines; line++) {
      for (int i = 0; i < length; i++) {
        long a = 0;
        long red = 0;
        long green = 0;
        long blue = 0;
        int n = 0;
        for (int k = i - r; k <= i + r; k++) {
          int clamped = Math.min(length - 1, Math.max(0, k));
          int p = horizontal ? in[line * w + clamped] : in[clamped * w + line];
          a += p >>> 24;
          red += (p >> 16) & 0xff;
          green += (p >> 8) & 0xff;
          blue += p & 0xff;
          n++;
        }
        int pixel = (int) ((a / n) << 24 | (red / n) << 16 | (green / n) << 8 | (blue / n));
        out[horizontal ? line * w + i : i * w + line] = pixel;
      }
    }
    BufferedImage target = new BufferedImage(w, h, typeOf(source));
    target.setRGB(0, 0, w, h, out, 0, w);
    return target;
  }

  /** PIL's crop: outside the source is black (transparent for RGBA). */
  static BufferedImage crop(BufferedImage source, int x, int y, int width, int height) {
    BufferedImage target = new BufferedImage(width, height, typeOf(source));
    Graphics2D graphics = target.createGraphics();
    graphics.drawImage(source, -x, -y, null);
    graphics.dispose();
    return target;
  }

  /**
   * Pastes {@code image} onto {@code base} at (x, y); without {@code crop} the canvas grows to hold
   * both, as InvokeAI's {@code img_paste}. A mask is not applied (the fake pastes every pixel).
   */
  static BufferedImage paste(BufferedImage base, BufferedImage image, int x, int y, boolean crop) {
    int minX = Math.min(0, x);
    int minY = Math.min(0, y);
    int maxX = Math.max(base.getWidth(), x + image.getWidth());
    int maxY = Math.max(base.getHeight(), y + image.getHeight());
    BufferedImage canvas = new BufferedImage(maxX - minX, maxY - minY, BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = canvas.createGraphics();
    graphics.drawImage(base, -minX, -minY, null);
    graphics.drawImage(image, x - minX, y - minY, null);
    graphics.dispose();
    if (crop) {
      canvas = canvas.getSubimage(-minX, -minY, base.getWidth(), base.getHeight());
    }
    BufferedImage result = new BufferedImage(canvas.getWidth(), canvas.getHeight(), typeOf(base));
    Graphics2D g = result.createGraphics();
    g.drawImage(canvas, 0, 0, null);
    g.dispose();
    return result;
  }

  static BufferedImage copy(BufferedImage source) {
    BufferedImage target = new BufferedImage(source.getWidth(), source.getHeight(), typeOf(source));
    Graphics2D graphics = target.createGraphics();
    graphics.drawImage(source, 0, 0, null);
    graphics.dispose();
    return target;
  }

  /** A mid-grey image standing in for the output of a node the fake does not implement. */
  static BufferedImage placeholder(int width, int height) {
    return blank(width, height, false, 128, 128, 128, 255);
  }

  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The decoded image; null when ImageIO cannot read the bytes. */
  static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      return null;
    }
  }

  private static int typeOf(BufferedImage image) {
    return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
  }
}
