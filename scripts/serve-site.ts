/** `npm run docs:serve`: serves generated/site/ on http://127.0.0.1:<port>/ (default 8080) until Ctrl+C. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from '../src/site/serve.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.argv[2] ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`serve-site: "${process.argv[2]}" is not a port\n  hint: npm run docs:serve -- 8080\n`);
  process.exit(2);
}
const server = await serveSite(path.join(projectRoot, 'generated/site'), port);
process.stdout.write(`serving generated/site/ on ${server.url}\n`);
