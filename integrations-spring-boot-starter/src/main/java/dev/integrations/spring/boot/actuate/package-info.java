/**
 * Operations: the Actuator health contribution (store reachable, connections needing
 * reauthorization) and Micrometer metrics (refreshes, refresh failures, rate limit remaining).
 */
@NullMarked
package dev.integrations.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
