package io.modelcompose.gateway.live;

import io.vertx.core.Future;

/** A run backend that can watch the set's job events once asked (it costs a reader of the job topics). */
public interface LiveSource {
    /** Starts watching job events and answers the view; asking again answers the same view. */
    Future<LiveView> startLive();
}
