package org.imagefactory.core.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.imagefactory.core.SourcePath;

/**
 * Where source images and their versions come from: a directory ({@link DirectorySourceStore}) today; a web
 * app's folder, a class-path location or object storage are other implementations of the same two calls.
 * Implementations are safe for concurrent use.
 */
public interface SourceStore {

    /**
     * The source at this path, when the store has one it may serve: a regular file, not hidden, not reached
     * through a link the store's rule refuses. Empty for everything else, without saying which, so a client
     * cannot probe what exists outside the store.
     */
    Optional<Source> find(SourcePath path) throws IOException;

    /** Every image source in the store (by file name: jpg, jpeg, png, gif, bmp, webp), in path order. */
    List<SourcePath> list() throws IOException;
}
