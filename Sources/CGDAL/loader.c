// GDAL is loaded when a run first reads or writes through it, not at start: libgdal brings
// about 110 more libraries, bound at load (-z now), which cost every run ~35 ms and ~20 MB
// even when it reads and writes GeoJSON alone (docs/design.md#gdal-loaded-on-demand).
#include "loader.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *library;
static char reason[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void open_library(void) {
    // The development link first (the library this build's headers describe), then the
    // runtime name of the GDAL 3.x releases Debian 12 ships.
    const char *names[] = {"libgdal.so", "libgdal.so.32"};
    for (size_t k = 0; k < sizeof names / sizeof *names && !library; k++) {
        library = dlopen(names[k], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        const char *why = dlerror();
        snprintf(reason, sizeof reason, "GDAL could not be loaded (%s); install it with scripts/setup (libgdal-dev)",
                 why ? why : "libgdal.so not found");
    }
}

void *cordon_gdal_symbol(const char *name) {
    pthread_once(&once, open_library);
    if (!library) {
        fprintf(stderr, "cordon: %s\n", reason);
        exit(2);
    }
    void *p = dlsym(library, name);
    if (!p) {
        fprintf(stderr, "cordon: GDAL has no function %s: this build needs the GDAL its headers came from\n", name);
        exit(2);
    }
    return p;
}
