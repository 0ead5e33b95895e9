// Made by scripts/make-gdal-loader from GDAL's headers: do not edit by hand.
// Each function forwards to GDAL's own, found in libgdal when a run first calls it.
#include "loader.h"

void CPLErrorReset(void) { forward(CPLErrorReset)(); }
void * CPLGetErrorHandlerUserData(void) { return forward(CPLGetErrorHandlerUserData)(); }
void CPLPopErrorHandler(void) { forward(CPLPopErrorHandler)(); }
void CPLPushErrorHandlerEx(CPLErrorHandler a0, void *a1) { forward(CPLPushErrorHandlerEx)(a0, a1); }
void CPLSetConfigOption(const char *a0, const char *a1) { forward(CPLSetConfigOption)(a0, a1); }
void CPLSetThreadLocalConfigOption(const char *a0, const char *a1) { forward(CPLSetThreadLocalConfigOption)(a0, a1); }
char ** CSLAddString(char **a0, const char *a1) { return forward(CSLAddString)(a0, a1); }
void CSLDestroy(char **a0) { forward(CSLDestroy)(a0); }
void GDALAllRegister(void) { forward(GDALAllRegister)(); }
void GDALClose(GDALDatasetH a0) { forward(GDALClose)(a0); }
GDALDatasetH GDALCreate(GDALDriverH a0, const char *a1, int a2, int a3, int a4, GDALDataType a5, CSLConstList a6) { return forward(GDALCreate)(a0, a1, a2, a3, a4, a5, a6); }
OGRErr GDALDatasetCommitTransaction(GDALDatasetH a0) { return forward(GDALDatasetCommitTransaction)(a0); }
OGRLayerH GDALDatasetCreateLayer(GDALDatasetH a0, const char *a1, OGRSpatialReferenceH a2, OGRwkbGeometryType a3, CSLConstList a4) { return forward(GDALDatasetCreateLayer)(a0, a1, a2, a3, a4); }
OGRLayerH GDALDatasetGetLayer(GDALDatasetH a0, int a1) { return forward(GDALDatasetGetLayer)(a0, a1); }
OGRLayerH GDALDatasetGetLayerByName(GDALDatasetH a0, const char *a1) { return forward(GDALDatasetGetLayerByName)(a0, a1); }
int GDALDatasetGetLayerCount(GDALDatasetH a0) { return forward(GDALDatasetGetLayerCount)(a0); }
OGRErr GDALDatasetRollbackTransaction(GDALDatasetH a0) { return forward(GDALDatasetRollbackTransaction)(a0); }
OGRErr GDALDatasetStartTransaction(GDALDatasetH a0, int a1) { return forward(GDALDatasetStartTransaction)(a0, a1); }
GDALDriverH GDALGetDatasetDriver(GDALDatasetH a0) { return forward(GDALGetDatasetDriver)(a0); }
GDALDriverH GDALGetDriverByName(const char *a0) { return forward(GDALGetDriverByName)(a0); }
const char * GDALGetDriverShortName(GDALDriverH a0) { return forward(GDALGetDriverShortName)(a0); }
GDALDatasetH GDALOpenEx(const char *a0, unsigned int a1, const char *const *a2, const char *const *a3, const char *const *a4) { return forward(GDALOpenEx)(a0, a1, a2, a3, a4); }
const char * GDALVersionInfo(const char *a0) { return forward(GDALVersionInfo)(a0); }
void OCTDestroyCoordinateTransformation(OGRCoordinateTransformationH a0) { forward(OCTDestroyCoordinateTransformation)(a0); }
OGRCoordinateTransformationH OCTNewCoordinateTransformation(OGRSpatialReferenceH a0, OGRSpatialReferenceH a1) { return forward(OCTNewCoordinateTransformation)(a0, a1); }
int OGR_FD_GetFieldCount(OGRFeatureDefnH a0) { return forward(OGR_FD_GetFieldCount)(a0); }
OGRFieldDefnH OGR_FD_GetFieldDefn(OGRFeatureDefnH a0, int a1) { return forward(OGR_FD_GetFieldDefn)(a0, a1); }
int OGR_FD_GetFieldIndex(OGRFeatureDefnH a0, const char *a1) { return forward(OGR_FD_GetFieldIndex)(a0, a1); }
OGRFeatureH OGR_F_Create(OGRFeatureDefnH a0) { return forward(OGR_F_Create)(a0); }
void OGR_F_Destroy(OGRFeatureH a0) { forward(OGR_F_Destroy)(a0); }
GIntBig OGR_F_GetFID(OGRFeatureH a0) { return forward(OGR_F_GetFID)(a0); }
int OGR_F_GetFieldAsDateTimeEx(OGRFeatureH a0, int a1, int *a2, int *a3, int *a4, int *a5, int *a6, float *a7, int *a8) { return forward(OGR_F_GetFieldAsDateTimeEx)(a0, a1, a2, a3, a4, a5, a6, a7, a8); }
double OGR_F_GetFieldAsDouble(OGRFeatureH a0, int a1) { return forward(OGR_F_GetFieldAsDouble)(a0, a1); }
const double * OGR_F_GetFieldAsDoubleList(OGRFeatureH a0, int a1, int *a2) { return forward(OGR_F_GetFieldAsDoubleList)(a0, a1, a2); }
int OGR_F_GetFieldAsInteger(OGRFeatureH a0, int a1) { return forward(OGR_F_GetFieldAsInteger)(a0, a1); }
GIntBig OGR_F_GetFieldAsInteger64(OGRFeatureH a0, int a1) { return forward(OGR_F_GetFieldAsInteger64)(a0, a1); }
const char * OGR_F_GetFieldAsString(OGRFeatureH a0, int a1) { return forward(OGR_F_GetFieldAsString)(a0, a1); }
char ** OGR_F_GetFieldAsStringList(OGRFeatureH a0, int a1) { return forward(OGR_F_GetFieldAsStringList)(a0, a1); }
OGRGeometryH OGR_F_GetGeometryRef(OGRFeatureH a0) { return forward(OGR_F_GetGeometryRef)(a0); }
int OGR_F_IsFieldNull(OGRFeatureH a0, int a1) { return forward(OGR_F_IsFieldNull)(a0, a1); }
int OGR_F_IsFieldSet(OGRFeatureH a0, int a1) { return forward(OGR_F_IsFieldSet)(a0, a1); }
void OGR_F_SetFieldDateTimeEx(OGRFeatureH a0, int a1, int a2, int a3, int a4, int a5, int a6, float a7, int a8) { forward(OGR_F_SetFieldDateTimeEx)(a0, a1, a2, a3, a4, a5, a6, a7, a8); }
void OGR_F_SetFieldDouble(OGRFeatureH a0, int a1, double a2) { forward(OGR_F_SetFieldDouble)(a0, a1, a2); }
void OGR_F_SetFieldInteger(OGRFeatureH a0, int a1, int a2) { forward(OGR_F_SetFieldInteger)(a0, a1, a2); }
void OGR_F_SetFieldInteger64(OGRFeatureH a0, int a1, GIntBig a2) { forward(OGR_F_SetFieldInteger64)(a0, a1, a2); }
void OGR_F_SetFieldNull(OGRFeatureH a0, int a1) { forward(OGR_F_SetFieldNull)(a0, a1); }
void OGR_F_SetFieldString(OGRFeatureH a0, int a1, const char *a2) { forward(OGR_F_SetFieldString)(a0, a1, a2); }
OGRErr OGR_F_SetGeometryDirectly(OGRFeatureH a0, OGRGeometryH a1) { return forward(OGR_F_SetGeometryDirectly)(a0, a1); }
OGRFieldDefnH OGR_Fld_Create(const char *a0, OGRFieldType a1) { return forward(OGR_Fld_Create)(a0, a1); }
void OGR_Fld_Destroy(OGRFieldDefnH a0) { forward(OGR_Fld_Destroy)(a0); }
const char * OGR_Fld_GetNameRef(OGRFieldDefnH a0) { return forward(OGR_Fld_GetNameRef)(a0); }
OGRFieldSubType OGR_Fld_GetSubType(OGRFieldDefnH a0) { return forward(OGR_Fld_GetSubType)(a0); }
OGRFieldType OGR_Fld_GetType(OGRFieldDefnH a0) { return forward(OGR_Fld_GetType)(a0); }
void OGR_Fld_SetSubType(OGRFieldDefnH a0, OGRFieldSubType a1) { forward(OGR_Fld_SetSubType)(a0, a1); }
OGRwkbGeometryType OGR_GT_Flatten(OGRwkbGeometryType a0) { return forward(OGR_GT_Flatten)(a0); }
OGRGeometryH OGR_G_Clone(OGRGeometryH a0) { return forward(OGR_G_Clone)(a0); }
OGRErr OGR_G_CreateFromWkb(const void *a0, OGRSpatialReferenceH a1, OGRGeometryH *a2, int a3) { return forward(OGR_G_CreateFromWkb)(a0, a1, a2, a3); }
void OGR_G_DestroyGeometry(OGRGeometryH a0) { forward(OGR_G_DestroyGeometry)(a0); }
OGRErr OGR_G_ExportToIsoWkb(OGRGeometryH a0, OGRwkbByteOrder a1, unsigned char *a2) { return forward(OGR_G_ExportToIsoWkb)(a0, a1, a2); }
void OGR_G_FlattenTo2D(OGRGeometryH a0) { forward(OGR_G_FlattenTo2D)(a0); }
OGRGeometryH OGR_G_ForceTo(OGRGeometryH a0, OGRwkbGeometryType a1, char **a2) { return forward(OGR_G_ForceTo)(a0, a1, a2); }
OGRGeometryH OGR_G_ForceToMultiLineString(OGRGeometryH a0) { return forward(OGR_G_ForceToMultiLineString)(a0); }
OGRGeometryH OGR_G_ForceToMultiPoint(OGRGeometryH a0) { return forward(OGR_G_ForceToMultiPoint)(a0); }
OGRGeometryH OGR_G_ForceToMultiPolygon(OGRGeometryH a0) { return forward(OGR_G_ForceToMultiPolygon)(a0); }
void OGR_G_GetEnvelope(OGRGeometryH a0, OGREnvelope *a1) { forward(OGR_G_GetEnvelope)(a0, a1); }
int OGR_G_GetGeometryCount(OGRGeometryH a0) { return forward(OGR_G_GetGeometryCount)(a0); }
OGRGeometryH OGR_G_GetGeometryRef(OGRGeometryH a0, int a1) { return forward(OGR_G_GetGeometryRef)(a0, a1); }
OGRwkbGeometryType OGR_G_GetGeometryType(OGRGeometryH a0) { return forward(OGR_G_GetGeometryType)(a0); }
OGRGeometryH OGR_G_GetLinearGeometry(OGRGeometryH a0, double a1, char **a2) { return forward(OGR_G_GetLinearGeometry)(a0, a1, a2); }
int OGR_G_HasCurveGeometry(OGRGeometryH a0, int a1) { return forward(OGR_G_HasCurveGeometry)(a0, a1); }
int OGR_G_Is3D(OGRGeometryH a0) { return forward(OGR_G_Is3D)(a0); }
int OGR_G_IsEmpty(OGRGeometryH a0) { return forward(OGR_G_IsEmpty)(a0); }
int OGR_G_IsMeasured(OGRGeometryH a0) { return forward(OGR_G_IsMeasured)(a0); }
void OGR_G_SetMeasured(OGRGeometryH a0, int a1) { forward(OGR_G_SetMeasured)(a0, a1); }
OGRErr OGR_G_Transform(OGRGeometryH a0, OGRCoordinateTransformationH a1) { return forward(OGR_G_Transform)(a0, a1); }
int OGR_G_WkbSize(OGRGeometryH a0) { return forward(OGR_G_WkbSize)(a0); }
OGRErr OGR_L_CreateFeature(OGRLayerH a0, OGRFeatureH a1) { return forward(OGR_L_CreateFeature)(a0, a1); }
OGRErr OGR_L_CreateField(OGRLayerH a0, OGRFieldDefnH a1, int a2) { return forward(OGR_L_CreateField)(a0, a1, a2); }
OGRFeatureDefnH OGR_L_GetLayerDefn(OGRLayerH a0) { return forward(OGR_L_GetLayerDefn)(a0); }
const char * OGR_L_GetName(OGRLayerH a0) { return forward(OGR_L_GetName)(a0); }
OGRFeatureH OGR_L_GetNextFeature(OGRLayerH a0) { return forward(OGR_L_GetNextFeature)(a0); }
OGRSpatialReferenceH OGR_L_GetSpatialRef(OGRLayerH a0) { return forward(OGR_L_GetSpatialRef)(a0); }
void OGR_L_ResetReading(OGRLayerH a0) { forward(OGR_L_ResetReading)(a0); }
OGRSpatialReferenceH OSRClone(OGRSpatialReferenceH a0) { return forward(OSRClone)(a0); }
void OSRDestroySpatialReference(OGRSpatialReferenceH a0) { forward(OSRDestroySpatialReference)(a0); }
const char * OSRGetAuthorityCode(OGRSpatialReferenceH a0, const char *a1) { return forward(OSRGetAuthorityCode)(a0, a1); }
const char * OSRGetAuthorityName(OGRSpatialReferenceH a0, const char *a1) { return forward(OSRGetAuthorityName)(a0, a1); }
const char * OSRGetName(OGRSpatialReferenceH a0) { return forward(OSRGetName)(a0); }
OGRErr OSRImportFromEPSG(OGRSpatialReferenceH a0, int a1) { return forward(OSRImportFromEPSG)(a0, a1); }
int OSRIsGeographic(OGRSpatialReferenceH a0) { return forward(OSRIsGeographic)(a0); }
int OSRIsSame(OGRSpatialReferenceH a0, OGRSpatialReferenceH a1) { return forward(OSRIsSame)(a0, a1); }
int OSRIsSameGeogCS(OGRSpatialReferenceH a0, OGRSpatialReferenceH a1) { return forward(OSRIsSameGeogCS)(a0, a1); }
OGRSpatialReferenceH OSRNewSpatialReference(const char *a0) { return forward(OSRNewSpatialReference)(a0); }
void OSRSetAxisMappingStrategy(OGRSpatialReferenceH a0, OSRAxisMappingStrategy a1) { forward(OSRSetAxisMappingStrategy)(a0, a1); }
OGRErr OSRSetWellKnownGeogCS(OGRSpatialReferenceH a0, const char *a1) { return forward(OSRSetWellKnownGeogCS)(a0, a1); }
char ** VSIReadDirRecursive(const char *a0) { return forward(VSIReadDirRecursive)(a0); }
int VSIStatL(const char *a0, VSIStatBufL *a1) { return forward(VSIStatL)(a0, a1); }
