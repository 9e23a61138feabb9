package org.polydup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.polydup.lang.LanguageIdentifier;
import org.polydup.verify.DocumentFrequencies;

/**
 * The in-memory {@link Detector}. Fingerprinting and entity extraction happen outside any lock
 * (they are the expensive part; {@link DocumentAnalyser}); the index is guarded by a read-write
 * lock so queries ({@link IndexQuery}) run concurrently with each other and wait only for adds and
 * removes. With cross-language matching on, {@link IncrementalAlignment} finds the translations and
 * reworded copies a query has among the indexed documents.
 *
 * <p>A removed document's slot is not reused; once enough of them pile up, a {@link Compaction}
 * rebuilds every slot-numbered structure over the live documents, with no lock held but while it
 * copies them and swaps the rebuilt structures in (its class comment says why what happened
 * meanwhile is not lost).
 */
final class DefaultDetector implements Detector {
  /** Sizing of the incremental document-frequency sketch: 2^22 cells, 32 MB. */
  private static final long INCREMENTAL_FREQUENCY_CELLS = 1L << 22;

  private final Configuration configuration;
  private final LanguageIdentifier identifier;
  private final DocumentAnalyser analyser;
  private final IndexQuery indexQuery;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * The documents and every structure numbered by their slots; replaced whole by {@link #compact},
   * so that no reader mixes two numberings. Read under the lock, written under the write lock.
   */
  private SlotIndexes indexes;

  /** Slot-free, so kept across compactions; read under the lock, written under the write lock. */
  private final DocumentFrequencies frequencies;

  /** Whether a compaction is under way: one at a time, a second one due meanwhile is skipped. */
  private final AtomicBoolean compacting = new AtomicBoolean();

  /** Run by {@link #compact} between the rebuild and the swap, with no lock held; for tests. */
  private volatile Runnable beforeSwap = () -> {};

  /**
   * Where adds and removes are also written, for a {@link PersistentDetector}. Guarded by the write
   * lock.
   */
  private final ArchiveWrites archiveWrites = new ArchiveWrites();

  /**
   * Given each text before it is fingerprinted, by add, query and scan alike ({@link
   * Fingerprinter}); does nothing but in tests.
   */
  private final Consumer<String> beforeFingerprint;

  DefaultDetector(Configuration configuration) {
    this(configuration, text -> {});
  }

  /**
   * For tests: {@code beforeFingerprint} is given each text before it is fingerprinted and may
   * throw, to make the analysis of a chosen document fail.
   */
  DefaultDetector(Configuration configuration, Consumer<String> beforeFingerprint) {
    this.configuration = configuration;
    this.beforeFingerprint = beforeFingerprint;
    this.identifier =
        configuration.languages() == null
            ? LanguageIdentifier.create()
            : LanguageIdentifier.builder().languages(configuration.languages()).build();
    this.analyser = new DocumentAnalyser(configuration, identifier, beforeFingerprint);
    this.frequencies =
        new DocumentFrequencies(
            INCREMENTAL_FREQUENCY_CELLS, configuration.boilerplateDocumentFrequency());
    this.indexQuery = new IndexQuery(new PairJudge(configuration), frequencies);
    this.indexes = new SlotIndexes(configuration);
  }

  @Override
  public void add(Document document) {
    AnalysedDocument analysed = analyser.analyse(document);
    lock.writeLock().lock();
    try {
      requireNew(document.id());
      insert(analysed);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void addAll(List<Document> documents) {
    addAll(documents, ScanProgress.NONE);
  }

  @Override
  public void addAll(List<Document> documents, ScanProgress progress) {
    Objects.requireNonNull(progress, "progress");
    Set<String> ids = new HashSet<>();
    for (Document document : Objects.requireNonNull(documents, "documents")) {
      if (!ids.add(Objects.requireNonNull(document, "document").id())) {
        throw new IllegalArgumentException("document " + document.id() + " is given twice");
      }
    }
    // Analysis (fingerprint, language, entities) is per document and independent: in parallel.
    // The inserts then go in list order, so slot numbers, and every later answer, are those of
    // adding the documents one by one.
    insertAll(
        analyser.analyseInParallel(
            documents.size(), i -> analyser.analyse(documents.get(i)), progress));
  }

  @Override
  public void save(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    List<ArchiveFile.Entry> entries = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (StoredDocument s : indexes.stored) {
        if (s != null) {
          entries.add(s.entry());
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    ArchiveFile.write(file, configuration, entries);
  }

  @Override
  public void load(Path file, ScanProgress progress) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(progress, "progress");
    load(ArchiveFile.read(file, configuration), file.toString(), progress);
  }

  /**
   * Adds stored documents, in their order, without extracting their entities again ({@link
   * DocumentAnalyser#analyseStored}).
   *
   * @param source names where they come from, in errors
   */
  void load(List<ArchiveFile.Entry> entries, String source, ScanProgress progress) {
    Set<String> ids = new HashSet<>();
    for (ArchiveFile.Entry e : entries) {
      if (!ids.add(e.id())) {
        throw new IncompatibleDataException(source + " holds document " + e.id() + " twice");
      }
    }
    insertAll(
        analyser.analyseInParallel(
            entries.size(), i -> analyser.analyseStored(entries.get(i)), progress));
  }

  Configuration configuration() {
    return configuration;
  }

  /** From now on, writes every add and remove to {@code archive} too. */
  void attach(ArchiveIndex archive) {
    lock.writeLock().lock();
    try {
      archiveWrites.attach(archive);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Stops writing to the archive, for good: every later add and remove throws {@link
   * IllegalStateException} with {@code why}, since it could no longer be kept. Queries still
   * answer.
   */
  void detach(String why) {
    lock.writeLock().lock();
    try {
      archiveWrites.detach(why);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** An archive operation run between the detector's writes ({@link #betweenWrites}). */
  interface ArchiveAction {
    /** Runs it. */
    void run() throws IOException;
  }

  /**
   * Runs {@code action} under the read lock: after any add, batch or remove in progress, and before
   * the next, so that a commit makes a batch durable whole or not at all (committed while {@code
   * addAll} inserted its documents one by one, it made a prefix of the batch durable: a crash then
   * left an archive holding a state the detector never showed; a reviewer, session 31). Queries go
   * on meanwhile.
   */
  void betweenWrites(ArchiveAction action) throws IOException {
    lock.readLock().lock();
    try {
      action.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Inserts analysed documents in order, all or none (no id may be indexed already). */
  private void insertAll(AnalysedDocument[] analysed) {
    lock.writeLock().lock();
    try {
      for (AnalysedDocument a : analysed) {
        requireNew(a.document().id());
      }
      for (AnalysedDocument a : analysed) {
        insert(a);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<Match> queryAndAdd(Document document) {
    AnalysedDocument analysed = analyser.analyse(document);
    lock.writeLock().lock();
    try {
      requireNew(document.id());
      // The write lock's holder may take the read lock the query takes.
      List<Match> found = query(analysed);
      insert(analysed);
      return found;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Must hold the write lock. */
  private void requireNew(String id) {
    if (indexes.slotOf.containsKey(id)) {
      throw new IllegalArgumentException("document " + id + " is already indexed");
    }
    archiveWrites.requireStorable(id);
  }

  /**
   * Puts an analysed document into every index; must hold the write lock. With an archive attached
   * it is stored there first, so a document the archive could not take is not indexed either.
   *
   * @throws UncheckedIOException when the archive cannot store it
   */
  private void insert(AnalysedDocument analysed) {
    archiveWrites.requireAttachedIfEver();
    archiveWrites.add(analysed);
    StoredDocument document = StoredDocument.of(analysed);
    indexes.add(document);
    frequencies.addDocument(document.fingerprint().shingles().distinct());
  }

  /**
   * Rebuilds the indexes over the documents live in {@code compaction}'s snapshot with no lock
   * held, then, under the write lock, brings them up to date and swaps them in: they then answer as
   * a detector given only the live documents, in add order. Should the rebuild fail (out of
   * memory), the old indexes stay, current, and the next remove that finds a compaction due tries
   * again.
   */
  private void compact(Compaction compaction) {
    try {
      SlotIndexes rebuilt = compaction.rebuild(configuration);
      beforeSwap.run();
      lock.writeLock().lock();
      try {
        compaction.catchUp(indexes, rebuilt);
        indexes = rebuilt;
      } finally {
        lock.writeLock().unlock();
      }
    } finally {
      compacting.set(false);
    }
  }

  /**
   * A compaction to run once the write lock is released, when enough slots are removed and none is
   * under way; otherwise {@code null}. Must hold the write lock.
   */
  private Compaction compactionIfDue() {
    if (!Compaction.isDue(indexes) || !compacting.compareAndSet(false, true)) {
      return null;
    }
    try {
      return Compaction.of(indexes);
    } catch (RuntimeException | Error e) {
      // No compaction runs to clear the flag: left set, none would ever run again.
      compacting.set(false);
      throw e;
    }
  }

  /**
   * Has {@code hook} run in every compaction after the rebuild, before the swap, with no lock held;
   * for tests, to hold a compaction while other threads use the detector.
   */
  void beforeCompactionSwap(Runnable hook) {
    beforeSwap = Objects.requireNonNull(hook, "hook");
  }

  /** Slots in use, removed ones included; for tests of {@link #compact}. */
  int slotCount() {
    lock.readLock().lock();
    try {
      return indexes.stored.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean remove(String id) {
    Objects.requireNonNull(id, "id");
    Compaction compaction;
    lock.writeLock().lock();
    try {
      archiveWrites.requireAttachedIfEver();
      Integer slot = indexes.slotOf.get(id);
      if (slot == null) {
        return false;
      }
      archiveWrites.remove(id);
      frequencies.removeDocument(indexes.stored.get(slot).fingerprint().shingles().distinct());
      indexes.remove(slot);
      compaction = compactionIfDue();
    } finally {
      lock.writeLock().unlock();
    }
    // The caller pays for the rebuild; other threads wait only for the snapshot and the swap.
    if (compaction != null) {
      compact(compaction);
    }
    return true;
  }

  @Override
  public boolean contains(String id) {
    Objects.requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      return indexes.slotOf.containsKey(id);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String textOf(String id) {
    Objects.requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      Integer slot = indexes.slotOf.get(id);
      return slot == null ? null : indexes.stored.get(slot).fingerprint().shingles().text();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int size() {
    lock.readLock().lock();
    try {
      return indexes.slotOf.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Match> query(Document document) {
    return query(analyser.analyse(document));
  }

  private List<Match> query(AnalysedDocument analysed) {
    lock.readLock().lock();
    try {
      return indexQuery.matches(analysed, indexes);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public ScanResult scan(List<Document> documents) {
    return scan(documents, ScanProgress.NONE);
  }

  @Override
  public ScanResult scan(List<Document> documents, ScanProgress progress) {
    return batch()
        .run(
            Objects.requireNonNull(documents, "documents"),
            Objects.requireNonNull(progress, "progress"));
  }

  @Override
  public ScanResult scan(Iterator<? extends Document> documents, ScanProgress progress) {
    return batch()
        .run(
            Objects.requireNonNull(documents, "documents"),
            Objects.requireNonNull(progress, "progress"));
  }

  private BatchScan batch() {
    return new BatchScan(
        configuration,
        identifier,
        configuration.crossLanguage()
            ? new AlignmentStage(
                configuration.includeRelated(),
                configuration.verificationPolicy(),
                configuration.threshold())
            : null,
        beforeFingerprint);
  }
}
