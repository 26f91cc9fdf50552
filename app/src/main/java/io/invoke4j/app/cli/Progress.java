package io.invoke4j.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person sees while items run, on stderr. On a terminal one live line is redrawn in place
 * ({@code [#####.....] 3/12 item 45 node "Blur" 40%}); otherwise one plain line per status change,
 * so logs and CI output stay readable. Results printed on stdout first erase the live line.
 */
final class Progress {
  /** How progress is shown. */
  enum Mode { AUTO, BAR, LINES, NONE }

  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final Mode mode;
  private int total;
  private int finished;
  private String current = "";
  private boolean drawn;

  Progress(PrintWriter err, Mode mode, boolean terminal) {
    this.err = err;
    this.mode = mode == Mode.AUTO ? (terminal ? Mode.BAR : Mode.LINES) : mode;
  }

  synchronized void start(int items, String what) {
    total = items;
    line(what);
  }

  synchronized void finished(int count) {
    finished = count;
    redraw();
  }

  /** An item's status changed. */
  synchronized void status(long itemId, String status) {
    current = "item " + itemId + " " + status;
    if (mode == Mode.LINES) {
      err.println("invoke4j: " + Math.min(total, finished + 1) + "/" + total + " item " + itemId + " "
          + status);
      err.flush();
    } else {
      redraw();
    }
  }

  /** A node of an item reported progress (bar only: lines would flood a log). */
  synchronized void node(long itemId, String node, Optional<Double> fraction, String message) {
    current = "item " + itemId + " node \"" + node + "\""
        + fraction.map(f -> String.format(Locale.ROOT, " %d%%", Math.round(f * 100))).orElse("")
        + (message.isBlank() ? "" : " " + message);
    redraw();
  }

  /** A message between progress updates (the live line is erased first and redrawn after). */
  synchronized void line(String text) {
    if (mode == Mode.NONE) {
      return;
    }
    erase();
    err.println("invoke4j: " + text);
    redraw();
  }

  /** Erases the live line so stdout can print; the next update redraws it. */
  synchronized void erase() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }

  synchronized void done() {
    erase();
  }

  private void redraw() {
    if (mode != Mode.BAR || total == 0) {
      return;
    }
    int filled = (int) ((long) WIDTH * finished / total);
    String text = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + finished + "/" + total + " " + current;
    err.print("\r\033[K" + (text.length() > 110 ? text.substring(0, 109) + "…" : text));
    err.flush();
    drawn = true;
  }
}
