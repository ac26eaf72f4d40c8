package io.modelcompose.gateway.stream;

/** A run backend that also carries the chunks of streaming jobs to the gateway. */
public interface ChunkSource {

    /** The chunks of the runs going on, kept for attachers. */
    ChunkBook chunks();
}
