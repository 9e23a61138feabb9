package org.polydup.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * A file of records read line by line as strict UTF-8, optionally gzip-compressed: what the JSONL
 * and CSV readers share (opening, sniffing, progress, closing).
 */
abstract class LineFileIterator extends AbstractDocumentIterator {
  /** The file read, or null for a stream. */
  final Path file;

  /** The name problems are reported under: the file's path, or the stream's name. */
  final String source;

  private final boolean gzip;
  private final long totalBytes;
  private CountingInputStream counting;
  private long bytesReadBefore;

  /** The file's lines; null if the file was skipped when opened (binary, UTF-16, not gzip). */
  Utf8Input input;

  LineFileIterator(
      Path file, boolean gzip, int maxCharacters, Consumer<? super InputProblem> problems)
      throws UnreadableInputException {
    super(maxCharacters, problems);
    this.file = file;
    this.source = file.toString();
    this.gzip = gzip;
    try {
      this.totalBytes = Files.size(file);
      this.counting = new CountingInputStream(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UnreadableInputException(file, TextFileIterator.describe(e), e);
    }
    if (gzip && totalBytes == 0) {
      // Not even a gzip header: the same as an empty plain file, not a damaged one.
      report(source, 0, null, InputProblem.Kind.EMPTY, "empty file; no documents");
      close();
      return;
    }
    openLines(file.getFileName().toString());
  }

  /**
   * Reads an open stream once, such as standard input: it cannot be reopened, its size is unknown
   * ({@link #totalBytes()} is 0), and it is gzip-decompressed when it starts with gzip's magic
   * bytes. Closing this iterator does not close {@code stream}.
   */
  LineFileIterator(
      InputStream stream, String name, int maxCharacters, Consumer<? super InputProblem> problems) {
    super(maxCharacters, problems);
    this.file = null;
    this.source = name;
    this.totalBytes = 0;
    // The caller owns the stream (System.in above all), so closing stops at this filter.
    BufferedInputStream buffered =
        new BufferedInputStream(
            new FilterInputStream(stream) {
              @Override
              public void close() {}
            });
    this.counting = new CountingInputStream(buffered);
    boolean compressed;
    try {
      buffered.mark(2);
      compressed = buffered.read() == 0x1f && buffered.read() == 0x8b;
      buffered.reset();
    } catch (IOException e) {
      compressed = false; // reported by the first read below
    }
    this.gzip = compressed;
    openLines(name);
  }

  /** Opens {@link #input}, or reports why the input is skipped and closes it. */
  private void openLines(String name) {
    try {
      Utf8Input lines = new Utf8Input(counting.decompressed(gzip, name, file != null), true);
      if (lines.sniffProblem() == null) {
        input = lines;
        return;
      }
      report(source, 0, null, lines.sniffKind(), lines.sniffProblem() + "; file skipped");
      closeQuietly(lines);
    } catch (IOException e) {
      report(
          source,
          0,
          null,
          InputProblem.Kind.UNREADABLE,
          "cannot read file (" + TextFileIterator.describe(e) + "); skipped");
    }
    close();
  }

  /**
   * Opens the file again and skips its first {@code lines} lines; progress does not go back. Only
   * for an iterator made from a file.
   */
  final void reopen(long lines) throws IOException {
    bytesReadBefore = bytesRead();
    input.close();
    counting = new CountingInputStream(Files.newInputStream(file));
    try {
      input = new Utf8Input(counting.decompressed(gzip, file.getFileName().toString(), true), true);
    } catch (IOException e) {
      counting.close();
      throw e;
    }
    for (long i = 0; i < lines && input.nextLine(); i++) {
      // skip to where reading resumes
    }
  }

  /** Reports an I/O error that ends the file at {@code line}. */
  final void reportUnreadable(long line, IOException e) {
    report(
        source,
        line,
        null,
        InputProblem.Kind.UNREADABLE,
        (gzip && e instanceof EOFException
                ? "the compressed file ends early (truncated?)"
                : gzip && e instanceof ZipException
                    ? "the compressed data is corrupt (" + TextFileIterator.describe(e) + ")"
                    : "cannot read further (" + TextFileIterator.describe(e) + ")")
            + "; the rest of the file is not read");
  }

  private static void closeQuietly(AutoCloseable stream) {
    try {
      stream.close();
    } catch (Exception e) {
      // nothing was written; a failing close loses nothing
    }
  }

  @Override
  final void release() {
    closeQuietly(input != null ? input : counting);
  }

  @Override
  public final long bytesRead() {
    return Math.max(bytesReadBefore, counting.count);
  }

  @Override
  public final long totalBytes() {
    return totalBytes;
  }
}
