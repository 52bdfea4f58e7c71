// Entry of the itemsjs benchmark page (bundled by build/bench into app/itemsjs.js).
import { load } from './itemsjs.mjs';
import { start } from './page.mjs';

start('itemsjs', load);
