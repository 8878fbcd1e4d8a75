/// The page's style sheet: a two-column layout on a wide screen (picture left, derivation right),
/// one column on a narrow one, and for print the chosen view and the tables without the controls
/// (sections break across pages, but no formula, table, paragraph or nested working).
/// The colours of the lit path are the diagram's own (``Diagram/color(_:)``). Display formulas
/// start at the left, indented, as the prose and the nested working beside them do (browsers centre
/// them by default, which in a narrow column sets each line of a derivation at a different place).
/// Formulas are set a fifth larger than the prose: a math font's letters are smaller than DejaVu
/// Sans' at the same size (a lower x-height), and a formula must read at least as large as its sentence.
extension HTMLPage {
    static let style: String = {
        func lit(_ role: Diagram.Role, width: Double) -> String {
            let color = Diagram.color(role), name = Diagram.className(role)
            return """
                .lit-\(name) > line.edge { stroke: \(color); stroke-opacity: 1; stroke-width: \(width); }
                .lit-\(name) circle.node { stroke: \(color); stroke-width: 3; }
                """
        }
        return """
            :root { color-scheme: light; }
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1a1a1a; background: #ffffff;
                   margin: 0 auto; max-width: 1400px; padding: 0 1.2rem 2rem; line-height: 1.45; }
            header p { max-width: 60rem; }
            h1 { font-size: 1.5rem; margin: 1rem 0 0.4rem; }
            .explorer { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
            .picture { flex: 1 1 34rem; min-width: 0; position: sticky; top: 0; }
            .picture svg { max-width: 100%; height: auto; }
            .views { flex: 1 1 30rem; min-width: 0; overflow-x: auto; }
            .samples { border: 1px solid #d0d5dc; border-radius: 6px; margin: 0 0 0.5rem; }
            .samples label { margin-right: 1rem; white-space: nowrap; }
            .mark { cursor: pointer; }
            .mark:focus { outline: none; }
            .mark:focus-visible > line.edge, .mark:focus-visible circle.node { stroke: #111111; stroke-width: 5; }
            .edge-mark:hover > line.edge { stroke-opacity: 1; }
            \(lit(.upstream, width: 2.2))
            \(lit(.sum, width: 3.2))
            \(lit(.chosen, width: 4.5))
            .lit-chosen circle.node { fill: #fde4ee; }
            article.view { border-left: 4px solid \(Diagram.color(.chosen)); padding: 0 0 0 1rem; }
            article.view h3 { font-size: 1.15rem; margin-top: 0.2rem; }
            article.view h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
            math { font-size: 1.2em; }
            math[display="block"] { margin: 0.4rem 0 0.4rem 1rem; width: fit-content; }
            mtable.chain mtd:first-child { text-align: right; }
            mtable.chain mtd { text-align: left; padding: 0.15rem 0.1rem; }
            .why { color: #4a5463; font-size: 0.95em; }
            .nested { margin-left: 1rem; padding-left: 0.8rem; border-left: 2px solid #e3e6ea; }
            table.terms { border-collapse: collapse; margin: 0.4rem 0 0.4rem 1rem; }
            table.terms td, table.terms th { padding: 0.15rem 0.45rem; text-align: right; }
            table.terms thead th { border-bottom: 1px solid #888888; }
            table.terms td.op { padding: 0.15rem 0.1rem; text-align: center; }
            .permalink { font-size: 0.85em; color: #4a5463; }
            nav.index a { display: inline-block; margin: 0 0.5rem 0.3rem 0; }
            .summary { overflow-x: auto; }
            @media print {
                body { max-width: none; padding: 0; }
                .samples, .placeholder, nav.index, header p { display: none; }
                .picture { position: static; }
                .explorer { display: block; }
                article.view { border-left: none; padding: 0; }
                a { color: inherit; text-decoration: none; }
                .nested, table, math, p { break-inside: avoid; }
                h2, h3, h4 { break-after: avoid; }
            }
            """
    }()
}
