package org.polydup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Finds copies of documents: incrementally against the documents added so far ({@link #query}, and
 * {@link #queryAndAdd} to check an arriving story and keep it; {@link #add}, {@link #addAll} to
 * load an archive), or in one batch ({@link #scan}). Made by {@link Polydup#builder()}.
 *
 * <p>Thread-safe: {@code add}, {@code remove} and {@code query} may be called from many threads at
 * once; a query sees every add that completed before it started.
 *
 * <p>Memory per calling thread: with cross-language matching on, each thread that adds or queries
 * keeps, for as long as it lives, an entity extractor whose word cache grows to about a million
 * words (about 250 MB), plus scratch arrays sized to the index (16 bytes a document). A service
 * should call a detector from a small fixed pool of threads (as many as it has cores), not from
 * every request thread: four threads that had each queried 3,000 bulk documents held 48 MB more
 * apiece, given back when they ended (a reviewer, session 31).
 */
public interface Detector {

  /**
   * Adds a document to the index.
   *
   * @throws IllegalArgumentException when a document with the same id is already indexed
   */
  void add(Document document);

  /**
   * Adds the documents, in list order: the same index as {@link #add} on each in turn, with the
   * documents analysed (fingerprint, language, entities) in parallel on the configured threads
   * first. For loading an archive before querying it.
   *
   * @throws IllegalArgumentException when an id is already indexed or given twice; nothing is added
   *     then
   */
  void addAll(List<Document> documents);

  /**
   * {@link #addAll(List)}, reporting each document analysed to {@code progress} (stage {@code
   * analyse}) from the worker threads.
   */
  void addAll(List<Document> documents, ScanProgress progress);

  /**
   * Writes the indexed documents to {@code file}, with what is costly to compute again (each
   * document's language and, with cross-language matching on, its entities), so that {@link #load}
   * rebuilds the index in a fraction of the time adding them took. The file is replaced as a whole
   * (through a temporary file beside it, named {@code FILE.PID-N.part}: a save killed midway leaves
   * the old file whole and its temporary behind, which the next save to that file deletes once the
   * process that wrote it has ended and it is an hour old); adds and removes wait while the
   * documents are gathered.
   *
   * @throws IOException when the file cannot be written
   */
  void save(Path file) throws IOException;

  /**
   * Adds the documents {@link #save} wrote, in their order: the same index as adding them with
   * {@link #addAll}, without analysing their entities again. Reports to {@code progress} (stage
   * {@code analyse}) as {@link #addAll(List, ScanProgress)} does.
   *
   * @throws IncompatibleDataException when the file is not a saved index, is truncated or corrupt,
   *     has another format version, or was saved by a detector with other seed, permutations,
   *     shingle size, MinHash scheme or cross-language setting; nothing is added then
   * @throws IllegalArgumentException when one of its ids is indexed already; nothing is added then
   * @throws IOException when the file cannot be read
   */
  void load(Path file, ScanProgress progress) throws IOException;

  /**
   * {@link #load(Path, ScanProgress)} without progress reports.
   *
   * @throws IncompatibleDataException when the file is not a saved index, is truncated or corrupt,
   *     has another format version, or was saved by a detector with other settings; nothing is
   *     added then
   * @throws IllegalArgumentException when one of its ids is indexed already; nothing is added then
   * @throws IOException when the file cannot be read
   */
  default void load(Path file) throws IOException {
    load(file, ScanProgress.NONE);
  }

  /**
   * {@link #query} then {@link #add}, as one step: the document is analysed once (a query followed
   * by an add analysed it twice), and no other add, remove or query runs between the two, so two
   * copies checked in at the same moment from two threads find each other, the later one in its
   * matches. A service that checks each arriving story against its archive and then archives it
   * calls this.
   *
   * @return the matches {@link #query} would return before the add
   * @throws IllegalArgumentException when a document with the same id is already indexed; nothing
   *     is added then
   */
  List<Match> queryAndAdd(Document document);

  /**
   * Removes the document with this id; returns false when there was none. Afterwards the index
   * answers queries as if the document had never been added: it is no candidate, and its shingles
   * and entity keys no longer count in the document frequencies that weigh them.
   *
   * <p>Its slot number is not reused at once, and the indexes keep some memory per removed slot:
   * about 5 bytes without alignment and 75 with it where a window slides (100 stories over
   * 200,000), up to about 1 KB and 3.7 KB where many are removed at once (12,000 of 20,000 bulk
   * documents), plus 16 bytes in each thread that queries with alignment on. Once at least 1,024
   * slots are removed and they outnumber the live documents, the remove that finds it so rebuilds
   * the indexes over the live documents, which leaves that memory behind (a querying thread's
   * scratch keeps the size of the most slots it saw) and answers as before. That remove returns
   * once the rebuild is done, which takes less than half the time loading the live documents from a
   * {@link #save} takes (10,000 live bulk documents: 0.4 s, 0.9 s with alignment); it comes after
   * at least as many removes as there are live documents. Other threads' adds, removes and queries
   * go on meanwhile against the old indexes, which are kept until the new ones replace them (so the
   * indexes' memory is held twice for that time): they wait only while the live documents are
   * listed and while the new indexes take in the adds and removes made during the rebuild and
   * replace the old ones, under the write lock; that costs what those writes cost, not a rebuild.
   * Should that rebuild fail (out of memory), the document is removed all the same, the old indexes
   * stay in use, and the error is thrown from this call; a later remove tries again.
   */
  boolean remove(String id);

  /** Number of documents in the index. */
  int size();

  /** Whether a document with this id is in the index. */
  boolean contains(String id);

  /** The text of the indexed document with this id, or {@code null} when there is none. */
  String textOf(String id);

  /**
   * The indexed documents this one copies or is copied by, without adding it. In every match,
   * {@code a} is the queried document. Of several indexed copies of its text (the same words in the
   * same order) it is paired with the earliest added alone, as {@link #scan} pairs copies. The
   * same-language matches come first, in the order their documents were added, then the
   * cross-language stage's; so the list's order follows the order of the adds (sort it by {@link
   * Match#b()} where it must not).
   */
  List<Match> query(Document document);

  /**
   * Compares every pair of the given documents (not the indexed ones) in parallel and clusters the
   * copies. A document that cannot be processed is reported in {@link ScanResult#problems()} and
   * the rest are still scanned.
   *
   * @throws IllegalArgumentException when two documents share an id
   * @throws NullPointerException naming the position of a {@code null} document
   */
  ScanResult scan(List<Document> documents);

  /** {@link #scan(List)}, reporting progress to {@code progress} from the worker threads. */
  ScanResult scan(List<Document> documents, ScanProgress progress);

  /**
   * {@link #scan(List, ScanProgress)} over documents as they are read: {@code documents} is drained
   * on the calling thread while the worker threads already analyse the documents read before, so
   * reading and decoding an input overlaps with the scan instead of preceding it. The result is the
   * same as scanning the list of the documents in the order the iterator yields them, whatever the
   * timing of the reads. The iterator is drained but not closed; an exception it throws ends the
   * scan and is rethrown.
   *
   * @param documents the documents to compare, each returned once
   * @param progress receives progress from the worker threads; the fingerprint stage's total is the
   *     number of documents read so far
   * @throws IllegalArgumentException when two documents share an id; documents after it are not
   *     read
   * @throws NullPointerException naming the position of a {@code null} document
   */
  ScanResult scan(Iterator<? extends Document> documents, ScanProgress progress);
}
