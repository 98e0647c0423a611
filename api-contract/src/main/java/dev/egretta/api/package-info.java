/**
 * The Egret compliance API's JSON shapes as Java records, the shared {@link dev.egretta.api.EgretJson
 * mapper} and {@link dev.egretta.api.RequestValidator request validation}.
 *
 * <p>Names are Egret's (snake_case) and fields are written in the order of Egret's examples.
 * Optional fields that Egret writes as {@code null} ({@code page_number}, {@code download_url},
 * a user message's {@code context_quality}) are always written.
 *
 * <h2>Streaming vocabulary (Server-Sent Events)</h2>
 * A query with {@code "stream": true} answers {@code text/event-stream}; every event is an
 * {@code event:} name and one {@code data:} line of JSON ({@link dev.egretta.api.StreamEvent}):
 * <ol>
 *   <li>{@code sources} — once, before any text: {@code {"sources": [ ...source... ]}};</li>
 *   <li>{@code delta} — zero or more: {@code {"text": "<fragment of the Markdown answer>"}};</li>
 *   <li>then exactly one of:
 *     <ul>
 *       <li>{@code done} — the complete query response, identical to the non-streaming one;
 *           its {@code response} equals the {@code delta} texts concatenated;</li>
 *       <li>{@code error} — the error body {@code {"detail": "...", "errors": [...]}}.</li>
 *     </ul></li>
 * </ol>
 * A server may also send SSE comment lines ({@code : heartbeat}) while idle; clients ignore them.
 */
package dev.egretta.api;
