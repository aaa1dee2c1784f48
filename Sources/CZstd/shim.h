// libzstd for Swift: the one-shot and dictionary functions the store compresses call messages
// with, and the dictionary trainer (zdict.h). The macros Swift cannot import are wrapped.
#ifndef PNSDOCTOR_CZSTD_SHIM_H
#define PNSDOCTOR_CZSTD_SHIM_H

#include <zstd.h>
#include <zdict.h>

/// ZSTD_CONTENTSIZE_ERROR and ZSTD_CONTENTSIZE_UNKNOWN are macros of unsigned long long casts.
static inline unsigned long long pns_zstd_content_size_error(void) { return ZSTD_CONTENTSIZE_ERROR; }
static inline unsigned long long pns_zstd_content_size_unknown(void) { return ZSTD_CONTENTSIZE_UNKNOWN; }

#endif
