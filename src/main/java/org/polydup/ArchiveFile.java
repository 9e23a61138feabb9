package org.polydup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.polydup.align.extract.EntityProfile;
import org.polydup.internal.TemporaryFiles;
import org.polydup.lang.LanguageIdentifier;

/**
 * The file {@link Detector#save} writes and {@link Detector#load} reads: the documents of an index
 * with what is costly to compute again. Per document its id, its language as decided when it was
 * added, its text and, with cross-language matching on, its entities (extraction is most of an
 * add's cost); fingerprints and paragraph structures are computed again from the text when loading,
 * which is cheap and keeps the format small. Gzipped; texts are stored as UTF-16 code units, so any
 * Java string comes back equal.
 *
 * <p>The header names the format version and the settings the stored data depends on (seed,
 * permutations, shingle size, MinHash scheme, cross-language, languages), and a detector built with
 * other settings refuses the file. The LSH bands are rebuilt on loading, so the threshold may
 * differ.
 */
final class ArchiveFile {
  private static final String MAGIC = "polydup-archive";

  /**
   * Bumped whenever what is stored changes meaning, including how entities are extracted and keyed
   * and how languages are detected: stored entities and languages must be the ones the loading
   * version would compute. {@code ArchiveFileGoldenTest} pins both for a few texts and fails when
   * they change, so that the bump is not forgotten (version 1 stayed while eleven changes to
   * extraction went by, and older archives loaded with stale entities). 2: session 23, the language
   * set in the settings line, and the extraction and detection of that session. 3: session 26,
   * Polish and Ukrainian dictionary lemmas, words after an elided article, currency codes, and
   * language codes CLDR does not know no longer taken as hints.
   */
  static final int FORMAT_VERSION = 3;

  private ArchiveFile() {}

  /** One stored document; {@code entities} is {@code null} without cross-language matching. */
  record Entry(String id, String language, String text, EntityProfile entities) {}

  /**
   * Writes {@code entries} to {@code file}, through a temporary file beside it that then replaces
   * it: a failure or crash leaves the old file whole. The temporary is deleted when the write fails
   * and when the JVM is stopped during it (SIGTERM, SIGINT: a shutdown hook); only one left by
   * SIGKILL or a machine crash stays, and a later write deletes it once it is an hour old and its
   * process gone ({@link #deleteAbandonedTemporaries}).
   */
  static void write(Path file, Configuration configuration, List<Entry> entries)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      // Said of the file asked for, not of the temporary beside it that would fail to open.
      throw new NoSuchFileException(
          file.toString(), null, "its folder " + parent + " does not exist");
    }
    deleteAbandonedTemporaries(parent, file.getFileName().toString());
    // Not Files.createTempFile, whose owner-only permissions the renamed file would keep.
    Path temporary =
        parent.resolve(
            file.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "-"
                + System.nanoTime()
                + ".part");
    // A finally alone left the temporary, as large as the archive (312 MB for bulk), when a save
    // was killed; TemporaryFiles also deletes it from a shutdown hook.
    try (TemporaryFiles temporaries = new TemporaryFiles()) {
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(
                  new GZIPOutputStream(temporaries.create(temporary), 1 << 16), 1 << 16))) {
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(settings(configuration));
        out.writeInt(entries.size());
        for (Entry e : entries) {
          writeString(out, e.id());
          writeString(out, e.language());
          writeString(out, e.text());
          if (configuration.crossLanguage()) {
            e.entities().writeEntities(out);
          }
        }
      }
      temporaries.moveAll(Map.of(temporary, file));
    }
  }

  /**
   * Deletes the temporary files of earlier writes to {@code name} whose process is gone: a write
   * killed with SIGKILL, or cut by a machine crash, leaves one as large as the archive that nothing
   * else removes (SIGTERM and SIGINT let the writing process delete its own). A temporary of a
   * running process (another save in progress), or one modified within the last hour (perhaps a
   * save on another machine sharing the folder), is left alone.
   */
  private static void deleteAbandonedTemporaries(Path parent, String name) {
    String prefix = name + ".";
    java.time.Instant before = java.time.Instant.now().minus(ABANDONED_AFTER);
    try (var siblings = Files.newDirectoryStream(parent, p -> isTemporaryOf(p, prefix))) {
      for (Path temporary : siblings) {
        String rest = temporary.getFileName().toString().substring(prefix.length());
        long pid = Long.parseLong(rest.substring(0, rest.indexOf('-')));
        // Old as well as orphaned: a process id names a process of this machine only, and a save
        // on another machine sharing the folder keeps writing its temporary.
        if (ProcessHandle.of(pid).isEmpty()
            && Files.getLastModifiedTime(temporary).toInstant().isBefore(before)) {
          Files.deleteIfExists(temporary);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Housekeeping only: a temporary that cannot be listed or deleted must not stop the save.
    }
  }

  /**
   * How long a temporary must have gone unmodified before {@link #deleteAbandonedTemporaries} takes
   * it for abandoned: far longer than a save takes (about 100 s for all of bulk, 312 MB).
   */
  private static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofHours(1);

  /** Whether {@code path} is named {@code prefix + pid + "-" + nanoTime + ".part"}. */
  private static boolean isTemporaryOf(Path path, String prefix) {
    String name = path.getFileName().toString();
    return name.startsWith(prefix)
        && name.endsWith(".part")
        && name.substring(prefix.length(), name.length() - ".part".length())
            .matches("[0-9]{1,18}--?[0-9]{1,19}");
  }

  /**
   * Reads the entries of {@code file}, in the order they were written.
   *
   * @throws IncompatibleDataException when the file is not an archive, is truncated or corrupt, has
   *     another format version, or was written with other settings
   * @throws IOException when it cannot be read
   */
  static List<Entry> read(Path file, Configuration configuration) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in =
            new DataInputStream(new BufferedInputStream(gzip(file, raw), 1 << 16))) {
      String magic = in.readUTF();
      if (!magic.equals(MAGIC)) {
        throw new IncompatibleDataException(file + " is not a polydup archive");
      }
      int version = in.readInt();
      requireCompatible(file, Integer.toString(version), in.readUTF(), configuration);
      int count = in.readInt();
      if (count < 0) {
        throw new IncompatibleDataException(file + " holds " + count + " documents");
      }
      List<Entry> entries = new ArrayList<>(Math.min(count, 1 << 20));
      for (int i = 0; i < count; i++) {
        String id = readString(in);
        String language = readString(in);
        String text = readString(in);
        EntityProfile entities =
            configuration.crossLanguage() ? EntityProfile.readEntities(in, language, text) : null;
        entries.add(new Entry(id, language, text, entities));
      }
      if (in.read() != -1) {
        throw new IncompatibleDataException(file + " has data after its last document");
      }
      return entries;
    } catch (EOFException | ZipException | UTFDataFormatException e) {
      String detail = e.getMessage() == null ? "it ends early" : e.getMessage();
      throw new IncompatibleDataException(file + " is truncated or corrupt: " + detail, e);
    }
  }

  /**
   * {@code raw} decompressed. A file that does not start as gzip data (a JSONL file of stories,
   * say) is not an archive at all, which says more than the codec's "Not in GZIP format".
   */
  private static InputStream gzip(Path file, InputStream raw) throws IOException {
    try {
      return new GZIPInputStream(raw, 1 << 16);
    } catch (EOFException e) {
      throw new IncompatibleDataException(file + " is empty, not a polydup saved index", e);
    } catch (ZipException e) {
      throw new IncompatibleDataException(
          file + " is not a polydup saved index (it is not gzip data)", e);
    }
  }

  /**
   * Refuses stored documents (of a file or of an {@link ArchiveIndex}) written by another format
   * version or with other settings than {@code configuration}'s.
   *
   * @param version the stored format version, as written
   * @param stored the stored {@link #settings} line
   * @throws IncompatibleDataException naming {@code source} and what differs
   */
  static void requireCompatible(
      Path source, String version, String stored, Configuration configuration) {
    if (!Integer.toString(FORMAT_VERSION).equals(version)) {
      throw new IncompatibleDataException(
          source
              + " has archive format "
              + version
              + ", this version reads "
              + FORMAT_VERSION
              + "; build the archive again from its documents");
    }
    String expected = settings(configuration);
    if (!expected.equals(stored)) {
      throw new IncompatibleDataException(
          source + " was written with " + stored + ", this detector has " + expected);
    }
  }

  /**
   * The settings stored data depends on, as one line. The language set is among them because each
   * document's detected language is stored: a detector allowed other languages would have labelled
   * it otherwise (an English story stored by a detector of German and French comes back German).
   */
  static String settings(Configuration c) {
    Set<String> languages =
        c.languages() == null ? LanguageIdentifier.DEFAULT_LANGUAGES : c.languages();
    return "seed="
        + c.seed()
        + " permutations="
        + c.numberOfPermutations()
        + " shingleSize="
        + c.shingleSize()
        + " minHash="
        + c.minHashScheme()
        + " crossLanguage="
        + c.crossLanguage()
        + " languages="
        + String.join(",", new TreeSet<>(languages));
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    out.writeInt(s.length());
    out.writeChars(s);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IncompatibleDataException("a stored string of length " + length);
    }
    // Read in chunks: a corrupt length must not allocate gigabytes before the stream runs out.
    StringBuilder s = new StringBuilder(Math.min(length, 1 << 16));
    byte[] buffer = new byte[2 * Math.min(length, 1 << 15)];
    int left = length;
    while (left > 0) {
      int chars = Math.min(left, buffer.length / 2);
      in.readFully(buffer, 0, 2 * chars);
      for (int k = 0; k < chars; k++) {
        s.append((char) (((buffer[2 * k] & 0xff) << 8) | (buffer[2 * k + 1] & 0xff)));
      }
      left -= chars;
    }
    return s.toString();
  }
}
