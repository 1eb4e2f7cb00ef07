// Loaded into the service by bench/exports.ts (node --expose-gc --import): on each line of stdin,
// a full collection, then the heap still in use, on stderr (stdout holds the service's logs).
process.stdin.on('data', () => {
  globalThis.gc?.();
  process.stderr.write(`heap ${process.memoryUsage().heapUsed}\n`);
});
