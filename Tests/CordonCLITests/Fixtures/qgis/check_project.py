"""Opens a Cordon run folder's cordon.qgz in QGIS (headless) and reports, as JSON on standard
output, what QGIS makes of it: the layers, their temporal settings and styles, the timeline's
field types, and for each date given the features each layer shows and the colours a render of
that layer alone holds. QGISProjectTests compares this with `cordon` and GDAL.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 check_project.py FOLDER/cordon.qgz 2016-07-10 ...
        [--render PNG DATE]
"""
import json
import os
import sys

from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsDateTimeRange, QgsExpressionContext,
                       QgsExpressionContextUtils, QgsFeatureRequest, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsProject, QgsSymbolLayer, QgsUnitTypes, QgsVectorLayer,
                       QgsVectorLayerTemporalContext, QgsVectorLayerTemporalProperties)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime, QVariant
from qgis.PyQt.QtGui import QColor


def day_range(iso):
    """The day `iso` as the Temporal Controller's frame of one day: its start included, the
    next day's start excluded."""
    d = QDate.fromString(iso, "yyyy-MM-dd")
    return QgsDateTimeRange(QDateTime(d, QTime(0, 0)), QDateTime(d.addDays(1), QTime(0, 0)), True, False)


def shown(layer, rng):
    """The features `layer` shows in `rng`, filtered as QGIS's renderer filters them."""
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    condition = layer.temporalProperties().createFilterString(context, rng)
    request = QgsFeatureRequest()
    if condition:
        request.setFilterExpression(condition)
    return list(layer.getFeatures(request))


def settings(project, layers, rng, size=600):
    ms = QgsMapSettings()
    ms.setLayers(layers)
    ms.setDestinationCrs(project.crs())
    ms.setExtent(project.viewSettings().defaultViewExtent())
    ms.setOutputSize(QSize(size, size))
    ms.setBackgroundColor(QColor(255, 255, 255))
    ms.setFlag(QgsMapSettings.Antialiasing, False)
    ms.setIsTemporal(True)
    ms.setTemporalRange(rng)
    return ms


def render(ms):
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def colours(image):
    """The distinct colours of `image` other than the white background, as #RRGGBB."""
    seen = set()
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            rgb = image.pixel(x, y) & 0xFFFFFF
            if rgb != 0xFFFFFF:
                seen.add("#%06X" % rgb)
    return seen


def style_mismatches(layer, features):
    """Features whose data-defined colours and width differ from their simplestyle properties."""
    symbol_layer = layer.renderer().symbol().symbolLayer(0)
    props = symbol_layer.dataDefinedProperties()
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    wrong = []
    for f in features:
        context.setFeature(f)
        stroke, _ = props.valueAsColor(QgsSymbolLayer.PropertyStrokeColor, context, QColor(0, 0, 0, 0))
        width, _ = props.valueAsDouble(QgsSymbolLayer.PropertyStrokeWidth, context, -1)
        if stroke.name().upper() != str(f["stroke"]).upper() or abs(width - float(f["stroke-width"])) > 1e-9:
            wrong.append("%s: stroke %s width %s" % (f.id(), stroke.name(), width))
        if layer.geometryType() == 2:  # polygons: fill at fill-opacity
            fill, _ = props.valueAsColor(QgsSymbolLayer.PropertyFillColor, context, QColor(0, 0, 0, 0))
            alpha = round(255 * float(f["fill-opacity"]))
            if fill.name().upper() != str(f["fill"]).upper() or fill.alpha() != alpha:
                wrong.append("%s: fill %s alpha %d" % (f.id(), fill.name(), fill.alpha()))
    return wrong


def fills(features):
    """The distinct colours the features' fills give over white: `fill` at `fill-opacity`."""
    out = set()
    for f in features:
        c, a = QColor(str(f["fill"])), float(f["fill-opacity"])
        if a > 0:
            out.add(tuple(round(v * a + 255 * (1 - a)) for v in (c.red(), c.green(), c.blue())))
    return out


def near(colour, seen, slack=3):
    """Whether `seen` (#RRGGBB) holds `colour` (r, g, b) to within `slack` in each channel."""
    return any(all(abs(int(s[1 + 2 * i:3 + 2 * i], 16) - colour[i]) <= slack for i in range(3)) for s in seen)


def field_types(layer):
    return {f.name(): ("Date" if f.type() == QVariant.Date else "numeric" if f.isNumeric() else f.typeName())
            for f in layer.fields()}


def main(argv):
    args = argv[1:]
    png = None
    if "--render" in args:
        i = args.index("--render")
        png = (args[i + 1], args[i + 2])
        del args[i:i + 3]
    path, dates = args[0], args[1:]
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    out = {"read": project.read(path), "qgis": Qgis.QGIS_VERSION}
    root = project.layerTreeRoot()
    out["tree"] = [l.name() for l in root.findLayers()]
    out["order"] = [l.name() for l in root.layerOrder()]
    out["customOrder"] = root.hasCustomLayerOrder()
    out["crs"] = project.crs().authid()
    time = project.timeSettings()
    r = time.temporalRange()
    out["range"] = [r.begin().toString("yyyy-MM-ddTHH:mm:ss"), r.end().toString("yyyy-MM-ddTHH:mm:ss")]
    # The Temporal Controller panel's state (the panel itself needs QGIS's desktop application).
    mode, ok = project.readNumEntry("TemporalControllerWidget", "/NavigationMode", 0)
    out["navigation"] = mode if ok else None
    out["navigationRange"] = [project.readEntry("TemporalControllerWidget", "/StartDateTime", "")[0],
                              project.readEntry("TemporalControllerWidget", "/EndDateTime", "")[0]]
    out["step"] = [time.timeStep(), QgsUnitTypes.toString(time.timeStepUnit())]
    view = project.viewSettings().defaultViewExtent()
    e = QgsCoordinateTransform(view.crs(), QgsCoordinateReferenceSystem("EPSG:4326"), project).transformBoundingBox(view)
    out["viewCRS"] = view.crs().authid()
    out["view"] = [e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()]

    layers = {l.name(): l for l in project.mapLayers().values()}
    spatial = [l for l in layers.values() if l.isSpatial()]
    out["layers"] = {}
    for name, l in layers.items():
        t = l.temporalProperties()
        entry = {"valid": l.isValid(), "source": l.source(), "provider": l.providerType()}
        if l.isSpatial():
            x = l.extent()
            sl = l.renderer().symbol().symbolLayer(0)
            entry.update({
                "extent": [x.xMinimum(), x.yMinimum(), x.xMaximum(), x.yMaximum()],
                "temporal": {"active": t.isActive(),
                             "mode": int(t.mode()),
                             "separateFields": t.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields,
                             "start": t.startField(), "end": t.endField(),
                             "includeStartExcludeEnd": int(t.limitMode()) == 0},
                "strokeUnit": QgsUnitTypes.encodeUnit(sl.strokeWidthUnit() if l.geometryType() == 2 else sl.widthUnit()),
            })
        out["layers"][name] = entry

    timeline = layers.get("timeline")
    if timeline is not None:
        out["timeline"] = field_types(timeline)
        # The same source with no .csvt beside it: GDAL must type the columns itself.
        csvt = os.path.join(os.path.dirname(path), "timeline.csvt")
        aside = csvt + ".aside"
        if os.path.exists(csvt):
            os.rename(csvt, aside)
        try:
            out["timelineWithoutCsvt"] = field_types(QgsVectorLayer(timeline.source(), "t", "ogr"))
        finally:
            if os.path.exists(aside):
                os.rename(aside, csvt)

    out["dates"] = {}
    for d in dates:
        rng = day_range(d)
        per_layer = {}
        for l in spatial:
            features = shown(l, rng)
            strokes = sorted({str(f["stroke"]).upper() for f in features})
            seen = colours(render(settings(project, [l], rng)))
            tints = fills(features) if l.geometryType() == 2 else set()
            per_layer[l.name()] = {"count": len(features), "strokes": strokes,
                                   "fills": len(tints), "fillsDrawn": sum(1 for t in tints if near(t, seen)),
                                   "strokesDrawn": sorted(set(strokes) & seen), "colours": len(seen),
                                   "fallbackGrey": "#808080" in seen,
                                   "styleMismatches": style_mismatches(l, features)[:5]}
        out["dates"][d] = per_layer

    if png:
        ms = settings(project, [l for l in root.layerOrder() if l.isSpatial()], day_range(png[1]), 1000)
        ms.setFlag(QgsMapSettings.Antialiasing, True)
        out["png"] = render(ms).save(png[0])
    print(json.dumps(out, indent=1, sort_keys=True))
    project.clear()
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv)
