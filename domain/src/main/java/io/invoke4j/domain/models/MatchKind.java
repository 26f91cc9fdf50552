package io.invoke4j.domain.models;

/** Which identifier attribute matched, strongest first. */
public enum MatchKind {
  /** The same model record ({@code key}): the workflow was made on this server. */
  KEY,
  /** The same file contents ({@code hash}), installed under another key. */
  HASH,
  /** Same {@code name}, {@code base} and {@code type}: the same model, installed separately. */
  NAME_BASE_TYPE,
  /** Same {@code base} and {@code type}, name equal ignoring case and surrounding blanks. */
  NAME_TYPE
}
