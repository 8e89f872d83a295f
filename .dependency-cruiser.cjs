/**
 * Architecture rules checked by `npm test`: the domain core stays pure (no platform code, no
 * cloud SDKs, no IO), the contract stays shareable, and the app never reaches server internals.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'cloudfunctions/core is the pure domain: it may import types/, config data (json), dayjs, zod and itself only',
      severity: 'error',
      from: { path: '^cloudfunctions/core/' },
      to: {
        pathNot: ['^cloudfunctions/core/', '^types/', '^config/.+[.]json$', '^node_modules/(dayjs|zod)/'],
      },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'no IO in the domain core',
      severity: 'error',
      from: { path: '^cloudfunctions/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'types-are-shared',
      comment: 'types/ is shared by the app and the functions: zod and dayjs only',
      severity: 'error',
      from: { path: '^types/' },
      to: { pathNot: ['^types/', '^node_modules/(zod|dayjs)/'] },
    },
    {
      name: 'app-not-platform',
      comment: 'the mini-program never imports server adapters',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^cloudfunctions/platform/', '^scripts/', 'better-sqlite3', '@cloudbase', 'wx-server-sdk'] },
    },
    {
      name: 'functions-apart',
      comment:
        'a function folder imports no other function folder: what two functions share lives in application/ (or core/ when pure)',
      severity: 'error',
      from: { path: '^cloudfunctions/([^/]+)/', pathNot: '^cloudfunctions/(core|platform|application)/' },
      to: {
        path: '^cloudfunctions/[^/]+/',
        pathNot: ['^cloudfunctions/$1/', '^cloudfunctions/(core|platform|application)/'],
      },
    },
    {
      name: 'application-below-functions',
      comment: 'application/ is shared orchestration: it may use core, platform and types, never a function folder',
      severity: 'error',
      from: { path: '^cloudfunctions/application/' },
      to: { path: '^cloudfunctions/[^/]+/', pathNot: '^cloudfunctions/(core|platform|application)/' },
    },
    {
      name: 'platform-below-application',
      comment: 'adapters know nothing of orchestration or functions',
      severity: 'error',
      from: { path: '^cloudfunctions/platform/' },
      to: { path: '^cloudfunctions/[^/]+/', pathNot: '^cloudfunctions/(core|platform)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)node_modules/|^dist/' },
  },
};
