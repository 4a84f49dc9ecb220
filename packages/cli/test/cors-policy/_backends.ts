// The app's backend (APP_ROUTES) on each server the policy is written for, configured with the
// policy module the command wrote: Express + cors, Fastify + @fastify/cors, Hono + hono/cors on
// @hono/node-server, Koa + @koa/cors; and plain node:http without CORS (the one the dev proxy
// records through). Every server listens on 127.0.0.1 port 0.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import koaCors from '@koa/cors'
import fastifyCors from '@fastify/cors'
import { listen } from '@sameorigin/test-utils'
import type { Listening } from '@sameorigin/test-utils'
import expressCors from 'cors'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'
import { cors as honoCors } from 'hono/cors'
import Koa from 'koa'
import { APP_ROUTES } from './_app.ts'
import type { AppRoute } from './_app.ts'

/** The JavaScript frameworks the policy is rendered for. */
export type FrameworkName = 'express' | 'fastify' | 'hono' | 'koa'

// The options objects come from the module the command wrote: each library's own option type.
type Options = Record<string, unknown>

const toRegExp = (path: string): RegExp => new RegExp(`^${path.replace(':id', '[^/]+')}$`)

/** The route answering `method path`, if any. */
function findRoute(method: string, path: string): AppRoute | undefined {
  return APP_ROUTES.find((route) => route.method === method && toRegExp(route.path).test(path))
}

/** The backend without any CORS: what the app talks to through the dev proxy. */
export function startPlainBackend(): Promise<Listening> {
  return listen(
    createServer((req: IncomingMessage, res: ServerResponse) => {
      const route = findRoute(req.method ?? '', new URL(req.url ?? '/', 'http://x').pathname)
      req.resume()
      if (route === undefined) return void res.writeHead(404).end()
      const { status, headers, body } = route.answer
      res.writeHead(status, {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      })
      res.end(body === undefined ? undefined : JSON.stringify(body))
    }),
  )
}

async function startExpress(options: Options): Promise<Listening> {
  const app = express()
  app.use(expressCors(options))
  for (const { method, path, answer } of APP_ROUTES)
    app[method.toLowerCase() as 'get'](path, (_req, res) => {
      res.status(answer.status).set(answer.headers)
      if (answer.body === undefined) res.end()
      else res.json(answer.body)
    })
  return listen(createServer(app))
}

async function startFastify(options: Options): Promise<Listening> {
  const app = Fastify()
  await app.register(fastifyCors, options)
  for (const { method, path, answer } of APP_ROUTES)
    app.route({
      method,
      url: path,
      handler: async (_req, reply) => reply.code(answer.status).headers(answer.headers).send(answer.body),
    })
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  return { url: address, port: Number(new URL(address).port), close: () => app.close() }
}

async function startHono(options: Options): Promise<Listening> {
  const app = new Hono()
  app.use('*', honoCors(options as Parameters<typeof honoCors>[0]))
  for (const { method, path, answer } of APP_ROUTES)
    app.on(method, path, (c) => {
      for (const [name, value] of Object.entries(answer.headers)) c.header(name, value)
      return answer.body === undefined
        ? c.body(null, answer.status as 204)
        : c.json(answer.body, answer.status as 200)
    })
  return listen(createAdaptorServer({ fetch: app.fetch }) as ReturnType<typeof createServer>)
}

async function startKoa(options: Options): Promise<Listening> {
  const app = new Koa()
  app.use(koaCors(options))
  app.use(async (ctx) => {
    const route = findRoute(ctx.method, ctx.path)
    if (route === undefined) return
    ctx.status = route.answer.status
    ctx.set(route.answer.headers)
    if (route.answer.body !== undefined) ctx.body = route.answer.body
  })
  return listen(createServer(app.callback()))
}

/** Starts the app's backend on `framework`, its CORS configured with `options` as the user pastes them. */
export function startFrameworkBackend(framework: FrameworkName, options: Options): Promise<Listening> {
  switch (framework) {
    case 'express':
      return startExpress(options)
    case 'fastify':
      return startFastify(options)
    case 'hono':
      return startHono(options)
    case 'koa':
      return startKoa(options)
  }
}
