package org.imagefactory.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.zip.CRC32;

/** The bytes of a response and what HTTP says about them; files are streamed, never read into memory whole. */
interface Payload {

    long length();

    /** Milliseconds since the epoch. */
    long lastModified();

    /** A strong entity tag, quotes included. */
    String etag();

    void writeTo(OutputStream out) throws IOException;

    /** The tag of a file: it changes whenever the file is replaced, as a variant never changes in place. */
    static String fileTag(long lastModified, long length) {
        return "\"" + Long.toHexString(lastModified) + "-" + Long.toHexString(length) + "\"";
    }

    /** A resource of a web app that is not unpacked on disk (a pre-generated variant inside a war or jar). */
    record Resource(URL url, long length, long lastModified) implements Payload {

        static Resource of(URL url) throws IOException {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            // Closing its stream is the only way to close the file a connection opens to answer. A jar connection
            // answers headers from a second connection to the whole archive, which nothing closes: its entry's
            // own time is asked instead.
            try (InputStream in = connection.getInputStream()) {
                long lastModified = connection instanceof JarURLConnection jar ? jar.getJarEntry().getTime()
                        : connection.getLastModified();
                return new Resource(url, connection.getContentLengthLong(), lastModified);
            }
        }

        @Override
        public String etag() {
            return fileTag(lastModified, length);
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

        /** Bytes that could not be stored: tagged by their content, so a regeneration keeps the tag. */
        static InMemory unstored(byte[] data) {
            CRC32 crc = new CRC32();
            crc.update(data);
            return new InMemory(data, System.currentTimeMillis() / 1000 * 1000,
                    "\"c" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(data.length) + "\"");
        }

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
