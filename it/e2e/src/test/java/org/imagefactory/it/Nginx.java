package org.imagefactory.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a caching reverse proxy in front of a site, on a free loopback port, with its own prefix
 * folder (configuration, cache, logs, pid) under {@code target/}: the machine's nginx set-up is never touched.
 * It runs in the foreground without a master process, so it stays a child of the test and stops with it.
 */
final class Nginx implements SiteServer {

    private final Process process;
    private final URI base;

    private Nginx(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static Nginx proxyWithCache(URI upstream, Path prefix) {
        Path nginx = DebianPackages.require("nginx", "nginx");
        int port = freePort();
        try {
            Files.createDirectories(prefix.resolve("cache"));
            Files.createDirectories(prefix.resolve("temp"));
            Path config = prefix.resolve("nginx.conf");
            Files.writeString(config, configuration(prefix, port, upstream));
            Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", config.toString(),
                    "-e", prefix.resolve("error.log").toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
            waitForPort(process, port, prefix);
            return new Nginx(process, URI.create("http://127.0.0.1:" + port + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start nginx in " + prefix, e);
        }
    }

    /** The proxy set-up docs/sample-site.md recommends, with this test's paths and ports. */
    static String configuration(Path prefix, int port, URI upstream) {
        String upstreamAddress = upstream.getHost() + ":" + upstream.getPort();
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    proxy_cache_path %1$s/cache levels=1:2 keys_zone=pictures:10m max_size=256m inactive=7d use_temp_path=off;
                    server {
                        listen 127.0.0.1:%2$d;
                        location /picture/ {
                            proxy_pass http://%3$s;
                            proxy_http_version 1.1;
                            proxy_cache pictures;
                            proxy_cache_lock on;
                            proxy_cache_revalidate on;
                            add_header X-Cache-Status $upstream_cache_status always;
                        }
                        location / {
                            proxy_pass http://%3$s;
                        }
                    }
                }
                """.formatted(prefix.toAbsolutePath(), port, upstreamAddress);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void waitForPort(Process process, int port, Path prefix) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with status " + process.exitValue() + ": "
                        + Files.readString(prefix.resolve("nginx.out")) + tailOf(prefix.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + port + " within 20 s; see " + prefix);
    }

    private static String tailOf(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for nginx", e);
        }
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public void close() {
        Processes.stop(process, 10);
    }
}
