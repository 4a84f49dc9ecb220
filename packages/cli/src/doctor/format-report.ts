import type { Colors } from 'picocolors/types'
import type { DoctorReport } from '@sameorigin/core/doctor'

function describePreflight(report: DoctorReport): string {
  if (report.preflight === null) return 'preflight: not needed'
  if (!report.preflight.sent) return 'preflight: needed, not sent'
  return `preflight: ${report.preflight.status ?? 'no answer'}`
}

function describeResponse(report: DoctorReport): string {
  const { request } = report
  if (!request.sent) return 'request: not sent'
  const redirected = request.finalUrl === request.url ? '' : ` at ${request.finalUrl}`
  return `response: ${request.status ?? 'none'}${redirected}`
}

/**
 * The human form of a report: the verdict line, the request in one line, the numbered reasons (with
 * the standard's section and browser differences), then "Fix it" with the route and the headers.
 * Colour only through `colors` (identity functions when colour is off).
 */
export function formatReport(report: DoctorReport, colors: Colors): string {
  const { bold, red, green, yellow, dim, cyan } = colors
  const { request } = report
  const lines: string[] = []
  const verdict = report.allowed ? green(bold('✔ ')) : red(bold('✖ '))
  const word = report.allowed ? green(bold('ALLOW')) : red(bold('BLOCK'))
  lines.push(`${verdict}A browser at ${bold(request.origin)} would ${word} this request`)
  if (request.sameOrigin) {
    lines.push(dim(`  ${request.method} ${request.url} is same-origin with the page: CORS does not apply.`))
    return `${lines.join('\n')}\n`
  }
  const credentials = `credentials: ${request.credentials}`
  lines.push(
    dim(
      `  ${request.method} ${request.url} · ${credentials} · ${describePreflight(report)} · ${describeResponse(report)}`,
    ),
  )

  if (report.reasons.length > 0) {
    lines.push('', bold('Why'))
    report.reasons.forEach((reason, index) => {
      const tag = reason.severity === 'block' ? red('block') : yellow('warn ')
      lines.push(`  ${index + 1}. ${tag} ${reason.message}`)
      lines.push(dim(`           ${reason.code} · ${reason.standard}`))
      if (reason.browsers !== undefined) lines.push(`           ${cyan('browsers:')} ${reason.browsers}`)
    })
  }
  if (report.fixes.length > 0) {
    lines.push('', bold('Fix it'))
    report.fixes.forEach((fix, index) => {
      lines.push(`  ${index + 1}. ${fix.title}`)
      for (const line of fix.lines)
        lines.push(line === '' ? '' : `       ${fix.kind === 'headers' ? cyan(line) : line}`)
    })
  }
  return `${lines.join('\n')}\n`
}
