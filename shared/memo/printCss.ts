/** Page sizes the PDF export offers. */
export type PageSize = 'A4' | 'Letter';

/**
 * The print stylesheet embedded in the memo's HTML. Long words wrap anywhere, tables have fixed
 * layouts so no cell can push the page wider, and headings stay with what follows them.
 */
export const PRINT_CSS = `
@page { margin: 18mm 16mm 20mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.4; color: #111; margin: 0; overflow-wrap: break-word; }
h1 { font-size: 17pt; margin: 0 0 6pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; border-bottom: 1px solid #999; padding-bottom: 2pt; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
h4 { font-size: 10pt; margin: 8pt 0 2pt; break-after: avoid; color: #333; }
p { margin: 0 0 6pt; }
.letterhead { text-align: right; color: #333; margin: 0 0 10pt; }
.letterhead-logo { text-align: right; margin: 0 0 6pt; }
.letterhead-logo img { max-height: 18mm; max-width: 60mm; width: auto; height: auto; }
.signature { margin: 14pt 0 6pt; }
.draft { border: 2px solid #b00; color: #b00; padding: 4pt 8pt; font-weight: bold; display: inline-block; }
.meta { width: 100%; border-collapse: collapse; margin-bottom: 8pt; table-layout: fixed; }
.meta th { text-align: left; width: 22%; vertical-align: top; padding: 2pt 6pt 2pt 0; }
.meta td { vertical-align: top; padding: 2pt 0; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 8pt; font-size: 9pt; }
table.grid th, table.grid td { border: 1px solid #888; padding: 3pt 4pt; vertical-align: top; text-align: left; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid th { background: #e8e8e8; overflow-wrap: normal; hyphens: manual; }
.item { break-before: auto; }
.facts { margin: 0 0 6pt; padding: 0; list-style: none; }
/* Each fact is an inline block no wider than the page, and a word longer than the line breaks
   anywhere (overflow-wrap: anywhere also lowers the block's min-content width, so it shrinks). */
.facts li { display: inline-block; margin-right: 14pt; max-width: 100%; min-width: 0; overflow-wrap: anywhere; vertical-align: top; }
blockquote { margin: 2pt 0 6pt 12pt; padding-left: 8pt; border-left: 3px solid #888; font-style: italic; }
ul { margin: 0 0 6pt; padding-left: 16pt; }
.rating-high { font-weight: bold; color: #a00; }
.rating-medium { font-weight: bold; color: #a60; }
.rating-low { color: #333; }
.stamp { margin-top: 16pt; border-top: 1px solid #999; padding-top: 4pt; font-size: 8pt; color: #333; }
.empty { color: #666; }
`;
