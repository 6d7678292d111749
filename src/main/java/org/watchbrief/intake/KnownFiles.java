package org.watchbrief.intake;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What intake remembers of the inbox's files: each file's size and modification time when its
 * content was last hashed, and that hash. A file whose size and modification time are unchanged
 * is not read or hashed again: when the store holds the content of that hash, the file is passed
 * over without more ado; otherwise it is read. Implemented by the store.
 *
 * <p>It also remembers the inbox's files by bucket ({@link FileBuckets}): each bucket's count and
 * fingerprint when every file in it was stored. A routine run passes over the files of a bucket
 * that is the same as recorded without looking each of them up.
 */
public interface KnownFiles {

    /** Remembers nothing: every file is read and hashed. */
    KnownFiles NONE = new KnownFiles() {
        @Override
        public Map<String, Known> find(Collection<String> sourceKeys) {
            return Map.of();
        }

        @Override
        public void remember(List<Known> files) {
            // nothing
        }

        @Override
        public List<Bucket> buckets() {
            return List.of();
        }

        @Override
        public void recordBuckets(Set<Integer> replaced, List<Bucket> stored) {
            // nothing
        }
    };

    /**
     * A file as it was when hashed.
     *
     * @param sourceKey the file's path relative to the inbox
     * @param size its size in bytes
     * @param modified its modification time, in microseconds since the epoch
     * @param contentHash the SHA-256 of its content then, in hex
     * @param stored whether the store holds a document of that content (when found; ignored when remembered)
     */
    record Known(String sourceKey, long size, long modified, String contentHash, boolean stored) {
    }

    /**
     * A bucket of the inbox's files as it was when every file in it had been stored.
     *
     * @param number the bucket's number, below {@link FileBuckets#COUNT}
     * @param files how many files it held
     * @param fingerprint the sum of their hashes
     */
    record Bucket(int number, int files, long fingerprint) {
    }

    /**
     * What is remembered of these files, by source key, and whether their content is stored; files
     * never remembered are left out.
     */
    Map<String, Known> find(Collection<String> sourceKeys);

    /** Remembers these files, replacing what was remembered of them before. */
    void remember(List<Known> files);

    /** The buckets recorded, each the last time every file in it had been stored. */
    List<Bucket> buckets();

    /** Forgets what was recorded of the {@code replaced} buckets and records {@code stored} instead. */
    void recordBuckets(Set<Integer> replaced, List<Bucket> stored);

    /** The same lookups, remembering nothing new: for a dry run, which changes nothing. */
    default KnownFiles readOnly() {
        KnownFiles all = this;
        return new KnownFiles() {
            @Override
            public Map<String, Known> find(Collection<String> sourceKeys) {
                return all.find(sourceKeys);
            }

            @Override
            public void remember(List<Known> files) {
                // a dry run writes nothing
            }

            @Override
            public List<Bucket> buckets() {
                return all.buckets();
            }

            @Override
            public void recordBuckets(Set<Integer> replaced, List<Bucket> stored) {
                // a dry run writes nothing
            }
        };
    }
}
