package org.polydup.align;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.KeyStatistics;

/**
 * Candidate generation for alignment: an inverted index from rare entity keys to documents.
 * Thread-safe: {@link #add} and {@link #query} may run concurrently (a read-write lock).
 *
 * <h2>Rationale</h2>
 *
 * Alignment is too costly for all pairs, and translations share few keys, too few for MinHash bands
 * to be reliable. Rare keys are selective on their own, so the index keeps posting lists of every
 * key and a query reads only the {@value #KEYS_PER_QUERY} rarest keys of each kind (anchors, for
 * other languages; word stems, for the same language) whose lists are shorter than {@code
 * maximumPostings}. Candidates are ranked by the IDF mass they share with the query, divided by the
 * square root of their own key count (a cosine-like normalisation that stops long documents from
 * winning every query), separately for other-language and same-language documents.
 */
public final class EntityIndex {
  static final int KEYS_PER_QUERY = 64;

  /** Posting lists by key. */
  private final PostingLists postings = new PostingLists();

  /** Language of each document, as a number from {@link #languageNumbers}. */
  private final IntArrayList languages = new IntArrayList();

  private final Object2IntOpenHashMap<String> languageNumbers = new Object2IntOpenHashMap<>();
  private final IntArrayList anchorCounts = new IntArrayList();

  /**
   * The profile each document was added with: a query by a document with its own profile (the
   * batch's) knows that every key it reads lists that document, without searching each list.
   */
  private final List<EntityProfile> profiles = new ArrayList<>();

  private final IntArrayList wordCounts = new IntArrayList();

  /** Per document, {@link DocumentKeys#tieBreak}: {@link CandidateRanking} orders ties by it. */
  private final LongArrayList tieBreaks = new LongArrayList();

  /**
   * Each document's distinct keys as {@link #addAll(EntityProfile[], boolean)} gathered them, kept
   * (when asked) until the document's own query reads them; {@code null} otherwise. The arrays are
   * never written after they are built, so a query that finds them taken builds its own, equal
   * ones.
   */
  private final List<DocumentKeys> keptKeys = new ArrayList<>();

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** Ranks the candidates of a query on this index's lists; under {@link #lock}. */
  private final CandidateRanking ranking;

  /**
   * Creates an empty index.
   *
   * @param statistics the key weights (shared; the caller keeps them up to date)
   * @param maximumPostings keys in more documents than this are not read at query time; {@code >=
   *     1}
   */
  public EntityIndex(KeyStatistics statistics, int maximumPostings) {
    Objects.requireNonNull(statistics, "statistics");
    if (maximumPostings < 1) {
      throw new IllegalArgumentException("maximumPostings must be >= 1, got " + maximumPostings);
    }
    ranking = new CandidateRanking(statistics, maximumPostings, postings, languages, tieBreaks);
  }

  /** A candidate document and its pre-alignment score (higher is better). */
  public record Candidate(int document, double score) {}

  /**
   * Adds a document's keys.
   *
   * @return the document's number in this index, from 0 in order of addition
   */
  public int add(EntityProfile profile) {
    return add(new DocumentKeys(profile), profile);
  }

  /**
   * Adds the documents' keys, in order: the same as {@link #add} on each, but the keys of every
   * document are gathered in parallel first, and the posting lists are filled shard by shard in
   * parallel (on the common fork-join pool, or the pool this runs in): one thread appending every
   * posting of a batch under the lock was a serial second on the first 20k bulk documents.
   */
  public void addAll(EntityProfile[] profiles) {
    addAll(profiles, false);
  }

  /**
   * {@link #addAll(EntityProfile[])}, keeping each document's distinct keys, when {@code
   * keepForOwnQuery}, until its first query with its own profile (see {@link #query(EntityProfile,
   * int, int)}): a batch that queries every document once then does not gather them a second time.
   * The keys of a document never queried stay in memory as long as the index.
   */
  void addAll(EntityProfile[] profiles, boolean keepForOwnQuery) {
    DocumentKeys[] keys = new DocumentKeys[profiles.length];
    IntStream.range(0, profiles.length)
        .parallel()
        .forEach(i -> keys[i] = new DocumentKeys(profiles[i]));
    lock.writeLock().lock();
    try {
      int first = languages.size();
      for (int i = 0; i < keys.length; i++) {
        addDocument(keys[i], profiles[i]);
        keptKeys.set(first + i, keepForOwnQuery ? keys[i] : null);
      }
      // Readers wait for the write lock; the workers' writes are visible to this thread once the
      // stream ends, and to readers once the lock is released.
      IntStream.range(0, PostingLists.SHARDS)
          .parallel()
          .forEach(
              shard -> {
                for (int i = 0; i < keys.length; i++) {
                  postings.add(keys[i].anchors, first + i, shard);
                  postings.add(keys[i].wordsOnly, first + i, shard);
                }
              });
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes a document's postings, so that no query returns it again and its lists no longer count
   * towards a list's length. Its number is not reused: later documents keep theirs.
   *
   * @return whether the document was in the index (false if unknown or removed already)
   */
  public boolean remove(int document) {
    lock.writeLock().lock();
    try {
      if (document < 0 || document >= profiles.size() || profiles.get(document) == null) {
        return false;
      }
      DocumentKeys keys = new DocumentKeys(profiles.get(document));
      postings.remove(keys.anchors, document);
      postings.remove(keys.wordsOnly, document);
      profiles.set(document, null);
      keptKeys.set(document, null);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private int add(DocumentKeys keys, EntityProfile profile) {
    lock.writeLock().lock();
    try {
      int document = addDocument(keys, profile);
      postings.add(keys.anchors, document);
      postings.add(keys.wordsOnly, document);
      return document;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Numbers a document and records its language and key counts; must hold the write lock. */
  private int addDocument(DocumentKeys keys, EntityProfile profile) {
    int document = languages.size();
    profiles.add(profile);
    keptKeys.add(null);
    languages.add(languageNumber(keys.language));
    anchorCounts.add(keys.anchorCount);
    wordCounts.add(keys.wordCount);
    tieBreaks.add(keys.tieBreak);
    return document;
  }

  /** Must hold the write lock. */
  private int languageNumber(String language) {
    return languageNumbers.computeIfAbsent(language, k -> languageNumbers.size());
  }

  /** Number of documents added. */
  public int size() {
    lock.readLock().lock();
    try {
      return languages.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Candidates for {@code profile}: up to {@code limit} documents in other languages ranked on
   * shared anchors, then up to {@code limit} in the same language ranked on shared word stems.
   *
   * @param exclude a document number to leave out (the query itself), or -1
   */
  public List<Candidate> query(EntityProfile profile, int limit, int exclude) {
    return query(profile, limit, exclude, true);
  }

  /**
   * Candidates for {@code profile} in other languages only: the first part of {@link #query},
   * without ranking the same-language documents on word stems. For a deeper second look at one
   * kind, where the word-stem ranking would be paid again for nothing.
   *
   * @param exclude a document number to leave out (the query itself), or -1
   */
  public List<Candidate> queryOtherLanguages(EntityProfile profile, int limit, int exclude) {
    return query(profile, limit, exclude, false);
  }

  /**
   * Candidates for {@code profile} in one other language only, ranked on shared anchors as {@link
   * #query} ranks the other languages: a document's best rivals in one language, which the top of
   * all other languages may leave out when the document has versions in many.
   *
   * @param language the candidates' language; one the index has not seen gives none
   * @param exclude a document number to leave out (the query itself), or -1
   */
  public List<Candidate> queryLanguage(
      EntityProfile profile, String language, int limit, int exclude) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    lock.readLock().lock();
    try {
      int number = languageNumbers.getOrDefault(language, -1);
      if (number < 0 || language.equals(profile.language())) {
        return List.of();
      }
      boolean ownKeys =
          exclude >= 0 && exclude < profiles.size() && profiles.get(exclude) == profile;
      long[] anchors = DocumentKeys.anchorKeys(profile).toLongArray();
      return ranking.rank(anchors, limit, exclude, ownKeys, number, true, anchorCounts);
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<Candidate> query(
      EntityProfile profile, int limit, int exclude, boolean withSameLanguage) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    Candidates found = query(profile, limit, withSameLanguage ? limit : 0, exclude);
    List<Candidate> result = new ArrayList<>(found.otherLanguages());
    result.addAll(found.sameLanguage());
    return result;
  }

  /**
   * The candidates of {@link #query} in its two kinds, each best first.
   *
   * @param otherLanguages up to so many in other languages, ranked on shared anchors
   * @param sameLanguage up to so many in the same language, ranked on shared word stems
   */
  record Candidates(List<Candidate> otherLanguages, List<Candidate> sameLanguage) {}

  /**
   * Like {@link #query(EntityProfile, int, int)}, with a depth per kind: the first {@code k} of a
   * deeper list are exactly the list of depth {@code k} (candidates are ranked in a total order),
   * so a caller that may want a deeper look later asks for it once.
   *
   * @param otherLanguageLimit candidates in other languages, {@code >= 1}
   * @param sameLanguageLimit candidates in the same language, {@code >= 0} (0: no word-stem
   *     ranking)
   * @param exclude a document number to leave out (the query itself), or -1
   */
  Candidates query(
      EntityProfile profile, int otherLanguageLimit, int sameLanguageLimit, int exclude) {
    if (otherLanguageLimit < 1) {
      throw new IllegalArgumentException(
          "otherLanguageLimit must be >= 1, got " + otherLanguageLimit);
    }
    if (sameLanguageLimit < 0) {
      throw new IllegalArgumentException(
          "sameLanguageLimit must be >= 0, got " + sameLanguageLimit);
    }
    lock.readLock().lock();
    try {
      // A language the index has not seen matches no document: -1.
      int language = languageNumbers.getOrDefault(profile.language(), -1);
      boolean ownKeys =
          exclude >= 0 && exclude < profiles.size() && profiles.get(exclude) == profile;
      DocumentKeys kept = ownKeys ? keptKeys.get(exclude) : null;
      if (kept != null) {
        // Read once: the keys go with the document's own query.
        keptKeys.set(exclude, null);
      }
      // Key arrays in the iteration order of the sets they come from: the rarest keys are chosen
      // with ties broken by that order, and the kept arrays were built by the same steps.
      long[] anchors;
      long[] wordsOnly = null;
      if (kept != null) {
        anchors = kept.anchors;
        wordsOnly = kept.wordsOnly;
      } else {
        LongOpenHashSet anchorSet = DocumentKeys.anchorKeys(profile);
        anchors = anchorSet.toLongArray();
        if (sameLanguageLimit > 0) {
          LongOpenHashSet words = DocumentKeys.wordKeys(profile);
          words.removeAll(anchorSet);
          wordsOnly = words.toLongArray();
        }
      }
      List<Candidate> others =
          ranking.rank(
              anchors, otherLanguageLimit, exclude, ownKeys, language, false, anchorCounts);
      List<Candidate> same = List.of();
      if (sameLanguageLimit > 0) {
        same =
            ranking.rank(
                wordsOnly, sameLanguageLimit, exclude, ownKeys, language, true, wordCounts);
      }
      return new Candidates(others, same);
    } finally {
      lock.readLock().unlock();
    }
  }
}
