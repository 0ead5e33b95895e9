// GDAL's C API only: datasets, OGR features and geometries, spatial references, the
// virtual file system (for zip sizes) and the error stack. `cordon` does not link libgdal:
// forwarders.c defines these functions and loads GDAL on the first call (loader.c).
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_string.h>
#include <gdal/cpl_vsi.h>
