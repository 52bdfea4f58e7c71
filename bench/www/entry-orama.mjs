// Entry of the orama benchmark page (bundled by build/bench into app/orama.js).
import { load } from './orama.mjs';
import { start } from './page.mjs';

start('orama', load);
