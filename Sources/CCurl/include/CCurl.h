#ifndef CCURL_H
#define CCURL_H

#include <stdbool.h>
#include <curl/curl.h>

// curator does not link libcurl: it loads the library with dlopen the first time a wrapper below
// is called, so that commands which never touch the network (an offline lint, --help) do not pay
// for mapping and relocating libcurl and its dozens of dependencies at startup. The types and
// constants still come from <curl/curl.h>; every libcurl function is reached through a ccurl_
// wrapper, and calling a curl_ function directly fails to link, which keeps it that way.
//
// Swift cannot call C variadic functions either, so curl_easy_setopt, curl_easy_getinfo and
// curl_multi_setopt have one fixed-signature wrapper per argument type.
//
// When libcurl cannot be loaded, the wrappers never call through a missing function: those that
// create something return NULL, the strerror wrappers return a message that says so, functions
// returning a code return CURLE_FAILED_INIT, CURLM_INTERNAL_ERROR or CURLUE_BAD_HANDLE, and the
// rest do nothing.

/// The library curator loads: the soname Debian's libcurl4 (and libcurl4-openssl-dev) installs,
/// or macOS's own libcurl.
#ifdef __APPLE__
#define CCURL_LIBRARY "libcurl.4.dylib"
#else
#define CCURL_LIBRARY "libcurl.so.4"
#endif

/// The shape of CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION callbacks.
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

/// Loads CCURL_LIBRARY and resolves every function the wrappers call, exactly once per process
/// however many threads call it. Returns whether libcurl is usable.
bool ccurl_load(void);

/// Why loading failed: the loader's message, or the name of a function the library lacks; NULL
/// when libcurl is usable. Loads the library first, as ccurl_load() does, if nothing has yet.
/// The message stays valid for the life of the process.
const char *ccurl_load_error(void);

/// Runs ccurl_load(), then ignores SIGPIPE and runs curl_global_init(CURL_GLOBAL_DEFAULT) exactly
/// once per process, however many threads call it. Returns CURLE_FAILED_INIT when libcurl could
/// not be loaded, and otherwise the CURLcode of the one initialisation.
CURLcode ccurl_global_init_once(void);

CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *handle);
const char *ccurl_easy_strerror(CURLcode code);

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value);
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback);

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);

CURLM *ccurl_multi_init(void);
CURLMcode ccurl_multi_cleanup(CURLM *multi);
CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode ccurl_multi_perform(CURLM *multi, int *running);
CURLMcode ccurl_multi_poll(CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeout_ms, int *ready);
CURLMcode ccurl_multi_wakeup(CURLM *multi);
CURLMsg *ccurl_multi_info_read(CURLM *multi, int *remaining);
const char *ccurl_multi_strerror(CURLMcode code);
CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line);
void ccurl_slist_free_all(struct curl_slist *list);

CURLU *ccurl_url(void);
void ccurl_url_cleanup(CURLU *url);
CURLUcode ccurl_url_set(CURLU *url, CURLUPart part, const char *content, unsigned int flags);
CURLUcode ccurl_url_get(CURLU *url, CURLUPart part, char **content, unsigned int flags);
const char *ccurl_url_strerror(CURLUcode code);

void ccurl_free(void *pointer);

#endif
