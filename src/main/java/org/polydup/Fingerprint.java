package org.polydup;

import org.polydup.sketch.MinHashSignature;
import org.polydup.verify.ShingleSequence;

/**
 * What the same-language stages keep of one document: its shingles for exact verification and its
 * MinHash signature for the LSH index.
 */
record Fingerprint(ShingleSequence shingles, MinHashSignature signature) {}
