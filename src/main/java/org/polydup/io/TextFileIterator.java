package org.polydup.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.polydup.Document;

/** Reads {@code .txt} files, one document each, in the given order. */
final class TextFileIterator extends AbstractDocumentIterator {
  private final List<Path> files;
  private final long totalBytes;
  private int nextFile;
  private long bytesRead;

  TextFileIterator(List<Path> files, int maxCharacters, Consumer<? super InputProblem> problems) {
    super(maxCharacters, problems);
    this.files = files;
    long total = 0;
    for (Path file : files) {
      try {
        total += Files.size(file);
      } catch (IOException e) {
        // reported when the file is read
      }
    }
    this.totalBytes = total;
  }

  @Override
  Document computeNext() {
    while (nextFile < files.size()) {
      Path file = files.get(nextFile++);
      Document document = read(file);
      if (document != null) {
        return document;
      }
    }
    return null;
  }

  private Document read(Path file) {
    String source = file.toString();
    String name = file.getFileName().toString();
    String id = name.substring(0, name.length() - ".txt".length());
    if (id.isBlank()) {
      report(
          source,
          0,
          null,
          InputProblem.Kind.INVALID_FIELD,
          "file name gives a blank id; file skipped");
      return null;
    }
    long size = 0;
    try (InputStream stream = Files.newInputStream(file);
        Utf8Input input = new Utf8Input(stream, false)) {
      size = Files.size(file);
      if (input.isEmpty()) {
        report(source, 0, id, InputProblem.Kind.EMPTY, "empty file; skipped");
        return null;
      }
      if (input.sniffProblem() != null) {
        report(source, 0, id, input.sniffKind(), input.sniffProblem() + "; file skipped");
        return null;
      }
      input.nextLine();
      Reader reader = input.lineReader();
      StringBuilder text =
          new StringBuilder((int) Math.min(Math.min(size, maxCharacters) + 16L, 1 << 30));
      char[] buffer = new char[8192];
      int read;
      while (text.length() <= maxCharacters && (read = reader.read(buffer)) > 0) {
        text.append(buffer, 0, read);
      }
      boolean complete = text.length() <= maxCharacters;
      return accept(source, 0, id, text, complete ? text.length() : -1, null);
    } catch (Utf8Input.InvalidUtf8Exception e) {
      report(
          source,
          e.line,
          id,
          InputProblem.Kind.INVALID_UTF8,
          "invalid UTF-8 at byte " + e.byteOffset + "; document skipped");
      return null;
    } catch (IOException e) {
      report(
          source,
          0,
          id,
          InputProblem.Kind.UNREADABLE,
          "cannot read file (" + describe(e) + "); skipped");
      return null;
    } finally {
      bytesRead += size;
    }
  }

  /**
   * Two files of one folder meet one id when their names differ only in the case of ".txt", or in
   * bytes the platform's file-name encoding, {@code sun.jnu.encoding}, cannot decode: Java takes it
   * from the locale, and under {@code LC_ALL=C} "café" and "cafè" both decode to "caf" and two
   * U+FFFD. The second is said, for the remedy is not obvious.
   */
  @Override
  String duplicateIdCause(String id) {
    return fileNameCause(id, System.getProperty("sun.jnu.encoding"));
  }

  /**
   * {@link #duplicateIdCause} for the file-name encoding {@code encoding} (null if unknown): ""
   * when {@code id} shows no sign of a name that could not be decoded.
   */
  static String fileNameCause(String id, String encoding) {
    boolean utf8 =
        encoding != null
            && (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8"));
    // Undecodable bytes become U+FFFD; some platforms' decoders write '?' instead.
    if (id.indexOf('\uFFFD') < 0 && (utf8 || id.indexOf('?') < 0)) {
      return "";
    }
    String cause =
        "; the file names may differ in bytes the platform's file-name encoding"
            + " (sun.jnu.encoding="
            + encoding
            + ") cannot decode";
    return utf8
        ? cause + " (names not written in UTF-8)"
        : cause
            + ": run under a UTF-8 locale (e.g. LC_ALL=C.UTF-8), as the polydup launcher does"
            + " where C.UTF-8 exists";
  }

  static String describe(IOException e) {
    String type = e.getClass().getSimpleName();
    String message = e.getMessage();
    return message == null ? type : type + ": " + message;
  }

  @Override
  void release() {
    nextFile = files.size();
  }

  @Override
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public long totalBytes() {
    return totalBytes;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TextFileIterator{%d of %d files}", nextFile, files.size());
  }
}
