package org.polydup;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Detector} whose index is kept in a folder on disk (a Lucene index used as a store), for
 * a newsroom that keeps months of stories and checks each new one as it arrives: every add and
 * remove is written to the archive as it happens, {@link #commit()} makes them durable at once (a
 * crash keeps all of them or none), and {@link #close()} commits. Opening the folder again gives a
 * detector that answers every query as the one that wrote it.
 *
 * <p>Unlike {@link Detector#save}, nothing is rewritten: a commit costs the documents added and
 * removed since the last one. Opening costs what {@link Detector#load} costs: the stored texts and
 * entities are read and fingerprints computed again, in parallel.
 *
 * <p>Thread-safe as {@link Detector}; {@link #commit()} may run beside adds and queries. A document
 * is handed to Lucene under the detector's write lock, so that the archive and the in-memory index
 * never disagree; Lucene buffers it in memory, and the rare add that fills its buffer writes a
 * segment, which queries wait for. One process at a time may open a folder. {@link #scan} compares
 * the given documents only and writes nothing. Built by {@link Polydup.Builder#open(Path)}.
 */
public final class PersistentDetector implements Detector, Closeable {
  /**
   * The longest document id the archive stores, in characters (16,383): {@link #add} and its
   * siblings refuse a longer one with an {@link IllegalArgumentException}, before anything is
   * stored.
   */
  public static final int MAXIMUM_ID_LENGTH = ArchiveIndex.MAXIMUM_ID_LENGTH;

  private static final String CLOSED = "the persistent detector is closed: ";

  private final DefaultDetector detector;
  private final ArchiveIndex archive;
  private final Path directory;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PersistentDetector(DefaultDetector detector, ArchiveIndex archive, Path directory) {
    this.detector = detector;
    this.archive = archive;
    this.directory = directory;
  }

  /** Opens (or creates) the archive in {@code directory} and loads its documents. */
  static PersistentDetector open(
      DefaultDetector detector, Configuration configuration, Path directory, ScanProgress progress)
      throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(progress, "progress");
    ArchiveIndex archive = ArchiveIndex.open(directory, configuration);
    try {
      detector.load(archive.read(), directory.toString(), progress);
    } catch (Throwable e) {
      // An Error too (out of memory while loading, a failing progress callback): the folder must
      // not stay locked for the rest of the JVM's life.
      try {
        archive.rollback();
      } catch (Throwable suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    detector.attach(archive);
    return new PersistentDetector(detector, archive, directory);
  }

  /** The folder the archive is kept in. */
  public Path directory() {
    return directory;
  }

  /**
   * Makes every add and remove so far durable, all at once. A call that overlaps {@link #addAll} or
   * {@link #load} from another thread waits for it: a batch becomes durable whole or not at all.
   * Queries go on meanwhile.
   *
   * @throws IOException when the archive cannot be written; what was committed before stays
   */
  public void commit() throws IOException {
    if (closed.get()) {
      throw new IllegalStateException(CLOSED + directory);
    }
    detector.betweenWrites(archive::commit);
  }

  /**
   * Commits, then releases the folder. Afterwards, {@link #add}, {@link #remove}, {@link #commit}
   * and the other calls that change the index throw {@link IllegalStateException} (what they
   * changed could not be kept); queries still answer from memory. Closing again, or after {@link
   * #rollback()}, does nothing.
   *
   * @throws IOException when the archive cannot be written
   */
  @Override
  public void close() throws IOException {
    if (closed.compareAndSet(false, true)) {
      detector.detach(CLOSED + directory);
      archive.close();
    }
  }

  /**
   * Releases the folder without committing: every add and remove since the last commit is dropped
   * from the archive, as when the process dies. A run that failed half-way calls this so that the
   * archive stays as it was. Afterwards the detector is closed, as after {@link #close()}; rolling
   * back a closed detector does nothing.
   *
   * @throws IOException when the folder cannot be released
   */
  public void rollback() throws IOException {
    if (closed.compareAndSet(false, true)) {
      detector.detach(CLOSED + directory);
      archive.rollback();
    }
  }

  /**
   * {@inheritDoc} Also stored in the archive, durable at the next commit.
   *
   * @throws java.io.UncheckedIOException when the archive cannot store it; it is not added then
   */
  @Override
  public void add(Document document) {
    detector.add(document);
  }

  @Override
  public void addAll(List<Document> documents) {
    detector.addAll(documents);
  }

  @Override
  public void addAll(List<Document> documents, ScanProgress progress) {
    detector.addAll(documents, progress);
  }

  /** Writes a snapshot file, as {@link Detector#save} does; the archive is not changed. */
  @Override
  public void save(Path file) throws IOException {
    detector.save(file);
  }

  /** Adds a snapshot's documents, which are stored in the archive too. */
  @Override
  public void load(Path file, ScanProgress progress) throws IOException {
    detector.load(file, progress);
  }

  @Override
  public List<Match> queryAndAdd(Document document) {
    return detector.queryAndAdd(document);
  }

  /**
   * {@inheritDoc} Also deleted from the archive, durably at the next commit.
   *
   * @throws java.io.UncheckedIOException when the archive cannot delete it; it stays then
   */
  @Override
  public boolean remove(String id) {
    return detector.remove(id);
  }

  @Override
  public int size() {
    return detector.size();
  }

  @Override
  public boolean contains(String id) {
    return detector.contains(id);
  }

  @Override
  public String textOf(String id) {
    return detector.textOf(id);
  }

  @Override
  public List<Match> query(Document document) {
    return detector.query(document);
  }

  @Override
  public ScanResult scan(List<Document> documents) {
    return detector.scan(documents);
  }

  @Override
  public ScanResult scan(List<Document> documents, ScanProgress progress) {
    return detector.scan(documents, progress);
  }

  @Override
  public ScanResult scan(Iterator<? extends Document> documents, ScanProgress progress) {
    return detector.scan(documents, progress);
  }

  @Override
  public String toString() {
    return "PersistentDetector{" + directory + ", " + size() + " documents}";
  }
}
