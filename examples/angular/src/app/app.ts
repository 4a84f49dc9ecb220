import type { OnInit } from '@angular/core'
import { Component, signal } from '@angular/core'
import { describeError, fetchMe, logIn, logOut } from './api'

type Session = { state: 'checking' } | { state: 'anonymous' } | { state: 'user'; user: string }

/** Login and logout through `/api` on the page's own origin; the session lives in an HttpOnly cookie. */
@Component({
  selector: 'app-root',
  template: `
    <main>
      <h1>sameorigin · Angular</h1>
      <p>
        This page calls <code>/api</code> on its own origin, <code>{{ origin }}</code>. <code>ng serve</code>
        forwards it to the backend, which sends no CORS headers: the browser never makes a cross-origin
        request.
      </p>
      <section aria-labelledby="session-heading">
        <h2 id="session-heading">Session</h2>
        @switch (session().state) {
          @case ('checking') {
            <p role="status">Checking the session…</p>
          }
          @case ('anonymous') {
            <form aria-label="Log in" (submit)="onLogIn($event)">
              <label>
                User name
                <input name="user" value="ada" required autocomplete="username" />
              </label>
              <button type="submit" [disabled]="busy()">Log in</button>
            </form>
          }
          @case ('user') {
            <p role="status">
              Logged in as <strong>{{ user() }}</strong>
            </p>
            <button type="button" [disabled]="busy()" (click)="onLogOut()">Log out</button>
          }
        }
        @if (error(); as message) {
          <p role="alert">{{ message }}</p>
        }
      </section>
    </main>
  `,
})
export class App implements OnInit {
  protected readonly origin = location.origin
  protected readonly session = signal<Session>({ state: 'checking' })
  protected readonly busy = signal(false)
  protected readonly error = signal<string | undefined>(undefined)

  /** The user of a session from an earlier visit: the browser sends the stored cookie with `/api/me`. */
  protected user(): string {
    const session = this.session()
    return session.state === 'user' ? session.user : ''
  }

  ngOnInit(): void {
    fetchMe().then(
      (user) => this.session.set(user === null ? { state: 'anonymous' } : { state: 'user', user }),
      (reason: unknown) => {
        this.session.set({ state: 'anonymous' })
        this.error.set(describeError(reason))
      },
    )
  }

  protected onLogIn(event: SubmitEvent): void {
    event.preventDefault()
    const user = String(new FormData(event.target as HTMLFormElement).get('user') ?? '')
    void this.run(async () => ({ state: 'user', user: await logIn(user) }))
  }

  protected onLogOut(): void {
    void this.run(async () => {
      await logOut()
      return { state: 'anonymous' }
    })
  }

  private async run(action: () => Promise<Session>): Promise<void> {
    this.busy.set(true)
    this.error.set(undefined)
    try {
      this.session.set(await action())
    } catch (reason) {
      this.error.set(describeError(reason))
    } finally {
      this.busy.set(false)
    }
  }
}
