// The detail pane of one exchange: its headers on both sides of the proxy with every change marked
// and explained, timings, the failure, bodies on demand, and "Copy as curl".
import { renderBlocked } from './inspector-blocked.js'
import { detailHead, formatDuration, formatSize, h } from './inspector-dom.js'

const MARK = { added: '+', removed: '−', changed: '~' }

/** Fills `pane` with `{ exchange, changes }` (GET api/exchanges/:id); `onClose` on the × button. */
export function renderDetail(pane, { exchange, changes }, onClose) {
  if (exchange.blocked !== undefined) return renderBlocked(pane, exchange, onClose)
  const kind = exchange.statusClass
  const request = changes.filter((change) => change.direction === 'request')
  const response = changes.filter((change) => change.direction === 'response')
  const parts = [
    detailHead(exchange, onClose),
    summary(exchange, kind),
    exchange.failure === undefined ? undefined : failure(exchange.failure),
    actions(exchange),
    section('Request', request, [
      ['As the browser sent them', exchange.request.client, 'before'],
      ['As the upstream received them', exchange.request.upstream, 'after'],
    ]),
    section('Response', response, [
      ['As the upstream sent them', exchange.response.upstream, 'before'],
      ['As the browser received them', exchange.response.client, 'after'],
    ]),
    timings(exchange),
    bodies(exchange),
  ]
  pane.replaceChildren(...parts.filter(Boolean))
}

function summary(exchange, kind) {
  const rows = [
    ['Status', h('span', { class: `badge s-${kind}` }, String(exchange.status ?? exchange.state))],
    ['Upstream', exchange.upstreamUrl ?? 'nothing went upstream'],
    ['Route', exchange.route ?? 'none matched'],
    ['State', exchange.state],
    exchange.mock === undefined ? undefined : ['Mock', exchange.mock],
    exchange.cors ? ['CORS', 'answered by CORS mode'] : undefined,
  ]
  return h(
    'dl',
    { class: 'summary' },
    rows.filter(Boolean).map(([term, value]) => [h('dt', {}, term), h('dd', { class: 'mono' }, value)]),
  )
}

function failure({ code, message, hint }) {
  return h(
    'div',
    { class: 'failure', role: 'alert' },
    h('strong', { class: 'mono' }, code),
    h('p', {}, message),
    hint ? h('p', { class: 'hint' }, hint) : undefined,
  )
}

function actions(exchange) {
  const note = h('span', { class: 'muted', role: 'status' })
  const output = h('pre', { class: 'curl mono', hidden: true })
  const copy = async () => {
    const answer = await fetch(`api/exchanges/${exchange.id}/curl`)
    const text = await answer.text()
    output.textContent = answer.ok ? text : JSON.parse(text).error
    output.hidden = false
    if (!answer.ok) return
    try {
      await navigator.clipboard.writeText(text)
      note.textContent = 'Copied to the clipboard.'
    } catch {
      note.textContent = 'Select the command below to copy it.'
    }
  }
  const disabled = exchange.request.upstream === undefined
  return h(
    'div',
    { class: 'detail-actions' },
    h('button', { type: 'button', id: 'curl', onclick: copy, disabled }, 'Copy as curl'),
    note,
    output,
  )
}

/** A message's changes explained, then its two header lists side by side with the changes marked. */
function section(title, changes, sides) {
  return h(
    'section',
    { class: 'part' },
    h(
      'h3',
      {},
      title,
      ' ',
      h(
        'span',
        { class: 'muted' },
        changes.length === 0 ? 'no change' : `${changes.length} change${changes.length === 1 ? '' : 's'}`,
      ),
    ),
    changes.length === 0 ? undefined : h('ul', { class: 'changes' }, changes.map(changeItem)),
    h(
      'div',
      { class: 'sides' },
      sides.map(([label, list, side]) => headerTable(label, list, changes, side)),
    ),
  )
}

function changeItem(change) {
  return h(
    'li',
    { class: `change k-${change.kind}` },
    h('span', { class: 'mark', 'aria-label': change.kind }, MARK[change.kind]),
    h('span', { class: 'explanation' }, change.explanation),
    h('span', { class: 'tag rule' }, change.rule),
  )
}

function headerTable(label, list, changes, side) {
  if (list === undefined)
    return h('div', { class: 'side' }, h('h4', {}, label), h('p', { class: 'muted' }, 'none (not sent)'))
  const rows = list.map(({ name, value }) => {
    const found = changes.filter((change) => change.name === name && isOnSide(change.kind, side))
    const kind = found[0]?.kind
    return h(
      'tr',
      {
        class: kind === undefined ? undefined : `k-${kind}`,
        title: found.map((change) => change.explanation).join('\n') || undefined,
      },
      h('td', { class: 'mark' }, kind === undefined ? '' : MARK[kind]),
      h('th', { scope: 'row', class: 'mono' }, name),
      h('td', { class: 'mono value' }, value),
    )
  })
  return h(
    'div',
    { class: 'side' },
    h('h4', {}, label),
    h('table', { class: 'headers' }, h('tbody', {}, rows)),
  )
}

function isOnSide(kind, side) {
  return kind === 'changed' || (side === 'before' ? kind === 'removed' : kind === 'added')
}

function timings(exchange) {
  const { connect, tls, firstByte, total } = exchange.timings
  const plain = exchange.upstreamUrl?.startsWith('http:') || exchange.upstreamUrl?.startsWith('ws:')
  // The transports report a pooled keep-alive connection as connect 0 with no handshake.
  const reused = connect === 0 && tls === undefined
  const rows = [
    ['Connect', reused ? '0 (a reused connection)' : connect],
    ['TLS', plain ? 'none (plain http)' : reused ? 'none (a reused connection)' : tls],
    ['First byte', firstByte],
    ['Total', total ?? exchange.duration],
  ]
  const shown = rows.map(([term, value]) => [
    h('dt', {}, term),
    h(
      'dd',
      { class: 'mono' },
      typeof value === 'string' ? value : value === undefined ? 'not seen' : formatDuration(value),
    ),
  ])
  return h('section', { class: 'part' }, h('h3', {}, 'Timings'), h('dl', { class: 'timings' }, shown))
}

function bodies(exchange) {
  return h(
    'section',
    { class: 'part' },
    h('h3', {}, 'Bodies'),
    body('Request body', exchange.request.body),
    body('Response body', exchange.response.body),
  )
}

function body(label, captured) {
  if (captured === undefined || captured.size === 0) return h('p', { class: 'muted' }, `${label}: none`)
  const type = captured.mimeType ? `, ${captured.mimeType}` : ''
  const heading = `${label}: ${formatSize(captured.size)}${type}`
  if (captured.text === undefined) return h('p', { class: 'muted' }, `${heading} (binary: size only)`)
  const text = h(
    'pre',
    { class: 'body mono' },
    captured.text + (captured.truncated ? '\n… (first bytes only)' : ''),
  )
  return h('details', { class: 'body-toggle' }, h('summary', {}, heading), text)
}
