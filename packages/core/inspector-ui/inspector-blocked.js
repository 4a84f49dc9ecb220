// The detail of a call the browser blocked in the page: what was called, the fix in this project,
// the block the dev server printed, and the doctor command that asks the same request by hand.
import { API_NAMES, detailHead, h } from './inspector-dom.js'

/** How far the dev server's check went, in one line. */
const CHECKS = {
  diagnosed: "the doctor's checks, run on the same request",
  'not-resent': 'the preflight only: the browser had sent the request itself, so it was not sent again',
  websocket: 'none: a WebSocket handshake has no CORS',
  'no-answer': 'the backend did not answer the check either',
}

/** Fills `pane` with a blocked entry (`exchange.blocked`); `onClose` on the × button. */
export function renderBlocked(pane, exchange, onClose) {
  const { blocked } = exchange
  pane.replaceChildren(
    detailHead(exchange, onClose),
    summary(exchange, blocked),
    blocked.fix === undefined ? undefined : fix(blocked.fix),
    h(
      'section',
      { class: 'part' },
      h('h3', {}, 'What the dev server printed'),
      h('pre', { class: 'verdict mono' }, blocked.verdict),
    ),
    h(
      'section',
      { class: 'part' },
      h('h3', {}, 'Ask it again'),
      h('p', { class: 'muted' }, 'In a terminal, the same request as the browser made it (this sends it):'),
      copyable(blocked.command, 'Copy command'),
    ),
  )
}

function summary(exchange, blocked) {
  const credentials = blocked.credentials === 'include' ? ', with credentials' : ''
  const rows = [
    ['Status', h('span', { class: 'badge s-blocked' }, 'blocked by the browser')],
    ['Called with', `${API_NAMES[blocked.api]} ${exchange.method}${credentials}`],
    ['From the page', exchange.devOrigin ?? ''],
    ['Headers set', blocked.headers.length === 0 ? 'none' : blocked.headers.join(', ')],
    ['Route', exchange.route ?? 'none forwards there yet'],
    ['Checked', CHECKS[blocked.check] ?? blocked.check],
  ]
  return h(
    'dl',
    { class: 'summary' },
    rows.map(([term, value]) => [h('dt', {}, term), h('dd', { class: 'mono' }, value)]),
  )
}

function fix({ title, lines }) {
  return h(
    'div',
    { class: 'fix', role: 'note' },
    h('strong', {}, 'Fix'),
    h('p', {}, title),
    lines.length === 0 ? undefined : copyable(lines.join('\n'), 'Copy'),
  )
}

/** `text` in a block, with a button that copies it (or says to select it when the clipboard is closed). */
function copyable(text, label) {
  const note = h('span', { class: 'muted', role: 'status' })
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      note.textContent = 'Copied to the clipboard.'
    } catch {
      note.textContent = 'Select the text to copy it.'
    }
  }
  return h(
    'div',
    { class: 'copyable' },
    h('pre', { class: 'mono' }, text),
    h('div', { class: 'detail-actions' }, h('button', { type: 'button', onclick: copy }, label), note),
  )
}
