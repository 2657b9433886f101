package dev.integrations.http;

import java.net.http.HttpRequest;

/**
 * One step of the chain a request passes through on its way to the network: adding
 * authorization, retrying, waiting for rate limits, serving from a cache. Each step is one
 * class that can be read alone; it may change the request, call {@link Chain#proceed} zero or
 * more times, and change or replace the result.
 */
@FunctionalInterface
public interface HttpStep {
    /**
     * Handles a request, usually by calling {@code chain.proceed(...)}.
     *
     * @param request the request as the previous step passed it
     * @param chain the rest of the chain
     * @return the result for the previous step
     */
    HttpResult apply(HttpRequest request, Chain chain);

    /** The rest of the chain after a step. */
    @FunctionalInterface
    interface Chain {
        /**
         * Passes the request to the next step, or to the network after the last one.
         *
         * @param request the request to send on
         * @return the result of the rest of the chain
         * @throws TransportException when no usable response arrived
         */
        HttpResult proceed(HttpRequest request);
    }
}
