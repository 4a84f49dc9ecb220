// The inspector page: the log's records kept by id, updated from the event stream, shown filtered
// in a table, one of them in the detail pane. Paths are relative: the page lives at /__sameorigin/.
import { h } from './inspector-dom.js'
import { renderDetail } from './inspector-detail.js'
import { filterRecords, renderRows } from './inspector-table.js'

const $ = (id) => document.getElementById(id)
const state = {
  records: new Map(),
  filter: { text: '', status: '', route: '' },
  paused: false,
  missed: 0,
  selected: undefined,
  stream: undefined,
}
let frame = 0

/** The records the filter keeps, newest first: what the table shows and "Export HAR" downloads. */
function shown() {
  return filterRecords(
    [...state.records.values()].toSorted((a, b) => b.id - a.id),
    state.filter,
  )
}

/** Renders on the next frame, once however many events arrived. */
function render() {
  if (state.paused || frame !== 0) return
  frame = requestAnimationFrame(() => {
    frame = 0
    const records = shown()
    renderRows($('rows'), records, state.selected, openDetail)
    $('empty').hidden = records.length > 0
    $('empty').textContent =
      state.records.size === 0 ? $('empty').dataset.none : 'No exchange matches the filter.'
    $('count').textContent = `${records.length} of ${state.records.size}`
    renderRoutes()
  })
}

function renderRoutes() {
  const select = $('route')
  const routes = [
    ...new Set([...state.records.values()].map((record) => record.route).filter(Boolean)),
  ].toSorted()
  const current = [...select.options].slice(1).map((option) => option.value)
  if (routes.join('\n') === current.join('\n')) return
  select.replaceChildren(
    h('option', { value: '' }, 'All routes'),
    ...routes.map((route) => h('option', { value: route }, route)),
  )
  select.value = routes.includes(state.filter.route) ? state.filter.route : ''
}

function apply(type, data) {
  if (type === 'clear') state.records.clear()
  else if (type === 'evict') state.records.delete(data.id)
  else state.records.set(data.id, data)
  if (state.paused) {
    state.missed += 1
    $('pause').textContent = `Resume (${state.missed})`
  }
  if (type === 'end' && data.id === state.selected) void openDetail(data.id, false)
  render()
}

/** Opens the event stream, then loads the list; events that arrive meanwhile are applied after it. */
function connect() {
  state.stream?.close()
  const stream = new EventSource('api/events')
  state.stream = stream
  const early = []
  let loaded = false
  for (const type of ['start', 'update', 'end', 'evict', 'clear']) {
    stream.addEventListener(type, (event) => {
      const data = JSON.parse(event.data)
      if (loaded) apply(type, data)
      else early.push([type, data])
    })
  }
  stream.addEventListener('open', async () => {
    setLive('on', 'Live')
    loaded = false
    const answer = await (await fetch('api/exchanges')).json()
    state.records = new Map(answer.exchanges.toReversed().map((record) => [record.id, record]))
    $('secrets').checked = answer.showSecrets
    loaded = true
    for (const [type, data] of early.splice(0)) apply(type, data)
    render()
  })
  stream.addEventListener('error', () => setLive('down', 'Reconnecting…'))
}

function setLive(kind, text) {
  $('live').className = `live ${kind}`
  $('live').textContent = state.paused ? 'Paused' : text
}

async function openDetail(id, focus = true) {
  const another = state.selected !== id
  state.selected = id
  const pane = $('detail')
  const answer = await fetch(`api/exchanges/${id}`)
  if (!answer.ok) {
    pane.replaceChildren(h('p', { class: 'muted' }, (await answer.json()).error))
  } else {
    renderDetail(pane, await answer.json(), closeDetail)
  }
  pane.hidden = false
  // Another exchange opens at its top, not where the last one was scrolled to.
  if (another) pane.scrollTop = 0
  document.body.classList.add('with-detail')
  if (focus) pane.querySelector('.close')?.focus()
  render()
}

function closeDetail() {
  const id = state.selected
  state.selected = undefined
  $('detail').hidden = true
  document.body.classList.remove('with-detail')
  render()
  requestAnimationFrame(() => document.querySelector(`tr[data-id="${id}"]`)?.focus())
}

function togglePause() {
  state.paused = !state.paused
  state.missed = 0
  $('pause').setAttribute('aria-pressed', String(state.paused))
  $('pause').textContent = state.paused ? 'Resume' : 'Pause'
  setLive(state.paused ? 'paused' : 'on', 'Live')
  render()
}

function exportHar() {
  const ids = shown()
    .map((record) => record.id)
    .toReversed()
  const link = h('a', { href: `api/har?ids=${ids.join(',')}`, download: '' })
  document.body.append(link)
  link.click()
  link.remove()
}

async function toggleSecrets(event) {
  const showSecrets = event.currentTarget.checked
  await fetch('api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ showSecrets }),
  })
  connect()
  if (state.selected !== undefined) void openDetail(state.selected, false)
}

function setStatus(button) {
  state.filter.status = button.dataset.class
  for (const other of document.querySelectorAll('.classes button'))
    other.setAttribute('aria-pressed', String(other === button))
  render()
}

function onKey(event) {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement
  if (event.key === 'Escape' && state.selected !== undefined) closeDetail()
  else if (event.key === '/' && !typing) {
    event.preventDefault()
    $('text').focus()
  } else if (event.key === 'p' && !typing && !event.ctrlKey && !event.metaKey) togglePause()
}

$('empty').dataset.none = $('empty').textContent
$('text').addEventListener('input', (event) => {
  state.filter.text = event.currentTarget.value
  render()
})
$('route').addEventListener('change', (event) => {
  state.filter.route = event.currentTarget.value
  render()
})
$('filters').addEventListener('submit', (event) => event.preventDefault())
for (const button of document.querySelectorAll('.classes button'))
  button.addEventListener('click', () => setStatus(button))
$('pause').addEventListener('click', togglePause)
$('clear').addEventListener('click', () => fetch('api/exchanges', { method: 'DELETE' }))
$('har').addEventListener('click', exportHar)
$('secrets').addEventListener('change', toggleSecrets)
document.addEventListener('keydown', onKey)
connect()
