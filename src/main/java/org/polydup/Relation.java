package org.polydup;

import java.util.Locale;
import java.util.Objects;

/** How two documents are related. See the README's table for the exact meaning of each. */
public enum Relation {
  /** Same language, (nearly) the same text. */
  DUPLICATE,
  /** Same language; the shorter text lies (nearly) whole inside the longer one. Directional. */
  CONTAINED,
  /** Different languages; one is a translation of (most of) the other. */
  TRANSLATION,
  /**
   * A partial or reworded copy: retold, translated and back, excerpted in other words; in one
   * language also two edits of one text that share passages from end to end with a quarter or more
   * of the smaller outside them, neither inside the other, and two texts that share a long excerpt
   * in the middle of both, lead of neither, with at least a quarter of each shared (by default).
   */
  DERIVED,
  /** Same event, written independently. Not a copy; reported only on request. */
  RELATED;

  /** The lower-case name used in JSON output, e.g. {@code "contained"}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a label such as {@code "contained"}, ignoring case and surrounding white space.
   *
   * @param label the label
   * @return the relation
   * @throws NullPointerException if {@code label} is null
   * @throws IllegalArgumentException if {@code label} names no relation
   */
  public static Relation fromLabel(String label) {
    Objects.requireNonNull(label, "label");
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
