package org.polydup;

/**
 * Thrown when stored data (a serialised signature or index) is corrupt, truncated, of an unknown
 * format version, or was made with settings (seed, number of permutations, ...) that differ from
 * the ones it is being combined with. The one library exception for bad stored data; programming
 * errors (bad arguments) use the JDK's exceptions instead.
 */
public class IncompatibleDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, naming the expected and the found value
   */
  public IncompatibleDataException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong, naming the expected and the found value
   * @param cause the underlying failure
   */
  public IncompatibleDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
