/// The report's CSS: system fonts only (nothing to fetch), print-friendly, and the classes the
/// SVG figures use for their text.
enum ReportStyle {
    static let css = """
    body { margin: 0; background: #f4f4f1; color: #1a1a1a;
      font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 15px; line-height: 1.45; }
    main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; background: #ffffff; }
    h1 { font-size: 28px; margin: 0 0 4px; }
    h2 { font-size: 20px; margin: 36px 0 10px; padding-top: 10px; border-top: 2px solid #1a1a1a; }
    .lede { font-size: 16px; color: #333333; margin: 0 0 12px; }
    .warning { border-left: 5px solid #E69F00; background: #fdf6e6; padding: 8px 12px; margin: 12px 0; }
    .findings { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 12px; margin: 16px 0; }
    .finding { border: 1px solid #cccccc; padding: 10px 12px; }
    .finding strong { display: block; font-size: 20px; }
    .maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 18px 22px; }
    figure { margin: 0; }
    figcaption { font-size: 13px; color: #333333; margin-top: 2px; }
    svg { display: block; width: 100%; height: auto; }
    svg text { font-family: inherit; font-size: 12px; fill: #1a1a1a; }
    svg .small { font-size: 11px; }
    svg .strong { font-weight: bold; }
    svg .map-date { font-size: 18px; font-weight: bold; }
    svg .map-event { font-size: 14px; }
    svg .chart-title { font-size: 15px; font-weight: bold; }
    svg .route-label, svg .corridor-label { font-size: 11px; font-weight: bold; }
    svg .halo { paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
    .charts figure { margin-bottom: 22px; }
    table { border-collapse: collapse; margin: 10px 0 26px; width: 100%; font-size: 13.5px; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    p.note { font-size: 13px; color: #333333; margin: -18px 0 26px; }
    th, td { border-bottom: 1px solid #dddddd; padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #eeeeea; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    ul.assumptions li { margin-bottom: 3px; }
    code { font-size: 13px; }
    footer { margin-top: 30px; font-size: 13px; color: #444444; }
    @media print { body { background: #ffffff; } main { padding: 0; } figure, table { break-inside: avoid; } }
    """
}
