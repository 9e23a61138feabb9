/**
 * Input and output: {@link org.polydup.io.DocumentSource} streams documents from a folder of {@code
 * .txt} files, a {@code .jsonl}, {@code .csv} or {@code .tsv} file (each optionally gzipped) or a
 * stream of JSON Lines, and reports every bad input as an {@link org.polydup.io.InputProblem}
 * instead of failing; {@link org.polydup.io.JsonlWriter} writes results as JSON Lines. (The scan's
 * progress bar is drawn by the command line, {@code cli.ProgressBar}.)
 *
 * <p>Typical use from the command line layer:
 *
 * <pre>{@code
 * try (JsonlWriter problemsOut = JsonlWriter.open(output.resolve("problems.jsonl"));
 *     DocumentIterator documents = DocumentSource.of(input).iterator(problem -> {
 *       System.err.println(problem);
 *       problemsOut.write(problem.toMap()); // wrap the IOException
 *     })) {
 *   while (documents.hasNext()) {
 *     detector.add(documents.next());
 *   }
 * }
 * }</pre>
 */
package org.polydup.io;
