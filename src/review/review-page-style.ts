/** The review page's stylesheet: two aligned columns, stacked under 700px, light and dark. */
export const REVIEW_PAGE_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --fg: #1b2230; --muted: #5b6577; --card: #ffffff; --border: #dadfe7; --subtle: #f0f2f6;
  --accent: #2456d3; --accent-fg: #ffffff;
  --current: #1c7a3c; --current-bg: #e3f4e8; --stale: #8f5200; --stale-bg: #fdf0d9;
  --missing: #b42318; --missing-bg: #fde7e5; --conflict: #7434b8; --conflict-bg: #f1e6fb;
  --flag: #285e9c; --flag-bg: #e4eefa; --qa: #8a4b00; --qa-bg: #fff6e0; --qa-line: #f2d9a2;
  --ins-fg: #0b5a26; --ins-bg: #ccf2d7; --del-fg: #9b1c1c; --del-bg: #fcdcda;
  --pair-bg: #fff1a8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #11141a; --fg: #e3e7ee; --muted: #98a2b3; --card: #1a1f28; --border: #2e3543; --subtle: #222834;
    --accent: #6b98ff; --accent-fg: #0b1020;
    --current: #6fd08f; --current-bg: #15301f; --stale: #f0b35b; --stale-bg: #3a2a10;
    --missing: #ff8a80; --missing-bg: #3d1714; --conflict: #c99af5; --conflict-bg: #2f1d44;
    --flag: #8fb8ef; --flag-bg: #1b2b42; --qa: #f2c167; --qa-bg: #2a2312; --qa-line: #4a3b17;
    --ins-fg: #a6f0bb; --ins-bg: #17422a; --del-fg: #ffb3ad; --del-bg: #4a1c1a;
    --pair-bg: #4a4214;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
}
code, kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; }
kbd { border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 5px; background: var(--card); }
.wrap { max-width: 1400px; margin: 0 auto; padding: 0 20px; }
.page-head { padding-top: 18px; padding-bottom: 12px; }
h1 { font-size: 22px; line-height: 1.3; margin: 0 0 4px; overflow-wrap: anywhere; }
.paths { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
.lang { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); border: 1px solid var(--border); border-radius: 4px; padding: 0 4px; }
.summary { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; margin: 12px 0 0; padding: 0; color: var(--muted); }
.summary b { font-size: 20px; color: var(--fg); margin-right: 2px; font-variant-numeric: tabular-nums; }
.summary .sum-work b { color: var(--accent); }
.summary .sum-stale b { color: var(--stale); }
.summary .sum-missing b { color: var(--missing); }
.summary .sum-conflict b { color: var(--conflict); }
.summary .sum-qa b { color: var(--qa); }
.toolbar { position: sticky; top: 0; z-index: 2; background: var(--bg); border-bottom: 1px solid var(--border); }
.toolbar-inner { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; padding-top: 10px; padding-bottom: 10px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; }
.filter {
  font: inherit; font-size: 14px; line-height: 1.4; padding: 4px 12px; cursor: pointer;
  color: var(--fg); background: var(--card); border: 1px solid var(--border); border-radius: 999px;
}
.filter:hover { border-color: var(--accent); }
.filter[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
.filter .count { font-variant-numeric: tabular-nums; opacity: 0.75; margin-left: 2px; }
#search {
  flex: 1 1 14rem; min-width: 0; font: inherit; font-size: 14px; padding: 5px 10px;
  color: var(--fg); background: var(--card); border: 1px solid var(--border); border-radius: 6px;
}
.filter:focus-visible, #search:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.status-line { margin: 0; font-size: 13px; color: var(--muted); }
main { padding-top: 12px; padding-bottom: 24px; }
.col-heads {
  display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); padding: 0 1px 4px 5px;
  font-size: 13px; font-weight: 600; color: var(--muted);
}
.col-heads > div { padding: 0 14px; }
.row {
  display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); margin: 0 0 10px;
  background: var(--card); border: 1px solid var(--border); border-left: 5px solid var(--border); border-radius: 8px;
  scroll-margin-top: calc(var(--sticky, 60px) + 12px); scroll-margin-bottom: 12px;
}
.row[data-reviewed="1"] { border-left-color: var(--current); }
.row[data-qa="1"] { border-left-color: var(--qa); }
.row[data-status="stale"] { border-left-color: var(--stale); }
.row[data-status="missing"] { border-left-color: var(--missing); }
.row[data-status="conflict"] { border-left-color: var(--conflict); }
.row:focus { outline: none; }
.row.is-active { outline: 3px solid var(--accent); outline-offset: 2px; box-shadow: 0 4px 18px rgba(36, 86, 211, 0.18); }
.row-head {
  grid-column: 1 / -1; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px;
  padding: 6px 14px; border-bottom: 1px solid var(--border); font-size: 13px; color: var(--muted);
}
.seg-id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--fg); font-weight: 600; overflow-wrap: anywhere; }
.origin { font-size: 12px; }
.where { margin-left: auto; display: flex; flex-wrap: wrap; gap: 2px 12px; }
.where code { color: var(--fg); overflow-wrap: anywhere; }
.badge {
  display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 600; line-height: 20px;
  color: var(--muted); background: var(--subtle); white-space: nowrap;
}
.badge-current { color: var(--current); background: var(--current-bg); }
.badge-stale { color: var(--stale); background: var(--stale-bg); }
.badge-missing { color: var(--missing); background: var(--missing-bg); }
.badge-conflict { color: var(--conflict); background: var(--conflict-bg); }
.badge-edited, .badge-reviewed { color: var(--flag); background: var(--flag-bg); }
.badge-qa { color: var(--qa); background: var(--qa-bg); border: 1px solid var(--qa-line); line-height: 18px; }
.cell { padding: 10px 14px 12px; min-width: 0; }
.cell.target { border-left: 1px solid var(--border); }
.cell-label { display: none; font-size: 12px; font-weight: 600; color: var(--muted); margin-bottom: 2px; }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.placeholder { color: var(--missing); font-style: italic; }
.label { display: block; font-size: 12px; font-weight: 600; color: var(--muted); margin-bottom: 2px; }
.change { margin-top: 10px; padding: 6px 10px; border-radius: 6px; background: var(--subtle); }
.diff { font-size: 14px; }
del { color: var(--del-fg); background: var(--del-bg); text-decoration: line-through; border-radius: 2px; }
ins { color: var(--ins-fg); background: var(--ins-bg); text-decoration: none; border-radius: 2px; }
.versions { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 8px; }
.version { padding: 6px 10px; border: 1px solid var(--border); border-radius: 6px; }
.version.suggested { border-style: dashed; border-color: var(--conflict); }
.findings {
  grid-column: 1 / -1; list-style: none; margin: 0; padding: 6px 14px 8px; display: grid; gap: 4px;
  font-size: 14px; background: var(--qa-bg); border-top: 1px solid var(--qa-line); border-radius: 0 0 7px 0;
}
.findings .message { overflow-wrap: anywhere; }
.raw { display: none; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
body.show-raw .text { display: none; }
body.show-raw .raw { display: block; }
.text code { background: var(--subtle); border-radius: 3px; padding: 0 3px; }
.text code.html { color: var(--muted); }
.text .link { text-decoration: underline dotted; text-underline-offset: 3px; cursor: help; }
.sent { border-radius: 3px; }
.sent:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.sent.is-pair { background: var(--pair-bg); box-shadow: 0 0 0 2px var(--pair-bg); }
.banner { position: sticky; top: 0; z-index: 3; padding: 10px 20px; background: var(--missing-bg); color: var(--missing); font-weight: 600; border-bottom: 2px solid var(--missing); }
.documents { padding-top: 10px; font-size: 14px; }
.documents a { color: var(--accent); }
.documents a[aria-current] { font-weight: 700; color: var(--fg); }
.actions { grid-column: 1 / -1; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 6px 14px 8px; border-top: 1px solid var(--border); }
.act { font: inherit; font-size: 13px; padding: 2px 10px; cursor: pointer; color: var(--fg); background: var(--card); border: 1px solid var(--border); border-radius: 6px; }
.act:hover, .act:focus-visible { border-color: var(--accent); outline: none; }
.notice { font-size: 13px; color: var(--muted); }
.notice.is-error { color: var(--missing); font-weight: 600; }
.editor { width: 100%; min-height: 6em; font: inherit; padding: 6px 8px; color: var(--fg); background: var(--bg); border: 2px solid var(--accent); border-radius: 6px; resize: vertical; }
.draft-findings { list-style: none; margin: 6px 0 0; padding: 0; font-size: 13px; color: var(--qa); }
.empty { text-align: center; color: var(--muted); padding: 40px 0; }
footer { color: var(--muted); font-size: 13px; padding-bottom: 24px; }
@media (max-width: 700px) {
  .wrap { padding: 0 10px; }
  .toolbar-inner { gap: 6px 10px; padding-top: 8px; padding-bottom: 8px; }
  .filters { flex-wrap: nowrap; overflow-x: auto; max-width: 100%; scrollbar-width: none; }
  .filter { flex: none; }
  .keys { display: none; }
  .col-heads { display: none; }
  .row { grid-template-columns: minmax(0, 1fr); }
  .cell.target { border-left: 0; border-top: 1px dashed var(--border); }
  .cell-label { display: block; }
  .where { margin-left: 0; }
}
@media print {
  .toolbar { display: none; }
  .row { break-inside: avoid; }
}
`;
