/**
 * The one exception hierarchy of the Backpack client (style guide B7). Every exception is unchecked
 * and extends {@link dev.bpx.client.exception.BackpackException}:
 *
 * <pre>
 * BackpackException
 * ├── ValidationException       local, nothing was sent: field + reason + how to fix
 * ├── ApiException              the exchange answered non-2xx: HTTP status, code, message, method + path
 * │   ├── AuthenticationException   401/403, bad signature, expired timestamp
 * │   └── RateLimitException        429, with the retry-after delay when known
 * ├── NetworkException          no answer; says whether the request may have reached the exchange
 * ├── ResponseFormatException   2xx but unreadable: endpoint and JSON path
 * └── OrderNotPlacedException   placing failed and the exchange confirmed it has no such order: safe to place again
 * </pre>
 *
 * <p>The hierarchy is sealed because this project owns it. No message contains a key, a signature
 * or a signed request body.
 */
package dev.bpx.client.exception;
