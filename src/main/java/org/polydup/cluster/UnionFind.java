package org.polydup.cluster;

/**
 * Disjoint sets over the integers {@code [0, size)} with path halving and union by size (Tarjan,
 * "Efficiency of a good but not linear set union algorithm", JACM 1975). Not thread-safe.
 */
public final class UnionFind {
  private final int[] parent;
  private final int[] size;

  /** {@code size} singleton sets, {@code size >= 0}. */
  public UnionFind(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    this.parent = new int[size];
    this.size = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
      this.size[i] = 1;
    }
  }

  /** The representative of {@code x}'s set. */
  public int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Merges the sets of {@code x} and {@code y}; returns false when they were already one. */
  public boolean union(int x, int y) {
    int rx = find(x);
    int ry = find(y);
    if (rx == ry) {
      return false;
    }
    if (size[rx] < size[ry] || (size[rx] == size[ry] && ry < rx)) {
      int t = rx;
      rx = ry;
      ry = t;
    }
    parent[ry] = rx;
    size[rx] += size[ry];
    return true;
  }
}
