// A tiny HTTP client for the demo service: 127.0.0.1 only, no keep-alive, bounded wait.
import http from 'node:http';

export const REQUEST_TIMEOUT_MS = 1500;

/** Resolves { status, body, ms }; rejects with a one-line reason when the service does not answer. */
export function request(port, method, urlPath, body) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) };
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, agent: false, headers, timeout: REQUEST_TIMEOUT_MS },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', (err) => reject(describe(err, port)));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }),
        );
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (err) => reject(describe(err, port)));
    req.end(body);
  });
}

function describe(err, port) {
  const where = `http://127.0.0.1:${port}`;
  if (err.code === 'ECONNREFUSED') return new Error(`connection refused at ${where}`);
  if (err.code === 'ETIMEDOUT') return new Error(`no answer from ${where} within ${REQUEST_TIMEOUT_MS} ms`);
  return new Error(`${where}: ${err.message}`);
}
