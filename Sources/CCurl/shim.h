#ifndef PORTAL_AUDIT_CCURL_SHIM_H
#define PORTAL_AUDIT_CCURL_SHIM_H
#include <curl/curl.h>
#include <zlib.h>
#include <dlfcn.h>

// curl_easy_setopt and curl_easy_getinfo are variadic and cannot be called
// from Swift; one typed wrapper per argument kind.
static inline CURLcode pa_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pa_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pa_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pa_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pa_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode pa_easy_setopt_write(CURL *h, CURLoption o, size_t (*f)(char *, size_t, size_t, void *)) { return curl_easy_setopt(h, o, f); }
// Every socket libcurl opens goes through this callback: where the refusal of private addresses is decided.
static inline CURLcode pa_easy_setopt_opensocket(CURL *h, curl_socket_t (*f)(void *, curlsocktype, struct curl_sockaddr *)) { return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, f); }
static inline CURLcode pa_easy_setopt_xferinfo(CURL *h, int (*f)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t)) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }

// Response header lines and the request header block actually sent (for WARC).
static inline CURLcode pa_easy_setopt_header(CURL *h, size_t (*f)(char *, size_t, size_t, void *)) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }
static inline CURLcode pa_easy_setopt_debug(CURL *h, int (*f)(CURL *, curl_infotype, char *, size_t, void *)) { return curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, f); }

static inline CURLcode pa_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode pa_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode pa_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode pa_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode pa_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }

// The certificate chain a transfer saw (CURLOPT_CERTINFO must be set).
static inline CURLcode pa_easy_getinfo_certinfo(CURL *h, struct curl_certinfo **v) { return curl_easy_getinfo(h, CURLINFO_CERTINFO, v); }
// The TLS version of a running OpenSSL-backed transfer ("TLSv1.3"), NULL when unknown. Read while the
// connection is open (from a callback). SSL_get_version is looked up in the process, where libcurl has
// loaded libssl: no OpenSSL headers or link flags are needed.
static inline const char *pa_tls_version(CURL *h) {
    struct curl_tlssessioninfo *info = NULL;
    if (curl_easy_getinfo(h, CURLINFO_TLS_SSL_PTR, &info) != CURLE_OK || info == NULL
        || info->backend != CURLSSLBACKEND_OPENSSL || info->internals == NULL) return NULL;
    const char *(*get_version)(const void *) = (const char *(*)(const void *))dlsym(RTLD_DEFAULT, "SSL_get_version");
    return get_version ? get_version(info->internals) : NULL;
}

static inline CURLMcode pa_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

// CURLMsg.data is a union; Swift cannot read it portably.
static inline CURLcode pa_msg_result(CURLMsg *m) { return m->data.result; }
// deflateInit2/inflateInit2 are macros.
static inline int pa_deflate_init_gzip(z_stream *s, int level, int windowBits, int memLevel) { return deflateInit2(s, level, Z_DEFLATED, windowBits + 16, memLevel, Z_DEFAULT_STRATEGY); }
static inline int pa_inflate_init_auto(z_stream *s) { return inflateInit2(s, 15 + 32); }
#endif
