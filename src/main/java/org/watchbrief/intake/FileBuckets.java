package org.watchbrief.intake;

import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * A folder's files sorted by name into {@value #COUNT} buckets, each bucket summed up as the number
 * of its files and a fingerprint of their names, sizes and modification times: the sum of a 64-bit
 * hash of each, so the order of listing does not matter. Two listings whose bucket has the same
 * count and fingerprint hold the same files in it, unchanged (a file renamed, added, removed,
 * resized or touched changes the sum, but for a chance of one in 2^64). A bucket is spoiled by an
 * entry that cannot be summed up so (a link, a file still being written): a spoiled bucket never
 * matches. Fixed size (under 1 MB) whatever the folder holds.
 */
final class FileBuckets {

    /** How many buckets: a routine run looks up every file of a bucket that holds a new one. */
    static final int COUNT = 1 << 16;

    private final int[] files = new int[COUNT];

    private final long[] fingerprints = new long[COUNT];

    private final BitSet spoiled = new BitSet(COUNT);

    /** The bucket of a file, by its source key. */
    static int bucket(String key) {
        return (int) (mix(hash(key)) >>> 48);
    }

    /** Counts a file in its bucket. */
    void add(String key, long size, long modified) {
        int bucket = bucket(key);
        files[bucket]++;
        fingerprints[bucket] += mix(hash(key) + mix(size + 0x632be59bd9b4e019L) * 31 + mix(modified));
    }

    /** Marks the bucket of an entry that cannot be summed up: it matches nothing. */
    void spoil(String key) {
        spoiled.set(bucket(key));
    }

    boolean spoiled(int bucket) {
        return spoiled.get(bucket);
    }

    int files(int bucket) {
        return files[bucket];
    }

    long fingerprint(int bucket) {
        return fingerprints[bucket];
    }

    /** Sets a bucket as recorded before. */
    void set(int bucket, int count, long fingerprint) {
        files[bucket] = count;
        fingerprints[bucket] = fingerprint;
    }

    /** Whether a bucket holds the same files here as in {@code other}, neither spoiled. */
    boolean same(int bucket, FileBuckets other) {
        return !spoiled(bucket) && !other.spoiled(bucket) && files[bucket] == other.files[bucket]
                && fingerprints[bucket] == other.fingerprints[bucket];
    }

    /** Each bucket that holds a file, or is spoiled. */
    void forEachUsed(IntConsumer action) {
        for (int bucket = 0; bucket < COUNT; bucket++) {
            if (files[bucket] != 0 || spoiled.get(bucket)) {
                action.accept(bucket);
            }
        }
    }

    /** FNV-1a over the key's characters. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: every bit of the input moves half the bits of the output. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
