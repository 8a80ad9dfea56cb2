// The analytics Web Worker (module worker): OverdueApi over IndexedDB, exposed
// to the page through Comlink. All logic lives in workers/api.ts and below.

import * as Comlink from 'comlink';
import { openDb } from '../src/db/schema';
import { createApi } from './api';

Comlink.expose(createApi(openDb()));
