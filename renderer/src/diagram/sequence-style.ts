// The sequence diagram's stylesheet, embedded in its <svg> so an exported file keeps its look:
// colours through the theme's variables (the app follows light and dark) with light-theme
// fallbacks (an exported file still has colours), sizes in pixels of the current rem.

/** Colours: a theme variable, and its light-theme value for files outside the app. */
const C = {
  text: 'var(--text, #1b1b1f)',
  muted: 'var(--text-muted, #5c5c66)',
  surface: 'var(--surface, #ffffff)',
  border: 'var(--border-strong, #9a9aa6)',
  handshake: 'var(--accent, #1a5fd0)',
  data: 'var(--text, #1b1b1f)',
  ack: 'var(--text-muted, #5c5c66)',
  teardown: 'var(--severity-warn, #8a5a00)',
  abort: 'var(--severity-error, #c50f1f)',
  keepAlive: 'var(--generated-text, #4a4a88)',
  selected: 'var(--selection-bg, #1a5fd0)',
  focus: 'var(--focus, #1a5fd0)',
  stateBg: 'var(--banner-info-bg, #e6f0ff)',
  stateText: 'var(--banner-info-text, #0b2e66)',
  stateLine: 'var(--severity-note, #0b5cad)',
  waitBg: 'var(--banner-warn-bg, #fff4ce)',
  waitText: 'var(--banner-warn-text, #4d3800)',
  blockBg: 'var(--header-bg, #ececf0)',
  seqLine: 'var(--accent, #1a5fd0)',
  ackLine: 'var(--capture-file, #0b6b2b)',
}

const px = (rem: number, times: number): string => `${(rem * times).toFixed(2)}px`

export function sequenceCss(rem: number): string {
  return `
.sq-root { font-family: var(--font-ui, system-ui, sans-serif); font-size: ${px(rem, 1)}; }
.sq-root text { fill: ${C.text}; }
.sq-halo { paint-order: stroke; stroke: ${C.surface}; stroke-width: ${px(rem, 0.3)}; stroke-linejoin: round; }
.sq-background { fill: ${C.surface}; }
.sq-lifeline { stroke: ${C.border}; stroke-width: ${px(rem, 0.15)}; }
.sq-head rect { fill: ${C.blockBg}; stroke: ${C.border}; }
.sq-head .sq-role { font-weight: 700; font-size: ${px(rem, 1.05)}; }
.sq-head .sq-address { font-size: ${px(rem, 0.95)}; }
.sq-capture { stroke: ${C.muted}; stroke-dasharray: ${px(rem, 0.3)} ${px(rem, 0.4)}; stroke-width: ${px(rem, 0.08)}; }
.sq-root .sq-small { font-size: ${px(rem, 0.85)}; fill: ${C.muted}; }
.sq-arrow { cursor: pointer; outline: none; color: ${C.data}; }
.sq-arrow .sq-line { stroke: currentColor; stroke-width: ${px(rem, 0.14)}; fill: none; }
.sq-arrow .sq-head-tip { fill: currentColor; }
.sq-arrow .sq-hit { stroke: transparent; stroke-width: ${px(rem, 1.2)}; fill: none; }
.sq-arrow .sq-label-head { font-weight: 700; fill: currentColor; }
.sq-arrow .sq-label-numbers { font-variant-numeric: tabular-nums; }
.sq-arrow.handshake { color: ${C.handshake}; }
.sq-arrow.ack { color: ${C.ack}; }
.sq-arrow.teardown { color: ${C.teardown}; }
.sq-arrow.abort, .sq-arrow.rst-in-flight { color: ${C.abort}; }
.sq-arrow.keep-alive { color: ${C.keepAlive}; }
.sq-arrow.keep-alive .sq-line { stroke-dasharray: ${px(rem, 0.15)} ${px(rem, 0.35)}; }
.sq-arrow.retransmission .sq-line, .sq-arrow.syn-retry .sq-line { stroke-dasharray: ${px(rem, 0.6)} ${px(rem, 0.35)}; }
.sq-arrow.retransmission { color: ${C.abort}; }
.sq-arrow.is-hovered .sq-line { stroke-width: ${px(rem, 0.22)}; }
.sq-arrow.is-selected .sq-line { stroke: ${C.selected}; stroke-width: ${px(rem, 0.3)}; }
.sq-arrow.is-selected .sq-head-tip, .sq-arrow.is-selected .sq-label-head { fill: ${C.selected}; }
.sq-arrow:focus-visible .sq-hit { stroke: ${C.focus}; stroke-opacity: 0.25; }
.sq-link { stroke: ${C.abort}; stroke-width: ${px(rem, 0.1)}; fill: none; stroke-dasharray: ${px(rem, 0.2)} ${px(rem, 0.25)}; }
.sq-backoff line { stroke: ${C.muted}; stroke-width: ${px(rem, 0.1)}; }
.sq-state rect { fill: ${C.stateBg}; stroke: ${C.stateLine}; stroke-width: ${px(rem, 0.1)}; }
.sq-state line { stroke: ${C.stateLine}; stroke-width: ${px(rem, 0.1)}; }
.sq-root .sq-state text { fill: ${C.stateText}; font-weight: 700; font-size: ${px(rem, 0.9)}; }
.sq-state.is-first rect { fill: ${C.surface}; stroke-dasharray: ${px(rem, 0.25)} ${px(rem, 0.2)}; }
.sq-state.time-wait rect { fill: ${C.waitBg}; stroke: ${C.teardown}; }
.sq-root .sq-state.time-wait text { fill: ${C.waitText}; }
.sq-phase line { stroke: ${C.muted}; stroke-width: ${px(rem, 0.14)}; }
.sq-root .sq-phase text { font-weight: 700; font-size: ${px(rem, 0.95)}; fill: ${C.muted}; }
.sq-time-wait rect { fill: ${C.waitBg}; stroke: ${C.teardown}; stroke-width: ${px(rem, 0.1)}; }
.sq-root .sq-time-wait text { fill: ${C.waitText}; font-size: ${px(rem, 0.85)}; }
.sq-root .sq-time-wait .sq-wait-title { font-weight: 700; font-size: ${px(rem, 0.95)}; }
.sq-block { cursor: pointer; outline: none; }
.sq-block rect { fill: ${C.blockBg}; stroke: ${C.border}; stroke-width: ${px(rem, 0.1)}; stroke-dasharray: ${px(rem, 0.4)} ${px(rem, 0.25)}; }
.sq-block.is-selected rect, .sq-block:focus-visible rect { stroke: ${C.selected}; stroke-width: ${px(rem, 0.25)}; }
.sq-root .sq-block .sq-block-title { font-weight: 700; }
.sq-gap line { stroke: ${C.muted}; stroke-width: ${px(rem, 0.12)}; }
.sq-break path { stroke: ${C.muted}; stroke-width: ${px(rem, 0.12)}; fill: none; }
.sq-travel { fill: ${C.selected}; stroke: ${C.surface}; stroke-width: ${px(rem, 0.15)}; }
.sq-provenance.seq { stroke: ${C.seqLine}; }
.sq-provenance.ack { stroke: ${C.ackLine}; }
.sq-provenance { stroke-width: ${px(rem, 0.14)}; stroke-dasharray: ${px(rem, 0.4)} ${px(rem, 0.3)}; fill: none; }
.sq-root .sq-provenance-label.seq { fill: ${C.seqLine}; font-weight: 700; }
.sq-root .sq-provenance-label.ack { fill: ${C.ackLine}; font-weight: 700; }
/* What hovering draws over the arrows must not catch the click meant for the arrow under it. */
.sq-provenances, .sq-travel { pointer-events: none; }
`
}
