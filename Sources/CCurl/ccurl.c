#define _POSIX_C_SOURCE 200809L  // clock_gettime, also under a strict -std=c11

#include "ccurl.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* curl's headers are not needed (nor installed): the few types, options and codes used here, with
   the numeric values curl documents and keeps stable. */
typedef void CURL;
typedef void CURLM;
typedef long long curl_off_t;
struct curl_slist;
typedef struct {
    int msg;
    CURL *easy_handle;
    union {
        void *whatever;
        int result;
    } data;
} curl_message;

enum {
    CURLOPT_ERRORBUFFER = 10010,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_HEADERFUNCTION = 20079,
    CURLOPT_HEADERDATA = 10029,
    CURLOPT_URL = 10002,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_POSTFIELDS = 10015,
    CURLOPT_POSTFIELDSIZE_LARGE = 30120,
    CURLOPT_NOBODY = 44,
    CURLOPT_CUSTOMREQUEST = 10036,
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_ACCEPT_ENCODING = 10102,
    CURLOPT_NOSIGNAL = 99,
    CURLOPT_TIMEOUT_MS = 155,
};
enum {
    CURLINFO_RESPONSE_CODE = 0x200000 + 2,
    CURLINFO_HEADER_SIZE = 0x200000 + 11,
    CURLINFO_OS_ERRNO = 0x200000 + 25,
    CURLINFO_SIZE_UPLOAD_T = 0x600000 + 7,
    CURLINFO_SIZE_DOWNLOAD_T = 0x600000 + 8,
    CURLINFO_CONTENT_LENGTH_DOWNLOAD_T = 0x600000 + 15,
};
enum {
    CURLE_OK = 0,
    CURLE_COULDNT_RESOLVE_PROXY = 5,
    CURLE_COULDNT_RESOLVE_HOST = 6,
    CURLE_COULDNT_CONNECT = 7,
    CURLE_PARTIAL_FILE = 18,
    CURLE_OPERATION_TIMEDOUT = 28,
};
enum { CURLMSG_DONE = 1, CURL_ERROR_SIZE = 256, CURL_GLOBAL_DEFAULT = 3 };

/* libcurl's functions, found at the first request. The multi interface rather than
   curl_easy_perform: it lets the wait for bytes be watched to the millisecond (libcurl's own
   CURLOPT_LOW_SPEED_TIME counts whole seconds, and an average speed at that). */
static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLM *(*multi_init)(void);
    int (*multi_add_handle)(CURLM *, CURL *);
    int (*multi_remove_handle)(CURLM *, CURL *);
    int (*multi_perform)(CURLM *, int *);
    int (*multi_poll)(CURLM *, void *, unsigned int, int, int *);
    curl_message *(*multi_info_read)(CURLM *, int *);
    int (*multi_cleanup)(CURLM *);
    const char *(*multi_strerror)(int);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
/* Empty once libcurl is loaded; otherwise why it is not. */
static char load_problem[256];

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(load_problem, sizeof load_problem, "libcurl is not installed: apt-get install libcurl4");
        return;
    }
    struct {
        void **slot;
        const char *name;
    } symbols[] = {
        {(void **)&curl.global_init, "curl_global_init"},
        {(void **)&curl.easy_init, "curl_easy_init"},
        {(void **)&curl.easy_setopt, "curl_easy_setopt"},
        {(void **)&curl.easy_getinfo, "curl_easy_getinfo"},
        {(void **)&curl.easy_cleanup, "curl_easy_cleanup"},
        {(void **)&curl.easy_strerror, "curl_easy_strerror"},
        {(void **)&curl.slist_append, "curl_slist_append"},
        {(void **)&curl.slist_free_all, "curl_slist_free_all"},
        {(void **)&curl.multi_init, "curl_multi_init"},
        {(void **)&curl.multi_add_handle, "curl_multi_add_handle"},
        {(void **)&curl.multi_remove_handle, "curl_multi_remove_handle"},
        {(void **)&curl.multi_perform, "curl_multi_perform"},
        {(void **)&curl.multi_poll, "curl_multi_poll"},
        {(void **)&curl.multi_info_read, "curl_multi_info_read"},
        {(void **)&curl.multi_cleanup, "curl_multi_cleanup"},
        {(void **)&curl.multi_strerror, "curl_multi_strerror"},
    };
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        *symbols[i].slot = dlsym(library, symbols[i].name);
        if (!*symbols[i].slot) {
            snprintf(load_problem, sizeof load_problem,
                     "the installed libcurl is too old (it lacks %s; 7.66 or later is needed)", symbols[i].name);
            return;
        }
    }
    // Here, once, rather than implicitly by the first curl_easy_init: not thread-safe before 7.84.
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        snprintf(load_problem, sizeof load_problem, "libcurl could not initialise itself");
}

/* A growing malloc'd buffer. */
typedef struct {
    char *bytes;
    size_t length;
    size_t capacity;
} buffer;

static int append(buffer *b, const char *data, size_t count) {
    if (b->length + count > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 16 * 1024;
        while (capacity < b->length + count) capacity *= 2;
        char *grown = realloc(b->bytes, capacity);
        if (!grown) return 0;
        b->bytes = grown;
        b->capacity = capacity;
    }
    memcpy(b->bytes + b->length, data, count);
    b->length += count;
    return 1;
}

/* Returning less than given makes libcurl fail the transfer (out of memory here). */
static size_t on_body(char *data, size_t size, size_t count, void *body) {
    return append(body, data, size * count) ? size * count : 0;
}

/* Called once per header line. A status line begins another answer (after a redirect or a
   "100 Continue"), whose headers replace the ones so far; the blank line at the end is dropped. */
static size_t on_header(char *data, size_t size, size_t count, void *headers) {
    size_t length = size * count;
    buffer *b = headers;
    if (length >= 5 && memcmp(data, "HTTP/", 5) == 0) {
        b->length = 0;
        return length;
    }
    if (length <= 2 && (data[0] == '\r' || data[0] == '\n')) return length;
    return append(b, data, length) ? length : 0;
}

/* Lock-free, so that a signal handler may set it. */
static atomic_int interrupt_requested;
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "a signal handler needs a lock-free atomic int");

void ccurl_interrupt(void) { atomic_store(&interrupt_requested, 1); }
int ccurl_interrupted(void) { return atomic_load(&interrupt_requested); }
void ccurl_clear_interrupt(void) { atomic_store(&interrupt_requested, 0); }

static long long milliseconds_now(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Every byte moved so far, header and body, either way: when it grows, the transfer is alive. */
static long long bytes_moved(CURL *easy) {
    long header = 0;
    curl_off_t uploaded = 0, downloaded = 0;
    curl.easy_getinfo(easy, CURLINFO_HEADER_SIZE, &header);
    curl.easy_getinfo(easy, CURLINFO_SIZE_UPLOAD_T, &uploaded);
    curl.easy_getinfo(easy, CURLINFO_SIZE_DOWNLOAD_T, &downloaded);
    return header + uploaded + downloaded;
}

__attribute__((format(printf, 4, 5)))
static ccurl_outcome fail(ccurl_outcome outcome, char *error, size_t error_size, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(error, error_size, format, arguments);
    va_end(arguments);
    return outcome;
}

/* Why curl gave up, as one line: its error buffer when it filled it, else the code's text. */
static ccurl_outcome curl_failure(CURL *easy, int code, const char *detail, char *error, size_t error_size) {
    const char *reason = detail[0] ? detail : curl.easy_strerror(code);
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return fail(CCURL_HOST_NOT_FOUND, error, error_size,
                    "the host name is unknown (is there an internet connection?)");
    case CURLE_COULDNT_CONNECT: {
        long os_error = 0;
        curl.easy_getinfo(easy, CURLINFO_OS_ERRNO, &os_error);
        return os_error == ECONNREFUSED ? fail(CCURL_CONNECT_FAILED, error, error_size, "the connection was refused")
                                        : fail(CCURL_CONNECT_FAILED, error, error_size, "%s", reason);
    }
    case CURLE_OPERATION_TIMEDOUT:
        return fail(CCURL_TIMEOUT, error, error_size, "%s", reason);
    case CURLE_PARTIAL_FILE:
        return fail(CCURL_CUT_SHORT, error, error_size, "%s", reason);
    default:
        return fail(CCURL_FAILED, error, error_size, "%s", reason);
    }
}

/* Sets up `easy` for the request: CURLE_OK, or the first option libcurl refused. */
static int configure(CURL *easy, const char *method, const char *url, struct curl_slist *headers,
                     const unsigned char *body, size_t body_length, long total_timeout_ms, char *detail,
                     buffer *received_body, buffer *received_headers) {
    int code = CURLE_OK;
#define SET(option, value) code = code != CURLE_OK ? code : curl.easy_setopt(easy, option, value)
    SET(CURLOPT_NOSIGNAL, 1L);
    SET(CURLOPT_ERRORBUFFER, detail);
    SET(CURLOPT_URL, url);
    SET(CURLOPT_HTTPHEADER, headers);
    SET(CURLOPT_FOLLOWLOCATION, 1L);
    SET(CURLOPT_ACCEPT_ENCODING, "");  // whatever this libcurl can decode
    SET(CURLOPT_TIMEOUT_MS, total_timeout_ms);
    SET(CURLOPT_WRITEFUNCTION, on_body);
    SET(CURLOPT_WRITEDATA, received_body);
    SET(CURLOPT_HEADERFUNCTION, on_header);
    SET(CURLOPT_HEADERDATA, received_headers);
    // libcurl sends HEAD with NOBODY, POST with POSTFIELDS, otherwise GET; any other method by name.
    const char *implied = "GET";
    if (strcmp(method, "HEAD") == 0) {
        SET(CURLOPT_NOBODY, 1L);
        implied = "HEAD";
    } else if (body_length > 0 || strcmp(method, "POST") == 0) {
        SET(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
        SET(CURLOPT_POSTFIELDS, body_length > 0 ? (const void *)body : "");
        implied = "POST";
    }
    if (strcmp(method, implied) != 0) SET(CURLOPT_CUSTOMREQUEST, method);
#undef SET
    return code;
}

/* The caller's header lines, then "Expect:": no "Expect: 100-continue" before a larger body, which
   costs a second with a server that ignores it. 0 when out of memory. */
static int header_list(struct curl_slist **list, const char *const *headers, size_t count) {
    for (size_t i = 0; i <= count; i++) {
        struct curl_slist *longer = curl.slist_append(*list, i < count ? headers[i] : "Expect:");
        if (!longer) return 0;
        *list = longer;
    }
    return 1;
}

/* Drives the transfer in slices of at most 100 ms, giving up when no byte has moved for
   idle_timeout_ms or at ccurl_interrupt, then reads what came into `out`. */
static ccurl_outcome transfer(CURL *easy, CURLM *multi, int code, const char *detail, long idle_timeout_ms,
                              ccurl_response *out, char *error, size_t error_size) {
    if (code != CURLE_OK) return curl_failure(easy, code, detail, error, error_size);
    long slice = idle_timeout_ms / 10;
    if (slice < 5) slice = 5;
    if (slice > 100) slice = 100;
    ccurl_outcome outcome = CCURL_OK;
    long long moved = -1, last_activity = 0;
    int running = 1, multi_code = curl.multi_add_handle(multi, easy);
    while (multi_code == 0) {
        if (ccurl_interrupted()) {
            outcome = fail(CCURL_INTERRUPTED, error, error_size, "stopped by Ctrl-C");
            break;
        }
        multi_code = curl.multi_perform(multi, &running);
        if (multi_code != 0 || !running) break;
        long long now = milliseconds_now(), so_far = bytes_moved(easy);
        if (so_far != moved) {
            moved = so_far;
            last_activity = now;
        } else if (now - last_activity >= idle_timeout_ms) {
            outcome = fail(CCURL_TIMEOUT, error, error_size, "nothing came for %ld ms", idle_timeout_ms);
            break;
        }
        multi_code = curl.multi_poll(multi, NULL, 0, (int)slice, NULL);
    }
    if (multi_code != 0) {
        outcome = fail(CCURL_FAILED, error, error_size, "%s", curl.multi_strerror(multi_code));
    } else if (!running) {
        int queued = 0;
        curl_message *message = curl.multi_info_read(multi, &queued);
        code = message && message->msg == CURLMSG_DONE ? message->data.result : CURLE_OK;
        if (code != CURLE_OK) outcome = curl_failure(easy, code, detail, error, error_size);
    }
    curl.easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &out->status);
    curl.easy_getinfo(easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &out->expected_length);
    curl.easy_getinfo(easy, CURLINFO_SIZE_DOWNLOAD_T, &out->received_length);
    curl.multi_remove_handle(multi, easy);
    return outcome;
}

ccurl_outcome ccurl_request(const char *method, const char *url, const char *const *headers, size_t header_count,
                            const unsigned char *body, size_t body_length, long idle_timeout_ms,
                            long total_timeout_ms, ccurl_response *out, char *error, size_t error_size) {
    memset(out, 0, sizeof *out);
    out->expected_length = -1;
    pthread_once(&load_once, load);
    if (load_problem[0]) return fail(CCURL_NOT_INSTALLED, error, error_size, "%s", load_problem);

    CURL *easy = curl.easy_init();
    CURLM *multi = curl.multi_init();
    struct curl_slist *list = NULL;
    char detail[CURL_ERROR_SIZE] = "";  // the handle's error buffer: it must outlive the handle
    ccurl_outcome outcome;
    if (easy && multi && header_list(&list, headers, header_count)) {
        buffer received_body = {0}, received_headers = {0};
        int code = configure(easy, method, url, list, body, body_length, total_timeout_ms, detail, &received_body,
                             &received_headers);
        outcome = transfer(easy, multi, code, detail, idle_timeout_ms, out, error, error_size);
        out->body = (unsigned char *)received_body.bytes;
        out->body_length = received_body.length;
        out->headers = received_headers.bytes;
        out->headers_length = received_headers.length;
    } else {
        outcome = fail(CCURL_FAILED, error, error_size, "libcurl could not start a request (out of memory?)");
    }
    if (multi) curl.multi_cleanup(multi);
    if (easy) curl.easy_cleanup(easy);
    curl.slist_free_all(list);
    return outcome;
}

void ccurl_free(ccurl_response *response) {
    free(response->body);
    free(response->headers);
    memset(response, 0, sizeof *response);
    response->expected_length = -1;
}
