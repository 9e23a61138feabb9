package org.polydup.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A stream that takes {@code room} bytes, then fails as a full disk does. */
final class FailingStream extends FilterOutputStream {
  private long room;

  FailingStream(OutputStream out, long room) {
    super(out);
    this.room = room;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int taken = (int) Math.min(len, room);
    out.write(b, off, taken); // the first part of the data reaches the file, as on a full disk
    room -= taken;
    if (taken < len) {
      throw new IOException("No space left on device");
    }
  }
}
