// Builds the service for production: the bundle that `npm start` runs with plain node.
import { buildService, serviceBundle } from './support/bundle';

await buildService();
console.log(`built ${serviceBundle}`);
