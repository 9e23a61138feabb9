package org.polydup;

import it.unimi.dsi.fastutil.ints.IntAVLTreeSet;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSortedSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.polydup.align.IncrementalMatcher;
import org.polydup.index.LshIndex;
import org.polydup.index.PassageIndex;
import org.polydup.lang.LanguageIdentifier;
import org.polydup.verify.BoilerplatePositions;
import org.polydup.verify.DocumentFrequencies;

/**
 * The in-memory {@link Detector}. Fingerprinting and entity extraction happen outside any lock
 * (they are the expensive part); the index is guarded by a read-write lock so queries run
 * concurrently with each other and wait only for adds and removes. With cross-language matching on,
 * {@link IncrementalAlignment} finds the translations and reworded copies a query has among the
 * indexed documents.
 */
final class DefaultDetector implements Detector {
  /** Sizing of the incremental document-frequency sketch: 2^22 cells, 32 MB. */
  private static final long INCREMENTAL_FREQUENCY_CELLS = 1L << 22;

  private final Configuration configuration;
  private final LanguageIdentifier identifier;
  private final ThreadLocal<Fingerprinter> workers;
  private final PairJudge judge;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * Removed slots that make the indexes be rebuilt with the live documents renumbered ({@link
   * #compact}), once they also outnumber the live documents: a slot is never reused, and each
   * removed one keeps memory in the indexes (5 bytes to 3.7 KB, see {@link Detector#remove}), which
   * a service removing old stories for months would otherwise pile up. Rebuilding costs less than
   * half of loading the live documents from a save (their fingerprints and entities are kept), and
   * comes after at least as many removes, so it adds a constant per remove; the remove that
   * triggers it pays it, under the write lock.
   */
  static final int COMPACTION_MINIMUM_REMOVED = 1024;

  private final Map<String, Integer> slotOf = new HashMap<>();

  // The fields below are replaced by compact(); all are read and written under the lock.
  private List<Stored> stored = new ArrayList<>();
  private LshIndex lsh;
  private PassageIndex passages;
  private final DocumentFrequencies frequencies;

  /** The align stage of add and query, or {@code null} when cross-language matching is off. */
  private IncrementalAlignment alignment;

  /**
   * Where adds and removes are also written, for a {@link PersistentDetector}; {@code null} for an
   * index that lives in memory only. Guarded by the write lock.
   */
  private ArchiveIndex archive;

  /** Why the archive was detached ({@link #detach}), or null. Guarded by the lock. */
  private String detached;

  /**
   * An added document: what the same-language stages need, and its entities and structure (null
   * without cross-language matching), kept for {@link #save}.
   */
  private record Stored(
      String id, Fingerprint fingerprint, String language, IncrementalMatcher.Profile profile) {}

  DefaultDetector(Configuration configuration) {
    this.configuration = configuration;
    this.identifier =
        configuration.languages() == null
            ? LanguageIdentifier.create()
            : LanguageIdentifier.builder().languages(configuration.languages()).build();
    this.workers = ThreadLocal.withInitial(() -> new Fingerprinter(configuration));
    this.judge = new PairJudge(configuration);
    this.frequencies =
        new DocumentFrequencies(
            INCREMENTAL_FREQUENCY_CELLS, configuration.boilerplateDocumentFrequency());
    createIndexes();
  }

  /** Empty candidate indexes (and align stage) for slots numbered from 0. */
  private void createIndexes() {
    lsh = LshIndex.create(configuration.lshParameters());
    passages =
        PassageIndex.create(
            configuration.passageWindow(), configuration.boilerplateDocumentFrequency());
    alignment =
        configuration.crossLanguage()
            ? new IncrementalAlignment(alignmentStage(), configuration.includeRelated())
            : null;
  }

  /** What add and query compute from a document's text, outside the index lock. */
  private record Analysed(
      Document document,
      Fingerprint fingerprint,
      String language,
      IncrementalMatcher.Profile profile) {}

  private Analysed analyse(Document given) {
    Document document = configuration.cut(Objects.requireNonNull(given, "document"));
    String language = languageOf(document);
    return analysed(
        document,
        language,
        configuration.crossLanguage()
            ? IncrementalMatcher.profile(document.text(), language)
            : null);
  }

  /**
   * The analysis of a document whose language and entities are known ({@code profile} is {@code
   * null} without cross-language matching): what is left is its fingerprint.
   */
  private Analysed analysed(
      Document document, String language, IncrementalMatcher.Profile profile) {
    return new Analysed(document, workers.get().fingerprint(document.text()), language, profile);
  }

  @Override
  public void add(Document document) {
    Analysed analysed = analyse(document);
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
    insertAll(analyseInParallel(documents.size(), i -> analyse(documents.get(i)), progress));
  }

  @Override
  public void save(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    List<ArchiveFile.Entry> entries = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (Stored s : stored) {
        if (s != null) {
          entries.add(
              new ArchiveFile.Entry(
                  s.id(),
                  s.language(),
                  s.fingerprint().shingles().text(),
                  s.profile() == null ? null : s.profile().entities()));
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
   * Adds stored documents, in their order, without extracting their entities again (but for a text
   * longer than {@link Configuration#maximumCharacters}, cut as every document is where it comes
   * in).
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
    // The entities are stored; fingerprints and structures are computed again, cheaply.
    insertAll(
        analyseInParallel(
            entries.size(),
            i -> {
              ArchiveFile.Entry e = entries.get(i);
              Document stored = new Document(e.id(), e.text(), e.language());
              Document document = configuration.cut(stored);
              // Stored by a detector that kept more of the text, the entities reach past this
              // detector's cut, so they are extracted again from the prefix every stage reads.
              IncrementalMatcher.Profile profile =
                  e.entities() == null
                      ? null
                      : document != stored
                          ? IncrementalMatcher.profile(document.text(), e.language())
                          : IncrementalMatcher.profile(e.entities(), e.text());
              return analysed(document, e.language(), profile);
            },
            progress));
  }

  Configuration configuration() {
    return configuration;
  }

  /** From now on, writes every add and remove to {@code archive} too. */
  void attach(ArchiveIndex archive) {
    lock.writeLock().lock();
    try {
      this.archive = archive;
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
      this.archive = null;
      this.detached = why;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Must hold the write lock. */
  private void requireAttachedIfEver() {
    if (detached != null) {
      throw new IllegalStateException(detached);
    }
  }

  /** Analyses {@code count} documents on the configured threads, reporting each one done. */
  private Analysed[] analyseInParallel(
      int count, IntFunction<Analysed> analyse, ScanProgress progress) {
    Analysed[] analysed = new Analysed[count];
    AtomicInteger done = new AtomicInteger();
    ForkJoinPool pool = new ForkJoinPool(configuration.threads());
    try {
      pool.submit(
              () ->
                  IntStream.range(0, count)
                      .parallel()
                      .forEach(
                          i -> {
                            analysed[i] = analyse.apply(i);
                            progress.update("analyse", done.incrementAndGet(), count);
                          }))
          .join();
    } finally {
      pool.shutdown();
    }
    return analysed;
  }

  /** Inserts analysed documents in order, all or none (no id may be indexed already). */
  private void insertAll(Analysed[] analysed) {
    lock.writeLock().lock();
    try {
      for (Analysed a : analysed) {
        requireNew(a.document().id());
      }
      for (Analysed a : analysed) {
        insert(a);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<Match> queryAndAdd(Document document) {
    Analysed analysed = analyse(document);
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
    if (slotOf.containsKey(id)) {
      throw new IllegalArgumentException("document " + id + " is already indexed");
    }
    if (archive != null && id.length() > ArchiveIndex.MAXIMUM_ID_LENGTH) {
      throw new IllegalArgumentException(
          "document id of "
              + id.length()
              + " characters; the archive stores ids of at most "
              + ArchiveIndex.MAXIMUM_ID_LENGTH);
    }
  }

  /**
   * Puts an analysed document into every index; must hold the write lock. With an archive attached
   * it is stored there first, so a document the archive could not take is not indexed either.
   *
   * @throws UncheckedIOException when the archive cannot store it
   */
  private void insert(Analysed analysed) {
    requireAttachedIfEver();
    if (archive != null) {
      try {
        archive.add(
            new ArchiveFile.Entry(
                analysed.document().id(),
                analysed.language(),
                analysed.document().text(),
                analysed.profile() == null ? null : analysed.profile().entities()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store " + analysed.document().id(), e);
      }
    }
    Stored document =
        new Stored(
            analysed.document().id(),
            analysed.fingerprint(),
            analysed.language(),
            analysed.profile());
    index(document);
    frequencies.addDocument(document.fingerprint().shingles().distinct());
  }

  /**
   * Gives a document the next slot and puts it into the candidate indexes and the align stage; must
   * hold the write lock. The document frequencies are not slot-numbered, so they are not here.
   */
  private void index(Stored document) {
    int slot = stored.size();
    stored.add(document);
    slotOf.put(document.id(), slot);
    lsh.add(slot, document.fingerprint().signature());
    passages.add(slot, document.fingerprint().shingles().positional());
    if (alignment != null) {
      alignment.add(slot, document.profile());
    }
  }

  /**
   * Rebuilds the candidate indexes and the align stage over the live documents, numbered from 0 in
   * the order they were added: the indexes then hold what a detector given only these documents
   * would, and answer as it does. Must hold the write lock.
   */
  private void compact() {
    List<Stored> live = new ArrayList<>(slotOf.size());
    for (Stored document : stored) {
      if (document != null) {
        live.add(document);
      }
    }
    stored = new ArrayList<>(live.size());
    slotOf.clear();
    createIndexes();
    for (Stored document : live) {
      index(document);
    }
  }

  /** Slots in use, removed ones included; for tests of {@link #compact}. */
  int slotCount() {
    lock.readLock().lock();
    try {
      return stored.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public boolean remove(String id) {
    Objects.requireNonNull(id, "id");
    lock.writeLock().lock();
    try {
      requireAttachedIfEver();
      if (!slotOf.containsKey(id)) {
        return false;
      }
      if (archive != null) {
        try {
          archive.remove(id);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot remove " + id + " from the archive", e);
        }
      }
      int slot = slotOf.remove(id);
      lsh.remove(slot);
      passages.remove(slot);
      frequencies.removeDocument(stored.get(slot).fingerprint().shingles().distinct());
      if (alignment != null) {
        alignment.remove(slot);
      }
      stored.set(slot, null);
      // Slots removed since the indexes were last built: every slot not live.
      int removedSlots = stored.size() - slotOf.size();
      if (removedSlots >= COMPACTION_MINIMUM_REMOVED && removedSlots > slotOf.size()) {
        compact();
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public boolean contains(String id) {
    Objects.requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      return slotOf.containsKey(id);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String textOf(String id) {
    Objects.requireNonNull(id, "id");
    lock.readLock().lock();
    try {
      Integer slot = slotOf.get(id);
      return slot == null ? null : stored.get(slot).fingerprint().shingles().text();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int size() {
    lock.readLock().lock();
    try {
      return slotOf.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Match> query(Document document) {
    return query(analyse(document));
  }

  private List<Match> query(Analysed analysed) {
    Document document = analysed.document();
    Fingerprint fingerprint = analysed.fingerprint();
    String language = analysed.language();
    IncrementalMatcher.Profile profile = analysed.profile();
    List<Match> found = new ArrayList<>();
    // Slots the shingle stage flagged: their verdict stands, the align stage leaves them alone.
    IntOpenHashSet settled = new IntOpenHashSet();
    lock.readLock().lock();
    try {
      IntSortedSet candidates = new IntAVLTreeSet(lsh.query(fingerprint.signature()));
      for (int slot : passages.query(fingerprint.shingles().positional())) {
        candidates.add(slot);
      }
      // The queried text's boilerplate once, not once per candidate: each position is a probe
      // into the frequency sketch, most of them cache misses (a third of a query's time).
      BoilerplatePositions boilerplate =
          BoilerplatePositions.of(fingerprint.shingles(), frequencies);
      // Copies of the queried text (the same shingles in the same order) are all candidates, by
      // ascending slot: the query is paired with the earliest live one alone, as a scan pairs a
      // later copy with the first copy only (ExactCopies), and the others are settled as copies
      // of that one. Otherwise a stream of n copies of a wire story made n(n - 1)/2 pairs. An
      // indexed document queried by its own id before any copy of it is the first copy itself,
      // paired with every later one.
      boolean hasShingles = fingerprint.shingles().length() > 0;
      boolean copyFound = false;
      boolean queryIsFirstCopy = false;
      for (int slot : candidates) {
        Stored s = stored.get(slot);
        if (s == null) {
          continue;
        }
        boolean copy =
            hasShingles && s.fingerprint().shingles().sameShinglesAs(fingerprint.shingles());
        if (s.id().equals(document.id())) {
          queryIsFirstCopy |= copy && !copyFound;
          continue;
        }
        if (copy && !queryIsFirstCopy) {
          if (copyFound) {
            settled.add(slot);
            continue;
          }
          copyFound = true;
        }
        Match m =
            judge.judge(
                document.id(),
                fingerprint,
                boilerplate,
                s.id(),
                s.fingerprint(),
                frequencies,
                id -> id.equals(document.id()) ? language : s.language());
        if (m != null) {
          found.add(m);
          settled.add(slot);
        }
      }
      if (alignment != null) {
        Integer own = slotOf.get(document.id());
        found.addAll(
            alignment.query(
                document.id(),
                own == null ? -1 : own,
                fingerprint,
                language,
                profile,
                settled,
                storedDocuments));
      }
    } finally {
      lock.readLock().unlock();
    }
    return found;
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
        configuration, identifier, configuration.crossLanguage() ? alignmentStage() : null);
  }

  private AlignmentStage alignmentStage() {
    return new AlignmentStage(
        configuration.includeRelated(),
        configuration.verificationPolicy(),
        configuration.threshold());
  }

  /** The stored documents as {@link IncrementalAlignment} reads them; under the index lock. */
  private final IncrementalAlignment.Stored storedDocuments =
      new IncrementalAlignment.Stored() {
        @Override
        public String idOf(int slot) {
          Stored s = stored.get(slot);
          return s == null ? null : s.id();
        }

        @Override
        public Fingerprint fingerprintOf(int slot) {
          return stored.get(slot).fingerprint();
        }

        @Override
        public String languageOf(int slot) {
          return stored.get(slot).language();
        }
      };

  private String languageOf(Document document) {
    return identifier.identify(document.text(), document.languageHint()).language();
  }
}
