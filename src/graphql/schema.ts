import { builder } from './builder';
import './scalars';
import './database-info';
import './entity-interface';
import './actor';
import './unit';
import './person';
import './organization';
import './place';
import './event';
import './claim';
import './dispute';
import './source';
import './search';
import './link';
import './revision';
import './import-report';

export const schema = builder.toSchema({ sortSchema: true });
