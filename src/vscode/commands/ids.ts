// The ids of the App2App editor commands, apart from their code: the hover and the CodeLens (activation bundle) link
// to them, and their code (./app2app.ts) loads on the first call (issue 17 item 4).
export const app2appCommandIds = {
  build: 'nexi.buildUri',
  decode: 'nexi.decodeUri',
  copyAs: 'nexi.copyUriAs',
  copyAsAdb: 'nexi.copyUriAsAdb',
  sendToDevice: 'nexi.sendUriToDevice',
} as const;
