package org.reelgraph.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: java.net.http refuses malformed
 * percent-encoding, CR/LF in header values and raw NUL in a path, which are exactly what hostile
 * clients send.
 */
final class RawHttp {
    private RawHttp() {}

    /** One answer: status, headers by lower-case name, body (chunked bodies decoded). */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    /**
     * @param headers "Name: value" lines, sent as given
     * @param chunked send the body with Transfer-Encoding: chunked instead of Content-Length
     */
    static Answer exchange(int port, String method, String target, List<String> headers, byte[] body, boolean chunked) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
            for (String h : headers)
                head.append(h).append("\r\n");
            if (body != null)
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                if (body != null && !chunked)
                    out.write(body);
                if (body != null && chunked) {
                    for (int i = 0; i < body.length; i += 65536) {
                        int n = Math.min(65536, body.length - i);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (413): read what it said.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target, e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (split < 0)
            throw new IOException("no HTTP answer: " + new String(all, StandardCharsets.ISO_8859_1));
        String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked"))
            body = dechunk(body);
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int eol = indexOf(chunked, i, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (eol < 0)
                break;
            int size = Integer.parseInt(new String(chunked, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0)
                break;
            out.write(chunked, eol + 2, Math.min(size, chunked.length - eol - 2));
            i = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++)
                if (data[i + j] != pattern[j])
                    continue outer;
            return i;
        }
        return -1;
    }
}
