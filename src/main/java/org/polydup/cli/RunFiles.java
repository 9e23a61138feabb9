package org.polydup.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.polydup.internal.TemporaryFiles;
import org.polydup.io.JsonlWriter;

/**
 * The files one run writes in its output folder, put in place together. Each is written to a hidden
 * temporary beside its final name ({@code .pairs.jsonl.<pid>-<n>.part}); {@link #publish} moves
 * them all to their names only once every one is written and closed, and only then deletes the
 * files an earlier run left that this one does not write. A run that fails or is interrupted
 * (SIGTERM, SIGINT) before that leaves the folder as it was: {@link #close()}, or a shutdown hook,
 * deletes the temporaries. Written straight to their names, a run cut short left its new files
 * beside an earlier run's, looking like one complete run.
 */
final class RunFiles implements AutoCloseable {
  /** What writes one file's bytes. */
  interface Content {
    /** Writes the file's bytes to {@code out}, which the caller closes. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** What writes one JSON Lines file. */
  interface Lines {
    /** Writes the file's lines to {@code out}, which the caller closes. */
    void writeTo(JsonlWriter out) throws IOException;
  }

  /** What writes one file through a library call that opens the file itself. */
  interface FileContent {
    /** Writes (replacing) {@code file}. */
    void writeTo(Path file) throws IOException;
  }

  /** A test seam: what each output stream, and each probe, is wrapped in. */
  interface StreamFilter {
    /**
     * The stream to write {@code file} through, given the stream of its temporary.
     *
     * @throws IOException to fail as the file system would
     */
    OutputStream filter(Path file, OutputStream temporary) throws IOException;
  }

  /** Tests replace it, to make a write fail midway; always restore {@link #UNFILTERED}. */
  static final StreamFilter UNFILTERED = (file, temporary) -> temporary;

  static volatile StreamFilter filterForTests = UNFILTERED;

  /** Tells apart the temporaries of runs in one JVM (tests, a library caller). */
  private static final AtomicLong RUNS = new AtomicLong();

  private final OutputOptions output;
  private final String suffix =
      "." + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet() + ".part";
  private final TemporaryFiles temporaries = new TemporaryFiles();

  /** Each file written, by name, to its temporary; in the order written. */
  private final Map<String, Path> written = new LinkedHashMap<>();

  RunFiles(OutputOptions output) {
    this.output = output;
  }

  /** Writes the JSON Lines file {@code name} of the output folder (to its temporary). */
  void writeLines(String name, Lines lines) throws IOException {
    write(
        name,
        out -> {
          try (JsonlWriter jsonl = JsonlWriter.to(out)) {
            lines.writeTo(jsonl);
          }
        });
  }

  /**
   * Writes the file {@code name} of the output folder (to its temporary).
   *
   * @throws UnwritableOutputException naming the file, when writing fails
   */
  void write(String name, Content content) throws IOException {
    Path file = output.file(name);
    Path temporary = temporary(name);
    try (OutputStream raw = temporaries.create(temporary);
        OutputStream out = new BufferedOutputStream(filterForTests.filter(file, raw), 1 << 16)) {
      content.writeTo(out);
    } catch (IOException e) {
      throw new UnwritableOutputException("cannot write " + file, e);
    }
    written.put(name, temporary);
  }

  /**
   * Writes the file {@code name} of the output folder (to its temporary) with a call that opens the
   * file itself.
   *
   * @throws UnwritableOutputException naming the file, when writing fails
   */
  void writeFile(String name, FileContent content) throws IOException {
    write(name, out -> {}); // creates the temporary, so that it is deleted if the run stops
    try {
      content.writeTo(temporary(name));
    } catch (IOException e) {
      throw new UnwritableOutputException("cannot write " + output.file(name), e);
    }
  }

  private Path temporary(String name) {
    return output.file("." + name + suffix);
  }

  /**
   * Puts the files written in place, replacing an earlier run's, with the {@link
   * OutputOptions#RECORD} of their names, then deletes the files the earlier run's record names
   * that this one did not write ({@link OutputOptions#removeEarlierRunsFiles}).
   *
   * @param inputs the files and folders the run read, never deleted
   */
  void publish(Collection<Path> inputs) throws IOException {
    Set<String> earlier = output.filesOfEarlierRun();
    List<String> names = new ArrayList<>(written.keySet());
    // An earlier run's file this run reads stays (see removeEarlierRunsFiles), and stays recorded,
    // so that the next run that does not read it deletes it.
    List<String> recorded = new ArrayList<>(names);
    for (String name : earlier) {
      if (!names.contains(name) && OutputOptions.isInput(output.file(name), inputs)) {
        recorded.add(name);
      }
    }
    write(
        OutputOptions.RECORD,
        out -> out.write(OutputOptions.record(recorded).getBytes(StandardCharsets.UTF_8)));
    Map<Path, Path> moves = new LinkedHashMap<>();
    written.forEach((name, temporary) -> moves.put(temporary, output.file(name)));
    temporaries.moveAll(moves);
    output.removeEarlierRunsFiles(earlier, names, inputs);
  }

  /** Deletes the temporaries not published (a run that failed) and the shutdown hook. */
  @Override
  public void close() {
    temporaries.close();
  }

  /**
   * Fails at once, before anything is read, when no file can be created in {@code folder}: by
   * creating a temporary file there and deleting it. Permissions alone do not tell (root writes
   * into a read-only folder; a read-only mount refuses everyone), and without this a run found out
   * only when writing, after the whole scan.
   *
   * @param what the start of the message ("cannot write in the output folder DIR")
   * @throws UnwritableOutputException saying {@code what} and why
   */
  static void requireWritable(Path folder, String what) throws IOException {
    Path probe =
        folder.resolve(
            ".polydup-probe."
                + ProcessHandle.current().pid()
                + "-"
                + RUNS.incrementAndGet()
                + ".part");
    try (TemporaryFiles temporaries = new TemporaryFiles();
        OutputStream raw = temporaries.create(probe);
        OutputStream out = filterForTests.filter(probe, raw)) {
      out.flush();
    } catch (IOException e) {
      throw new UnwritableOutputException(what, e);
    }
  }
}
