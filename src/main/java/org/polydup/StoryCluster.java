package org.polydup;

import java.util.List;

/**
 * One story and its copies: the connected component of accepted matches.
 *
 * @param id stable cluster id within one scan ({@code c000001}, ...), ordered by the input position
 *     of each cluster's first member
 * @param representative the member most others are linked to (ties: the longest text, then the
 *     earliest in the input): the one to show a person first
 * @param members member ids in input order; at least two
 */
public record StoryCluster(String id, String representative, List<String> members) {

  /** Copies the member list. */
  public StoryCluster {
    members = List.copyOf(members);
  }
}
