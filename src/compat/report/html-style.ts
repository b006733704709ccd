/** The inline stylesheet of the compat report page (no external resources). */
export const HTML_STYLE = `
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; background: #fff; }
body { margin: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
p.meta { color: #57606a; margin: 0 0 1rem; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; font-size: .85rem; }
ul.legend li { display: flex; align-items: center; gap: .4rem; }
.swatch { display: inline-block; width: 1.4rem; height: 1.4rem; line-height: 1.4rem; text-align: center; border-radius: 3px; font-weight: 600; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85rem; }
table.matrix th, table.matrix td { border: 1px solid #d0d7de; }
table.matrix thead th.op { vertical-align: bottom; padding: .3rem .1rem; }
table.matrix thead th.op span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; }
table.matrix tbody th { text-align: left; padding: .3rem .6rem; white-space: nowrap; background: #f6f8fa; }
table.matrix td { width: 1.6rem; height: 1.6rem; text-align: center; padding: 0; }
table.matrix td a { display: block; color: inherit; text-decoration: none; font-weight: 600; line-height: 1.6rem; }
.v-conformant { background: #2da44e; color: #fff; }
.v-warning { background: #f2cc60; color: #3b2300; }
.v-breaking { background: #cf5f00; color: #fff; }
.v-not-conformant { background: #cf222e; color: #fff; }
.v-not-exercised { background: #eaeef2; color: #57606a; }
table.list { width: 100%; margin: .5rem 0 1rem; }
table.list th, table.list td { border-bottom: 1px solid #eaeef2; padding: .25rem .5rem; text-align: left; vertical-align: top; }
table.list td.verdict { white-space: nowrap; }
table.list code { font-size: .8rem; word-break: break-all; }
table.counts td.n { text-align: right; }
details { margin: .5rem 0; }
summary { cursor: pointer; font-weight: 600; }
tr:target, details:target > summary { outline: 2px solid #0969da; }
.known { color: #0a3069; }
`;
