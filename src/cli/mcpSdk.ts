// The parts of the Model Context Protocol SDK the server uses, in one module: esbuild bundles it on its own
// (dist/vendor/mcp-sdk.js) and the CLI requires it only when `nexi-app2app mcp` runs. The low-level Server with JSON
// Schemas: the tool inputs are checked by the same validators as the language-model tools.
export { Server } from '@modelcontextprotocol/sdk/server/index.js';
export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
export { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
