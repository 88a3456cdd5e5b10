package org.reelgraph.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The bearer token that writes need. Compared in constant time. */
public final class AccessToken {
    public static final String ENV = "REELGRAPH_TOKEN";

    private final byte[] token;
    private final String origin;

    private AccessToken(String token, String origin) {
        if (token.isBlank())
            throw new IllegalArgumentException("the access token is empty");
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.origin = origin;
    }

    public static AccessToken of(String token) {
        return new AccessToken(token, "given");
    }

    /** From {@code REELGRAPH_TOKEN} if set, else a new random token written to {@code file} (mode 600). */
    public static AccessToken fromEnvironmentOrNew(String environmentValue, Path file) {
        if (environmentValue != null && !environmentValue.isBlank())
            return new AccessToken(environmentValue.strip(), "from " + ENV);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the access token to " + file, e);
        }
        return new AccessToken(token, "written to " + file);
    }

    /** The token of an {@code Authorization: Bearer TOKEN} header, or null when there is none. */
    public static String bearer(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7))
            return null;
        return authorizationHeader.substring(7).strip();
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Where the token came from, for the start-up log (never the token itself). */
    public String origin() {
        return origin;
    }
}
