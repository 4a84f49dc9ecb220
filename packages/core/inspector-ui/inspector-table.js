// The table of exchanges: one row per record, newest first, rebuilt from the filtered list.
import { formatDuration, formatSize, formatTime, h, shortUrl, statusClass } from './inspector-dom.js'

/** The records `filter` keeps, newest first (the same rules as the server's filterExchanges). */
export function filterRecords(records, filter) {
  const text = filter.text.trim().toLowerCase()
  return records.filter((record) => {
    if (filter.route !== '' && record.route !== filter.route) return false
    if (filter.status !== '' && statusClass(record) !== filter.status) return false
    if (text === '') return true
    const fields = [
      record.method,
      record.url,
      record.upstreamUrl,
      record.route,
      record.status,
      record.failure?.code,
      record.mock,
    ]
    return fields.some((field) => field !== undefined && String(field).toLowerCase().includes(text))
  })
}

/** Replaces `tbody`'s rows with `records`; `selected` (an id) is marked, `onOpen(id)` on click or Enter. */
export function renderRows(tbody, records, selected, onOpen) {
  const focused = document.activeElement?.dataset?.id
  const rows = records.map((record) => toRow(record, record.id === selected, onOpen))
  tbody.replaceChildren(...rows)
  if (focused !== undefined) rows.find((row) => row.dataset.id === focused)?.focus()
}

function toRow(record, selected, onOpen) {
  const kind = statusClass(record)
  const status = record.state === 'failed' ? (record.failure?.code ?? 'failed') : (record.status ?? 'pending')
  const target = record.upstreamUrl === undefined ? undefined : shortUrl(record.upstreamUrl)
  return h(
    'tr',
    {
      tabindex: '0',
      'data-id': record.id,
      class: `row s-${kind}${selected ? ' selected' : ''}`,
      'aria-selected': selected ? 'true' : 'false',
      onclick: () => onOpen(record.id),
      onkeydown: (event) => onRowKey(event, record.id, onOpen),
    },
    h('td', { class: 'c-time mono' }, formatTime(record.startedAt)),
    h('td', { class: 'c-method mono' }, record.method),
    h(
      'td',
      {
        class: 'c-path mono',
        title: record.upstreamUrl === undefined ? record.url : `${record.url} → ${record.upstreamUrl}`,
      },
      h('span', { class: 'path' }, record.url),
      target === undefined ? undefined : h('span', { class: 'arrow' }, ' → '),
      target === undefined ? undefined : h('span', { class: 'upstream' }, target),
      record.mock === undefined ? undefined : h('span', { class: 'tag' }, 'mock'),
    ),
    h('td', { class: 'c-route mono' }, record.route ?? '–'),
    h(
      'td',
      { class: 'c-status', title: record.failure?.message },
      h('span', { class: `badge s-${kind}` }, String(status)),
    ),
    h('td', { class: 'c-num mono' }, formatDuration(record.duration)),
    h('td', { class: 'c-num mono' }, formatSize(record.size)),
  )
}

function onRowKey(event, id, onOpen) {
  const row = event.currentTarget
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault()
    onOpen(id)
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault()
    const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling
    next?.focus()
  }
}
