package org.polydup.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A file of records read line by line as strict UTF-8, optionally gzip-compressed: what the JSONL
 * and CSV readers share (opening, sniffing, progress, closing).
 */
abstract class LineFileIterator extends AbstractDocumentIterator {
  final Path file;
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
    try {
      Utf8Input lines = new Utf8Input(decompressed(), true);
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

  private InputStream decompressed() throws IOException {
    return counting.decompressed(gzip, file.getFileName().toString());
  }

  /** Opens the file again and skips its first {@code lines} lines; progress does not go back. */
  final void reopen(long lines) throws IOException {
    bytesReadBefore = bytesRead();
    input.close();
    counting = new CountingInputStream(Files.newInputStream(file));
    try {
      input = new Utf8Input(decompressed(), true);
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
        "cannot read further (" + TextFileIterator.describe(e) + "); rest of file skipped");
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
