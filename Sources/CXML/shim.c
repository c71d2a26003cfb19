#include "CXML.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The parts of libxml2's public ABI used here, copied from its headers (parser.h, xmlerror.h).
// They have kept this layout since libxml2 2.6, through every release with the soname opened here
// (libxml2.so.2). Release 2.14 moved to libxml2.so.16, which is not tried: the parse rules below
// were checked against libxml2.so.2 only.

typedef void (*cxml_start_element_ns)(void *context, const unsigned char *local_name,
                                      const unsigned char *prefix, const unsigned char *uri,
                                      int namespace_count, const unsigned char **namespaces,
                                      int attribute_count, int defaulted_count,
                                      const unsigned char **attributes);
typedef void (*cxml_end_element_ns)(void *context, const unsigned char *local_name,
                                    const unsigned char *prefix, const unsigned char *uri);
typedef void (*cxml_characters)(void *context, const unsigned char *text, int length);

/// The head of libxml2's xmlError, as far as the fields read here.
typedef struct cxml_xml_error {
    int domain;
    int code;
    char *message;
    int level;
    char *file;
    int line;
} cxml_xml_error;

typedef void (*cxml_structured_error)(void *context, const cxml_xml_error *error);

/// libxml2's xmlSAXHandler. Only the SAX2 element callbacks, text, CDATA and `initialized` are
/// set; the DTD callbacks stay NULL, so entity declarations are not recorded and a reference to a
/// declared entity fails like one to an undeclared entity, which rules out both entity expansion
/// attacks and external entities.
typedef struct cxml_sax_handler {
    void *internal_subset;
    void *is_standalone;
    void *has_internal_subset;
    void *has_external_subset;
    void *resolve_entity;
    void *get_entity;
    void *entity_decl;
    void *notation_decl;
    void *attribute_decl;
    void *element_decl;
    void *unparsed_entity_decl;
    void *set_document_locator;
    void *start_document;
    void *end_document;
    void *start_element;
    void *end_element;
    void *reference;
    cxml_characters characters;
    cxml_characters ignorable_whitespace;
    void *processing_instruction;
    void *comment;
    void *warning;
    void *error;
    void *fatal_error;
    void *get_parameter_entity;
    cxml_characters cdata_block;
    void *external_subset;
    unsigned int initialized;
    void *private_data;
    cxml_start_element_ns start_element_ns;
    cxml_end_element_ns end_element_ns;
    cxml_structured_error serror;
} cxml_sax_handler;

/// The value of `initialized` that tells libxml2 the SAX2 fields are filled in.
static const unsigned int cxml_sax2_magic = 0xDEEDBEAFu;

enum {
    CXML_PARSE_RECOVER = 1 << 0,
    CXML_PARSE_NOENT = 1 << 1,
    CXML_PARSE_NONET = 1 << 11,
    CXML_ERR_DOCUMENT_END = 5,
};

struct cxml_library {
    void *handle;
    void (*init_parser)(void);
    void *(*create_push_parser)(cxml_sax_handler *sax, void *user_data, const char *chunk, int size,
                                const char *filename);
    int (*use_options)(void *parser, int options);
    int (*parse_chunk)(void *parser, const char *chunk, int size, int terminate);
    void (*free_parser)(void *parser);
    void (*set_structured_error)(void *context, cxml_structured_error handler);
};

cxml_library *cxml_library_open(const char *file, char *error, size_t error_size) {
    void *handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *reason = dlerror();
        snprintf(error, error_size, "%s", reason != NULL ? reason : "dlopen failed");
        return NULL;
    }
    cxml_library *library = calloc(1, sizeof *library);
    if (library == NULL) {
        snprintf(error, error_size, "out of memory");
        dlclose(handle);
        return NULL;
    }
    library->handle = handle;
    struct {
        const char *name;
        void **slot;
    } symbols[] = {
        {"xmlInitParser", (void **)&library->init_parser},
        {"xmlCreatePushParserCtxt", (void **)&library->create_push_parser},
        {"xmlCtxtUseOptions", (void **)&library->use_options},
        {"xmlParseChunk", (void **)&library->parse_chunk},
        {"xmlFreeParserCtxt", (void **)&library->free_parser},
        {"xmlSetStructuredErrorFunc", (void **)&library->set_structured_error},
    };
    for (size_t index = 0; index < sizeof symbols / sizeof symbols[0]; index++) {
        *symbols[index].slot = dlsym(handle, symbols[index].name);
        if (*symbols[index].slot == NULL) {
            snprintf(error, error_size, "%s has no function %s", file, symbols[index].name);
            cxml_library_close(library);
            return NULL;
        }
    }
    // libxml2 must be initialised before threads use it, and not on two threads at once. The
    // shared library gets here once, under pthread_once; tests open only libraries that fail
    // before this line.
    library->init_parser();
    return library;
}

void cxml_library_close(cxml_library *library) {
    if (library == NULL) return;
    dlclose(library->handle);
    free(library);
}

#ifdef __APPLE__
static const char *const cxml_shared_file = "libxml2.2.dylib";
#else
static const char *const cxml_shared_file = "libxml2.so.2";
#endif

static pthread_once_t cxml_shared_once = PTHREAD_ONCE_INIT;
static cxml_library *cxml_shared = NULL;
static char cxml_shared_error[512];

static void cxml_open_shared(void) {
    cxml_shared = cxml_library_open(cxml_shared_file, cxml_shared_error, sizeof cxml_shared_error);
}

const cxml_library *cxml_shared_library(const char **error) {
    pthread_once(&cxml_shared_once, cxml_open_shared);
    if (cxml_shared == NULL && error != NULL) *error = cxml_shared_error;
    return cxml_shared;
}

/// What the SAX callbacks receive as their context.
typedef struct cxml_session {
    const cxml_handlers *handlers;
    void *context;
} cxml_session;

static void cxml_start_element(void *user_data, const unsigned char *local_name, const unsigned char *prefix,
                               const unsigned char *uri, int namespace_count, const unsigned char **namespaces,
                               int attribute_count, int defaulted_count, const unsigned char **attributes) {
    (void)namespace_count;
    (void)namespaces;
    (void)defaulted_count;
    const cxml_session *session = user_data;
    session->handlers->start_element(session->context, local_name, prefix, uri, attribute_count,
                                     (const unsigned char *const *)attributes);
}

static void cxml_end_element(void *user_data, const unsigned char *local_name, const unsigned char *prefix,
                             const unsigned char *uri) {
    const cxml_session *session = user_data;
    session->handlers->end_element(session->context, local_name, prefix, uri);
}

static void cxml_text(void *user_data, const unsigned char *text, int length) {
    const cxml_session *session = user_data;
    session->handlers->characters(session->context, text, length);
}

static void cxml_error(void *user_data, const cxml_xml_error *error) {
    const cxml_session *session = user_data;
    session->handlers->error(session->context, error->code, error->level, error->line,
                             error->message != NULL ? error->message : "");
}

int cxml_parse(const cxml_library *library, const unsigned char *bytes, size_t count,
               const cxml_handlers *handlers, void *context) {
    if (count > INT_MAX) return -1;
    cxml_session session = {handlers, context};
    cxml_sax_handler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = cxml_sax2_magic;
    sax.start_element_ns = cxml_start_element;
    sax.end_element_ns = cxml_end_element;
    sax.characters = cxml_text;
    sax.ignorable_whitespace = cxml_text;
    sax.cdata_block = cxml_text;
    // The structured error handler is per thread in libxml2 and also catches the errors raised
    // outside the parser context (character conversion), which would otherwise go to stderr.
    library->set_structured_error(&session, cxml_error);
    // As in Foundation's XMLParser: the first four bytes go to the constructor, which detects the
    // encoding from them, and the rest follows as the last chunk.
    int head = count < 4 ? (int)count : 4;
    void *parser = library->create_push_parser(&sax, &session, (const char *)bytes, head, NULL);
    int result = -1;
    if (parser != NULL) {
        // NOENT makes libxml2 hand over attribute values with `&amp;` and character references
        // decoded (without it SAX2 passes `&#38;` through for the tree builder to undo). It can
        // expand no other entity, because the handler records no entity declarations.
        library->use_options(parser, CXML_PARSE_RECOVER | CXML_PARSE_NOENT | CXML_PARSE_NONET);
        const char *rest = count > (size_t)head ? (const char *)bytes + head : NULL;
        result = library->parse_chunk(parser, rest, (int)count - head, 1);
        library->free_parser(parser);
    }
    library->set_structured_error(NULL, NULL);
    return result == CXML_ERR_DOCUMENT_END ? 0 : result;
}
