import CordonCore

/// The days in `cordon.qgz`: each map layer filtered by its own `from` and `until`, and the
/// Temporal Controller's slider over the run, a day a step.
enum ProjectTime {
    /// A map layer's temporal settings as QGIS 3.22 reads them: active, mode 2 ("separate
    /// fields for start and end date/time") with start `from` and end `until`, limit mode 0
    /// (include start, exclude end: `until` is the first day a feature no longer holds). A
    /// missing `until` means the feature holds to the end; QGIS reads NULL the same way.
    static let layerDays = """
              <temporal enabled="1" mode="2" startField="from" endField="until" limitMode="0" accumulate="0" startExpression="" endExpression="" durationField="" durationUnit="d" fixedDuration="0">
                <fixedRange>
                  <start></start>
                  <end></end>
                </fixedRange>
              </temporal>

        """

    /// The Temporal Controller panel's own state, which QGIS keeps among the project's
    /// properties: navigation "animated" (mode 1; off would show every period at once) over
    /// the run, so the map opens on the first day, filtered, ready to play.
    static func controller(start: Day, end: Day) -> String {
        """
                <TemporalControllerWidget>
                  <NavigationMode type="int">1</NavigationMode>
                  <StartDateTime type="QString">\(start)T00:00:00.000Z</StartDateTime>
                  <EndDateTime type="QString">\(end + 1)T00:00:00.000Z</EndDateTime>
                </TemporalControllerWidget>

            """
    }

    /// The project's time range, from the first day of the run to the end of its last day
    /// (`end` is the last day modelled), stepped a day at a time, four days a second when played.
    static func settings(start: Day, end: Day) -> String {
        """
          <ProjectTimeSettings timeStep="1" timeStepUnit="d" frameRate="4" cumulativeTemporalRange="0">
            <TemporalRange>
              <start>\(start)T00:00:00Z</start>
              <end>\(end + 1)T00:00:00Z</end>
            </TemporalRange>
          </ProjectTimeSettings>

        """
    }
}
