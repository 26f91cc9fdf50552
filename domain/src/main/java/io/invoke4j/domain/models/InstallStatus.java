package io.invoke4j.domain.models;

import java.util.Locale;

/**
 * The status of a model install job. The installer spells {@link #CANCELLED} the British way,
 * unlike the queue's {@code canceled}; {@link #UNKNOWN} stands for a status this version does not
 * know (a newer server).
 */
public enum InstallStatus {
  WAITING("waiting"),
  DOWNLOADING("downloading"),
  DOWNLOADS_DONE("downloads_done"),
  RUNNING("running"),
  PAUSED("paused"),
  COMPLETED("completed"),
  ERROR("error"),
  /** British spelling, as the model installer spells it. */
  CANCELLED("cancelled"),
  UNKNOWN("unknown");

  private final String wire;

  InstallStatus(String wire) {
    this.wire = wire;
  }

  /** The server's spelling, e.g. {@code downloads_done}. */
  public String wire() {
    return wire;
  }

  /** Whether the job will not change any more: completed, error or cancelled. */
  public boolean isTerminal() {
    return this == COMPLETED || this == ERROR || this == CANCELLED;
  }

  /**
   * The status for the server's spelling; {@link #UNKNOWN} for anything else. The American
   * {@code canceled} is read as {@link #CANCELLED} too. Never throws.
   */
  public static InstallStatus fromWire(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    if (wanted.equals("canceled")) {
      return CANCELLED;
    }
    for (InstallStatus status : values()) {
      if (status.wire.equals(wanted)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
