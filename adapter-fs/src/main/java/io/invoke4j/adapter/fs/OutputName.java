package io.invoke4j.adapter.fs;

import static java.util.Objects.requireNonNull;

/**
 * What an output file is named after; every part comes from the workflow or the server and is
 * sanitised by {@link FileOutputStore}.
 *
 * @param workflowName the workflow's name
 * @param itemId the queue item that made the output
 * @param nodeLabel the output node's label (its type when it has none)
 * @param imageName the image's name on the server, e.g. {@code 3f2a.png}
 */
public record OutputName(String workflowName, long itemId, String nodeLabel, String imageName) {
  /** Checks the parts. */
  public OutputName {
    requireNonNull(workflowName, "workflowName == null");
    requireNonNull(nodeLabel, "nodeLabel == null");
    requireNonNull(imageName, "imageName == null");
  }

  /** The file name: {@code workflow_item-42_node_image.png}, each part sanitised. */
  public String fileName() {
    String image = imageName;
    String extension = "png";
    int dot = image.lastIndexOf('.');
    if (dot > 0 && dot < image.length() - 1) {
      String candidate = image.substring(dot + 1);
      if (candidate.matches("[A-Za-z0-9]{1,5}")) {
        extension = candidate.toLowerCase(java.util.Locale.ROOT);
        image = image.substring(0, dot);
      }
    }
    return SafeNames.segment(workflowName, 60) + "_item-" + itemId + "_" + SafeNames.segment(nodeLabel, 40) + "_"
        + SafeNames.segment(image, 80) + "." + extension;
  }
}
