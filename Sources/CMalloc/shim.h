#ifndef PORTAL_AUDIT_CMALLOC_SHIM_H
#define PORTAL_AUDIT_CMALLOC_SHIM_H
#include <malloc.h>

// glibc's malloc tuning lives in malloc.h, which Swift's Glibc module leaves out.
static inline int pa_limit_malloc_arenas(int count) { return mallopt(M_ARENA_MAX, count); }

#endif
