import { fontStack, ink } from './chart-theme.js';

/**
 * The report's only style sheet, inlined so the HTML stands alone (mail, archive, PDF).
 * Print rules: A4 pages (@page), colours kept (print-color-adjust), cards and table rows never
 * split across pages, table headers repeated on each page.
 */
export function reportCss(accent: string): string {
  return `
:root{--accent:${accent};--ink:${ink.strong};--body:${ink.body};--muted:${ink.muted};--faint:${ink.faint};--rule:${ink.rule};--good:#15803d;--bad:#b91c1c}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#eef2f6;color:var(--body);font:14px/1.55 ${fontStack};font-variant-numeric:tabular-nums;-webkit-font-smoothing:antialiased}
.report{max-width:960px;margin:32px auto;background:#fff;padding:40px 44px 28px;border-radius:14px;box-shadow:0 1px 3px rgba(15,23,42,.08),0 12px 32px rgba(15,23,42,.07)}
.masthead{padding-bottom:22px;margin-bottom:24px;border-bottom:1px solid var(--rule)}
.masthead::before{content:"";display:block;width:44px;height:4px;border-radius:2px;background:var(--accent);margin-bottom:18px}
.brandline{font-size:11px;font-weight:700;letter-spacing:.1em;text-transform:uppercase;color:var(--accent)}
h1{margin:6px 0 4px;font-size:30px;line-height:1.2;letter-spacing:-.015em;color:var(--ink)}
.subtitle{margin:0;font-size:15px;color:var(--muted)}
.meta{display:flex;flex-wrap:wrap;gap:12px 36px;margin:18px 0 0}
.meta dt{font-size:10.5px;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--faint)}
.meta dd{margin:2px 0 0;font-size:13px;font-weight:500;color:var(--ink)}
h2{margin:0 0 10px;font-size:11.5px;font-weight:700;letter-spacing:.09em;text-transform:uppercase;color:var(--muted)}
.kpis{display:grid;gap:12px;margin-bottom:24px}
.kpi{border:1px solid var(--rule);border-radius:10px;padding:14px 16px 12px;background:linear-gradient(180deg,#fff,#f9fbfd)}
.kpi .label{font-size:10.5px;font-weight:700;letter-spacing:.07em;text-transform:uppercase;color:var(--muted)}
.kpi .value{margin-top:6px;font-size:26px;font-weight:700;line-height:1.15;color:var(--ink);overflow-wrap:anywhere}
.kpi .foot{display:flex;flex-wrap:wrap;align-items:center;gap:6px;min-height:18px;margin-top:6px;font-size:11.5px;color:var(--muted)}
.change{padding:1px 7px;border-radius:999px;font-weight:700;font-size:11px}
.change.good{color:var(--good);background:#dcfce7}.change.bad{color:var(--bad);background:#fee2e2}.change.flat{color:var(--body);background:#eef2f6}
.findings{margin-bottom:26px;padding:14px 18px 12px;border:1px solid var(--rule);border-left:3px solid var(--accent);border-radius:8px;background:#f8fafc}
.findings ul{margin:0;padding-left:18px}.findings li{margin:3px 0;color:var(--ink)}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin-bottom:16px}
.card{margin:0;padding:16px 18px 12px;border:1px solid var(--rule);border-radius:10px;break-inside:avoid;page-break-inside:avoid}
.card.full{grid-column:1/-1}
.card h3{margin:0 0 10px;font-size:14px;font-weight:650;color:var(--ink)}
.card svg{display:block;width:100%;height:auto}
.note{margin:8px 0 0;font-size:12px;color:var(--muted)}
table{width:100%;border-collapse:collapse;font-size:13px}
th{padding:7px 10px;border-bottom:1px solid var(--rule);font-size:10.5px;font-weight:700;letter-spacing:.06em;text-transform:uppercase;text-align:left;color:var(--muted)}
td{padding:7px 10px;border-bottom:1px solid #f1f5f9;color:var(--body)}
tbody tr:nth-child(even) td{background:#fafbfd}
tbody tr:last-child td{border-bottom:0}
.num{text-align:right}
td.empty{color:var(--faint)}
td:first-child{color:var(--ink);font-weight:500}
footer{display:flex;justify-content:space-between;gap:24px;margin-top:28px;padding-top:14px;border-top:1px solid var(--rule);font-size:11.5px;color:var(--muted)}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{
body{background:#fff;font-size:12.5px}
.report{max-width:none;margin:0;padding:0;border-radius:0;box-shadow:none}
.kpi,.card,.findings,tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
h2,h3{break-after:avoid}
.grid{gap:10px}
}
@media screen and (max-width:640px){.grid{grid-template-columns:1fr}.kpis{grid-template-columns:1fr 1fr!important}.report{margin:0;padding:24px 18px;border-radius:0}}
`.trim();
}
