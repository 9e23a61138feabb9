package org.polydup.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Runs polydup (the arguments after the first) with the output file named by the first argument
 * blocked once half written: it prints {@link #WRITING} and waits to be killed.
 */
final class BlockedWhileWriting {
  static final String WRITING = "blocked while writing";

  private BlockedWhileWriting() {}

  public static void main(String[] args) {
    RunFiles.filterForTests =
        (file, temporary) ->
            !file.getFileName().toString().equals(args[0])
                ? temporary
                : new FilterOutputStream(temporary) {
                  @Override
                  public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len / 2);
                    out.flush();
                    System.out.println(WRITING);
                    System.out.flush();
                    try {
                      Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                };
    System.exit(Main.run(Arrays.copyOfRange(args, 1, args.length)));
  }
}
