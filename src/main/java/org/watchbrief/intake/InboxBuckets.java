package org.watchbrief.intake;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One run's view of the inbox by bucket ({@link FileBuckets}), so that a routine run costs what is
 * new: the inbox is first summed up by bucket (a listing, no reading); a bucket that sums up as it
 * did when all its files had been stored is <em>clean</em>, and its files are passed over without a
 * lookup each. The other buckets' files are looked up as ever, and summed up again as they are
 * passed over or taken in. Once the run has stored or quarantined all it took in, each such bucket
 * whose files were all passed over or taken in, unchanged since the first listing, none of them
 * quarantined, still being written or changed within a clock's tick, is recorded for the next run.
 */
final class InboxBuckets {

    private final KnownFiles known;

    /** The inbox as first listed. */
    private final FileBuckets listed;

    /** The buckets as recorded when last all stored. */
    private final FileBuckets recorded = new FileBuckets();

    /** The files of the buckets not clean, as this run passed them over or took them in. */
    private final FileBuckets taken = new FileBuckets();

    private final BitSet clean = new BitSet(FileBuckets.COUNT);

    private final int cleanFiles;

    InboxBuckets(FileBuckets listed, KnownFiles known) {
        this.listed = listed;
        this.known = known;
        known.buckets().forEach(b -> recorded.set(b.number(), b.files(), b.fingerprint()));
        int files = 0;
        for (int bucket = 0; bucket < FileBuckets.COUNT; bucket++) {
            if (listed.files(bucket) > 0 && listed.same(bucket, recorded)) {
                clean.set(bucket);
                files += listed.files(bucket);
            }
        }
        cleanFiles = files;
    }

    /** How many files the clean buckets hold: passed over without a lookup. */
    int cleanFiles() {
        return cleanFiles;
    }

    /** Whether every file listed is in a clean bucket: nothing to look up. */
    boolean allClean() {
        boolean[] dirty = { false };
        listed.forEachUsed(bucket -> dirty[0] |= !clean.get(bucket));
        return !dirty[0];
    }

    /** Whether the file of this key is in a clean bucket. */
    boolean clean(String key) {
        return clean.get(FileBuckets.bucket(key));
    }

    /** A file passed over as stored, or taken in, with its size and modification time as listed. */
    void taken(String key, long size, long modified) {
        taken.add(key, size, modified);
    }

    /** A file that leaves its bucket unrecorded this run: it may not be stored as it is by the run's end. */
    void spoil(String key) {
        taken.spoil(key);
    }

    /**
     * Records the buckets that were not clean, now that the run has stored or quarantined all it
     * took in: those whose files were all taken as first listed, and none quarantined, for the
     * next run to pass over; the others are forgotten.
     */
    void completed(Collection<String> quarantined) {
        quarantined.forEach(taken::spoil);
        Set<Integer> replaced = new HashSet<>();
        List<KnownFiles.Bucket> stored = new ArrayList<>();
        listed.forEachUsed(replaced::add);
        recorded.forEachUsed(replaced::add);
        replaced.removeIf(clean::get);
        for (int bucket : replaced) {
            if (listed.files(bucket) > 0 && taken.same(bucket, listed)) {
                stored.add(new KnownFiles.Bucket(bucket, listed.files(bucket), listed.fingerprint(bucket)));
            }
        }
        if (!replaced.isEmpty()) {
            known.recordBuckets(replaced, stored);
        }
    }
}
