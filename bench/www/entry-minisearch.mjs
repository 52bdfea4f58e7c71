// Entry of the minisearch benchmark page (bundled by build/bench into app/minisearch.js).
import { load } from './minisearch.mjs';
import { start } from './page.mjs';

start('minisearch', load);
