package org.reelgraph.dump;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes one thread writes to a temporary file while another copies them on as they come: the
 * second half of a shared merge, ready to follow the first as soon as that is written, without
 * waiting for the whole of it.
 */
final class FileRelay {
    private final Path file;
    private final AtomicLong written = new AtomicLong();
    private final FileOutputStream out;

    /** Creates the file (so it is there to read before the writer starts). */
    FileRelay(Path file) throws IOException {
        this.file = file;
        this.out = new FileOutputStream(file.toFile());
    }

    /** Where the writing thread writes; each write is visible to {@link #copyTo} once it returns. */
    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                written.incrementAndGet();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                written.addAndGet(length);
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** Copies what is written to {@code out} until {@code writer} is done and all of it is copied. */
    void copyTo(OutputStream out, Future<?> writer) throws IOException {
        byte[] buffer = new byte[1 << 20];
        long copied = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                boolean done = writer.isDone();
                long available = written.get() - copied;
                if (available == 0) {
                    if (done) {
                        finished(writer);
                        return;
                    }
                    TimeUnit.MICROSECONDS.sleep(200);
                    continue;
                }
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, available));
                if (read < 0)
                    throw new IOException("the relay file " + file + " ended before what was written to it");
                out.write(buffer, 0, read);
                copied += read;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying " + file, e);
        }
    }

    private static void finished(Future<?> writer) throws IOException {
        try {
            writer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while merging", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io)
                throw io;
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
