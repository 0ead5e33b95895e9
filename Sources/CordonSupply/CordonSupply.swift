// CordonSupply: see DESIGN.md
