// The package.json edit: the dependency goes into devDependencies, and the file keeps its key
// order, indentation, line endings and final newline.
import { describe, expect, it } from 'vitest'
import { addDependencies, chooseDependencyField, installCommand } from '../../src/init/edit-package-json.ts'

const ADD = { '@sameorigin/vite': '^1.2.3' }

describe('addDependencies', () => {
  it('inserts where the name sorts when devDependencies are sorted, keeping every other key where it was', () => {
    const text = `{
  "name": "app",
  "scripts": { "dev": "vite" },
  "devDependencies": {
    "@types/react": "^19.0.0",
    "vite": "^8.3.0"
  },
  "engines": { "node": ">=20" }
}
`
    const { text: edited, added } = addDependencies(text, ADD)
    expect(added).toEqual(['@sameorigin/vite'])
    expect(edited).toBe(`{
  "name": "app",
  "scripts": {
    "dev": "vite"
  },
  "devDependencies": {
    "@sameorigin/vite": "^1.2.3",
    "@types/react": "^19.0.0",
    "vite": "^8.3.0"
  },
  "engines": {
    "node": ">=20"
  }
}
`)
  })

  it('appends to unsorted devDependencies, and keeps tabs, CRLF and a missing final newline', () => {
    const text =
      '{\r\n\t"name": "app",\r\n\t"devDependencies": {\r\n\t\t"vite": "^8.3.0",\r\n\t\t"@types/node": "^20.0.0"\r\n\t}\r\n}'
    expect(addDependencies(text, ADD).text).toBe(
      '{\r\n\t"name": "app",\r\n\t"devDependencies": {\r\n\t\t"vite": "^8.3.0",\r\n\t\t"@types/node": "^20.0.0",\r\n\t\t"@sameorigin/vite": "^1.2.3"\r\n\t}\r\n}',
    )
  })

  it('creates devDependencies right after dependencies', () => {
    const text = `{
  "name": "app",
  "dependencies": {
    "next": "16.4.6"
  },
  "scripts": {}
}
`
    expect(Object.keys(JSON.parse(addDependencies(text, ADD).text) as object)).toEqual([
      'name',
      'dependencies',
      'devDependencies',
      'scripts',
    ])
  })

  it('leaves the file as it is when the package is listed anywhere already', () => {
    const text = '{\n  "dependencies": {\n    "@sameorigin/vite": "workspace:*"\n  }\n}\n'
    expect(addDependencies(text, ADD)).toEqual({ text, added: [] })
  })

  it('a framework app gets the package beside its runtime package; a new dependencies goes before devDependencies', () => {
    const text = '{\n  "name": "app",\n  "devDependencies": {\n    "@sveltejs/kit": "^3.4.0"\n  }\n}\n'
    expect(chooseDependencyField('sveltekit', text)).toBe('devDependencies')
    expect(chooseDependencyField('vite', '{ "dependencies": { "vite": "^8.0.0" } }')).toBe('devDependencies')
    const router = '{\n  "name": "app",\n  "devDependencies": {\n    "@react-router/dev": "8.5.3"\n  }\n}\n'
    expect(chooseDependencyField('react-router', router)).toBe('devDependencies')
    const listed = '{\n  "dependencies": {\n    "react-router": "8.5.3"\n  },\n  "devDependencies": {}\n}\n'
    expect(chooseDependencyField('react-router', listed)).toBe('dependencies')
    expect(
      addDependencies('{\n  "name": "app",\n  "devDependencies": {}\n}\n', ADD, 'dependencies').text,
    ).toBe(
      '{\n  "name": "app",\n  "dependencies": {\n    "@sameorigin/vite": "^1.2.3"\n  },\n  "devDependencies": {}\n}\n',
    )
  })

  it.each([
    ['npm', 'npm install'],
    ['pnpm', 'pnpm install'],
    ['yarn', 'yarn'],
    ['bun', 'bun install'],
  ] as const)('installs with %s: %s', (manager, command) => {
    expect(installCommand(manager)).toBe(command)
  })
})
