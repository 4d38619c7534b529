// The lab report's stylesheet: readable on screen, A4 when printed, no external resources.

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 62rem; padding: 1.5rem;
  font: 11pt/1.5 system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  color: #1b1b1f; background: #ffffff;
}
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.4rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1a5fd0; break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; break-after: avoid; }
h4 { font-size: 0.9rem; margin: 0.5rem 0 0.15rem; color: #5c5c66; break-after: avoid; }
p, ul { margin: 0 0 0.4rem; }
ul { padding-left: 1.3rem; }
code, .mono, pre { font-family: ui-monospace, 'SFMono-Regular', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace; font-size: 0.92em; }
code { background: #f0f0f4; padding: 0 0.2em; border-radius: 2px; }
.kicker { margin: 0; color: #5c5c66; text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.85rem; }
.made { color: #5c5c66; font-size: 0.85rem; }
.diagram svg { display: block; max-width: 100%; height: auto; margin: 0 auto; border: 1px solid #d0d0d8; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border: 1px solid #d0d0d8; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #ececf0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr, .step, .answer, .topic { break-inside: avoid; }
tr.omitted td { font-style: italic; color: #5c5c66; text-align: center; }
.changed { font-weight: 700; }
.payload { color: #0b5cad; }
.step { border-left: 3px solid #d0d0d8; padding-left: 0.7rem; margin-bottom: 0.8rem; }
.step.phase-open, .step.phase-close { border-left-color: #1a5fd0; }
.step.phase-abort { border-left-color: #c50f1f; }
.frames { color: #5c5c66; font-size: 0.85rem; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-before: auto; }
  .diagram { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`
