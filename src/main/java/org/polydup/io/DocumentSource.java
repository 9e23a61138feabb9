package org.polydup.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.polydup.Document;

/**
 * Reads documents from a path, streaming: one document at a time, never the whole input at once.
 *
 * <p>Accepted inputs:
 *
 * <ul>
 *   <li>a folder: every regular {@code *.txt} file directly inside it (not recursive; extension
 *       case-insensitive; a {@code .txt} link to nothing is reported as unreadable) is a document
 *       whose id is the file name without {@code .txt}; files are read in order of their names
 *       ({@link String#compareTo}, independent of locale and file system), so runs are
 *       deterministic;
 *   <li>a single {@code .txt} file, read the same way;
 *   <li>a {@code .jsonl} (or {@code .ndjson}) file, optionally gzip-compressed ({@code .jsonl.gz}):
 *       one JSON object per line, {@code {"id": "...", "text": "...", "lang": "uk"}}; {@code lang}
 *       is optional and becomes {@link Document#languageHint()}, other fields are ignored, blank
 *       lines are skipped silently.
 *   <li>a {@code .csv} or {@code .tsv} file (comma- or tab-separated), optionally gzip-compressed
 *       ({@code .csv.gz}, {@code .tsv.gz}): a header row naming the columns {@code id}, {@code
 *       text} and optionally {@code lang} (in any order, case-insensitive; other columns are
 *       ignored), then one record per document. Fields are quoted as in RFC 4180 (what
 *       spreadsheets, pandas and Python's {@code csv} module write): a field that holds the
 *       delimiter, a quote or a line break is quoted, a quote inside it doubled. Records may end in
 *       LF or CRLF; a line break inside a quoted field is kept as it is. An empty {@code lang}
 *       means no hint; blank lines are skipped.
 *   <li>JSON Lines from an open stream, such as standard input ({@link #ofJsonl(String,
 *       InputStream)}, {@link #standardInput()}), gzip-compressed or not (told by gzip's magic
 *       bytes). A stream is read once.
 * </ul>
 *
 * <p>Policies for bad input (each problem goes to the problem consumer as an {@link InputProblem};
 * the other documents are still read):
 *
 * <ul>
 *   <li>Empty file, or empty or blank text: skipped ({@link InputProblem.Kind#EMPTY}); a folder
 *       without {@code .txt} files is reported the same way.
 *   <li>Binary file (a NUL byte, or more than 30% control characters, in the first 8000 bytes): the
 *       whole file is skipped ({@link InputProblem.Kind#BINARY}).
 *   <li>Invalid UTF-8 is never replaced: a {@code .txt} document with invalid bytes is skipped, and
 *       so is a JSONL line with invalid bytes, reported with its line and byte offset ({@link
 *       InputProblem.Kind#INVALID_UTF8}). Decoding resumes on the next line. A CSV record with
 *       invalid bytes is skipped the same way. A UTF-16 file is reported the same way. A UTF-8 byte
 *       order mark is dropped.
 *   <li>A JSONL line that is not a JSON object, or has content after it: skipped ({@link
 *       InputProblem.Kind#MALFORMED_JSON}); missing {@code id} or {@code text} ({@link
 *       InputProblem.Kind#MISSING_FIELD}); null, non-string or blank {@code id}, null or non-string
 *       {@code text} ({@link InputProblem.Kind#INVALID_FIELD}). A {@code lang} that is not a string
 *       or not a language code is ignored, with a warning ({@link
 *       InputProblem.Kind#IGNORED_LANGUAGE}), and the document kept.
 *   <li>A CSV header without an {@code id} or {@code text} column: the file is skipped ({@link
 *       InputProblem.Kind#MISSING_FIELD}). A CSV record that cannot be parsed, or has another
 *       number of fields than the header, is skipped ({@link InputProblem.Kind#MALFORMED_CSV}) and
 *       reported at the line it starts on, with all its lines: they are read as its text, never as
 *       records of their own. A quoted field never closed would swallow the rest of the file: only
 *       its first line is skipped then, and reading resumes on the next (at most 20 times a file).
 *       Blank and whitespace-only lines are skipped. A blank {@code id}: {@link
 *       InputProblem.Kind#INVALID_FIELD}.
 *   <li>Duplicate id: the first document kept is kept, later ones are skipped ({@link
 *       InputProblem.Kind#DUPLICATE_ID}). A skipped document does not claim its id.
 *   <li>A text longer than {@link Builder#maxCharacters(int)} characters: cut to that length (one
 *       less if the cut would split a surrogate pair) and kept, with a warning ({@link
 *       InputProblem.Kind#TRUNCATED}). A {@code .txt} file is read only up to the limit, so invalid
 *       UTF-8 after it goes unnoticed; a JSONL line is parsed whole (the JSON must be checked),
 *       then cut. A JSONL string over 100,000,000 characters (or over {@code maxCharacters} if
 *       larger) is not buffered: its line is skipped ({@link InputProblem.Kind#OVERSIZED}).
 *   <li>An I/O error inside a file (a corrupt gzip stream, a file that vanished): reported ({@link
 *       InputProblem.Kind#UNREADABLE}); documents read before it are kept.
 *   <li>An input path that does not exist, cannot be read or has an unsupported type: {@link
 *       UnreadableInputException} from {@link #iterator} and {@link #forEach}, before any document.
 * </ul>
 *
 * <p>Memory: a {@code .txt} document costs at most {@code maxCharacters} characters; a JSONL line
 * costs its {@code text} value once (Jackson's buffer) plus the kept prefix, never its bytes.
 *
 * <p>Instances are immutable and may be shared; each {@link #iterator} call reads the input anew,
 * except that a stream can be read only once.
 */
public final class DocumentSource {
  /** Default {@link Builder#maxCharacters(int)}: 5,000,000 characters (UTF-16 code units). */
  public static final int DEFAULT_MAX_CHARACTERS = 5_000_000;

  /** The name {@link #standardInput()} reports problems under, as command-line tools write it. */
  public static final String STANDARD_INPUT = "-";

  private final Path path;
  private final String name;

  /** A stream's bytes until its first read takes them (shared by every build of a builder). */
  private final AtomicReference<InputStream> stream;

  private final int maxCharacters;

  private DocumentSource(Builder builder) {
    this.path = builder.path;
    this.name = builder.name;
    this.stream = builder.stream;
    this.maxCharacters = builder.maxCharacters;
  }

  /**
   * A source with the default settings.
   *
   * @param path a folder, or a {@code .txt}, {@code .jsonl[.gz]}, {@code .csv[.gz]} or {@code
   *     .tsv[.gz]} file; checked when read
   * @throws NullPointerException if {@code path} is null
   */
  public static DocumentSource of(Path path) {
    return builder(path).build();
  }

  /**
   * A builder for a source reading {@code path}.
   *
   * @param path a folder, or a {@code .txt}, {@code .jsonl[.gz]}, {@code .csv[.gz]} or {@code
   *     .tsv[.gz]} file; checked when read
   * @throws NullPointerException if {@code path} is null
   */
  public static Builder builder(Path path) {
    return new Builder(Objects.requireNonNull(path, "path"), path.toString(), null);
  }

  /**
   * JSON Lines read from an open stream, with the default settings; see {@link #jsonlBuilder}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static DocumentSource ofJsonl(String name, InputStream stream) {
    return jsonlBuilder(name, stream).build();
  }

  /**
   * A builder for a source reading JSON Lines from an open stream, such as a network response or a
   * pipe: gzip-compressed or not (told by gzip's magic bytes), parsed and checked as a {@code
   * .jsonl} file is. The stream is read once, by the first {@link #iterator}; closing the iterator
   * does not close the stream, which stays the caller's.
   *
   * @param name the name problems are reported under, in place of a file name
   * @param stream the bytes; never null
   * @throws NullPointerException if an argument is null
   */
  public static Builder jsonlBuilder(String name, InputStream stream) {
    return new Builder(
        null, Objects.requireNonNull(name, "name"), Objects.requireNonNull(stream, "stream"));
  }

  /**
   * JSON Lines read from standard input, named {@value #STANDARD_INPUT} in problems: what {@code
   * polydup scan -} reads, e.g. {@code zcat stories.jsonl.gz | polydup scan -}.
   */
  public static Builder standardInput() {
    return jsonlBuilder(STANDARD_INPUT, System.in);
  }

  /** The input path, or null for a stream. */
  public Path path() {
    return path;
  }

  /** The name problems are reported under: the path as a string, or the stream's name. */
  public String name() {
    return name;
  }

  /** The maximum length of a document's text in characters; longer texts are truncated. */
  public int maxCharacters() {
    return maxCharacters;
  }

  /**
   * Opens the input for reading one document at a time.
   *
   * @param problems receives every problem found, in input order; never null
   * @return an iterator to close after use
   * @throws UnreadableInputException if the path does not exist, cannot be read, or is neither a
   *     folder nor a {@code .txt}, {@code .jsonl}, {@code .csv} or {@code .tsv} file (the last
   *     three optionally {@code .gz})
   * @throws IllegalStateException if this source is a stream that was read already
   */
  public DocumentIterator iterator(Consumer<? super InputProblem> problems)
      throws UnreadableInputException {
    Objects.requireNonNull(problems, "problems");
    if (stream != null) {
      InputStream bytes = stream.getAndSet(null);
      if (bytes == null) {
        throw new IllegalStateException(name + " is a stream, and it was read already");
      }
      return new JsonlIterator(bytes, name, maxCharacters, problems);
    }
    if (Files.isDirectory(path)) {
      List<Path> files = listTextFiles();
      if (files.isEmpty()) {
        problems.accept(
            new InputProblem(
                path.toString(), 0, null, InputProblem.Kind.EMPTY, "folder has no .txt files"));
      }
      return new TextFileIterator(files, maxCharacters, problems);
    }
    if (!Files.exists(path)) {
      // A link that leads nowhere exists as a link: "no such file" would send the user looking
      // for a file that is there (a reviewer gave a link to itself, session 31).
      throw new UnreadableInputException(
          path,
          Files.isSymbolicLink(path)
              ? "a symbolic link to nothing (its target is missing, or it loops)"
              : "no such file or directory",
          null);
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(path)) {
      throw new UnreadableInputException(path, "not a regular file or folder", null);
    }
    if (!Files.isReadable(path)) {
      throw new UnreadableInputException(path, "permission denied", null);
    }
    if (name.endsWith(".txt")) {
      return new TextFileIterator(List.of(path), maxCharacters, problems);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return new JsonlIterator(path, false, maxCharacters, problems);
    }
    if (name.endsWith(".jsonl.gz") || name.endsWith(".ndjson.gz")) {
      return new JsonlIterator(path, true, maxCharacters, problems);
    }
    for (boolean gzip : new boolean[] {false, true}) {
      String suffix = gzip ? ".gz" : "";
      if (name.endsWith(".csv" + suffix)) {
        return new CsvIterator(path, gzip, ',', maxCharacters, problems);
      }
      if (name.endsWith(".tsv" + suffix)) {
        return new CsvIterator(path, gzip, '\t', maxCharacters, problems);
      }
    }
    throw new UnreadableInputException(
        path,
        "unsupported file type; expected a folder, .txt, .jsonl, .csv or .tsv (the last three"
            + " optionally .gz)",
        null);
  }

  /**
   * Reads every document, in input order, passing each good one to {@code documents} and each
   * problem to {@code problems}. Returns when the input is exhausted.
   *
   * @param documents receives each document read; never null
   * @param problems receives each problem found; never null
   * @throws UnreadableInputException as {@link #iterator}
   */
  public void forEach(Consumer<? super Document> documents, Consumer<? super InputProblem> problems)
      throws UnreadableInputException {
    Objects.requireNonNull(documents, "documents");
    try (DocumentIterator iterator = iterator(problems)) {
      while (iterator.hasNext()) {
        documents.accept(iterator.next());
      }
    }
  }

  private List<Path> listTextFiles() throws UnreadableInputException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        // A .txt link whose target is gone is listed, so that reading it reports the problem
        // instead of the document vanishing without a word; a folder named x.txt is not a story.
        if (name.toLowerCase(Locale.ROOT).endsWith(".txt")
            && (Files.isRegularFile(entry) || !Files.exists(entry))) {
          files.add(entry);
        }
      }
    } catch (AccessDeniedException e) {
      throw new UnreadableInputException(path, "permission denied", e);
    } catch (NoSuchFileException e) {
      throw new UnreadableInputException(path, "no such file or directory", e);
    } catch (IOException e) {
      throw new UnreadableInputException(path, String.valueOf(e.getMessage()), e);
    }
    // Names the platform cannot decode (a Latin-1 name under a UTF-8 locale) may read alike; the
    // paths' own order, byte-wise on Unix, then keeps which of them comes first deterministic.
    files.sort(
        Comparator.comparing((Path file) -> file.getFileName().toString())
            .thenComparing(Comparator.naturalOrder()));
    return files;
  }

  @Override
  public String toString() {
    return (path != null ? "DocumentSource{path=" + path : "DocumentSource{stream=" + name)
        + ", maxCharacters="
        + maxCharacters
        + "}";
  }

  /** Settings for a {@link DocumentSource}. Not thread-safe; {@link #build()} copies them. */
  public static final class Builder {
    private final Path path;
    private final String name;
    private final AtomicReference<InputStream> stream;
    private int maxCharacters = DEFAULT_MAX_CHARACTERS;

    private Builder(Path path, String name, InputStream stream) {
      this.path = path;
      this.name = name;
      this.stream = stream == null ? null : new AtomicReference<>(stream);
    }

    /**
     * The maximum length of a document's text in characters (UTF-16 code units); a longer text is
     * truncated with a {@link InputProblem.Kind#TRUNCATED} warning. Default {@value
     * DocumentSource#DEFAULT_MAX_CHARACTERS}.
     *
     * @throws IllegalArgumentException if {@code maxCharacters} is not positive
     */
    public Builder maxCharacters(int maxCharacters) {
      if (maxCharacters <= 0) {
        throw new IllegalArgumentException("maxCharacters must be > 0, got " + maxCharacters);
      }
      this.maxCharacters = maxCharacters;
      return this;
    }

    /** The immutable source. */
    public DocumentSource build() {
      return new DocumentSource(this);
    }
  }
}
