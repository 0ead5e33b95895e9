// GDAL's C API only: datasets, OGR features and geometries, spatial references, the
// virtual file system (for zip sizes) and the error stack.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
