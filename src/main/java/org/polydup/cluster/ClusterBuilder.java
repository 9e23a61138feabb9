package org.polydup.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.polydup.StoryCluster;

/**
 * Groups documents into story clusters: union-find over accepted edges, then a representative per
 * cluster. Deterministic: the result depends only on the documents' input positions and the set of
 * edges, not on the order edges arrive in (so a parallel scan gives the same clusters).
 *
 * <p>Not thread-safe; collect edges first, then call {@link #build}.
 */
public final class ClusterBuilder {
  private final int documentCount;
  private final UnionFind sets;
  private final int[] degree;

  /** A builder over documents numbered {@code [0, documentCount)} in input order. */
  public ClusterBuilder(int documentCount) {
    this.documentCount = documentCount;
    this.sets = new UnionFind(documentCount);
    this.degree = new int[documentCount];
  }

  /** Records an accepted match between documents {@code a} and {@code b}. */
  public void addEdge(int a, int b) {
    if (a == b) {
      return;
    }
    sets.union(a, b);
    degree[a]++;
    degree[b]++;
  }

  /**
   * The clusters of two or more members.
   *
   * @param idOf document id by input position
   * @param textLength text length by input position, for the representative's tie-break
   */
  public List<StoryCluster> build(
      java.util.function.IntFunction<String> idOf, IntUnaryOperator textLength) {
    int[] clusterOfRoot = new int[documentCount];
    java.util.Arrays.fill(clusterOfRoot, -1);
    List<List<Integer>> groups = new ArrayList<>();
    int[] groupSize = new int[documentCount];
    for (int i = 0; i < documentCount; i++) {
      groupSize[sets.find(i)]++;
    }
    for (int i = 0; i < documentCount; i++) {
      int root = sets.find(i);
      if (groupSize[root] < 2) {
        continue;
      }
      if (clusterOfRoot[root] < 0) {
        clusterOfRoot[root] = groups.size();
        groups.add(new ArrayList<>());
      }
      groups.get(clusterOfRoot[root]).add(i);
    }
    List<StoryCluster> clusters = new ArrayList<>(groups.size());
    Comparator<Integer> representativeOrder =
        Comparator.<Integer>comparingInt(i -> -degree[i])
            .thenComparingInt(i -> -textLength.applyAsInt(i))
            .thenComparingInt(i -> i);
    for (int c = 0; c < groups.size(); c++) {
      List<Integer> group = groups.get(c);
      int representative = group.stream().min(representativeOrder).orElseThrow();
      List<String> ids = new ArrayList<>(group.size());
      for (int member : group) {
        ids.add(idOf.apply(member));
      }
      clusters.add(
          new StoryCluster(
              String.format(Locale.ROOT, "c%06d", c + 1), idOf.apply(representative), ids));
    }
    return clusters;
  }
}
