import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } from '@graphql-yoga/render-graphiql/graphiql';
import type { ServerAdapterPlugin } from '@whatwg-node/server';
import type { GraphiQLOptions } from 'graphql-yoga';

/** Where GraphiQL's assets are served: `/graphql/graphiql-<name><hash>.<ext>`. */
const assetPrefix = '/graphql/graphiql-';

interface Asset {
  path: string;
  type: string;
  hash: string;
  body: Buffer;
  /** Compressed once per process, off the main thread, on first use. */
  compressed: Promise<{ br: Buffer; gzip: Buffer }>;
}

const asset = (name: string, extension: string, type: string, body: Buffer) => {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { path: `${assetPrefix}${name}${hash}.${extension}`, type, hash, body };
};

let built: { byPath: Map<string, Asset>; script: Asset; style: Asset; icon: Asset; workers: Record<string, string> } | undefined;

/** GraphiQL's script, style, Monaco's workers and the icon, from Yoga's build: nothing from a CDN. */
function assets() {
  if (built) return built;
  const sources = {
    script: asset('', 'js', 'text/javascript; charset=utf-8', Buffer.from(js)),
    style: asset('', 'css', 'text/css; charset=utf-8', Buffer.from(css)),
    icon: asset('', 'ico', 'image/x-icon', Buffer.from(favicon.slice(favicon.indexOf(',') + 1), 'base64')),
    editorWorkerService: asset('editor-worker-', 'js', 'text/javascript; charset=utf-8', Buffer.from(editorWorkerService)),
    json: asset('json-worker-', 'js', 'text/javascript; charset=utf-8', Buffer.from(jsonWorker)),
    graphql: asset('graphql-worker-', 'js', 'text/javascript; charset=utf-8', Buffer.from(graphqlWorker)),
  };
  const byPath = new Map<string, Asset>();
  const all = Object.fromEntries(
    Object.entries(sources).map(([key, source]) => {
      const compressed = Promise.all([
        promisify(brotliCompress)(source.body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: source.body.length } }),
        promisify(gzip)(source.body, { level: 9 }),
      ]).then(([br, gzipped]) => ({ br, gzip: gzipped }));
      // Nobody may be waiting yet; a failure is reported to the request that asks for the asset.
      compressed.catch(() => {});
      const full: Asset = { ...source, compressed };
      byPath.set(full.path, full);
      return [key, full];
    }),
  ) as Record<keyof typeof sources, Asset>;
  built = {
    byPath,
    script: all.script,
    style: all.style,
    icon: all.icon,
    workers: { editorWorkerService: all.editorWorkerService.path, json: all.json.path, graphql: all.graphql.path },
  };
  return built;
}

/** Whether a path is one of GraphiQL's assets. */
export const isGraphiQLAsset = (pathname: string) => pathname.startsWith(assetPrefix) && assets().byPath.has(pathname);

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page: a few hundred bytes of HTML that loads the hashed assets. */
export function graphiQLPage(options: GraphiQLOptions) {
  const { script, style, icon, workers } = assets();
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${(options.title ?? 'GraphiQL').replace(/[<&]/g, '')}</title>
    <link rel="icon" href="${icon.path}" />
    <link rel="stylesheet" href="${style.path}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
    </script>
    <script src="${script.path}"></script>
    <script>YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});</script>
  </body>
</html>
`;
}

/** The encoding to send: brotli, else gzip, else none, as the client's Accept-Encoding allows. */
function encodingFor(acceptEncoding: string | null): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, quality]) => !quality || !/^\s*q=0(\.0*)?\s*$/.test(quality))
      .map(([name]) => name),
  );
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
}

/**
 * Serves GraphiQL: the page for a browser's GET of /graphql, and its assets, content-hashed so
 * they are cached for a year, with an ETag for revalidation, compressed when the client accepts it.
 */
export function useGraphiQLAssets(options: GraphiQLOptions): ServerAdapterPlugin {
  return {
    async onRequest({ url, request, endResponse }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/graphql' && request.headers.get('accept')?.includes('text/html')) {
        return endResponse(new Response(graphiQLPage(options), { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } }));
      }
      const found = url.pathname.startsWith(assetPrefix) ? assets().byPath.get(url.pathname) : undefined;
      if (!found) return;
      const encoding = encodingFor(request.headers.get('accept-encoding'));
      // One ETag per encoding (each is its own representation), all of the same immutable content.
      const headers: Record<string, string> = {
        'cache-control': 'public, max-age=31536000, immutable',
        etag: `"${found.hash}${encoding ? `-${encoding}` : ''}"`,
        vary: 'accept-encoding',
      };
      if (request.headers.get('if-none-match')?.split(',').some((tag) => tag.trim().replace(/^W\//, '').startsWith(`"${found.hash}`))) {
        return endResponse(new Response(null, { status: 304, headers }));
      }
      const body = encoding ? (await found.compressed)[encoding] : found.body;
      if (encoding) headers['content-encoding'] = encoding;
      endResponse(new Response(body as Uint8Array<ArrayBuffer>, { headers: { ...headers, 'content-type': found.type } }));
    },
  };
}
