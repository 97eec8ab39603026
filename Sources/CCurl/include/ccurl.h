#ifndef CCURL_H
#define CCURL_H

#include <stddef.h>

/* One HTTP request through libcurl, which is loaded with dlopen at the first request instead of
   being linked: linking it costs every start of rdr about 16 ms, and only `fetch` needs it. */

/* What became of a request. Every outcome but CCURL_OK comes with a one-line reason in `error`. */
typedef enum ccurl_outcome {
    CCURL_OK = 0,
    /* libcurl could not be loaded (or lacks a function this needs). */
    CCURL_NOT_INSTALLED,
    CCURL_HOST_NOT_FOUND,
    CCURL_CONNECT_FAILED,
    /* Nothing came (no connection, no answer, no new bytes) for idle_timeout_ms,
       or the whole request took longer than total_timeout_ms. */
    CCURL_TIMEOUT,
    /* The connection closed before the whole body came: see expected_length and received_length. */
    CCURL_CUT_SHORT,
    /* Anything else, in curl's words. */
    CCURL_FAILED,
    /* Stopped by ccurl_interrupt (Ctrl-C). */
    CCURL_INTERRUPTED,
} ccurl_outcome;

/* An answer. Its buffers are malloc'd; release them with ccurl_free. */
typedef struct ccurl_response {
    /* The HTTP status, 0 when no answer came. */
    long status;
    unsigned char *body;
    size_t body_length;
    /* The final answer's header lines ("Name: value\r\n" each), without the status line. */
    char *headers;
    size_t headers_length;
    /* Content-Length as announced (-1 when not), and the body bytes that came over the wire. */
    long long expected_length;
    long long received_length;
} ccurl_response;

/* Sends `method url` with `header_count` header lines ("Name: value") and the body, follows
   redirects, and waits for the whole answer. Fills `out` (also on failure, as far as it got) and,
   on failure, `error`. Safe to call from several threads: each request has its own handles. */
ccurl_outcome ccurl_request(const char *method, const char *url, const char *const *headers, size_t header_count,
                            const unsigned char *body, size_t body_length, long idle_timeout_ms,
                            long total_timeout_ms, ccurl_response *out, char *error, size_t error_size);

/* Ctrl-C, for the whole process. ccurl_interrupt is async-signal-safe (a SIGINT handler calls it);
   from then on a transfer in progress stops within 100 ms with CCURL_INTERRUPTED and none starts,
   until ccurl_clear_interrupt. */
void ccurl_interrupt(void);
int ccurl_interrupted(void);
void ccurl_clear_interrupt(void);

/* Frees the buffers of `response` and empties it. */
void ccurl_free(ccurl_response *response);

#endif
