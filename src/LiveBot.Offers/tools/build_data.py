#!/usr/bin/env python3
"""Regenerates the compact embedded data of LiveBot.Offers (src/LiveBot.Offers/Data/*.tsv.gz).

Usage: python3 src/LiveBot.Offers/tools/build_data.py [SOURCE_DIR]
SOURCE_DIR holds the reference files described in docs/DATA.md (default ../shared/data).
The output is deterministic (sorted rows, gzip without timestamp): rerunning it on the same input
gives byte-identical files. Sources and licences: docs/DATA.md.
"""
import csv
import gzip
import io
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Data")

# Département names (INSEE Code officiel géographique), code -> name.
DEPARTEMENTS = {
    "01": "Ain", "02": "Aisne", "03": "Allier", "04": "Alpes-de-Haute-Provence", "05": "Hautes-Alpes",
    "06": "Alpes-Maritimes", "07": "Ardèche", "08": "Ardennes", "09": "Ariège", "10": "Aube", "11": "Aude",
    "12": "Aveyron", "13": "Bouches-du-Rhône", "14": "Calvados", "15": "Cantal", "16": "Charente",
    "17": "Charente-Maritime", "18": "Cher", "19": "Corrèze", "2A": "Corse-du-Sud", "2B": "Haute-Corse",
    "21": "Côte-d'Or", "22": "Côtes-d'Armor", "23": "Creuse", "24": "Dordogne", "25": "Doubs", "26": "Drôme",
    "27": "Eure", "28": "Eure-et-Loir", "29": "Finistère", "30": "Gard", "31": "Haute-Garonne", "32": "Gers",
    "33": "Gironde", "34": "Hérault", "35": "Ille-et-Vilaine", "36": "Indre", "37": "Indre-et-Loire",
    "38": "Isère", "39": "Jura", "40": "Landes", "41": "Loir-et-Cher", "42": "Loire", "43": "Haute-Loire",
    "44": "Loire-Atlantique", "45": "Loiret", "46": "Lot", "47": "Lot-et-Garonne", "48": "Lozère",
    "49": "Maine-et-Loire", "50": "Manche", "51": "Marne", "52": "Haute-Marne", "53": "Mayenne",
    "54": "Meurthe-et-Moselle", "55": "Meuse", "56": "Morbihan", "57": "Moselle", "58": "Nièvre", "59": "Nord",
    "60": "Oise", "61": "Orne", "62": "Pas-de-Calais", "63": "Puy-de-Dôme", "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées", "66": "Pyrénées-Orientales", "67": "Bas-Rhin", "68": "Haut-Rhin", "69": "Rhône",
    "70": "Haute-Saône", "71": "Saône-et-Loire", "72": "Sarthe", "73": "Savoie", "74": "Haute-Savoie",
    "75": "Paris", "76": "Seine-Maritime", "77": "Seine-et-Marne", "78": "Yvelines", "79": "Deux-Sèvres",
    "80": "Somme", "81": "Tarn", "82": "Tarn-et-Garonne", "83": "Var", "84": "Vaucluse", "85": "Vendée",
    "86": "Vienne", "87": "Haute-Vienne", "88": "Vosges", "89": "Yonne", "90": "Territoire de Belfort",
    "91": "Essonne", "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne", "95": "Val-d'Oise",
    "971": "Guadeloupe", "972": "Martinique", "973": "Guyane", "974": "La Réunion", "976": "Mayotte",
}


# How a sentence says "in" a region (official ones from regions-fr.csv, by INSEE code).
REGION_IN = {
    "84": "en Auvergne-Rhône-Alpes", "27": "en Bourgogne-Franche-Comté", "53": "en Bretagne",
    "24": "en Centre-Val de Loire", "94": "en Corse", "44": "dans le Grand Est", "32": "dans les Hauts-de-France",
    "11": "en Île-de-France", "28": "en Normandie", "75": "en Nouvelle-Aquitaine", "76": "en Occitanie",
    "52": "dans les Pays de la Loire", "93": "en Provence-Alpes-Côte d'Azur", "01": "en Guadeloupe",
    "02": "en Martinique", "03": "en Guyane", "04": "à La Réunion", "06": "à Mayotte",
}

# Former regions people still name: their own départements (not the whole merged region), the merged
# region's code (for APIs that take a region), the phrase. Written by hand from the 2015 regions (facts).
FORMER_REGIONS = [
    ("Alsace", "44", "en Alsace", "67 68"),
    ("Lorraine", "44", "en Lorraine", "54 55 57 88"),
    ("Champagne-Ardenne", "44", "en Champagne-Ardenne", "08 10 51 52"),
    ("Auvergne", "84", "en Auvergne", "03 15 43 63"),
    ("Rhône-Alpes", "84", "en Rhône-Alpes", "01 07 26 38 42 69 73 74"),
    ("Bourgogne", "27", "en Bourgogne", "21 58 71 89"),
    ("Franche-Comté", "27", "en Franche-Comté", "25 39 70 90"),
    ("Nord-Pas-de-Calais", "32", "dans le Nord-Pas-de-Calais", "59 62"),
    ("Picardie", "32", "en Picardie", "02 60 80"),
    ("Aquitaine", "75", "en Aquitaine", "24 33 40 47 64"),
    ("Limousin", "75", "dans le Limousin", "19 23 87"),
    ("Poitou-Charentes", "75", "en Poitou-Charentes", "16 17 79 86"),
    ("Midi-Pyrénées", "76", "en Midi-Pyrénées", "09 12 31 32 46 65 81 82"),
    ("Languedoc-Roussillon", "76", "en Languedoc-Roussillon", "11 30 34 48 66"),
]

# Other names people use for a region, beyond regions-fr.csv (facts of common use).
EXTRA_REGION_NAMES = {"93": ["Sud"], "53": ["BZH", "Breizh"], "11": ["Région parisienne"]}

# Short names people use for a place that is not the commune's own name: name -> INSEE code.
COLLOQUIAL = {
    "Roissy": "95527", "Roissy-CDG": "95527", "Roissy Charles de Gaulle": "95527", "CDG": "95527",
    "Aéroport Charles de Gaulle": "95527", "La Défense": "92062", "Sophia Antipolis": "06152",
    "Sophia": "06152", "Marne-la-Vallée": "77083", "Euralille": "59350", "Part-Dieu": "69383",
}


WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]+")


def fold(text):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def accent_vocabulary(labels):
    """Folded word -> its accented lowercase spelling, as the referential writes it inside labels."""
    seen = {}
    for label in labels:
        for word in WORD.findall(label):
            if word[0].islower() and fold(word) != word:
                seen.setdefault(fold(word), {}).setdefault(word, 0)
                seen[fold(word)][word] += 1
    return {k: max(v.items(), key=lambda kv: (kv[1], kv[0]))[0] for k, v in seen.items()}


def restore_accents(label, vocabulary):
    """The referential writes capitals without accents ("Electricien", "Ebéniste"): put them back."""
    def fix(match):
        word = match.group(0)
        if not word[0].isupper() or word[0] not in "EAIOU" or (len(word) > 1 and word[1].isupper()):
            return word
        known = vocabulary.get(fold(word))
        if known is not None and known[0] != word[0].lower() and fold(known[0]) == fold(word[0]):
            return known[0].upper() + word[1:]
        # A French word starting with E, one consonant, then a vowel is written É (Éducateur, Élagueur, Émailleur).
        if re.match(r"E([bcdfgjlmnpqrtvz][aeiouyéèêu]|[bcdfgptv][rl]|ch)", word) and word not in ("Event", "Eleven"):
            return "É" + word[1:]
        return word
    return WORD.sub(fix, label)


def genders(label):
    """ "Agent / Agente de sécurité" -> ("Agent de sécurité", "Agente de sécurité")."""
    if " / " not in label:
        return label, label
    masculine, feminine = label.split(" / ", 1)
    if " / " in feminine:  # "Employé / Employée polyvalent / polyvalente": keep the first split only
        feminine = feminine.replace(" / ", " ")
    n = len(masculine.split(" "))
    words = feminine.split(" ")
    rest = " ".join(words[n:])
    return (masculine + (" " + rest if rest else "")).strip(), shorter_feminine(masculine.strip(), feminine.strip())


def shorter_feminine(masculine, feminine):
    """ "Responsable Commercial" / "Commerciale" -> "Responsable Commerciale" (the same rule as JobLabel.Genders)."""
    m, f = masculine.split(" "), feminine.split(" ")
    if len(f) >= len(m):
        return feminine
    best, at = 3, -1
    for i, word in enumerate(m):
        if word.lower() == f[0].lower():
            continue
        common = len(os.path.commonprefix([fold(word), fold(f[0])]))
        if common > best:
            best, at = common, i
    if at <= 0:
        return feminine
    first = f[0][0].upper() + f[0][1:] if m[at][0].isupper() else f[0][0].lower() + f[0][1:]
    return " ".join(m[:at] + [first] + f[1:])


def write(name, rows):
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        for row in rows:
            gz.write(("\t".join(row) + "\n").encode("utf-8"))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(buffer.getvalue())
    print(f"{name}: {len(rows)} rows, {len(buffer.getvalue())} bytes")


def clean(text):
    return re.sub(r"\s+", " ", text.replace("\t", " ")).strip()


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "shared", "data")
    os.makedirs(OUT, exist_ok=True)

    # communes: insee, name, type (c/a), département, postal codes, population, lat, lon
    communes = []
    with gzip.open(os.path.join(src, "communes-fr.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            if not r["latitude"] or not r["longitude"]:
                continue
            kind = "a" if r["type"] == "arrondissement" else "c"
            communes.append([r["insee"], clean(r["nom"]), kind, r["departement"], r["codes_postaux"],
                             r["population"] or "0", r["latitude"], r["longitude"]])
    communes.sort(key=lambda r: r[0])
    write("communes.tsv.gz", communes)

    write("departements.tsv.gz", [[code, name] for code, name in sorted(DEPARTEMENTS.items())])

    # regions: code, name, phrase, names people use (|), départements (space), merged region code
    regions = []
    with open(os.path.join(src, "regions-fr.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            names = [n for n in r["noms_courants"].split("|") if n]
            former = {n for n, _, _, _ in FORMER_REGIONS}
            names = [n for n in names if n not in former]
            names += EXTRA_REGION_NAMES.get(r["code"], [])
            regions.append([r["code"], r["nom"], REGION_IN[r["code"]], "|".join(names), r["departements"], r["code"]])
    for name, parent, phrase, deps in FORMER_REGIONS:
        regions.append(["x" + name, name, phrase, "", deps, parent])
    write("regions.tsv.gz", regions)
    write("colloquial.tsv.gz", [[name, insee] for name, insee in sorted(COLLOQUIAL.items())])

    # ROME: code, parent code, label
    rome = []
    with open(os.path.join(src, "rome-v460.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rome.append([r["code_rome"], r["code_rome_parent"] or r["code_rome"], clean(r["libelle_rome"])])
    rome.sort(key=lambda r: r[0])
    known = {r[0] for r in rome}

    # ROME appellations: main code, masculine title, feminine title (capitals' accents restored).
    with gzip.open(os.path.join(src, "rome-appellations-v460.csv.gz"), "rt", encoding="utf-8") as f:
        appellations = [r for r in csv.DictReader(f) if r["peu_usite"] != "O" and r["code_rome_parent"] in known]
    vocabulary = accent_vocabulary([r[2] for r in rome] + [r["libelle_appellation_long"] for r in appellations])
    for r in rome:
        r[2] = restore_accents(r[2], vocabulary)
    write("rome.tsv.gz", rome)
    titles = set()
    for r in appellations:
        masculine, feminine = genders(restore_accents(clean(r["libelle_appellation_long"]), vocabulary))
        titles.add((r["code_rome_parent"], masculine, feminine if feminine != masculine else ""))
    write("appellations.tsv.gz", [list(t) for t in sorted(titles)])

    # diplomas: type, name, acronyms, speciality words, level, main ROME codes (tools/diplomas.tsv, checked here)
    main_codes = {r[0] for r in rome if r[0] == r[1]}
    diplomas = []
    with open(os.path.join(HERE, "diplomas.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, name, acronyms, words, level, codes = line.rstrip("\n").split("\t")
            bad = [c for c in codes.split(",") if c not in main_codes]
            if bad or not 3 <= int(level) <= 7:
                raise SystemExit(f"diplomas.tsv: {kind} {name}: unknown main ROME code(s) {bad} or level {level}")
            diplomas.append([kind, name, acronyms, words, level, codes])
    with open(os.path.join(src, "lba-diplomes.json"), encoding="utf-8") as f:
        for d in json.load(f):
            title = fold(d["title"])
            if not any(title == fold(row[0] + " " + name) for row in diplomas for name in [row[1]] + row[2].split("|")):
                print(f"warning: La bonne alternance diploma {d['title']} is not in diplomas.tsv")
    write("diplomas.tsv.gz", diplomas)

    # Keyword groups: label, codes (the LBA sub-domains, then the older LBA keyword groups)
    groups = {}
    with open(os.path.join(src, "rome-sous-domaines.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter=";"):
            label = clean(r["sousDomaine"])
            if label and r["code"] in known:
                groups.setdefault(label, set()).add(r["code"])
    with open(os.path.join(src, "metiers-lba.txt"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"(.*?)\s*\[(.*)\]\s*$", line.strip())
            if not m:
                continue
            label = clean(m.group(1))
            codes = {c for c in m.group(2).split(",") if c in known}
            if label and codes:
                groups.setdefault(label, set()).update(codes)
    write("groups.tsv.gz", [[label, ",".join(sorted(codes))] for label, codes in sorted(groups.items())])


if __name__ == "__main__":
    main()
