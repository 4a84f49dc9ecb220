import { HttpClient, HttpErrorResponse } from '@angular/common/http'
import { Component, inject, signal } from '@angular/core'

type Health =
  | { state: 'loading' }
  | { state: 'done'; status: number; body: string }
  | { state: 'failed'; error: string }

@Component({
  selector: 'app-root',
  template: `
    <main>
      <h1>Angular + sameorigin</h1>
      <p>
        This page calls <code>/api/health</code> on its own origin, <code>{{ origin }}</code>. The dev server
        forwards it to the backend named by <code>API_TARGET</code> in <code>.env</code>, so the browser never
        makes a cross-origin request and the backend needs no CORS headers.
      </p>
      <h2>
        GET /api/health
        @let current = health();
        @if (current.state === 'done') {
          <span [class]="current.status === 200 ? 'ok' : 'error'">{{ current.status }}</span>
        }
      </h2>
      <pre data-testid="health">{{
        current.state === 'loading' ? 'Loading…' : current.state === 'done' ? current.body : current.error
      }}</pre>
      <p>
        Edit <code>src/app/app.ts</code> to call your own routes, and <code>sameorigin.config.ts</code> to
        forward more paths.
      </p>
    </main>
  `,
})
export class App {
  protected readonly origin = location.origin
  protected readonly health = signal<Health>({ state: 'loading' })

  constructor() {
    // A relative URL: the request goes to this page's own origin, and the dev server forwards it.
    inject(HttpClient)
      .get('/api/health', { observe: 'response', responseType: 'text' })
      .subscribe({
        next: (response) =>
          this.health.set({ state: 'done', status: response.status, body: response.body ?? '' }),
        error: (error: HttpErrorResponse) =>
          this.health.set(
            error.status === 0
              ? { state: 'failed', error: error.message }
              : { state: 'done', status: error.status, body: String(error.error) },
          ),
      })
  }
}
