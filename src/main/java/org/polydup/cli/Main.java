package org.polydup.cli;

/** Command-line entry point. */
public final class Main {
  private Main() {}

  /** Runs the command line. */
  public static void main(String[] args) {
    System.out.println("polydup");
  }
}
