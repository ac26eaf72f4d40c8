package io.modelcompose.testkit.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How to build one local image: its tag, a cheap hash of its inputs, and the build context. */
interface ImageRecipe {
    String tag();

    /** A hash of everything the image is made from; a different hash means the image must be rebuilt. */
    String recipeHash();

    /** Writes the build context (a {@code Dockerfile} and the files it copies) into {@code context}. */
    void prepare(Path context) throws IOException;

    static String sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
