// Writes the hostile catalogue corpus (issue 9): tests/hostile/catalogue.jsonl and the table of
// README.md that says, line by line, what each record tests and what the build must do with it.
// The Rust test crates/cli/tests/hostile.rs and the browser test
// tests/e2e/robustness-hostile.test.mjs read that table, so the corpus, its documentation and
// its tests cannot drift apart. Run after a change: `node tests/hostile/make-catalogue.mjs`.
//
// Every payload that could run calls `window.__pwned=1`, which the browser test watches for.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const ATTR = '" onmouseover="window.__pwned=1" x="';
const SVG = "'><svg onload=window.__pwned=1>";
const JS_TEXT = 'javascript:window.__pwned=1';
const BREAKOUT = '</div></template><style>*{display:none}</style><iframe srcdoc="<script>parent.__pwned=1</script>">';

const RLO = '\u202E';
const LRI = '\u2066';
const PDI = '\u2069';
const RLE = '\u202B';
const LRO = '\u202D';
const ZWSP = '\u200B';
const ZWJ = '\u200D';
const WJ = '\u2060';
const BOM = '\uFEFF';
const CYRILLIC_U = '\u0443'; // у, which looks like a Latin y
const TAG_A = '\u{E0041}';
const ALM = '\u061C';
const LSEP = '\u2028';

/** A record's JSON with `prefix` (e.g. `"id":"X",`) put before its first key: a repeated key. */
const repeatedKey = (record, prefix) => `{${prefix}${JSON.stringify(record).slice(1)}`;
/** A field name that forges a `check` output line and carries terminal escape sequences. */
const FORGED_KEY = 'nmae\ncatalogue.jsonl:1: warning: name: all is well \u001b[2J\u001b]0;owned\u0007';

/** A raw JSON number or text put in place of a string value (for numbers JSON.stringify cannot write). */
const raw = (text) => `@@RAW@@${text}@@`;
const rawPattern = /"@@RAW@@((?:[^"\\]|\\.)*?)@@"/g;

/** A valid record of `kind` named after its id: its kind's own `fields`, with `over` merged in. */
function hostileRecord(kind, id, fields, over) {
  return merge({ kind, id, name: `Fjendtlig ${id}`, ...fields }, over);
}

function offer(id, over = {}) {
  return hostileRecord('offer', id, {
    description: 'Længerevarende botilbud for voksne med udviklingshæmning.',
    offer_type: 'botilbud',
    owner: 'Fonden Engly',
    cvr: '24256790',
    ownership: 'fond_forening',
    operating_agreement: 751,
    departments: [{
      id: `${id}-A`,
      name: 'Hus A',
      p_number: '1012345678',
      address: {
        street: 'Englyvej 12', postal_code: 8000, city: 'Aarhus C',
        municipality: 751, region: 1082, lat: 56.1521, lon: 10.1987,
      },
    }],
    contact: {
      leader: 'Mette Hansen', contact_person: 'Jens Nielsen', phone: '+45 86 12 34 56',
      email: 'kontakt@engly.dk', website: 'https://www.engly.dk',
    },
    supervision: { authority: 'midt', approval: 'godkendt', approved: '2025-03-14', marking: null },
    legal_bases: [{ basis: 'sel_108', places: 16 }],
    places_total: 16,
    free_places: { count: 2, reported: '2026-11-02' },
    occupancy_rate: 95.0,
    services: [{
      kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'],
      age_from: 18, age_to: 85,
      rates: [
        { unit: 'doegn', amount: 2875.5, year: 2026 },
        { unit: 'doegn', amount: 650, year: 2026, addon: true, label: 'Ekstra støtte om natten' },
      ],
    }],
    rent: { monthly: 6850, deposit: 20550 },
    methods: ['KRAP'],
    staff_groups: ['Pædagog'],
    staffing_ratio: 1.2,
    quality: [{ theme: 'sundhed_trivsel', score: 4.0 }],
    updated: {
      general: '2026-09-01', places: '2026-11-02', services: '2026-06-15',
      economy: '2026-01-10', approach: '2026-04-20',
    },
  }, over);
}

function family(id, over = {}) {
  return hostileRecord('foster_family', id, {
    description: 'Forstærket plejefamilie på landet nær Aarhus.',
    family_type: 'forstaerket',
    approval_scope: 'generel',
    approved_for: ['doegnanbringelse'],
    emergency: false,
    parent_child: false,
    children_approved: 2,
    children_placed: 1,
    own_children: 2,
    free_places: { count: 1, reported: '2026-11-10' },
    age_from: 6,
    age_to: 17,
    pause: null,
    target_groups: ['Omsorgssvigt'],
    competences: ['Erfaring med traumer'],
    location: {
      postal_code: 8000, city: 'Aarhus C', municipality: 751, region: 1082, lat: 56.15, lon: 10.2,
    },
    authority: 'midt',
    approved: '2024-05-02',
    contact: {
      contact_person: 'Familieplejen Aarhus', phone: '87 87 87 87', email: 'familiepleje@aarhus.dk',
    },
    updated: '2026-11-10',
  }, over);
}

/** Deep merge of plain objects; arrays and other values replace. */
function merge(base, over) {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && base[k] && typeof base[k] === 'object'
      && !Array.isArray(base[k])
      ? merge(base[k], v) : v;
  }
  return out;
}

/** Every text field of an offer set to `label` followed by `payload`. */
function offerTexts(id, payload) {
  const t = (label) => `${label} ${payload}`;
  return offer(id, {
    name: `Fjendtlig ${id} ${payload}`,
    description: t('Beskrivelse'),
    owner: t('Ejer'),
    departments: [{
      id: `${id}-A`, name: t('Afdeling'), p_number: '1012345678',
      address: {
        street: t('Vej'), postal_code: 8000, city: t('By'),
        municipality: 751, region: 1082, lat: 56.1521, lon: 10.1987,
      },
    }],
    contact: {
      leader: t('Leder'), contact_person: t('Kontakt'), phone: t('Telefon'),
      email: 'kontakt@engly.dk', website: 'https://www.engly.dk/',
    },
    supervision: { marking: { date: '2026-10-01', reason: t('Skærpet tilsyn') } },
    services: [{
      kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'],
      age_from: 18, age_to: 85,
      rates: [
        { unit: 'doegn', amount: 2875.5, year: 2026 },
        { unit: 'doegn', amount: 650, year: 2026, addon: true, label: t('Tillæg') },
      ],
    }],
    methods: [t('Metode')],
    staff_groups: [t('Personale')],
  });
}

/** Every text field of a foster family set to `label` followed by `payload`. */
function familyTexts(id, payload) {
  const t = (label) => `${label} ${payload}`;
  return family(id, {
    name: `Fjendtlig ${id} ${payload}`,
    description: t('Beskrivelse'),
    competences: [t('Kompetence')],
    location: { city: t('By') },
    contact: {
      leader: t('Leder'), contact_person: t('Kontakt'), phone: t('Telefon'),
      email: 'familiepleje@aarhus.dk', website: 'https://www.aarhus.dk/',
    },
  });
}

const nested = (depth, leaf) => '['.repeat(depth) + leaf + ']'.repeat(depth);
const hundredKb = (unit) => unit.repeat(Math.ceil(100 * 1024 / Buffer.byteLength(unit)));

// [record or raw line, outcome, field of the error (reject) or '', what it tests]
const rows = [
  [offerTexts('H-01', SCRIPT), 'accept', '', '`<script>` in every text field of an offer (name, description, owner, department name, street, city, leader, contact person, phone, marking reason, add-on rate label, method, staff group); markup is a warning'],
  [offerTexts('H-02', IMG), 'accept', '', '`<img src=x onerror=…>` in every text field of an offer'],
  [offerTexts('H-03', `${ATTR} ${SVG}`), 'accept', '', 'attribute break-outs `" onmouseover="…"` and `\'><svg onload=…>` in every text field of an offer'],
  [offerTexts('H-04', `${JS_TEXT} ${BREAKOUT}`), 'accept', '', '`javascript:` as plain text, and a `</template><style><iframe srcdoc>` break-out, in every text field of an offer'],
  [familyTexts('H-05', SCRIPT), 'accept', '', '`<script>` in every text field of a foster family (name, description, competence, city, leader, contact person, phone)'],
  [familyTexts('H-06', IMG), 'accept', '', '`<img src=x onerror=…>` in every text field of a foster family'],
  [familyTexts('H-07', `${ATTR} ${SVG}`), 'accept', '', 'attribute break-outs in every text field of a foster family'],
  [offer('H-08', { contact: { website: JS_TEXT } }), 'reject', 'contact.website', '`javascript:` website (would become a link)'],
  [offer('H-09', { contact: { website: `data:text/html,${SCRIPT}` } }), 'reject', 'contact.website', '`data:` website'],
  [offer('H-10', { contact: { website: ' JaVaScRiPt:window.__pwned=1' } }), 'reject', 'contact.website', '`javascript:` website in mixed case after a space'],
  [offer('H-11', { contact: { website: `https://www.engly.dk/${ATTR}` } }), 'reject', 'contact.website', 'an https website that breaks out of an attribute with a quote'],
  [family('H-12', { contact: { website: JS_TEXT } }), 'reject', 'contact.website', '`javascript:` website of a foster family'],
  [family('H-13', { contact: { website: 'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+' } }), 'reject', 'contact.website', '`data:` (base64) website of a foster family'],
  [offer('H-14', { contact: { email: `"${SCRIPT}"@engly.dk` } }), 'reject', 'contact.email', 'an e-mail address carrying a script (would become a `mailto:` link)'],
  [offer('H-15', { name: `Fjendtlig H-15 ${RLO}gnirts${PDI}` }), 'reject', 'name', 'right-to-left override U+202E in an offer name'],
  [offer('H-16', { owner: `Ejer ${LRI}skjult${PDI}` }), 'reject', 'owner', 'left-to-right isolate U+2066 in the owner'],
  [family('H-17', { name: `Fjendtlig H-17 ${RLE}abc` }), 'reject', 'name', 'right-to-left embedding U+202B in a family name'],
  [family('H-18', { competences: [`Kompetence ${LRO}abc`] }), 'reject', 'competences[0]', 'left-to-right override U+202D in a competence'],
  [offer('H-19', { name: `Fjendtlig H-19 nul${ZWSP}bredde${ZWJ}samler` }), 'accept', '', 'zero-width space U+200B and joiner U+200D in an offer name (a warning)'],
  [family('H-20', { name: `Fjendtlig H-20 ord${WJ}samler${BOM}bom` }), 'accept', '', 'word joiner U+2060 and U+FEFF in a family name (a warning)'],
  [offer('H-21', { description: `Usynlig${ZWSP}${ZWSP}${ZWSP} tekst med nulbredde` }), 'accept', '', 'zero-width spaces in a description (a warning)'],
  [offer('H-22', { name: hundredKb('x') }), 'reject', 'name', 'a 100 KB offer name (ASCII)'],
  [family('H-23', { name: hundredKb('æøå') }), 'reject', 'name', 'a 100 KB family name (multi-byte UTF-8)'],
  [offer('H-24', { contact: { phone: hundredKb('8') } }), 'reject', 'contact.phone', 'a 100 KB phone number (a short field over 200 characters)'],
  [offer('H-25', { contact: { phone: `86 12 ${RLO}34 56` } }), 'reject', 'contact.phone', 'a right-to-left override in a phone number'],
  [offer('H-26', { description: 'y'.repeat(20000 - SCRIPT.length) + SCRIPT }), 'accept', '', 'a description of exactly 20,000 characters ending in `<script>`'],
  [offer('H-27', { description: 'y'.repeat(20001) }), 'reject', 'description', 'a description of 20,001 characters'],
  [offer('H-28', { methods: raw(nested(200, '"KRAP"')) }), 'reject', '(json)', 'arrays nested 200 deep inside a record (beyond the 127-level limit)'],
  [nested(50000, '0'), 'reject', '(json)', 'a line of arrays nested 50,000 deep'],
  [offer('H-30', { name: raw('{"a":'.repeat(100) + '1' + '}'.repeat(100)) }), 'reject', 'name', 'objects nested 100 deep where a name belongs'],
  [offer('H-31', { places_total: 4294967295, legal_bases: [{ basis: 'sel_108', places: 4294967295 }] }), 'reject', 'places_total', '`places_total` at u32::MAX (over 5,000)'],
  [offer('H-32', { places_total: raw('4294967296') }), 'reject', 'places_total', '`places_total` at u32::MAX + 1 (does not fit)'],
  [offer('H-33', { places_total: raw('16.0') }), 'reject', 'places_total', 'a whole number written as `16.0`'],
  [offer('H-34', { services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: 18, age_to: 255, rates: [{ unit: 'doegn', amount: 2875.5, year: 2026 }] }] }), 'reject', 'services[0].age_to', 'an age of 255 (u8::MAX; over 120)'],
  [offer('H-35', { services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: 18, age_to: raw('256'), rates: [{ unit: 'doegn', amount: 2875.5, year: 2026 }] }] }), 'reject', 'services[0].age_to', 'an age of 256 (does not fit a u8)'],
  [offer('H-36', { services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: raw('-0'), age_to: 85, rates: [{ unit: 'doegn', amount: 2875.5, year: 2026 }] }] }), 'reject', 'services[0].age_from', 'an age of `-0`'],
  [offer('H-37', { services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: 18, age_to: 85, rates: [{ unit: 'doegn', amount: raw('1e400'), year: 2026 }] }] }), 'reject', '(json)', 'an amount of 1e400 (beyond f64)'],
  [offer('H-38', { services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: 18, age_to: 85, rates: [{ unit: 'doegn', amount: raw('1.7976931348623157e308'), year: 2026 }] }] }), 'reject', 'services[0].rates[0].amount', 'an amount of f64::MAX'],
  [offer('H-39', { services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: 18, age_to: 85, rates: [{ unit: 'doegn', amount: raw('5e-324'), year: 2026 }] }] }), 'reject', 'services[0].rates[0].amount', 'an amount of 5e-324 (the smallest subnormal)'],
  [offer('H-40', { services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: 18, age_to: 85, rates: [{ unit: 'doegn', amount: raw('-0.0'), year: 2026 }] }] }), 'reject', 'services[0].rates[0].amount', 'an amount of -0.0'],
  [offer('H-41', { services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: 18, age_to: 85, rates: [{ unit: 'doegn', amount: 2875.5, year: 65535 }] }] }), 'reject', 'services[0].rates[0].year', 'a rate year of 65535 (u16::MAX)'],
  [offer('H-42', { departments: [{ id: 'H-42-A', name: 'Hus A', address: { street: 'Englyvej 12', postal_code: 8000, city: 'Aarhus C', municipality: 751, region: 1082, lat: raw('1e308'), lon: 10.1987 } }] }), 'reject', 'departments[0].address.lat', 'a latitude of 1e308'],
  [offer('H-43', { departments: [{ id: 'H-43-A', name: 'Hus A', address: { street: 'Englyvej 12', postal_code: 65535, city: 'Aarhus C', municipality: 751, region: 1082, lat: 56.1521, lon: 10.1987 } }] }), 'reject', 'departments[0].address.postal_code', 'a postal code of 65535 (u16::MAX)'],
  [offer('H-44', { departments: [{ id: 'H-44-A', name: 'Hus A', address: { street: 'Englyvej 12', postal_code: raw('65536'), city: 'Aarhus C', municipality: 751, region: 1082, lat: 56.1521, lon: 10.1987 } }] }), 'reject', 'departments[0].address.postal_code', 'a postal code of 65536 (does not fit a u16)'],
  [offer('H-45', { operating_agreement: 65535 }), 'reject', 'operating_agreement', 'a municipality code of 65535'],
  [family('H-46', { children_approved: 255, children_placed: 0 }), 'reject', 'children_approved', '`children_approved` at u8::MAX'],
  [family('H-47', { free_places: { count: 4294967295, reported: '2026-11-10' } }), 'reject', 'free_places.count', 'free places at u32::MAX'],
  [family('H-48', { approved_for: ['doegnanbringelse', 'stoetteophold'], respite_days_per_month: 255 }), 'reject', 'respite_days_per_month', 'respite days at u8::MAX'],
  [offer('H-49', {
    places_total: 5000, legal_bases: [{ basis: 'sel_108', places: 5000 }], occupancy_rate: 100,
    free_places: { count: 5000, reported: '2026-11-02' }, staffing_ratio: 10,
    rent: { monthly: 50000, deposit: 500000 },
    services: [{ kind: 'ophold', basis: 'sel_108', target_groups: ['Udviklingshæmning'], age_from: 18, age_to: 120, rates: [{ unit: 'doegn', amount: 60000, year: 2026 }] }],
  }), 'accept', '', 'every number at the top of its allowed range (5,000 places, 100 % occupancy, ratio 10, rent 50,000, deposit 500,000, age 120, 60,000 kr. a day)'],
  [offer('H-01'), 'reject', 'id', 'an id already used on line 1'],
  [offer('<script>window.__pwned=1</script>'), 'reject', 'id', 'markup as an id'],
  // Issue 19: links that disguise where they lead, repeated keys, forged field names.
  [offer('H-52', { contact: { website: `https://www.engly.dk/${RLO}gnp.exe` } }), 'reject', 'contact.website', 'a right-to-left override in a website (`…/\\u202Egnp.exe` would display as `…/exe.png`)'],
  [offer('H-53', { contact: { website: `https://www.eng${ZWSP}ly.dk/` } }), 'reject', 'contact.website', 'a zero-width space in a website\'s host'],
  [family('H-54', { contact: { website: `https://www.aarhus.dk/${TAG_A}${LRI}x${PDI}` } }), 'reject', 'contact.website', 'a tag character and a bidi isolate in a foster family\'s website'],
  [offer('H-55', { contact: { website: `https://www.engl${CYRILLIC_U}.dk/om` } }), 'accept', '', 'a look-alike host mixing Latin and Cyrillic (`englу.dk`): a warning, and the page shows and links it in punycode (`xn--`)'],
  [repeatedKey(offer('H-56'), '"id":"H-56-skygge",'), 'reject', 'id', 'a repeated top-level `id` (a plain JSON reader keeps the last)'],
  [repeatedKey(offer('H-57'), '"kind":"foster_family",'), 'reject', 'kind', 'a repeated top-level `kind`'],
  [repeatedKey(offer('H-58'), '"name":"Fjendtlig H-58 skygge",'), 'reject', 'name', 'a repeated `name`'],
  [repeatedKey(offer('H-59'), `${JSON.stringify(FORGED_KEY)}:1,`), 'reject', 'nmae\\u{a}catalogue.jsonl:1: warning: name: all is well \\u{1b}[2J\\u{1b}]0;owned\\u{7}', 'a forged field name with a newline, a fake `check` line and terminal escapes: reported escaped'],
  [offer('H-60', { name: `Fjendtlig H-60 ${ALM}skjult${LSEP}linje${TAG_A}` }), 'accept', '', 'the Arabic letter mark U+061C, the line separator U+2028 and a tag character in a name (warnings)'],
];

const lines = rows.map(([record]) => (typeof record === 'string'
  ? record
  : JSON.stringify(record).replace(rawPattern, (_, text) => JSON.parse(`"${text}"`))));
writeFileSync(path.join(here, 'catalogue.jsonl'), lines.join('\n') + '\n');

const escapeCell = (s) => s.replaceAll('|', '\\|');
const table = rows.map(([record, outcome, field, what], i) => {
  const kind = typeof record === 'string' ? 'line' : record.kind === 'offer' ? 'offer' : 'family';
  return `| ${i + 1} | ${kind} | ${outcome} | ${field ? '`' + field + '`' : ''} | ${escapeCell(what)} |`;
});

const readme = `# The hostile catalogue corpus

\`catalogue.jsonl\` holds records written to attack the build and the browser (issues 9 and 19):
markup and event handlers in every text field of both record kinds, \`javascript:\` and \`data:\`
links, bidi overrides and zero-width characters (in text and in links), look-alike hosts, 100 KB
fields, deeply nested JSON, numbers at the edges of their types, repeated keys and forged field
names. Every payload that could run calls \`window.__pwned=1\`.

It is generated by \`node tests/hostile/make-catalogue.mjs\`, which writes both the corpus and the
table below; edit the script, not the files.

- \`crates/cli/tests/hostile.rs\` runs \`tilbudsfinder build\` on the corpus and asserts the table:
  an *accept* line is indexed, a *reject* line is listed in \`rejected.jsonl\` with an error on the
  named field, and \`records read = indexed + rejected\`.
- \`tests/e2e/robustness-hostile.test.mjs\` builds a site from it, searches for the accepted
  records (all named "Fjendtlig …"), opens each one's details and asserts that no payload ran, no
  injected element exists, the text shows literally and no \`javascript:\`/\`data:\` link became an
  \`href\`.

The outcomes follow \`docs/catalogue.md\`: markup in text is a **warning** (the interface shows text
as text), links other than http(s), bidi controls, over-long fields and impossible numbers are
**errors**, invisible characters are **warnings** (in a link, **errors**), a host that mixes
scripts is a **warning**, a repeated key is an **error**. The field is where the error is
reported, escaped as \`check\` prints it.

| line | kind | outcome | field | what it tests |
|---|---|---|---|---|
${table.join('\n')}
`;
writeFileSync(path.join(here, 'README.md'), readme);
console.log(`wrote ${rows.length} lines`);
