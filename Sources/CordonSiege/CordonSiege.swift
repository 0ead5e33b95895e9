// CordonSiege: see DESIGN.md
