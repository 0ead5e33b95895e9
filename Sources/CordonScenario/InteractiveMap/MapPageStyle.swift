/// The interactive map's CSS: system fonts (nothing to fetch), the map beside its legend on a
/// wide screen and above it on a narrow one, strokes that keep their width when zooming.
enum MapPageStyle {
    static let css = """
    body { margin: 0; background: #f4f4f1; color: #1a1a1a;
      font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 14px; line-height: 1.4; }
    header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 16px; }
    header { padding-top: 10px; }
    h1 { font-size: 22px; margin: 0; }
    .lede { margin: 2px 0 6px; color: #333333; }
    .note { margin: 0 0 6px; border-left: 4px solid #E69F00; padding-left: 8px; }
    main { display: grid; grid-template-columns: minmax(0, 1fr) 250px; grid-template-areas: "controls controls" "situation situation"
      "dates dates" "stage legend"; gap: 4px 14px; }
    .controls { grid-area: controls; display: flex; align-items: center; gap: 12px; }
    #play { min-width: 86px; font-size: 15px; padding: 4px 10px; }
    .slider { position: relative; flex: 1 1 320px; padding-bottom: 10px; }
    .slider input { width: 100%; margin: 0; }
    .ticks { position: absolute; left: 8px; right: 8px; bottom: 0; height: 10px; }
    .tick { position: absolute; width: 2px; height: 10px; margin-left: -1px; background: #1a1a1a; }
    #date-words { flex: none; width: 22em; margin: 0; font-size: 17px; font-weight: bold; }
    #situation { grid-area: situation; margin: 0; min-height: 1.4em; }
    .key-dates { grid-area: dates; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 6px; margin: 2px 0 4px; padding: 0; }
    .key-dates button { font-size: 12.5px; padding: 2px 7px; border: 1px solid #999999; border-radius: 3px; background: #ffffff;
      cursor: pointer; }
    .key-dates button[aria-current="date"] { background: #1a1a1a; color: #ffffff; border-color: #1a1a1a; }
    .key-dates time { font-weight: bold; }
    .stage { grid-area: stage; position: relative; background: #ffffff; border: 1px solid #444444; }
    #map { display: block; width: 100%; height: 72vh; min-height: 360px; cursor: grab; touch-action: none; }
    #map:not([data-date]) .feature { display: none; }
    .feature { vector-effect: non-scaling-stroke; stroke-linejoin: round; stroke-linecap: round; }
    .feature:focus { outline: none; stroke: #000000; stroke-width: 3px; stroke-dasharray: none; }
    .feature:hover { stroke-opacity: 1; filter: brightness(0.92); }
    #map:not([data-date]) .label { display: none; }
    .label { font-weight: bold; fill: #1a1a1a; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round;
      vector-effect: non-scaling-stroke; pointer-events: none; }
    .zoom { position: absolute; top: 8px; left: 8px; display: flex; flex-direction: column; gap: 3px; }
    .zoom button { min-width: 34px; padding: 3px 5px; font-size: 13px; background: #ffffff; border: 1px solid #666666; cursor: pointer; }
    .popup { position: absolute; z-index: 2; width: 300px; max-height: 260px; overflow: auto; background: #ffffff;
      border: 1px solid #444444; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); padding: 6px 8px; font-size: 12.5px; }
    .popup .close { position: sticky; top: 0; float: right; border: none; background: #ffffff; font-size: 18px; line-height: 1; cursor: pointer; }
    .popup h3 { font-size: 13.5px; margin: 4px 22px 4px 0; }
    .popup table { border-collapse: collapse; width: 100%; margin-bottom: 6px; }
    .popup th, .popup td { border-bottom: 1px solid #e4e4e4; padding: 2px 4px; text-align: left; vertical-align: top; }
    .popup th { font-weight: normal; color: #555555; white-space: nowrap; }
    .popup td { overflow-wrap: anywhere; }
    .legend { grid-area: legend; font-size: 13px; max-height: 72vh; overflow: auto; }
    .legend h2 { font-size: 15px; margin: 0 0 2px; }
    .legend h3 { font-size: 13px; margin: 8px 0 2px; }
    .legend ul { list-style: none; margin: 0; padding: 0; }
    .legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
    .swatch { flex: none; }
    footer { font-size: 12px; color: #444444; margin-top: 8px; padding-bottom: 16px; }
    @media (max-width: 800px) { main { grid-template-columns: minmax(0, 1fr); grid-template-areas: "controls" "situation" "dates" "stage" "legend"; }
      .controls { flex-wrap: wrap; } #date-words { width: auto; } }
    """
}
