/**
 * Internal helpers of the engine, shared by its packages and by Egretta's own modules: text terms
 * and sentences ({@link dev.egretta.core.internal.Terms}), token estimates, citation repair while
 * an answer streams, the domain catalog, owner-only files and folder removal. <strong>Not API</strong>: anything here may change or
 * disappear in any release without notice; applications use {@code dev.egretta.core},
 * {@code dev.egretta.core.spi} and the stage interfaces in {@code dev.egretta.core.pipeline}.
 */
package dev.egretta.core.internal;
