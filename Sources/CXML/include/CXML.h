#ifndef CXML_H
#define CXML_H

#include <stddef.h>

// libxml2's push parser, opened with dlopen on first use instead of linked, so that a run that
// reads no XML (every run but an arXiv lookup) does not load libxml2 and the ICU libraries it
// needs. The few libxml2 types used here are declared by hand in shim.c, so building needs no
// libxml2 headers.

/// The libxml2 functions the parser calls, resolved with dlsym. Opaque to Swift.
typedef struct cxml_library cxml_library;

/// What the parser reports, in document order. Strings are UTF-8 and valid only during the call.
typedef struct cxml_handlers {
    /// An element's start. `namespace_uri` is NULL outside any namespace. `attributes` holds five
    /// pointers per attribute, as libxml2's SAX2 interface gives them: local name, prefix (or
    /// NULL), namespace URI (or NULL), and the start and end of the value, which is not
    /// NUL-terminated. Attributes the DTD supplies by default are included.
    void (*start_element)(void *context, const unsigned char *local_name, const unsigned char *prefix,
                          const unsigned char *namespace_uri, int attribute_count,
                          const unsigned char *const *attributes);
    void (*end_element)(void *context, const unsigned char *local_name, const unsigned char *prefix,
                        const unsigned char *namespace_uri);
    /// Text, CDATA sections included; one run of text may arrive in several calls.
    void (*characters)(void *context, const unsigned char *text, int length);
    /// Every error and warning libxml2 raises while parsing. `level` is 1 for a warning, 2 for an
    /// error, 3 for a fatal error.
    void (*error)(void *context, int code, int level, int line, const char *message);
} cxml_handlers;

/// Returns libxml2 (libxml2.so.2), opened the first time any thread asks; every later call, from
/// any thread, returns the same answer. On failure returns NULL and sets `*error` to a static
/// message saying why.
const cxml_library *cxml_shared_library(const char **error);

/// Opens the library in `file` and resolves the functions the parser needs, or returns NULL and
/// writes why into `error`. The shared library is the one to parse with; this exists so that tests
/// can ask for a library that is missing or is not libxml2. Close what it returns with
/// cxml_library_close.
cxml_library *cxml_library_open(const char *file, char *error, size_t error_size);
void cxml_library_close(cxml_library *library);

/// Parses a whole document with namespace processing on, reporting to `handlers`. Entities the
/// document declares itself are not expanded, nothing is fetched from the network or the file
/// system, and parsing goes on after an error, as in Foundation's XMLParser.
///
/// Returns libxml2's code for the last error, or 0 when there was none or the last one is only
/// about how the document ends (content after the root element, or the root element left open),
/// which Foundation's XMLParser also took as success; -1 when no parser could be created.
int cxml_parse(const cxml_library *library, const unsigned char *bytes, size_t count,
               const cxml_handlers *handlers, void *context);

#endif
