package io.modelcompose.runtimeagent.image;

/**
 * The image a service will run.
 *
 * @param reference the tag containers are created from
 * @param imageId the engine's image id
 * @param origin how the image was obtained
 * @param note why a fallback happened (the pull error), or null
 */
public record ImageResult(String reference, String imageId, Origin origin, String note) {
    /** How an image was obtained. */
    public enum Origin { LOCAL, PULLED, BUILT }
}
