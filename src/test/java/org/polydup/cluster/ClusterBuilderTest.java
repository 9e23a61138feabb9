package org.polydup.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polydup.StoryCluster;

class ClusterBuilderTest {

  private static List<StoryCluster> build(int n, List<int[]> edges) {
    ClusterBuilder b = new ClusterBuilder(n);
    for (int[] e : edges) {
      b.addEdge(e[0], e[1]);
    }
    return b.build(i -> "d" + i, i -> 100);
  }

  @Test
  void build_groupsConnectedDocuments_andSkipsSingletons() {
    List<StoryCluster> clusters =
        build(6, List.of(new int[] {0, 2}, new int[] {2, 4}, new int[] {1, 5}));
    assertEquals(2, clusters.size());
    assertEquals(List.of("d0", "d2", "d4"), clusters.get(0).members());
    assertEquals("d2", clusters.get(0).representative(), "the hub is the representative");
    assertEquals(List.of("d1", "d5"), clusters.get(1).members());
    assertEquals("c000001", clusters.get(0).id());
  }

  /** The chain d0 - d1 - d2 - d3 with the given text lengths: d1 and d2 tie on degree (2). */
  private static StoryCluster chainOfFour(int... lengths) {
    ClusterBuilder b = new ClusterBuilder(4);
    b.addEdge(0, 1);
    b.addEdge(1, 2);
    b.addEdge(2, 3);
    List<StoryCluster> clusters = b.build(i -> "d" + i, i -> lengths[i]);
    assertEquals(1, clusters.size());
    return clusters.get(0);
  }

  @Test
  void build_picksTheLongestText_whenDegreesTie() {
    // d0 is the longest of all but has degree 1: degree comes before length.
    assertEquals("d2", chainOfFour(900, 100, 300, 50).representative());
    assertEquals("d1", chainOfFour(900, 300, 100, 50).representative());
  }

  @Test
  void build_picksTheEarliestDocument_whenDegreeAndLengthTie() {
    assertEquals("d1", chainOfFour(100, 300, 300, 100).representative());
  }

  @Test
  void build_isIndependentOfEdgeOrder() {
    long seed = 20261122L;
    Random random = new Random(seed);
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      edges.add(new int[] {random.nextInt(200), random.nextInt(200)});
    }
    List<StoryCluster> reference = build(200, edges);
    for (int round = 0; round < 20; round++) {
      List<int[]> shuffled = new ArrayList<>(edges);
      Collections.shuffle(shuffled, random);
      for (int[] e : shuffled) {
        if (random.nextBoolean()) {
          int t = e[0];
          e[0] = e[1];
          e[1] = t;
        }
      }
      assertEquals(reference, build(200, shuffled), "seed " + seed + " round " + round);
    }
  }
}
