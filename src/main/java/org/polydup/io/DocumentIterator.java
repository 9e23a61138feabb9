package org.polydup.io;

import java.io.Closeable;
import java.util.Iterator;
import org.polydup.Document;

/**
 * Documents read one at a time from a {@link DocumentSource}. Problems found while advancing are
 * passed to the problem consumer given to {@link DocumentSource#iterator}, from inside {@link
 * #hasNext()}, before the next good document is returned. {@link #hasNext()} and {@link #next()}
 * never throw for bad input; an I/O error in the middle of a file becomes an {@link
 * InputProblem.Kind#UNREADABLE} problem and reading goes on with the next file, if any.
 *
 * <p>Not thread-safe. Close it to release the open file.
 */
public interface DocumentIterator extends Iterator<Document>, Closeable {

  /**
   * Bytes of the input consumed so far: compressed bytes for {@code .jsonl.gz}, so that with {@link
   * #totalBytes()} it measures progress.
   */
  long bytesRead();

  /** Size of the input in bytes (the file, or the sum of the folder's {@code .txt} files). */
  long totalBytes();

  /**
   * Where the document last returned by {@link #next()} was read: its file (a folder's {@code .txt}
   * file, or the input file) or the stream's name; null before the first document. For reporting a
   * problem found with the document later, such as an id another input holds too.
   */
  default String source() {
    return null;
  }

  /**
   * The line the document last returned by {@link #next()} starts on, counting from 1, in a file of
   * records (JSONL, CSV); 0 for a {@code .txt} file or before the first document.
   */
  default long line() {
    return 0;
  }

  /** Closes the open file, if any; further calls to {@link #hasNext()} return false. */
  @Override
  void close();
}
