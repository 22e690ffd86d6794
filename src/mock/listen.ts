/** Promise form of `server.listen`: a busy port or a bad host is a one-line error, not a stack trace. */
import type { Server } from 'node:http';
import { diagnosticError } from '../diagnostics/diagnostic.ts';

/** Starts listening; a busy port or a bad host is a one-line error (exit code 2), not a stack trace. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      const message =
        err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use`
        : err.code === 'EACCES' ? `no permission to listen on ${where}`
        : err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' ? `cannot listen on ${where}: "${host}" is not an address of this machine`
        : `cannot listen on ${where}: ${err.message}`;
      reject(diagnosticError({ code: 'mock-listen', message, hint: 'pick another --port (0 picks a free one) or --host' }, 2));
    };
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}
