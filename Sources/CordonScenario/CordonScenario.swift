// CordonScenario: see DESIGN.md
