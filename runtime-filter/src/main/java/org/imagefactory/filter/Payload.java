package org.imagefactory.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.attribute.FileTime;

import org.imagefactory.core.ContentHash;
import org.imagefactory.core.store.FileStamp;
import org.imagefactory.core.store.ContentHashes;

/** The bytes of a response and what HTTP says about them; files are streamed, never read into memory whole. */
interface Payload {

    long length();

    /** Milliseconds since the epoch. */
    long lastModified();

    /** A strong entity tag, quotes included: {@link #tag} of the bytes' {@link ContentHash}. */
    String etag();

    void writeTo(OutputStream out) throws IOException;

    /**
     * The entity tag of bytes with this content hash: the same bytes have the same tag on every server and from
     * every file (pre-generated, cached or just generated), whatever its date, as a CDN in front of several
     * servers needs; other bytes have another.
     */
    static String tag(String contentHash) {
        return "\"" + contentHash + "\"";
    }

    /** A resource of a web app that is not unpacked on disk (a pre-generated variant inside a war or jar). */
    record Resource(URL url, long length, long lastModified, String etag) implements Payload {

        /** The resource, its bytes hashed once per length and date (see {@link ContentHashes}). */
        static Resource of(URL url, ContentHashes hashes) throws IOException {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            // Closing its stream is the only way to close the file a connection opens to answer. A jar connection
            // answers headers from a second connection to the whole archive, which nothing closes: its entry's
            // own time is asked instead.
            try (InputStream in = connection.getInputStream()) {
                long lastModified = connection instanceof JarURLConnection jar ? jar.getJarEntry().getTime()
                        : connection.getLastModified();
                long length = connection.getContentLengthLong();
                String hash = hashes.of(url.toString(), new FileStamp(null, FileTime.fromMillis(lastModified), length),
                        () -> ContentHash.of(in));
                return new Resource(url, length, lastModified, tag(hash));
            }
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                copy(in, out, length);
            }
        }
    }

    /** A variant just generated: it is in memory anyway, and the cache file may not have been writable. */
    record InMemory(byte[] data, long lastModified, String etag) implements Payload {

        @Override
        public long length() {
            return data.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(data);
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[(int) Math.max(1, Math.min(length, 64 * 1024))];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
        }
    }
}
