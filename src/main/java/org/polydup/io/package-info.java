/**
 * Input and output: {@link org.polydup.io.DocumentSource} streams documents from a folder of {@code
 * .txt} files or a {@code .jsonl}/{@code .jsonl.gz} file and reports every bad input as an {@link
 * org.polydup.io.InputProblem} instead of failing; {@link org.polydup.io.JsonlWriter} writes
 * results as JSON Lines; {@link org.polydup.io.Progress} shows a progress line on a terminal.
 *
 * <p>Typical use from the command line layer:
 *
 * <pre>{@code
 * try (JsonlWriter problemsOut = JsonlWriter.open(output.resolve("problems.jsonl"));
 *     DocumentIterator documents = DocumentSource.of(input).iterator(problem -> {
 *       System.err.println(problem);
 *       problemsOut.write(problem.toMap()); // wrap the IOException
 *     });
 *     Progress progress = Progress.create("scan", documents.totalBytes())) {
 *   long bytesBefore = 0;
 *   while (documents.hasNext()) {
 *     detector.add(documents.next());
 *     progress.advance(1, documents.bytesRead() - bytesBefore);
 *     bytesBefore = documents.bytesRead();
 *   }
 * }
 * }</pre>
 */
package org.polydup.io;
