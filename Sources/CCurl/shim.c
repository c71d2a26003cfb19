#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

// Every libcurl function the wrappers call. Each becomes a member of `libcurl` with exactly the
// type <curl/curl.h> declares for curl_<name>, and is resolved by dlsym under that same name, so
// the list, the pointer types and the symbol names cannot drift apart. The members drop the curl_
// prefix because some compilers see curl_easy_setopt and friends as type-checking macros.
#define CCURL_FUNCTIONS(X) \
    X(global_init)         \
    X(easy_init)           \
    X(easy_cleanup)        \
    X(easy_strerror)       \
    X(easy_setopt)         \
    X(easy_getinfo)        \
    X(multi_init)          \
    X(multi_cleanup)       \
    X(multi_add_handle)    \
    X(multi_remove_handle) \
    X(multi_perform)       \
    X(multi_poll)          \
    X(multi_wakeup)        \
    X(multi_info_read)     \
    X(multi_strerror)      \
    X(multi_setopt)        \
    X(slist_append)        \
    X(slist_free_all)      \
    X(url)                 \
    X(url_cleanup)         \
    X(url_set)             \
    X(url_get)             \
    X(url_strerror)        \
    X(free)

#define CCURL_POINTER(name) __typeof__(curl_##name) *name;
static struct {
    CCURL_FUNCTIONS(CCURL_POINTER)
} libcurl;
#undef CCURL_POINTER

static pthread_once_t ccurl_load_once = PTHREAD_ONCE_INIT;
static bool ccurl_loaded = false;
static const char *ccurl_load_failure = NULL;
static char ccurl_load_message[512];

static void ccurl_load_library(void) {
    // RTLD_NOW makes a broken installation fail here, with the loader's explanation, rather than
    // in the middle of a transfer. RTLD_LOCAL keeps libcurl's symbols out of the global namespace.
    void *library = dlopen(CCURL_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(ccurl_load_message, sizeof ccurl_load_message, "%s", reason ? reason : "dlopen failed");
        ccurl_load_failure = ccurl_load_message;
        return;
    }
#define CCURL_RESOLVE(name)                                                   \
    libcurl.name = (__typeof__(libcurl.name))dlsym(library, "curl_" #name);   \
    if (libcurl.name == NULL) {                                               \
        snprintf(ccurl_load_message, sizeof ccurl_load_message,               \
                 "%s has no function curl_" #name, CCURL_LIBRARY);            \
        ccurl_load_failure = ccurl_load_message;                              \
        return;                                                               \
    }
    CCURL_FUNCTIONS(CCURL_RESOLVE)
#undef CCURL_RESOLVE
    ccurl_loaded = true;
}

bool ccurl_load(void) {
    pthread_once(&ccurl_load_once, ccurl_load_library);
    return ccurl_loaded;
}

const char *ccurl_load_error(void) {
    pthread_once(&ccurl_load_once, ccurl_load_library);
    return ccurl_load_failure;
}

static pthread_once_t ccurl_init_once = PTHREAD_ONCE_INIT;
static CURLcode ccurl_init_result = CURLE_FAILED_INIT;

static void ccurl_init(void) {
    if (!ccurl_load()) return;
    // A peer that closes a socket mid-write must not kill the process; libcurl is told not to
    // install signal handlers (CURLOPT_NOSIGNAL), so the process ignores SIGPIPE instead.
    signal(SIGPIPE, SIG_IGN);
    ccurl_init_result = libcurl.global_init(CURL_GLOBAL_DEFAULT);
}

CURLcode ccurl_global_init_once(void) {
    pthread_once(&ccurl_init_once, ccurl_init);
    return ccurl_init_result;
}

// Every wrapper starts with ccurl_load(). After the first call that is one pthread_once check,
// negligible beside a transfer, and it also makes the pointers in `libcurl` visible to whichever
// thread calls, however the handle it passes got there.

static const char ccurl_not_loaded[] = "libcurl could not be loaded";

CURL *ccurl_easy_init(void) {
    return ccurl_load() ? libcurl.easy_init() : NULL;
}

void ccurl_easy_cleanup(CURL *handle) {
    if (ccurl_load()) libcurl.easy_cleanup(handle);
}

const char *ccurl_easy_strerror(CURLcode code) {
    return ccurl_load() ? libcurl.easy_strerror(code) : ccurl_not_loaded;
}

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return ccurl_load() ? libcurl.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return ccurl_load() ? libcurl.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return ccurl_load() ? libcurl.easy_setopt(handle, option, value) : CURLE_FAILED_INIT;
}

CURLcode ccurl_easy_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback) {
    return ccurl_load() ? libcurl.easy_setopt(handle, option, callback) : CURLE_FAILED_INIT;
}

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return ccurl_load() ? libcurl.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return ccurl_load() ? libcurl.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return ccurl_load() ? libcurl.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return ccurl_load() ? libcurl.easy_getinfo(handle, info, value) : CURLE_FAILED_INIT;
}

CURLM *ccurl_multi_init(void) {
    return ccurl_load() ? libcurl.multi_init() : NULL;
}

CURLMcode ccurl_multi_cleanup(CURLM *multi) {
    return ccurl_load() ? libcurl.multi_cleanup(multi) : CURLM_INTERNAL_ERROR;
}

CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle) {
    return ccurl_load() ? libcurl.multi_add_handle(multi, handle) : CURLM_INTERNAL_ERROR;
}

CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle) {
    return ccurl_load() ? libcurl.multi_remove_handle(multi, handle) : CURLM_INTERNAL_ERROR;
}

CURLMcode ccurl_multi_perform(CURLM *multi, int *running) {
    return ccurl_load() ? libcurl.multi_perform(multi, running) : CURLM_INTERNAL_ERROR;
}

CURLMcode ccurl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout_ms, int *ready) {
    return ccurl_load() ? libcurl.multi_poll(multi, extra, count, timeout_ms, ready) : CURLM_INTERNAL_ERROR;
}

CURLMcode ccurl_multi_wakeup(CURLM *multi) {
    return ccurl_load() ? libcurl.multi_wakeup(multi) : CURLM_INTERNAL_ERROR;
}

CURLMsg *ccurl_multi_info_read(CURLM *multi, int *remaining) {
    return ccurl_load() ? libcurl.multi_info_read(multi, remaining) : NULL;
}

const char *ccurl_multi_strerror(CURLMcode code) {
    return ccurl_load() ? libcurl.multi_strerror(code) : ccurl_not_loaded;
}

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return ccurl_load() ? libcurl.multi_setopt(multi, option, value) : CURLM_INTERNAL_ERROR;
}

struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line) {
    return ccurl_load() ? libcurl.slist_append(list, line) : NULL;
}

void ccurl_slist_free_all(struct curl_slist *list) {
    if (ccurl_load()) libcurl.slist_free_all(list);
}

CURLU *ccurl_url(void) {
    return ccurl_load() ? libcurl.url() : NULL;
}

void ccurl_url_cleanup(CURLU *url) {
    if (ccurl_load()) libcurl.url_cleanup(url);
}

CURLUcode ccurl_url_set(CURLU *url, CURLUPart part, const char *content, unsigned int flags) {
    return ccurl_load() ? libcurl.url_set(url, part, content, flags) : CURLUE_BAD_HANDLE;
}

CURLUcode ccurl_url_get(CURLU *url, CURLUPart part, char **content, unsigned int flags) {
    return ccurl_load() ? libcurl.url_get(url, part, content, flags) : CURLUE_BAD_HANDLE;
}

const char *ccurl_url_strerror(CURLUcode code) {
    return ccurl_load() ? libcurl.url_strerror(code) : ccurl_not_loaded;
}

void ccurl_free(void *pointer) {
    if (ccurl_load()) libcurl.free(pointer);
}
