// What the forwarders share: GDAL's prototypes and the lookup of its functions.
#include "include/shim.h"
#include <stdatomic.h>

/// GDAL's function `name`, loading GDAL first if needed; ends the process with a one-line
/// message (status 2) when GDAL or the function cannot be found.
void *cordon_gdal_symbol(const char *name);

/// GDAL's own `fn`, looked up once and kept (a race finds the same pointer twice).
#define forward(fn) ((__typeof__(&fn))({ \
    static void *_Atomic found; \
    void *p = atomic_load_explicit(&found, memory_order_acquire); \
    if (!p) { p = cordon_gdal_symbol(#fn); atomic_store_explicit(&found, p, memory_order_release); } \
    p; }))
