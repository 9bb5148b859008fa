/**
 * Styles of the lead/admin screens, injected by LeadHome as one <style> element (CSP allows
 * inline styles): dense 28–32 px rows, tabular numbers, state colours with text, visible focus.
 */
export const LEAD_CSS = `
.lead-home { display: flex; flex-direction: column; gap: 8px; padding: 8px 8px; font-size: 13px; min-height: 0; min-width: 0; flex: 1; overflow: auto; }
.lead-home .num, .lead-table td.r, .lead-table .num { font-variant-numeric: tabular-nums; }
.lead-home .r { text-align: right; }
.lead-home .muted { color: var(--muted, #4f5a68); }
.lead-home .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.lead-home :focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.lead-nav { display: flex; gap: 4px; border-bottom: 1px solid #d0d5dd; }
.lead-tab { border: 0; background: none; padding: 6px 12px; font: inherit; cursor: pointer; border-bottom: 2px solid transparent; }
.lead-tab.active { border-bottom-color: #1d4ed8; font-weight: 600; }
.lead-panel { display: flex; flex-direction: column; gap: 8px; min-height: 0; min-width: 0; flex: 1 1 auto; }
.lead-reports { display: flex; flex-direction: column; gap: 8px; min-height: 0; flex: 1 1 auto; }
.lead-reports .lead-report-wrap { flex: 1 1 auto; min-height: 180px; max-height: none; }
.lead-panel > * { min-width: 0; }
.lead-queues { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; }
.lead-queues li { display: flex; gap: 6px; align-items: baseline; border: 1px solid var(--line, #d7dce3); border-radius: 4px; padding: 2px 8px; background: #fff; }
.lead-queues .num { font-weight: 600; }
.lead-board-main { display: grid; grid-template-columns: minmax(0, 1fr) 224px; gap: 8px; align-items: start; }
.lead-table-wrap { overflow: auto; max-width: 100%; max-height: calc(100vh - 160px); background: #fff; border: 1px solid var(--line, #d7dce3); border-radius: 6px; }
.lead-report { font-size: 12px; }
.lead-report th, .lead-report td { padding: 2px 2px; }
.lead-report tr > :first-child { position: sticky; left: 0; background: #fff; z-index: 1; box-shadow: 1px 0 0 #eaecf0; max-width: 120px; overflow: hidden; text-overflow: ellipsis; padding-left: 4px; }
.lead-report thead tr > :first-child { background: #f9fafb; z-index: 2; }
.lead-report tr.lead-total > :first-child { background: #f2f4f7; }
.lead-report tr.lead-period > th { background: #eef1f5; font-weight: 600; font-size: 12px; height: 24px; color: #344054; box-shadow: none; text-align: left; }
.lead-report tr.lead-period > th { position: static; max-width: none; overflow: visible; }
.lead-report tr.lead-period > th > span { position: sticky; left: 4px; display: inline-block; }
.lead-report tfoot tr > * { position: sticky; bottom: 0; }
.lead-report tfoot tr > :first-child { white-space: normal; line-height: 1.15; z-index: 2; }
.lead-report .lead-range { display: block; font-size: 12px; font-weight: 500; white-space: normal; }
.lead-idle-toggle { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; color: #344054; align-self: flex-start; }
.lead-table { border-collapse: collapse; width: 100%; }
.lead-table th, .lead-table td { height: 28px; padding: 2px 5px; border-bottom: 1px solid #eaecf0; white-space: nowrap; text-align: left; }
.lead-table thead th { position: sticky; top: 0; background: #f9fafb; font-weight: 600; z-index: 1; white-space: normal; line-height: 1.15; vertical-align: bottom; font-size: 12px; color: #344054; }
.lead-table .lead-order { max-width: 200px; overflow: hidden; text-overflow: ellipsis; }
.lead-table th.r, .lead-table td.r { text-align: right; }
.lead-table tbody th { font-weight: 500; }
.lead-table tfoot th, .lead-table tfoot td, .lead-table tr.lead-total th, .lead-table tr.lead-total td { font-weight: 700; background: #f2f4f7; }
.lead-sort { border: 0; background: none; font: inherit; font-weight: 600; padding: 0; cursor: pointer; color: inherit; text-align: inherit; }
.lead-state { display: inline-flex; align-items: center; gap: 6px; }
.lead-dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; background: currentColor; }
.lead-state-ready { color: var(--c-ready, #1a7f37); }
.lead-state-dialing, .lead-state-ringing { color: var(--c-dialing, #b06000); }
.lead-state-talking { color: var(--c-talking, #1f5fbf); }
.lead-state-hold { color: var(--c-hold, #6f42c1); }
.lead-state-wrapUp { color: var(--c-wrapup, #0f766e); }
.lead-state-break { color: var(--c-break, #6b7280); }
.lead-state-offline { color: var(--c-offline, #c62828); }
.lead-quality { display: inline-flex; align-items: flex-end; }
.lead-bars { display: inline-flex; gap: 2px; align-items: flex-end; height: 15px; }
.lead-bars span { width: 4px; background: #d0d5dd; display: inline-block; }
.lead-bars span.on { background: var(--c-ready, #1a7f37); }
.lead-quality-1 .lead-bars span.on, .lead-quality-0 .lead-bars span.on { background: var(--c-offline, #c62828); }
.lead-quality-2 .lead-bars span.on { background: var(--c-dialing, #b06000); }
.lead-actions { display: flex; gap: 4px; }
.lead-home .lead-icon { width: 24px; padding: 0; justify-content: center; font-size: 13px; }
.lead-home .btn-small { padding: 1px 6px; font-size: 12px; }
.lead-alerts { border: 1px solid var(--line, #d7dce3); border-radius: 6px; background: #fff; padding: 6px 8px; max-height: calc(100vh - 160px); overflow: auto; }
.lead-alerts h3 { margin: 0 0 6px; font-size: 14px; }
.lead-alerts ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.lead-alert { border-left: 4px solid #b54708; padding: 2px 6px; background: #fffaeb; }
.lead-alert-sipUnregistered, .lead-alert-longCall { border-left-color: #b42318; background: #fef3f2; }
.lead-error { color: #b42318; }
.lead-ok { color: #067647; }
.lead-backdrop { position: fixed; inset: 0; background: rgba(16, 24, 40, 0.4); display: flex; align-items: center; justify-content: center; z-index: 50; }
.lead-dialog { background: #fff; border-radius: 6px; padding: 12px 16px; min-width: 360px; max-width: 640px; max-height: 90vh; overflow: auto; }
.lead-dialog h3 { margin: 0 0 8px; font-size: 15px; }
.lead-field { display: flex; flex-direction: column; gap: 2px; }
.lead-field > span, .lead-field > label { font-size: 12px; color: #344054; }
.lead-field input, .lead-field select, .lead-field textarea { font: inherit; padding: 3px 6px; min-height: 26px; }
.lead-field textarea { font-family: ui-monospace, monospace; }
.lead-field-error { color: #b42318; font-size: 12px; margin: 0; }
.lead-day { width: 8.5em; }
.lead-checks { display: flex; flex-direction: column; gap: 2px; max-height: 300px; overflow: auto; }
.lead-buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; align-items: center; }
.lead-filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
.lead-charts { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 12px; }
.lead-chart { border: 1px solid var(--line, #d7dce3); border-radius: 6px; padding: 6px 8px; background: #fff; }
.lead-chart h3 { margin: 0 0 4px; font-size: 13px; }
.lead-chart { margin: 0; }
.lead-chart svg { width: 100%; height: auto; display: block; }
.lead-chart .bar-calls { fill: #84adff; }
.lead-chart .bar-confirmed { fill: #067647; }
.lead-chart .line { fill: none; stroke: #1d4ed8; stroke-width: 2; }
.lead-chart .dot { fill: #1d4ed8; }
.lead-chart .axis { stroke: #98a2b3; stroke-width: 1; }
.lead-chart text { font-size: 12px; fill: #475467; }
.lead-chart .nodata { fill: #eaecf0; }
.lead-legend i.nodata { background: #d0d5dd; }
.lead-legend { display: flex; gap: 12px; font-size: 12px; }
.lead-legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.lead-progress { display: inline-flex; align-items: center; gap: 6px; }
.lead-progress progress { width: 120px; }
.lead-form-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; }
.lead-admin { display: grid; grid-template-columns: 180px minmax(0, 1fr); gap: 12px; }
.lead-admin-nav { display: flex; flex-direction: column; gap: 2px; }
.lead-admin .lead-table, .lead-plans .lead-table { background: #fff; border: 1px solid var(--line, #d7dce3); }
.lead-admin h2 { margin: 0 0 6px; }
.lead-admin h3 { margin: 12px 0 6px; font-size: 14px; }
.lead-admin-nav button { text-align: left; justify-content: flex-start; border: 0; border-left: 3px solid transparent; border-radius: 0; background: none; height: 30px; }
.lead-admin-nav button.active { border-left-color: var(--accent, #1f5fbf); background: var(--accent-2, #e8f0fc); border-bottom: 0; }
.lead-md { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.lead-md textarea { min-height: 420px; resize: vertical; }
.lead-md-preview { border: 1px solid #eaecf0; padding: 6px 10px; overflow: auto; max-height: 460px; }
.lead-var { background: #eff4ff; color: #1d4ed8; border-radius: 3px; padding: 0 2px; font-family: ui-monospace, monospace; }
.lead-plans .lead-table { width: auto; min-width: 480px; }
.lead-line-errors { margin: 4px 0; padding-left: 18px; color: #b42318; max-height: 40vh; overflow: auto; }
`;
