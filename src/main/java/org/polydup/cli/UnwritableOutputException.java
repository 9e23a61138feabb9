package org.polydup.cli;

import java.io.IOException;

/**
 * An output of the run could not be written; the message names it ("cannot write DIR/kept.jsonl: No
 * space left on device"). A bare {@link IOException} from a stream names no file, and a failure on
 * a temporary names a file the user never asked for.
 */
final class UnwritableOutputException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param what what could not be written, as the message starts ("cannot write DIR/kept.jsonl")
   * @param cause the failure, whose reason ends the message
   */
  UnwritableOutputException(String what, IOException cause) {
    super(what + ": " + Main.reason(cause), cause);
  }
}
