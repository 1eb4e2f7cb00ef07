// The floor: each benchmark operation answered by its best hand-written Cypher, one round trip,
// as JSON over plain HTTP, through the same driver settings as the service. POST /<operation index>.
import { createServer } from 'node:http';
import { loadConfig } from '../src/server/config';
import { createDriver } from '../src/db/connect';
import { toPlain } from '../src/db/values';
import { operations, type Subjects } from './operations';

const config = loadConfig(process.env);
const subjects = JSON.parse(process.env.BENCH_SUBJECTS ?? '{}') as Subjects;
const port = Number(process.env.PORT ?? 4300);
const driver = createDriver(config.NEO4J_URI!, config);
const ops = operations(subjects);

createServer(async (request, response) => {
  const operation = ops[Number(request.url?.slice(1))];
  if (!operation) {
    response.writeHead(404).end();
    return;
  }
  try {
    const { records } = await driver.executeQuery(operation.floor.cypher, operation.floor.parameters, { database: config.NEO4J_DATABASE, routing: 'READ' });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: toPlain(records[0]?.get('result')) }));
  } catch (error) {
    response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
  }
}).listen(port, '127.0.0.1', () => console.log(`floor listening on ${port}`));
