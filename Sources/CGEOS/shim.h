// Only the reentrant API: every call takes a context that belongs to one thread.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
