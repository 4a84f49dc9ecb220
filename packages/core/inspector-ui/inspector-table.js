// The table of exchanges: one row per record, newest first, rebuilt from the filtered list.
import { API_NAMES, formatDuration, formatSize, formatTime, h, shortUrl } from './inspector-dom.js'

/**
 * The records `filter` keeps, newest first, by the server's rules (filterExchanges): the status
 * class and the searched text are the ones the server computed (`statusClass`, `searchText`).
 */
export function filterRecords(records, filter) {
  const text = filter.text.trim().toLowerCase()
  return records.filter(
    (record) =>
      (filter.route === '' || record.route === filter.route) &&
      (filter.status === '' || record.statusClass === filter.status) &&
      (text === '' || record.searchText.includes(text)),
  )
}

/** Replaces `tbody`'s rows with `records`; `selected` (an id) is marked, `onOpen(id)` on click or Enter. */
export function renderRows(tbody, records, selected, onOpen) {
  const focused = document.activeElement?.dataset?.id
  const rows = records.map((record) => toRow(record, record.id === selected, onOpen))
  tbody.replaceChildren(...rows)
  if (focused !== undefined) rows.find((row) => row.dataset.id === focused)?.focus()
}

function toStatus(record) {
  if (record.state === 'blocked') return 'blocked'
  if (record.state === 'failed') return record.failure?.code ?? 'failed'
  return record.status ?? 'pending'
}

function toTitle(record) {
  if (record.blocked !== undefined) return `${record.url}: called by the page, blocked by the browser`
  return record.upstreamUrl === undefined ? record.url : `${record.url} → ${record.upstreamUrl}`
}

function toRow(record, selected, onOpen) {
  const kind = record.statusClass
  const blocked = record.blocked !== undefined
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
      { class: 'c-path mono', title: toTitle(record) },
      blocked ? h('span', { class: 'tag api' }, API_NAMES[record.blocked.api]) : undefined,
      h('span', { class: 'path' }, record.url),
      target === undefined ? undefined : h('span', { class: 'arrow' }, ' → '),
      target === undefined ? undefined : h('span', { class: 'upstream' }, target),
      record.mock === undefined ? undefined : h('span', { class: 'tag' }, 'mock'),
    ),
    h('td', { class: 'c-route mono' }, record.route ?? '–'),
    h(
      'td',
      { class: 'c-status', title: record.failure?.message },
      h('span', { class: `badge s-${kind}` }, String(toStatus(record))),
    ),
    h('td', { class: 'c-num mono' }, blocked ? '–' : formatDuration(record.duration)),
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
