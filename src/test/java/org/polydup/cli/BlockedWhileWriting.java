package org.polydup.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.polydup.BlockedProcess;

/**
 * Runs polydup (the arguments after the first) with the output file named by the first argument
 * {@link BlockedProcess blocked} once half written, waiting to be killed.
 */
final class BlockedWhileWriting {
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
                    BlockedProcess.announceAndWait();
                  }
                };
    System.exit(Main.run(Arrays.copyOfRange(args, 1, args.length)));
  }
}
