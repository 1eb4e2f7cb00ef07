import { builder } from './builder';
import './database-info';

export const schema = builder.toSchema({ sortSchema: true });
