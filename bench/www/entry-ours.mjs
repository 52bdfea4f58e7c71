// Entry of the ours benchmark page (bundled by build/bench into app/ours.js).
import { load } from './ours.mjs';
import { start } from './page.mjs';

start('ours', load);
