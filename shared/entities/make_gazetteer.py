#!/usr/bin/env python3
"""Generates Veille's entity lists (shared/entities/generated/) from open data.

    python3 shared/entities/make_gazetteer.py [DATA_DIR] [--dict /usr/share/dict/french]

DATA_DIR is the folder of open data gathered for this (default: ../shared/data/entities beside
the repository; its SOURCES.md says where each file comes from, its licence and its date).
It also reads the hand-written lists (shared/entities/gazetteer.tsv, shared/entities/lists/,
shared/entities/sources/villes_exonymes.tsv): an entity or a form they already have is not
generated again, so the hand lists win. The French word list of Debian's `wfrench` package
(GPL-2+; only read, to flag names that are also common words, never copied) tells which names
need a cue in the text. Re-running on the same inputs writes the same bytes.

Writes: pays.tsv, lieux.tsv, personnes.tsv, organisations.tsv (gazetteer format: name, type,
forms, flags) and prenoms.txt (first names, one a line). Flags (4th column):
  indice       the name is also a word or a first name, or the place is small: it counts where
               the text supports it (a place cue, or not at a sentence start)
  indice-fort  a small commune: only "la commune de X", "X (Gironde)" and the like
  prénom       also a first name: not when a capitalised word follows ("Nancy Pelosi")
  mot          also a French word: with 'indice', a capital mid-sentence is not enough
Only the Python 3 standard library is needed.
"""
import argparse
import csv
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'generated')

# Communes: below this population a name needs a place cue; below the second, a strong one.
BIG_CITY = 100_000
TOWN = 20_000
SMALL = 3_000
MIN_POPULATION = 300  # smaller communes are left out: their names are mostly other things
# World cities: those with a French name, the capitals and the very big ones need no cue.
WORLD_NO_CUE = 1_000_000
WORLD_MIN = 150_000

# Words that do not make a name a common word: articles and the particles of place names.
PARTICLES = {'le', 'la', 'les', 'l', 'de', 'du', 'des', 'd', 'en', 'sur', 'sous', 'et', 'saint', 'sainte',
             'les', 'lez', 'aux', 'au', 'a'}

# Old régions (before 2016) that the press still names, and usual short names. Hand-written.
OLD_REGIONS = ['Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Champagne-Ardenne',
               'Franche-Comté', 'Haute-Normandie', 'Languedoc-Roussillon', 'Limousin', 'Lorraine',
               'Midi-Pyrénées', 'Nord-Pas-de-Calais', 'Picardie', 'Poitou-Charentes', 'Rhône-Alpes',
               'Languedoc', 'Roussillon', 'Provence', 'Côte d’Azur', 'Savoie', 'Pays basque', 'Périgord',
               'Camargue', 'Beauce', 'Sologne', 'Vendée', 'Cévennes',
               # continents and world regions the press names
               'Amérique', 'Amérique du Nord', 'Amérique du Sud', 'Amérique centrale', 'Océanie',
               'Antarctique', 'Arctique', 'Scandinavie', 'Balkans', 'Caucase', 'Levant', 'Caraïbes',
               'Asie centrale', 'Asie du Sud-Est', 'Europe de l’Est', 'Europe centrale', 'Kurdistan',
               'Cachemire', 'Tibet', 'Sibérie', 'Patagonie', 'Amazonie', 'Golfe persique']
REGION_ALIASES = {'Provence-Alpes-Côte d’Azur': ['PACA', 'Provence-Alpes-Côte d’Azur'],
                  'Île-de-France': ['Île-de-France', 'Ile-de-France'],
                  'Auvergne-Rhône-Alpes': ['Auvergne-Rhône-Alpes', 'AURA']}


def fold(s):
    s = unicodedata.normalize('NFKD', s.replace('’', "'").replace('œ', 'oe').replace('Œ', 'OE')
                              .replace('æ', 'ae').replace('Æ', 'AE'))
    s = ''.join(c for c in s if not unicodedata.combining(c)).casefold()
    return ' '.join(''.join(c if c.isalnum() else ' ' for c in s).split())


def words(name):
    return fold(name).split()


def read_tsv(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))


def read_gazetteer(path):
    """(name, type, [forms]) of a hand-written list."""
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            cols = line.split('\t')
            if len(cols) >= 3:
                out.append((cols[0].strip(), cols[1].strip(), [x.strip() for x in cols[2].split('|') if x.strip()]))
    return out


class Gazetteer:
    """Generated entities, each form owned by one entity: the hand lists first, then by order."""

    def __init__(self):
        self.owner = {}  # folded form -> canonical folded key
        self.entities = {}  # file -> list of [name, type, forms, flags]
        self.keys = set()

    def claim_hand(self, name, forms):
        key = fold(name)
        self.keys.add(key)
        for f in [name] + forms:
            self.owner.setdefault(fold(f.rstrip('-')), key)

    def add(self, file, name, type_, forms, flags=()):
        key = fold(name)
        if not key or key in self.keys or self.owner.get(key, key) != key:
            return False
        kept = []
        for f in [name] + list(forms):
            k = fold(f)
            if not k or f in kept or self.owner.get(k, key) != key:
                continue
            self.owner[k] = key
            kept.append(f)
        self.keys.add(key)
        self.entities.setdefault(file, []).append([name, type_, kept, sorted(set(flags))])
        return True

    def write(self, file, header):
        with open(os.path.join(OUT, file), 'w', encoding='utf-8', newline='\n') as out:
            out.write(header)
            for name, type_, forms, flags in self.entities.get(file, []):
                line = '%s\t%s\t%s' % (name, type_, '|'.join(forms))
                if flags:
                    line += '\t' + ','.join(flags)
                out.write(line + '\n')


def header(what, sources):
    return ('# Veille : %s — GÉNÉRÉ par shared/entities/make_gazetteer.py, ne pas modifier à la main.\n'
            '# Sources, licences et dates : shared/entities/generated/SOURCES.md. %s\n'
            '# nom canonique\ttype\tformes\tindices (indice, indice-fort, prénom)\n' % (what, sources))


def plural(w):
    return w if w.endswith(('s', 'x')) else w + 's'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('data', nargs='?', default=os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'entities'))
    ap.add_argument('--dict', default='/usr/share/dict/french')
    a = ap.parse_args()
    data = a.data
    if not os.path.exists(a.dict):
        sys.exit('make_gazetteer: %s missing (apt-get install wfrench)' % a.dict)
    common = set()
    with open(a.dict, encoding='utf-8', errors='replace') as f:
        for w in f:
            w = w.strip()
            if w and w[0].islower():
                common.add(fold(w))
    first_names = {}
    for r in read_tsv(os.path.join(data, 'prenoms.tsv')):
        first_names[fold(r['prenom'])] = r['prenom'] if fold(r['prenom']) not in first_names else first_names[fold(r['prenom'])]

    def is_common(name):
        ws = [w for w in words(name) if w not in PARTICLES]
        return bool(ws) and all(w in common for w in ws)

    def is_first_name(name):
        return fold(name) in first_names

    g = Gazetteer()
    hand = [os.path.join(HERE, 'gazetteer.tsv')] + sorted(
        os.path.join(HERE, 'lists', f) for f in os.listdir(os.path.join(HERE, 'lists')) if f.endswith('.tsv'))
    for path in hand:
        for name, _type, forms in read_gazetteer(path):
            g.claim_hand(name, forms)

    # --- countries -------------------------------------------------------------------------
    for r in read_tsv(os.path.join(data, 'pays.tsv')):
        names = [r['nom_fr']] + [x for x in r['autres_noms_fr'].split('|') if x]
        names = [n for n in names if n and '(' not in n and '.' not in n]
        if not names:
            continue
        forms = list(names)
        if r['nom_officiel_fr'] and '.' not in r['nom_officiel_fr']:
            forms.append(r['nom_officiel_fr'])
        for d in (r['gentile_m'], r['gentile_f']):
            if d and ' ' not in d:
                d = d.lower()
                forms += [d, plural(d)]
        flags = ['prénom', 'indice'] if is_first_name(names[0]) else []
        if is_common(names[0]):
            flags.append('indice')
        g.add('pays.tsv', names[0], 'pays', forms, flags)

    # --- régions, départements (before communes: Vienne, Nord are first of all départements) --
    for r in read_tsv(os.path.join(data, 'regions.tsv')):
        if r['zone'] == 'com':
            continue
        name = r['nom'].replace("'", '’')
        forms = REGION_ALIASES.get(name, [name])
        g.add('lieux.tsv', name, 'région', forms, ['indice'] if is_common(name) else [])
    for name in OLD_REGIONS:
        g.add('lieux.tsv', name, 'région', [name], ['indice'] if is_common(name) else [])
    for r in read_tsv(os.path.join(data, 'departements.tsv')):
        if r['zone'] == 'com' and r['dep_code'] not in ('975', '977', '978', '986', '987', '988'):
            continue
        name = r['nom'].replace("'", '’')
        flags = []
        if is_common(name):
            flags += ['indice', 'mot']
        if is_first_name(name):
            flags += ['indice', 'prénom']
        g.add('lieux.tsv', name, 'département', [name], flags)

    # --- communes, biggest first, so a name shared by several is the biggest one's --------
    communes = {}
    for r in read_tsv(os.path.join(data, 'communes.tsv')):
        if r['type'] != 'commune-actuelle' or not r['population']:
            continue
        pop = int(r['population'])
        k = fold(r['nom'])
        if k not in communes or communes[k][1] < pop:
            communes[k] = (r['nom'], pop)
    world = []
    exonyms = {}
    ex_path = os.path.join(HERE, 'sources', 'villes_exonymes.tsv')
    if os.path.exists(ex_path):
        with open(ex_path, encoding='utf-8') as f:
            for line in f:
                if line.startswith('#') or not line.strip():
                    continue
                cols = line.rstrip('\n').split('\t')
                if len(cols) >= 3:
                    others = [x.strip() for x in cols[3].split('|') if x.strip()] if len(cols) > 3 else []
                    exonyms[(cols[2].strip(), cols[1].strip())] = (cols[0].strip(), others)
    for r in read_tsv(os.path.join(data, 'villes_monde.tsv')):
        if r['pays_iso2'] == 'FR' or r['feature_code'] == 'PPLX':
            continue
        pop = int(r['population'] or 0)
        french, others = exonyms.get((r['nom'], r['pays_iso2']), (r['nom_fr_cldr'].split(' (')[0], []))
        capital = r['capitale'] == 'oui'
        if not french and pop < WORLD_MIN and not capital:
            continue
        world.append((r['nom'], french, others, pop, capital))

    places = [('commune', n, p) for n, p in communes.values() if p >= MIN_POPULATION]
    places += [('monde', w, w[3] // 20) for w in world]  # a French commune 20x smaller still wins
    places.sort(key=lambda x: -x[2])
    for kind, item, _prom in places:
        if kind == 'commune':
            name, pop = item, _prom
            single = len([w for w in words(name) if w not in PARTICLES]) <= 1
            common_word, first = is_common(name), is_first_name(name)
            flags = ['prénom'] if first else []
            if common_word and pop < BIG_CITY:
                flags.append('mot')  # "l'Union", "le Commerce": a capital mid-sentence is not enough
            if pop >= BIG_CITY:
                pass
            elif pop >= TOWN:
                if common_word or first:
                    flags.append('indice')
            elif pop >= SMALL:
                flags.append('indice')  # "à Vitré", "Moulins (Allier)": a town's cue is enough
            else:
                flags.append('indice-fort' if single or common_word else 'indice')
            g.add('lieux.tsv', name, 'ville', [name], flags)
        else:
            geo, french, others, pop, capital = item
            name = french or geo
            if not name or any(c in name for c in '‘’ʼ`') and not french:
                continue
            forms = [name] + others + ([geo] if french and geo != french else [])
            flags = []
            if is_common(name) or is_first_name(name):
                flags.append('indice')
            elif not (french or capital or pop >= WORLD_NO_CUE):
                flags.append('indice')
            if is_first_name(name):
                flags.append('prénom')
            g.add('lieux.tsv', name, 'ville', forms, flags)

    # --- people: members of government, deputies, senators ---------------------------------
    people = []
    for r in read_tsv(os.path.join(data, 'membres_gouvernement.tsv')):
        people.append((r['nom_complet'], r['prenom'], r['nom_famille']))
    for r in read_tsv(os.path.join(data, 'deputes.tsv')):
        people.append((r['nom_complet'], r['prenom'], r['nom_famille']))
    for r in read_tsv(os.path.join(data, 'senateurs.tsv')):
        people.append((r['nom_complet'], r['prenom'], r['nom_famille']))
    for full, first, last in people:
        if len(words(full)) < 2:
            continue
        forms = [full]
        alt = '%s %s' % (first, last)
        if first and last and fold(alt) != fold(full):
            forms.append(alt)
        g.add('personnes.tsv', full, 'personne', forms)

    # --- parties: the names the Assemblée nationale records (acronyms: lists/partis.tsv) ---
    for r in read_tsv(os.path.join(data, 'partis_groupes.tsv')):
        if r['type_an'] != 'PARPOL' or r['libelle'].startswith('Non '):
            continue
        name = r['libelle']
        # "Union pour un Mouvement Populaire": the press writes the words after the first in
        # lower case; the matcher ignores case but for the first word.
        g.add('organisations.tsv', name, 'parti', [name])

    os.makedirs(OUT, exist_ok=True)
    g.write('pays.tsv', header('pays, noms et gentilés', 'Données : ODbL-1.0 (world-countries), MIT (i18n-iso-countries), Unicode-3.0 (CLDR).'))
    g.write('lieux.tsv', header('régions, départements, communes, villes du monde',
                                'Données : Licence Ouverte (INSEE COG 2026 via etalab), CC BY 4.0 (GeoNames), Unicode-3.0 (CLDR).'))
    g.write('personnes.tsv', header('députés 2007-2024, sénateurs, membres du gouvernement',
                                    'Données : ODbL-1.0 (NosDéputés.fr / NosSénateurs.fr par Regards Citoyens), Licence Ouverte (Assemblée nationale).'))
    g.write('organisations.tsv', header('partis politiques (Assemblée nationale)', 'Données : Licence Ouverte (Assemblée nationale).'))
    with open(os.path.join(OUT, 'prenoms.txt'), 'w', encoding='utf-8', newline='\n') as out:
        out.write('# Veille : prénoms (INSEE, Fichier des prénoms 1900-2021, total >= 500) — GÉNÉRÉ par make_gazetteer.py.\n'
                  '# Licence Ouverte (Source : Insee, Fichier des prénoms). Un prénom par ligne.\n')
        for k in sorted(first_names):
            out.write(first_names[k] + '\n')
    for f in ('pays.tsv', 'lieux.tsv', 'personnes.tsv', 'organisations.tsv'):
        print('%-18s %6d entities' % (f, len(g.entities.get(f, []))), file=sys.stderr)


if __name__ == '__main__':
    main()
