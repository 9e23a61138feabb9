package org.polydup.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The input path itself cannot be read: it does not exist, is not readable, or is not a folder or a
 * file of a supported type ({@code .txt}, {@code .jsonl}, {@code .csv}, {@code .tsv}, the last
 * three optionally {@code .gz}). The message names the path. Problems inside a readable input are
 * not exceptions but {@link InputProblem}s.
 */
public final class UnreadableInputException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  /**
   * Creates the exception.
   *
   * @param path the input path; never null
   * @param reason why it cannot be read, e.g. {@code "no such file or directory"}
   * @param cause the underlying exception, or {@code null}
   */
  public UnreadableInputException(Path path, String reason, Throwable cause) {
    super("cannot read input " + Objects.requireNonNull(path, "path") + ": " + reason, cause);
    this.path = path;
  }

  /** The input path that could not be read. */
  public Path path() {
    return path;
  }
}
