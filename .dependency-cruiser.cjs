// The layers of docs/ARCHITECTURE.md, checked on every `npm test` (npm run lint:layers): each rule names the arrow it
// forbids. Entry points are the composition roots: server/main.ts alone may reach into data/ (the first-run demo seed).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'geo-is-pure',
      comment:
        'geo/ is pure functions usable in browser and server: it imports nothing of ours outside geo/, no node:*',
      severity: 'error',
      from: { path: '^geo/' },
      to: { pathNot: ['^geo/', '^node_modules/'] },
    },
    {
      name: 'geo-no-node-or-db',
      comment: 'geo/ runs in the browser too: no node core modules, no drizzle, no maplibre',
      severity: 'error',
      from: { path: '^geo/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'geo-no-frameworks',
      severity: 'error',
      from: { path: '^geo/' },
      to: { path: 'node_modules/(drizzle-orm|maplibre-gl|hono|react|pg|@electric-sql)/' },
    },
    {
      name: 'contracts-import-geo-and-zod-only',
      comment: 'server/contracts/ holds zod schemas and enums shared with the web: geo, zod and themselves only',
      severity: 'error',
      from: { path: '^server/contracts/' },
      to: { pathNot: ['^server/contracts/', '^geo/', '^node_modules/zod/'] },
    },
    {
      name: 'web-imports-server-contracts-or-app-type',
      comment:
        'web/ imports server/contracts and server/app as a type only: nothing else of the server reaches the bundle',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/', pathNot: ['^server/contracts/', '^server/app\\.ts$'] },
    },
    {
      name: 'web-imports-app-as-type-only',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/app\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-no-node',
      severity: 'error',
      from: { path: '^web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-not-to-web',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^web/' },
    },
    {
      name: 'server-not-to-data',
      comment:
        'data/ builds on server/db and services; the server reaches data/ only from its entry point (the demo seed)',
      severity: 'error',
      from: { path: '^server/', pathNot: '^server/main\\.ts$' },
      to: { path: '^data/' },
    },
    {
      name: 'nothing-imports-tests',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'nothing-imports-scripts',
      severity: 'error',
      from: { pathNot: ['^scripts/', '^tests/'] },
      to: { path: '^scripts/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dependencies',
      comment: 'what ships (server, web, geo, data) does not import devDependencies',
      severity: 'error',
      from: { path: '^(server|web|geo|data)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: '\\.d\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    detectJSDocImports: false,
  },
};
