package io.invoke4j.domain.workflow;

import java.util.Map;
import java.util.Set;

/**
 * Inputs that well-known model-less nodes cannot run without (no default in InvokeAI's invocation
 * classes). Offline we have no node templates; the server's OpenAPI schema ({@code orig_required})
 * is the real source and will replace this table.
 */
final class RequiredInputs {
  private RequiredInputs() {}

  private static final Set<String> IMAGE = Set.of("image");

  private static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
      Map.entry("image", IMAGE),
      Map.entry("save_image", IMAGE),
      Map.entry("show_image", IMAGE),
      Map.entry("img_resize", IMAGE),
      Map.entry("img_scale", IMAGE),
      Map.entry("img_blur", IMAGE),
      Map.entry("img_crop", IMAGE),
      Map.entry("img_pad_crop", IMAGE),
      Map.entry("img_paste", Set.of("base_image", "image")),
      Map.entry("img_conv", IMAGE),
      Map.entry("img_chan", IMAGE),
      Map.entry("img_lerp", IMAGE),
      Map.entry("img_ilerp", IMAGE),
      Map.entry("img_hue_adjust", IMAGE),
      Map.entry("img_watermark", IMAGE),
      Map.entry("unsharp_mask", IMAGE),
      Map.entry("img_noise", IMAGE),
      Map.entry("canny_edge_detection", IMAGE),
      Map.entry("infill_rgba", IMAGE),
      Map.entry("infill_tile", IMAGE),
      Map.entry("prompt_from_file", Set.of("file_path")));

  static boolean isRequired(String nodeType, String fieldName) {
    return REQUIRED.getOrDefault(nodeType, Set.of()).contains(fieldName);
  }
}
