package org.reelgraph.store;

/** A write that the remote store cannot take as reelgraph must send it (one request, statements read back the same); nothing was sent. */
public final class RemoteStoreException extends RuntimeException {
    public RemoteStoreException(String message) {
        super(message);
    }
}
