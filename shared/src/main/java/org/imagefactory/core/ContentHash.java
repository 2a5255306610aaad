package org.imagefactory.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of some bytes, whatever file, date or server they come from: the first 128 bits of their SHA-256,
 * in lower-case hex. Equal bytes have equal hashes everywhere, so servers that share a cache, or hold their own
 * copies of one war, agree on a version and on an entity tag; 128 bits make an accidental collision as unlikely
 * among the files of any site as it is among all the files ever made.
 */
public final class ContentHash {

    private static final int HASH_BYTES = 16;
    private static final int BUFFER_BYTES = 64 * 1024;

    private ContentHash() {
    }

    public static String of(byte[] data) {
        MessageDigest digest = sha256();
        digest.update(data);
        return hex(digest);
    }

    public static String of(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            digest.update(buffer, 0, read);
        }
        return hex(digest);
    }

    /** The hash of a file's bytes, read with positional reads so others may read the same channel meanwhile. */
    public static String of(FileChannel channel) throws IOException {
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        long position = 0;
        int read;
        while ((read = channel.read(buffer.clear(), position)) >= 0) {
            digest.update(buffer.flip());
            position += read;
        }
        return hex(digest);
    }

    private static String hex(MessageDigest digest) {
        byte[] hash = digest.digest();
        return HexFormat.of().formatHex(hash, 0, HASH_BYTES);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must have", e);
        }
    }
}
